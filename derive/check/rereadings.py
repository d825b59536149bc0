"""A wrong step read again with what the notes say elsewhere (``verdicts.py``
calls it for every step judged wrong): the values given right after it, the
relations between its names stated after it, names printed rounded and
decimals printed rounded earlier. Right in one of those readings, the step is
not wrong; each reading lives in its own module, named below."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import expansion
from .budgeted_outcome import _outcome
from .carried_values import carried_outcome
from .derivation import Derivation, Step
from .later_values import later_outcome
from .name_relations import relation_outcome
from .printed_names import printed_outcome

if TYPE_CHECKING:
    from .verdicts import StepVerdict


def read_again_at_values(step: Step, verdict: StepVerdict, derivation: Derivation, results: list,
                         seconds: float) -> StepVerdict:
    """A wrong step judged again at the values the notes give right after it, then without
    relations between its names stated after it, then with the names they printed rounded
    taken as printed, then with the decimals printed rounded earlier taken exact: right there, it is not wrong."""
    spellings = {k: v for k, v in derivation.spellings.items() if k != "d"}
    sides = (step.first, step.claim) + ((step.previous,) if step.previous is not None else ())
    judge_at = lambda defs: _outcome(step, expansion.relevant_definitions(defs, sides), spellings, seconds,
                                     derivation.unknown)
    verdict = later_outcome(step, verdict, derivation, judge_at)
    if verdict.verdict == "wrong":  # x = y stated after it, w_1 = w_2: name_relations.py
        verdict = relation_outcome(step, verdict, derivation, judge_at)
    if verdict.verdict == "wrong":  # h ≈ 0.46, then 1 − h²: printed_names.py
        verdict = printed_outcome(step, verdict, derivation, results, judge_at)
    if verdict.verdict == "wrong":  # v = 3/7 = 0.42, then 2.33/0.42: carried_values.py
        verdict = carried_outcome(step, verdict, derivation, results, lambda again, extra: _outcome(
            again, {**expansion.relevant_definitions(derivation.definitions_at(step.order), sides), **extra},
            spellings, seconds, derivation.unknown))
    return verdict
