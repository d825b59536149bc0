r"""A function the notes define by a head in names, evaluated at numbers.

Notes define a cost or loss by its arguments, ``J(w) = w^2`` or
``L(y, \hat{y}) = \frac{1}{2}(y - \hat{y})^2``, and then evaluate it at a
worked example's numbers: ``J(3) = 3^2 = 9``, ``L(1.5, 0.56) = 0.44``. The
reader keeps ``J(w)`` as the name J (its derivatives ``∂J/∂w`` are of that
name); this module also keeps the head's arguments, so that ``J(3)`` is read
as the body at 3 (``primes.Function``, as ``f(3)`` is for f, g, h).

Only calls whose arguments are all numbers are read so (``S(1 - S)`` stays a
product the reader refuses, as before): a call of a name the notes define
with other arguments, or not as a function, stays an unknown function, whose
links are not checked (``undefined_links.py``).
"""
from __future__ import annotations

import re

import sympy as sp

from .latex_errors import LatexError
from .primed_calls import SUBSCRIPTED_HEAD
from .primes import Function, function_definition

#: ``J(w)``, ``\operatorname{MSE}(w, b)``, ``\mathcal{L}(y, \hat{y})``: a name, then its arguments in brackets.
_HEAD = re.compile(r"\s*(?:\\[A-Za-z]+\s*\{\s*[A-Za-z]+[0-9]*\s*\}|\\?[A-Za-z]+|" + SUBSCRIPTED_HEAD + r")\s*\((?P<args>.*)\)\s*",
                   re.S)  # g_1(x) too, for g_1'(x) (primed_calls.py)


def at_numbers(name: str, args) -> sp.Expr | None:
    """``name(args)`` as a call to be read against the notes' definitions,
    when every argument is a number; None otherwise."""
    if not args or not all(isinstance(a, sp.Expr) and not a.free_symbols for a in args):
        return None
    return sp.Function(name)(*args)


def _arguments(text: str) -> list[str]:
    """The arguments written between the head's brackets, split at the commas outside any bracket."""
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch == "," and depth == 0 and text[k - 1:k] != "\\":
            parts.append(text[start:k])
            start = k + 1
    return parts + [text[start:]]


def function_of_names(head: sp.Expr, head_text: str, body: sp.Expr, mapping: dict) -> Function | None:
    """``J(w) = w^2`` (the head read as the name J): the function J of w, when
    the arguments are distinct names the body uses (as ``primes.function_definition``
    asks of ``f(x) = …``); None for any other row. ``mapping`` renames the
    arguments as the row's names were renamed (ω read as w)."""
    from .latex import parse_statement  # here: latex_tree, which latex imports, imports at_numbers

    match = _HEAD.fullmatch(head_text)
    if not isinstance(head, sp.Symbol) or match is None:
        return None
    params = []
    for text in _arguments(match.group("args")):
        try:
            pieces = parse_statement(text).pieces
        except LatexError:
            return None
        if len(pieces) != 1 or len(pieces[0].exprs) != 1:
            return None
        params.append(pieces[0].exprs[0].value.xreplace(mapping))
    return function_definition(sp.Function(head.name)(*params), body)


def learn_function(functions: dict[str, Function], head: sp.Symbol, head_text: str, value: sp.Expr,
                   mapping: dict) -> None:
    """After the definition ``head_text = value`` of the name ``head``: ``J(w) = w^2``
    also defines the function J in ``functions`` (for ``J(3)``); J defined
    again as a name (``J = …``, not a worked example's number) is not that function any more."""
    function = function_of_names(head, head_text, value, mapping)
    if function is not None:
        functions[function.name] = function
    elif not value.is_number:
        functions.pop(head.name, None)
