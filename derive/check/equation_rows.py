r"""A number set equal to an expression in unknowns is an equation, not an identity.

A system of equations (``1 = 7a_0 + 0a_1``, ``244 = 28a_1``, as a least-squares
fit writes its normal equations before solving them) has the number on the
left. ``7a_0 = 1`` was already skipped ("a number claimed for an expression
whose values the notes do not give"); with the number first, the step was
judged as the identity 1 = 7a₀ and called wrong at a₀ = 2. Here such a step is
skipped as the equation it is (``verdicts.py``); unlike an equation set to 0 it
is not remembered for the rows after it (a system has several, solved together).

Only a wrong step whose counterexample had to choose values for names is
concerned: when the notes give every value (``a_1 = 2``, then ``244 = 28a_1``)
the step is arithmetic and stays wrong.
"""
from __future__ import annotations

NUMBER_SET_EQUAL = ("a number set equal to an expression in names the notes give no value: an equation to "
                    "solve (such as a row of a system), not an identity")


def number_set_equal(step, verdict) -> bool:
    """Whether the wrong ``verdict`` on ``step`` is on a number = an expression in unknowns."""
    first = step.first
    point = (verdict.counterexample or {}).get("point") if isinstance(verdict.counterexample, dict) else None
    return (verdict.verdict == "wrong" and step.digits is None and first.is_number and first != 0
            and bool(step.claim.free_symbols) and bool(point))
