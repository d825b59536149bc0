r"""A definition written again in another form: ``J(\theta_0, \theta_1) =
\frac{1}{2m}\sum(\theta_0 + \theta_1 x_i - y_i)^2`` after ``J = \frac{1}{2m}\sum
(h(x_i) - y_i)^2`` and ``h(x) = \theta_0 + \theta_1 x``.

Notes restate a definition with the earlier names filled in, and that restatement
is a claim: the new form equals the old one. It is checked against the
definition in force just before it. Equal (proved, or equal at every test
point) is a verdict; anything else leaves the row what it was, a new
definition from here on: the notes may mean a new quantity under an old name
(a second model, the next layer's δ, the values of an update), so a
disagreement is never called wrong. The same expression written again
(``SE = (y - \hat{y})^2`` twice) is a reminder of the definition, not a new
form of it: it stays a definition.
"""
from __future__ import annotations

from collections.abc import Callable

from .derivation import Definition, Derivation, Step
from .expansion import relevant_definitions
from .graph_functions import RestatedStep
from .outcome import Outcome

#: the verdicts that make a restatement a checked claim
AGREEING = ("proved", "numeric")


def restatement(claim: Definition, before: int, derivation: Derivation,
                outcome_of: Callable[[Step, dict], Outcome]) -> Outcome | None:
    """The verdict on ``claim`` as a restatement of the definition of its name
    at line ``before`` (``outcome_of`` judges a step with given definitions),
    or None when the two do not agree or the row is not a restatement."""
    if claim.update or claim.given or claim.order == 0:
        return None
    earlier = derivation.definitions_at(claim.order - 1)
    if claim.name not in earlier or _written_before(claim, derivation) or any(
            isinstance(c, RestatedStep) and c.line == claim.line for c in derivation.claims):
        return None  # a reminder, or a row graph_functions.py already checks as a restatement
    if claim.value.is_number and earlier[claim.name].is_number:
        return None  # w = 0.5 after w = 0.4: a new value in a worked example, not a form of the old one
    step = Step(claim.order, claim.line, claim.latex, claim.name, claim.value, 0, 0)
    defs = relevant_definitions(earlier, (claim.name, claim.value))
    outcome = outcome_of(step, defs)
    if outcome.verdict not in AGREEING:
        return None
    shown = outcome.reason and f" ({outcome.reason})"
    return Outcome(outcome.verdict, f"restates the definition at line {before}: the two forms are equal{shown}; "
                                    "used from here on")


def _written_before(claim: Definition, derivation: Derivation) -> bool:
    """The row is the earlier definition of its name written again, as text
    (spaces aside): a reminder, not a new form."""
    def text(latex: str) -> str:
        return "".join(latex.split())
    earlier = [c for c in derivation.claims if isinstance(c, Definition) and c.name == claim.name
               and c.order < claim.order]
    return bool(earlier) and text(earlier[-1].latex) == text(claim.latex)
