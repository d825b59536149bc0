"""Cheap upper bounds on the size of an expression, read from its tree.

SymPy evaluates as it builds: ``(10**300*x)**1000`` becomes a number of
300,000 digits times ``x**1000``, and one more ``**1000`` never finishes.
Expanding a power of a sum (``Poly``, ``cancel``, ``expand``) costs terms
exponential in its degree. These bounds walk the tree once (linear in its
size, never expanding) so that the reader can refuse, and the code that
expands can decline, before the work starts.
"""
from __future__ import annotations

import math
from typing import Iterable

import sympy as sp


def digits(expr: sp.Basic) -> float:
    """The most decimal digits of any numerator or denominator in ``expr``."""
    most = 0.0
    for atom in sp.preorder_traversal(expr):
        if isinstance(atom, sp.Rational):
            most = max(most, _digits(atom.p), _digits(atom.q))
    return most


def _digits(n: int) -> float:
    return math.log10(abs(n)) if n else 0.0


def exponent_product(expr: sp.Basic, _seen: dict | None = None) -> float:
    """The largest product of numeric exponents along a path from the root
    to a symbol: ``(x**10 + y)**3`` gives 30. Powering an expression by n
    multiplies it by n; this is the bound on nested powers."""
    seen = {} if _seen is None else _seen
    if expr in seen:
        return seen[expr]
    if not expr.args:
        value = 1.0 if expr.free_symbols else 0.0
    elif isinstance(expr, sp.Pow) and expr.exp.is_Number:
        value = exponent_product(expr.base, seen) * abs(float(expr.exp))
    else:
        value = max(exponent_product(a, seen) for a in expr.args)
    seen[expr] = value
    return value


def degree_bound(expr: sp.Basic, symbols: Iterable[sp.Symbol]) -> float:
    """An upper bound of ``expr``'s total degree as a polynomial in
    ``symbols`` (``inf`` when it is not one), without expanding anything:
    ``(y - (w*x + b))**1000`` gives 1000 in (w, b) at once."""
    wanted = set(symbols)
    seen: dict = {}

    def bound(e: sp.Basic) -> float:
        if e in seen:
            return seen[e]
        if not e.args:
            value = 1.0 if e in wanted else 0.0
        elif isinstance(e, sp.Add):
            value = max(bound(a) for a in e.args)
        elif isinstance(e, sp.Mul):
            value = sum(bound(a) for a in e.args)
        elif isinstance(e, sp.Pow) and e.exp.is_Integer and e.exp >= 0:
            value = bound(e.base) * int(e.exp)
        else:  # a function, a root, a symbolic power: constant, or not a polynomial
            value = 0.0 if all(bound(a) == 0 for a in e.args) else math.inf
        seen[e] = value
        return value

    return bound(expr)
