r"""``y'`` as a name of its own: the prediction, a second value of y.

Notes write a primed letter for a derivative (``f'(x)``, ``y' = 2x`` after
``y = x^2``) and just as often for a quantity: ``y'`` the predicted output,
given as ``y' = 0.6`` and differentiated by (``\frac{\partial L}{\partial y'}``).
A prime on a bare name is read as a derivative nowhere (by which variable is
not said: such a row is skipped, see chains.py), and as a name of its own, for
the whole notes, when the notes use it as a variable:

* it is a variable of a derivative (``\partial y'`` in a denominator), or
* a row gives it a value (``y' = 0.6``) or defines it (``y' = \sigma(z)``)
  and another row uses it, while the notes never define y by a formula (after
  ``y = x^2`` or ``y(x) = x^2``, ``y' = 2x`` is y's derivative, not a name;
  ``e' = 2t`` used nowhere else may be a derivative too, and stays skipped).

Then ``y'(1 - y')`` is the product of y' and 1 - y', as the reader takes it;
but a y' the notes write before a bracket of one number or name (``y'(3)``,
``y'(x)``) is applied there, a derivative at a point: not a name.
A ``w'`` defined from w (an update, ``w' = w - η g``) is handled in primes.py.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef


#: a prime before a bracket holding one number or one name: ``y'(3)``, ``y'(x_1)``
_AT_ONE_VALUE = re.compile(r"'\s*\(\s*(?:[-+]?\d+(?:\.\d+)?|\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*\)")


def _primed(expr: sp.Expr) -> set[sp.Symbol]:
    return {s for s in expr.free_symbols if s.name.endswith("'")}


def primed_names(statements) -> frozenset[str]:
    """The primed names (``y'``) that ``statements`` (parsed rows) use as
    variables of their own, by the rules above."""
    variables: set[str] = set()
    given: set[str] = set()  # y' = value
    formula_defined: set[str] = set()  # y = formula: then y' may be its derivative
    rows: dict[str, int] = {}  # y' → how many rows use it
    applied: set[str] = set()  # y' written before a bracket of one number or name: y'(3), y'(x)
    for st in statements:
        for piece in st.pieces:
            values = [e.value for e in piece.exprs]
            for name in {s.name for v in values for s in _primed(v)}:
                rows[name] = rows.get(name, 0) + 1
            for e in piece.exprs:
                if _AT_ONE_VALUE.search(e.text):  # y'(3): y' applied, not a factor
                    applied |= {s.name for s in _primed(e.value)}
            for v in values:
                for d in v.atoms(sp.Derivative):
                    variables |= {s.name for s, _ in d.variable_count if isinstance(s, sp.Symbol)
                                  and s.name.endswith("'")}
            if piece.continues or len(values) < 2 or piece.relations[:1] != ("=",):
                continue
            head, value = values[0], values[1]
            if isinstance(head, AppliedUndef):  # J(w) = (w - 2)^2: J' = 0 is its derivative
                formula_defined.add(head.func.__name__)
            if not isinstance(head, sp.Symbol):
                continue
            if not head.name.endswith("'"):
                if not value.is_number:
                    formula_defined.add(head.name)
            elif not (value.has(sp.Derivative) or _primed(value)
                      or head.name.rstrip("'") in {s.name for s in value.free_symbols}):
                given.add(head.name)  # y' = 0.6, y' = σ(z); not w' = w - η g (an update)
    names = variables | {name for name in given if name.rstrip("'") not in formula_defined and rows[name] > 1}
    return frozenset(names - applied)
