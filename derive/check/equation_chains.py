r"""An equation written again, rearranged, after the equation before it.

Normal-equation derivations set a gradient to 0 and then rewrite the equation
row by row: ``\sum y_i = a\sum x_i + nb``, then ``nb = \sum y_i - a\sum x_i``.
Each row relates names the notes never tie together (so it is no identity and
was skipped as "written in different names"), yet it may be the equation
before it times a nonzero constant. When it is (tested at points,
``algebra.is_consequence``), the row gets a real verdict: a rearrangement of
that equation. When it is not, nothing changes: a row that substitutes another
equation, or solves for a name, is still skipped, never called wrong.
"""
from __future__ import annotations

from ..worker import Overrun, run_with_budget
from . import algebra
from .derivation import Derivation, Step

#: An equation is followed at most this many claims on (verdicts.py's EQUATION_REACH too).
REACH = 6


def rearranged(step: Step, equation: tuple | None, derivation: Derivation, seconds: float) -> str:
    """Why ``step`` (an equation, not an identity) holds: it is the earlier
    ``equation`` ((first, claim, line, order)) times a nonzero constant; "" otherwise."""
    if equation is None or step.order - equation[3] > REACH:
        return ""
    if not (step.first.free_symbols | step.claim.free_symbols):
        return ""
    try:
        follows = run_with_budget(algebra.is_consequence, (step.first, step.claim, equation[:2],
                                  derivation.definitions_at(step.order), derivation.unknown), seconds)
    except (Overrun, RuntimeError):  # out of time, or the task's own error
        return ""
    return f"a rearrangement of the equation at line {equation[2]}" if follows else ""
