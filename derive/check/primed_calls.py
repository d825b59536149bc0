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

Left as they were: other letters (``a_1'(z)``, ``y_i'(x)``: primed names whose
variable is not said), ``h_1(1 - h_1)`` (a product), a head whose arguments are
not names.
"""
from __future__ import annotations

#: A head ``g_1(`` of a definition row, for ``function_values._HEAD``.
SUBSCRIPTED_HEAD = r"[fghFGH]\s*_\s*(?:\{\s*[A-Za-z0-9]\s*\}|[A-Za-z0-9])"
