"""A link judged at the values a worked example gives, when those values were
printed rounded: ``σ'(z₂) = ŷ(1 − ŷ)`` with ŷ given as σ(−0.1225), where −0.1225
is z₂ = 0.5 − σ(0.5) rounded to four decimals. Exactly, the two sides then differ
(by 6·10⁻⁷), though the link is right: the difference is the rounding of the
value the notes gave, not an error of the link, and calling it wrong was a false alarm.

A decimal of three significant digits or more in a given value (as
:func:`rounding.rounding_slack` counts them; 0.5 or 0.01 are exact) may be off by
its own rounding and by the rounding carried from the rows it was computed from
(u = 2 × 0.5744 − 1 = 0.1488, where 2σ(0.3) − 1 is 0.14889): as when a number is
written again (:data:`rounding.ROUNDING_UNITS`), up to three units of its last place. The link is equal within that
rounding when moving those decimals within it changes the sign of the difference
of the sides: then, by continuity, some values inside the rounding make the sides
equal. Each decimal is moved alone to see which way it pushes the difference, then
all together against it, and the sides are evaluated exactly again (no bound or
safety factor to trust). A difference that no such move explains stays wrong."""
from __future__ import annotations

import sympy as sp

from .expansion import evaluate
from .outcome import Outcome
from .points import value_at
from .rounding import ROUNDING_UNITS

#: At most this many rounded decimals are followed (each costs one evaluation).
MOST_INPUTS = 12


def decimal_places(value: sp.Rational) -> int | None:
    """How many decimals a terminating decimal has (49/400 = 0.1225 → 4), or None."""
    for places in range(13):
        if (value * 10**places).is_Integer:
            return places
    return None


def rounded_decimal(value: sp.Basic) -> sp.Rational | None:
    """How far ``value`` may be from what it stands for, when it reads as a decimal
    printed rounded (three significant digits or more: 0.1225, 1.189): ROUNDING_UNITS
    units of its last place; else None (2, 0.5, 0.01, 1/3 are taken as exact)."""
    if not isinstance(value, sp.Rational) or value.is_Integer:
        return None
    places = decimal_places(value)
    if places is None:
        return None
    if len(str(abs(value) * 10**places).lstrip("0")) < 3:
        return None
    return sp.Rational(ROUNDING_UNITS, 10**places)


def rounded_givens(defs: dict) -> list[tuple[sp.Symbol, sp.Rational, sp.Rational]]:
    """(name, decimal, how far it may be off) for each rounded decimal in a value the notes give:
    a definition whose value is a number (ŷ = σ(−0.1225)), not a formula in names."""
    found = []
    for name, value in sorted(defs.items(), key=lambda item: str(item[0])):
        if not isinstance(value, sp.Expr) or not value.is_number:
            continue
        for atom in sorted(value.atoms(sp.Rational), key=str):
            allowance = rounded_decimal(atom)
            if allowance is not None:
                found.append((name, atom, allowance))
    return found[:MOST_INPUTS]


def _difference(first: sp.Expr, claim: sp.Expr, defs: dict, unknown: frozenset, moves: dict):
    """left − right with each rounded decimal of ``moves`` ((name, decimal) → shift) shifted."""
    moved = dict(defs)
    for name in {name for name, _ in moves}:
        moved[name] = defs[name].xreplace({d: d + shift for (n, d), shift in moves.items() if n == name})
    left = value_at(evaluate(first, moved, unknown=unknown), {})
    right = value_at(evaluate(claim, moved, unknown=unknown), {})
    return None if left is None or right is None else left - right


def given_rounding_outcome(first: sp.Expr, claim: sp.Expr, defs: dict, unknown: frozenset,
                           found: tuple) -> Outcome | None:
    """``numeric`` when sides that differ at the values given (``found``: the point,
    the two values) are equal for some given values within the rounding they were
    printed with, else None (the verdict stays as it was)."""
    if found[0]:  # a test point: the sides differ as formulas, not by a given value's rounding
        return None
    inputs = rounded_givens(defs)
    base = _difference(first, claim, defs, unknown, {}) if inputs else None
    if not base:
        return None
    against = {}
    for name, decimal, allowance in inputs:
        pushed = _difference(first, claim, defs, unknown, {(name, decimal): allowance})
        if pushed is None:
            return None
        if pushed != base:
            against[(name, decimal)] = -allowance if (pushed > base) == (base > 0) else allowance
    if not against:
        return None
    corner = _difference(first, claim, defs, unknown, against)
    if corner is None or (corner > 0) == (base > 0) and corner != 0:
        return None
    names = ", ".join(sorted({_shown(name) for name, _ in against}))
    return Outcome("numeric", f"equal within the rounding of the values the notes give for {names} "
                              f"(exactly, the sides differ by {float(abs(base)):.2g})")


def _shown(name: sp.Symbol) -> str:
    return name.name.replace("_hat", "\u0302")
