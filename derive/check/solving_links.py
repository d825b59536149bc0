r"""A link between two rows of a chain that may be a step in solving an equation.

``7a = 1`` then ``a = \\frac{3}{7} \\approx 0.14286``: the row after an equation (a
row set to 0, a number set equal to an expression, or a relation between names
the notes never tie together, ``\\frac{Δy}{Δx} = …``) is taken as a step in solving
it (``verdicts.py``), and a step in solving is not judged as an identity, so a
slip there was skipped. But the link such a row writes between the expression
before its claim and the claim (``\\frac{3}{7} \\approx 0.14286``, or
``\\frac{6xΔx + 3Δx^2}{Δx} = 6x + Δx``) is an identity whatever the equation says.
It is judged on its own, with the definitions in force, and kept when wrong, if
both expressions are written in exactly the same names (none, for two numbers)
with no derivative or undefined function (``prior_links.py`` says why). The
solving itself (is 3/7 the root?) is still not judged.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .outcome import Outcome
from .prior_links import plain


def wrong_solving_link(step, judge: Callable[[object], Outcome]) -> Outcome | None:
    """The verdict on ``previous = claim`` when it can be trusted and is wrong, else None."""
    previous, claim = step.previous, step.claim
    if previous is None or previous == step.first or previous.free_symbols != claim.free_symbols \
            or not (plain(previous) and plain(claim)):
        return None
    link = judge(replace(step, first=previous, previous=None))
    if link.verdict != "wrong":
        return None
    return replace(link, reason=f"not equal to the expression before it ({link.reason}); whether the row solves "
                                "the equation before it is not checked")
