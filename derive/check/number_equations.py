r"""``4.2 = b_0 + 0.9 \cdot 3``: a known number set equal to an expression in a name
whose value the notes do not give is an equation to solve for that name.

Worked examples find a parameter that way: they write the value they know on the
left, the formula with the one name still to find on the right, and solve for it
on the next row (``b_0 = 1.5``). Read as an identity, the row is "wrong" at almost
every value of the name. The mirror, a formula in names without values on the left
and a number on the right, is already skipped as "a number claimed for an
expression in …" (``rounding.py``).

A row is read as such an equation when its first expression comes to a number
(after the definitions in force) and the names left on the other side appear
nowhere in the first expression as written, so ``\frac{d}{dx}(5x) = 5x`` (x is
the variable of the left side) is still a claim, and still wrong.
"""
from __future__ import annotations

import sympy as sp

from .expansion import OPAQUE, evaluate


def unknowns_solved_for(first: sp.Expr, claim: sp.Expr, defs: dict, unknown: frozenset) -> list[str]:
    """The names ``first = claim`` is an equation in (sorted, as the checker holds
    them): ``first`` evaluates to a nonzero number, ``claim`` to an expression in
    names with no value, none of them written in ``first`` and none an opaque
    derivative; [] otherwise."""
    left = evaluate(first, defs, unknown=unknown)
    if left.free_symbols or not left.is_number or left == 0:
        return []
    right = evaluate(claim, defs, unknown=unknown)
    names = right.free_symbols
    if not names or names & first.free_symbols or any(s.name.startswith(OPAQUE) for s in names):
        return []
    return sorted(s.name for s in names)


def equation_reason(names: list[str]) -> str:
    """Why such a row is skipped."""
    shown = ", ".join(n.replace("_hat", "\u0302") for n in names)
    return (f"sets a number equal to an expression in {shown}, whose values the notes do not give: an equation "
            "to solve, not an identity; not checked")
