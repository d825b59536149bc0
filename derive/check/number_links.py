"""A link between two numbers in a row that may be a step in solving an equation.

``7a = 1`` then ``a = \\frac{3}{7} \\approx 0.14286``: the row after an equation is
taken as a step in solving it (``verdicts.py``), and a step in solving is not
judged as an identity, so a wrong value there was skipped. But the link the row
writes between ``\\frac{3}{7}`` and ``0.14286`` is between two numbers: it holds or
fails whatever the equation says. It is judged on its own (previous expression
against the claim, with the claim's printed decimals), and kept when wrong;
the solving itself (is 3/7 the root?) is still not judged.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from .outcome import Outcome


def _number(expr: sp.Expr | None) -> bool:
    """A number written with numbers only: no name, no function the notes define, no derivative."""
    return expr is not None and not expr.free_symbols and not expr.atoms(AppliedUndef) \
        and not expr.has(sp.Derivative)


def wrong_number_link(step, judge: Callable[[object], Outcome]) -> Outcome | None:
    """The verdict on ``previous = claim`` when both are numbers and it is wrong, else None."""
    if not (_number(step.previous) and _number(step.claim)) or step.previous == step.first:
        return None
    link = judge(replace(step, first=step.previous, previous=None))
    if link.verdict != "wrong":
        return None
    return replace(link, reason=f"the row's two numbers differ ({link.reason}); whether the row solves the "
                                "equation before it is not checked")
