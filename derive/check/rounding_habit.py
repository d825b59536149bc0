"""Notes that round their printed numbers are held to rounding. A decimal claim is
right when its value prints as it rounded or cut off (``rounding.printed_interval``),
as people do both. But notes that show they round (σ(0.5) = 0.62246 printed 0.6225,
0.6225 · 0.3775 = 0.23499 printed 0.2350, where cutting off gives 0.6224 and 0.2349)
and then print 0.4694 · 0.5306 = 0.24906 as 0.2490 made a slip: rounded, it is 0.2491.

A claim is called wrong here only when all of this holds: its row computes it from
numbers alone (the row just before it has no names), that value prints as the claim
only cut off, the exact value of the chain's first expression (at the values the notes
give, none of them a decimal printed rounded) does not print as it rounded either, and the same notes print at least
:data:`SHOWN` other such values that only rounding gives and no other value that only
cutting off gives (a note that does both has no habit to hold it to)."""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from ..worker import Overrun, run_with_budget
from .derivation import Step
from .expansion import evaluate
from .given_rounding import rounded_decimal
from .points import _plain, value_at
from .rounding import printed_interval

#: How many values printed rounded (where cutting off would print another number)
#: show that the notes round.
SHOWN = 2


def _numbers_only(step) -> bool:
    return (isinstance(step, Step) and step.digits is not None and step.previous is not None
            and not step.previous.free_symbols and step.previous.is_number)


def how_printed(value: sp.Expr, printed: sp.Rational, digits: int) -> str:
    """"rounded", "cut off", "both" or "neither": how ``value`` becomes ``printed``."""
    unit = sp.Rational(1, 10**digits)
    rounded = abs(value - printed) <= unit / 2
    low, high = printed_interval(printed, digits)
    cut = (printed <= value < high) if printed >= 0 else (low < value <= printed)
    return "both" if rounded and cut else "rounded" if rounded else "cut off" if cut else "neither"


def _values(exprs: list) -> list:
    return [value_at(e, {}) for e in exprs]


def _exact(first: sp.Expr, defs: dict, unknown: frozenset):
    """The exact value of ``first``, or None when it is computed from a decimal the notes
    printed rounded (L = −log(0.596), 0.596 being σ(0.39) = 0.59628: rounded or not,
    the value the notes meant is not known)."""
    value = evaluate(first, defs, unknown=unknown)
    if any(rounded_decimal(atom) is not None for atom in value.atoms(sp.Rational)):
        return None
    return value_at(value, {})


def held_to_rounding(judged: list, derivation, seconds: float) -> list:
    """``judged`` ((claim, verdict) pairs) with each value printed cut off, in notes
    that round, called wrong (see the module's docstring)."""
    numbers = [k for k, (step, verdict) in enumerate(judged) if _numbers_only(step) and verdict.verdict == "numeric"]
    if len(numbers) <= SHOWN:
        return judged
    try:  # one call to the worker for every row's value
        values = run_with_budget(_values, ([judged[k][0].previous for k in numbers],), seconds)
    except (Overrun, RuntimeError):
        return judged
    kinds = {k: (how_printed(value, judged[k][0].claim, judged[k][0].digits), value)
             for k, value in zip(numbers, values) if value is not None}
    rounded = [judged[k][0].line for k, (kind, _) in kinds.items() if kind == "rounded"]
    cut = [k for k, (kind, _) in kinds.items() if kind == "cut off"]
    if len(cut) != 1 or len(rounded) < SHOWN:
        return judged
    (k,) = cut
    step, verdict = judged[k]
    value = kinds[k][1]
    try:
        exact = run_with_budget(_exact, (step.first, derivation.definitions_at(step.order), derivation.unknown),
                                seconds)
    except (Overrun, RuntimeError):
        return judged
    if exact is None or how_printed(exact, step.claim, step.digits) in ("rounded", "both"):
        return judged  # worked with unrounded values (or not known exactly): the printed number may be right
    lines = ", ".join(str(line) for line in sorted(set(rounded))[:3])
    shown = f"{float(value):.{step.digits}f}"
    where = f"{verdict.where}: " if verdict.where else ""
    wrong = replace(verdict, verdict="wrong", expected=shown,
                    reason=f"{where}prints {shown} rounded to the {step.digits} decimals printed; cut off it would "
                           f"print as claimed, but these notes round (lines {lines})",
                    counterexample={"point": {}, "left": _plain(value), "right": _plain(step.claim)})
    return judged[:k] + [(step, wrong)] + judged[k + 1:]
