"""A step judged wrong, read again the other ways the notes may mean it.

Each reading names one doubt: σ named as another activation (activations.py), a
value the prose set as a case in an earlier paragraph (prose_cases.py), a bare
``\\log`` in base 2 or 10 (log_bases.py), a name used in a meaning it had before
(earlier_meanings.py), a label y written as an exponent that is 0 or 1
(binary_labels.py). The first that makes the step not wrong says why it is
skipped; none, and the step stays wrong.
"""
from __future__ import annotations

from ..worker import Overrun, run_with_budget
from .activations import activation_reason, other_activation
from .binary_labels import binary_label_reason
from .budgeted_outcome import _outcome
from .derivation import Definition, Derivation, Step
from .earlier_meanings import earlier_meaning
from .expansion import relevant_definitions
from .log_bases import other_base_reason
from .prose_cases import case_reason

RIGHT = ("proved", "numeric")


def second_reading(step: Step, derivation: Derivation, seconds: float) -> str:
    """Why the wrong ``step`` is skipped under another reading of the notes, or ""."""
    spellings = {k: v for k, v in derivation.spellings.items() if k != "d"}
    judged = lambda again, defs: _outcome(again, defs, spellings, seconds, derivation.unknown).verdict
    if name := other_activation(step.first, step.claim):
        return activation_reason(step.latex.split(" = ")[0], name)
    if why := case_reason(step, derivation, lambda defs: judged(step, defs) == "wrong"):
        return why
    defs = relevant_definitions(derivation.definitions_at(step.order), (step.first, step.claim))
    row = " ".join(c.latex for c in derivation.claims[:step.order]  # the logs of the step's own row
                   if isinstance(c, Definition) and c.name in defs and c.line == step.line)
    if why := other_base_reason(step, defs, row, lambda again, read: judged(again, read) in RIGHT):
        return why
    if why := earlier_meaning(step, derivation, lambda read: judged(step, read) in RIGHT):
        return why
    try:  # up to 2**6 choices of labels, each at the test points: within the step's time budget
        return run_with_budget(binary_label_reason, (step.first, step.claim, defs, derivation.unknown), seconds)
    except (Overrun, RuntimeError):
        return ""
