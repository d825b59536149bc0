r"""A prime on a function named with a subscript: ``g_1(x) = x^3``, then ``g_1'(x) = 3x^2``.

Notes that compose functions number them: ``g_1``, ``g_2``, ``f_k``. A prime on
such a name was read as a name ``g_1'`` times x, and the step was skipped ("a
prime on g_1, a name rather than a function"). Here:

* the grammar (``grammar.py``, FNAME) reads ``g_1'(x)``, ``f_{2}''(t)`` as calls of
  the derivative, as it reads ``f'(x)``: only the letters f, g, h (and capitals)
  with a one-character subscript, a prime, then a bracket;
* a row ``g_1(x) = body`` with such a head and distinct names as its arguments
  also defines the function g_1 (``function_values.py``, as ``J(w) = w^2`` defines J),
  so that ``g_1'(a)`` is the derivative of the body at a; the bare name g_1 keeps
  its meaning (``\frac{d g_1}{dx}``).

A prime at anything else (``g_3'(g_2(g_1(x)))``, whose inner calls are read as names,
or ``g_3'(u_2)``, a value named elsewhere) is skipped with that reason.

Left as they were: other letters (``a_1'(z)``, ``y_i'(x)``: primed names whose
variable is not said), ``h_1(1 - h_1)`` (a product), a head whose arguments are
not names.
"""
from __future__ import annotations

import re

from sympy.core.function import AppliedUndef

#: A head ``g_1(`` of a definition row, for ``function_values._HEAD``.
SUBSCRIPTED_HEAD = r"[fghFGH]\s*_\s*(?:\{\s*[A-Za-z0-9]\s*\}|[A-Za-z0-9])"


_SUBSCRIPTED_NAME = re.compile(r"[fghFGH]_[A-Za-z0-9]")


def unread_primed_calls(values, functions: dict) -> str:
    """Why a row's prime on a subscripted function is not read, or "": ``g_3'(g_2(g_1(x)))``
    (the inner calls are read as names and products) or ``g_3'(u_2)`` (a value the notes name,
    which may stand for g_2(u_1) or for a number) are not judged; only a prime at the
    function's own variables (``g_1'(x)`` after ``g_1(x) = …``) or at numbers (``g_1'(2)``) is."""
    for value in values:
        for call in sorted(value.atoms(AppliedUndef), key=str):
            name = call.func.__name__
            base = name.rstrip("'")
            if base == name or not _SUBSCRIPTED_NAME.fullmatch(base) or base not in functions:
                continue
            params = getattr(functions[base], "params", ())
            if len(params) != len(call.args) or not all(a.is_number or a == p for a, p in zip(call.args, params)):
                return (f"{base}' at something other than its own variable or a number (a value the notes name, or "
                        "a call inside a call, which is read as a name): which value is meant is not settled; not checked")
    return ""
