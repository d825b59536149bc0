"""Equality at test points: the points (a first one easy to check by hand,
then seeded random ones; each negated where a side branches), the exact or
30-digit value of a side at a point, and a counterexample as plain data."""
from __future__ import annotations

import random

import sympy as sp

from ..symbols import numeric_form, sort_key, symbol


#: The first test point gives these values in turn to w, b, x, y, …: small,
#: distinct, and easy to check by hand (the lecture's wrong step: 21 vs 7).
FIRST_POINT = (2, 1, 3, 0, 5, -1, 4, -2, 6, 7, -3, 8)
POINTS = 14
#: The number every sum's upper limit n takes in numeric tests.
SUM_LENGTH = 3
TOLERANCE = sp.Float("1e-20", 30)


def _concrete(*exprs: sp.Expr) -> list[sp.Expr]:
    """Sums written out with n = SUM_LENGTH terms; the upper limits of every
    sum in any of ``exprs`` take that value in all of them, so that
    ``Σ_{i=1}^{n} b = n b`` gives n the same value on both sides."""
    limits = {s for e in exprs for s_ in e.atoms(sp.Sum, sp.Product) for lim in s_.limits for s in lim[2].free_symbols}
    if not limits:
        return list(exprs)
    return [e.xreplace({n: sp.Integer(SUM_LENGTH) for n in limits}).doit() for e in exprs]


def _point_variables(exprs) -> list:
    atoms = set()
    for e in exprs:
        atoms |= e.atoms(sp.Indexed)
        atoms |= {s for s in e.free_symbols if isinstance(s, sp.Symbol)}
    labels = {i.base.label for i in atoms if isinstance(i, sp.Indexed)}
    atoms -= labels

    def key(v):
        name = str(v)
        group = 0 if name.startswith(("w", "theta")) else 1 if name.startswith("b") else 2
        return (group, sort_key(symbol(name.replace("[", "_").replace("]", ""))))

    return sorted(atoms, key=key)


def _points(variables: list):
    yield {v: sp.Integer(FIRST_POINT[k % len(FIRST_POINT)]) for k, v in enumerate(variables)}
    rng = random.Random(20240515)
    for k in range(POINTS - 1):
        if k % 3 == 2:  # inside (0, 1): probabilities, sigmoid outputs
            yield {v: sp.Rational(rng.randint(1, 6), 7) for v in variables}
        elif k % 3 == 1:  # positive: logarithms, square roots
            yield {v: sp.Integer(rng.randint(1, 6)) for v in variables}
        else:
            yield {v: sp.Integer(rng.randint(-4, 5)) for v in variables}


_BRANCHING = (sp.Piecewise, sp.Abs, sp.sign, sp.Heaviside, sp.Max, sp.Min)


def _points_for(left: sp.Expr, right: sp.Expr, variables: list):
    """The test points; for sides that branch (piecewise, |x|, max), each
    point and its negation, so that every branch is met."""
    branching = any(e.has(*_BRANCHING) for e in (left, right))
    for point in _points(variables):
        yield point
        if branching:
            yield {v: -value for v, value in point.items()}


def value_at(expr: sp.Expr, point: dict):
    """Exact value (Rational) or 30-digit Float, or None where undefined."""
    v = expr.xreplace(point)
    if v.is_Rational:
        return v
    if v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return None
    v = numeric_form(v).evalf(30)
    if not v.is_number or v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return None
    real, imag = v.as_real_imag()
    if abs(imag) > TOLERANCE:
        return None
    return real


def numeric_difference(left: sp.Expr, right: sp.Expr, domain: tuple = ()):
    """(equal points, first differing point with both values or None);
    ``domain`` (("x", 1), …) keeps x positive (-1: negative) at every point."""
    left, right = _concrete(left, right)
    variables = _point_variables([left, right])
    signs = {v: sign for v in variables for name, sign, *_ in domain if str(v) == name}
    equal = 0
    for point in _points_for(left, right, variables):
        point = {v: (abs(value) * signs[v] if v in signs else value) for v, value in point.items()}
        lv, rv = value_at(left, point), value_at(right, point)
        if lv is None or rv is None:
            continue
        if lv == rv or abs(lv - rv) <= TOLERANCE * max(1, abs(lv), abs(rv)):
            equal += 1
        else:
            return equal, (point, lv, rv)
    return equal, None


def counterexample(found) -> dict:
    point, lv, rv = found
    return {"point": {str(k): _plain(v) for k, v in point.items()}, "left": _plain(lv), "right": _plain(rv)}


def _plain(v):
    if v.is_Integer:
        return int(v)
    if v.is_Rational:
        return str(v)
    return float(f"{float(v):.8g}")
