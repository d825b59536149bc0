"""Claims → verdicts: proved, numeric, wrong, definition or skipped.

Every piece of judging runs in the worker process of :mod:`derive.worker`
under the time budget (``--timeout``), cheap steps included: a step whose
size appears only when its definitions are substituted, or whose numbers
are too large to evaluate (``e^{e^{e^{100}}}``), is skipped with that reason
when the budget runs out, never waited for. How one step is judged within
the budget (quick, thorough, then points only) is ``budgeted_outcome.py``;
here each claim is given its verdict, and a wrong one checked against the
other readings of the notes.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

import sympy as sp

from ..worker import Overrun, run_with_budget
from . import expansion
from .budgeted_outcome import _outcome, _within
from .chain_rule import chain_rule_outcome
from .number_equations import equation_reason, unknowns_solved_for
from .component_siblings import undefined_component
from .conditions import shown as shown_condition
from .derivation import Definition, Derivation, Skip, Step
from .example_formulas import proved_from_formulas
from .graph_functions import RestatedStep, restated
from .greek_names import show_name, shown_in_text
from .matrices import MatrixStep
from .matrix_verdicts import judge_matrix
from .numeric_lists import ComponentStep
from .implied_functions import doubted
from .implicit_curves import implicit_curve
from .euler_names import e_power_doubted
from .prose_branches import branch_outcome
from .rereadings import read_again_at_values
from .second_readings import second_reading
from .restatements import restatement
from .layer_indices import indexed_power, layer_index_bases, superscript_indices
from .one_letter_calls import undefined_call
from .pi_names import pi_named
from .powered_calls import powered_call
from .solving_links import wrong_solving_link
from .equation_chains import REACH, rearranged
from .prior_links import unconfirmed, wrong_link
from .outcome import Outcome
from .stated_links import StatedLinks, linked_outcome
from .rule_statements import RuleStep, judge_rule



class Verdict(str, Enum):
    """What the checker concluded about one claim. A ``str`` so that
    ``verdict == "wrong"`` and JSON output keep working."""

    PROVED = "proved"
    NUMERIC = "numeric"
    WRONG = "wrong"
    DEFINITION = "definition"
    SKIPPED = "skipped"

    __str__ = str.__str__
    __format__ = str.__format__


VERDICTS = tuple(v.value for v in Verdict)
DEFAULT_SECONDS = 3.0


@dataclass(frozen=True)
class StepVerdict:
    """The verdict on one claim, at its 1-based line in the notes; ``span``
    is the (start, end) offsets of the claimed expression in the file, when
    the claim is a step that ``--fix`` could rewrite."""

    line: int
    latex: str
    verdict: Verdict
    reason: str = ""
    expected: str | None = None
    counterexample: dict | None = None
    span: tuple[int, int] | None = None
    end_line: int | None = None  # the claim's last line, when it spans several (``A`` then ``&= B``)
    where: str = ""  # which part of a row of several claims this is ("component 2 of 3", "entry (1, 2) of …")

    def __post_init__(self) -> None:
        object.__setattr__(self, "verdict", Verdict(self.verdict))
        object.__setattr__(self, "reason", shown_in_text(self.reason))  # ∂J/∂θ, not ∂J/∂theta (greek_names.py)


#: How many claims after an equation set to 0 may be rearrangements of it (equation_chains.py).
EQUATION_REACH = REACH


def judge(derivation: Derivation, seconds: float = DEFAULT_SECONDS) -> list[tuple[object, StepVerdict]]:
    """Each claim of ``derivation`` with its verdict, in reading order."""
    results, defined_at, cache = [], {}, {}
    equation = None  # (first, claim, line, order) of the last equation set to 0
    index_bases = superscript_indices(claim.latex for claim in derivation.claims)
    layers = layer_index_bases(claim.latex for claim in derivation.claims)  # a^1, z^l: layer_indices.py
    links = StatedLinks()  # values the notes stated for derivatives of undefined names
    for claim in derivation.claims:
        links.before(claim)
        if isinstance(claim, Skip):
            verdict = StepVerdict(claim.line, claim.latex, "skipped", claim.reason)
        elif isinstance(claim, Definition):
            before = None if claim.given or claim.update else defined_at.get(claim.name)
            verdict = StepVerdict(claim.line, claim.latex, "definition", _definition_reason(claim, defined_at))
            if before is not None and (o := restatement(claim, before, derivation, lambda step, defs: _outcome(
                    step, defs, {k: v for k, v in derivation.spellings.items() if k != "d"}, seconds,
                    derivation.unknown))):  # J(θ₀, θ₁) = … after J = …: restatements.py
                verdict = StepVerdict(claim.line, claim.latex, o.verdict, o.reason)
        elif isinstance(claim, RuleStep):  # the chain rule for any f, g: rule_statements.py
            verdict = StepVerdict(claim.line, claim.latex, *judge_rule(claim, seconds))
        elif isinstance(claim, MatrixStep):  # vectors and matrices: matrix_verdicts.py
            o = judge_matrix(claim, seconds)
            verdict = StepVerdict(claim.line, claim.latex, o.verdict, o.reason, o.expected, o.counterexample,
                                  (claim.start, claim.end))
        else:
            verdict = _judge_step(claim, derivation, seconds, cache, links)
            if verdict.verdict == "wrong":  # values given after it, names printed rounded: later_values.py, printed_names.py
                verdict = read_again_at_values(claim, verdict, derivation, results, seconds)
            if verdict.verdict == "wrong":  # "For $x \le 0$, $f'(x) = e^x$": on that branch only (prose_branches.py)
                verdict = branch_outcome(claim, verdict, derivation, seconds)
            if claim.first.has(sp.Derivative) and claim.claim != 0:
                equation = None
            if verdict.verdict == "wrong" or (equation and verdict.reason.startswith("a number claimed")):
                verdict, equation = _equation(claim, verdict, equation, derivation, seconds)
            elif verdict.verdict == "skipped" and (verdict.reason.startswith(UNRELATED)
                                                   or 0 in (claim.first, claim.claim)):
                # a relation between names the notes never tie together is an
                # equation stated (p/(1 − p) = eᵃ): the rows after it may solve it
                if not claim.first.has(sp.Derivative) and (why := rearranged(claim, equation, derivation, seconds)):
                    verdict = StepVerdict(claim.line, claim.latex, Verdict.NUMERIC, why, span=(claim.start, claim.end))
                equation = (claim.first, claim.claim, claim.line, claim.order)
            if verdict.verdict == "wrong" and (call := undefined_call(claim.latex, derivation.defined_names())):
                verdict = StepVerdict(claim.line, claim.latex, Verdict.SKIPPED,
                                      f"{call} may be a function applied to its argument or a product; read as "
                                      "a product the step does not hold, so it is not judged",
                                      span=(claim.start, claim.end))
            if verdict.verdict == "wrong" and (why := powered_call(claim.latex)):  # f^2(x): powered_calls.py
                verdict = StepVerdict(claim.line, claim.latex, Verdict.SKIPPED, why, span=(claim.start, claim.end))
            if verdict.verdict == "wrong" and (base := indexed_power(claim.latex, index_bases | set(layers))):
                verdict = StepVerdict(claim.line, claim.latex, Verdict.SKIPPED,
                                      layers[base] if base not in index_bases else
                                      f"these notes write superscripts as indices ({base}^i), so a power of "
                                      f"{base} may be a component; not checked", span=(claim.start, claim.end))
            if verdict.verdict == "wrong" and (why := implicit_curve(claim, derivation)):  # y' on xy = 1: implicit_curves.py
                verdict = StepVerdict(claim.line, claim.latex, Verdict.SKIPPED, why, span=(claim.start, claim.end))
            if verdict.verdict == "wrong" and (why := pi_named(claim, derivation)):  # π = 0.25: pi_names.py
                verdict = StepVerdict(claim.line, claim.latex, Verdict.SKIPPED, why, span=(claim.start, claim.end))
            if verdict.verdict == "wrong" and (why := undefined_component(claim, derivation)):  # component_siblings.py
                verdict = StepVerdict(claim.line, claim.latex, Verdict.SKIPPED, why, span=(claim.start, claim.end))
            if verdict.verdict == "wrong":  # σ(x) = max(0, x); a name used in an earlier meaning
                verdict = _second_reading(claim, verdict, derivation, seconds)
            verdict = e_power_doubted(doubted(verdict, claim), claim, derivation, lambda again, defs: _outcome(
                again, defs, {k: v for k, v in derivation.spellings.items() if k != "d"}, seconds, derivation.unknown))
            verdict = replace(verdict, end_line=claim.end_line)
            if isinstance(claim, ComponentStep):  # [a, b] = [c, d]: which component this is
                where = getattr(claim, "where", "") or f"component {claim.component} of {claim.length}"
                verdict = replace(verdict, reason=f"{where}: {verdict.reason}", where=where)
        if why := unconfirmed(claim, verdict, results):  # prior_links.py: which row holds the slip?
            verdict = replace(verdict, verdict=Verdict.SKIPPED, reason=why, expected=None, counterexample=None)
        links.after(claim, verdict)
        results.append((claim, verdict))
    return results


def _equation(step: Step, verdict: StepVerdict, equation, derivation: Derivation, seconds: float):
    """A wrong "= 0" is an equation to solve, and a wrong claim soon after
    one is a step in solving it: a rearrangement (checked) or skipped."""
    def skipped(reason: str) -> StepVerdict:
        return StepVerdict(step.line, step.latex, Verdict.SKIPPED, reason, span=(step.start, step.end))

    if (step.claim == 0 or step.first == 0) and step.digits is None and verdict.verdict == "wrong":
        return skipped("sets the expression to 0: an equation to solve, not an identity"), \
            (step.first, step.claim, step.line, step.order)
    if verdict.verdict == "wrong" and step.digits is None and (names := _within_names(seconds, step, derivation)):
        # 4.2 = b_0 + 0.9·3: an equation in b_0 (number_equations.py)
        return skipped(equation_reason(names)), (step.first, step.claim, step.line, step.order)
    if step.consequence and not step.first.has(sp.Derivative):
        return skipped("a consequence (⇒, ∴) of the statement before it, such as a step in solving "
                       "an equation; not checked as an identity"), equation
    if equation is None or step.order - equation[3] > EQUATION_REACH:
        return verdict, equation
    if not (step.first.free_symbols or step.claim.free_symbols):  # 7/30 = 2.333: numbers only, no unknown to solve for
        return verdict, equation
    if link := wrong_solving_link(step, lambda again: _judge_step(again, derivation, seconds, {})):  # solving_links.py
        return StepVerdict(step.line, step.latex, "wrong", link.reason, link.expected, link.counterexample,
                           (step.start, step.end)), equation
    if why := rearranged(step, equation, derivation, seconds):  # equation_chains.py
        return StepVerdict(step.line, step.latex, Verdict.NUMERIC, why, span=(step.start, step.end)), equation
    return skipped(f"a step in solving the equation at line {equation[2]}; not checked"), equation


def _within_names(seconds: float, step: Step, derivation: Derivation) -> list[str]:
    """The names a wrong ``number = expression`` row is an equation in (number_equations.py)."""
    try:
        return run_with_budget(unknowns_solved_for, (step.first, step.claim, derivation.definitions_at(step.order),
                                                     derivation.unknown), seconds)
    except (Overrun, RuntimeError):
        return []


def _second_reading(step: Step, verdict: StepVerdict, derivation: Derivation, seconds: float) -> StepVerdict:
    """A wrong step that another reading of the notes makes a definition or a
    right step is skipped, with that reading (second_readings.py)."""
    why = second_reading(step, derivation, seconds)
    return replace(verdict, verdict=Verdict.SKIPPED, reason=why, expected=None, counterexample=None) if why else verdict


#: The reason algebra gives for sides in names the notes never relate.
UNRELATED = "the sides are written in different names"
def _definition_reason(claim: Definition, defined_at: dict) -> str:
    name = show_name(claim.name.name)
    if claim.given:
        return claim.given
    if claim.update:
        return f"an update of {name} ({name} on both sides); not used to replace {name}"
    before = defined_at.get(claim.name)
    defined_at[claim.name] = claim.line
    if before is None:
        return f"defines {name}"
    return f"redefines {name} (defined at line {before}) from here on"


def _judge_step(step: Step, derivation: Derivation, seconds: float, cache: dict,
                links: StatedLinks | None = None) -> StepVerdict:
    # the row before is evaluated too (a number is compared with it): what it reaches counts, or a
    # name only it reaches (q = u t in ∂p/∂q·∂q/∂t) would be a constant and its derivative 0
    sides = (step.first, step.claim) + ((step.previous,) if step.previous is not None else ())
    defs = expansion.relevant_definitions(derivation.definitions_at(step.order), sides)
    spellings = {k: v for k, v in derivation.spellings.items() if k != "d"}
    unknown = derivation.unknown
    key = (step.first, step.claim, step.previous, step.digits, step.rounding, step.references, step.literals,
           step.domain, frozenset(defs.items()))
    if key not in cache:
        cache[key] = _outcome(step, defs, spellings, seconds, unknown)
    o = cache[key]
    if o.verdict == "wrong" and step.previous is not None and step.previous != step.first and step.digits is None:
        # blamed once: a line that agrees with the line before it is right about
        # that link, whatever went wrong earlier in the chain
        again = replace(step, first=step.previous, previous=None)
        key = (again.first, again.claim, None, None, step.rounding, step.domain, frozenset(defs.items()))
        if key not in cache:
            cache[key] = _outcome(again, defs, spellings, seconds, unknown)
        if cache[key].verdict in ("proved", "numeric"):
            o = Outcome(cache[key].verdict, "equal to the expression before it (the chain went wrong earlier)")
    elif o.verdict == "skipped" and _opaque_first(o) and step.previous is not None \
            and step.previous != step.first and step.digits is None:
        # X = A = B with X unknown (∂L/∂w of an undefined L) still says A = B:
        # that link is checked; only a proof is kept, never a new "wrong"
        again = replace(step, first=step.previous, previous=None)
        key = (again.first, again.claim, None, None, step.rounding, step.domain, frozenset(defs.items()))
        if key not in cache:
            cache[key] = _outcome(again, defs, spellings, seconds, unknown)
        if cache[key].verdict in ("proved", "numeric"):
            o = Outcome(cache[key].verdict, "equal to the expression before it (the chain's first expression "
                                            "is not checked: " + o.reason + ")")
        elif cache[key].verdict == "skipped" and "sum to 1" in cache[key].reason:
            o = cache[key]  # the link itself is the assumption the notes make: say that
        elif wrong := wrong_link(step.previous, step.claim, cache[key], o.reason):  # prior_links.py
            o = wrong
    if o.verdict == "skipped" and _opaque_first(o) and step.digits is None:
        # ŷ_1 = w_5 a_1 + …, then ŷ_1 = 0.4943: a proof from the formulas, never a new "wrong"
        o = proved_from_formulas(step, derivation, defs,
                                 lambda again, read: _outcome(again, read, spellings, seconds, unknown)) or o
    if o.verdict == "skipped" and _opaque_first(o):  # chain-rule statements: chain_rule.py, stated_links.py
        o = _within(seconds, chain_rule_outcome, step.first, step.claim, step.previous, defs, unknown,
                    derivation.definitions_at(step.order)) or o
    if o.verdict == "skipped" and _opaque_first(o) and links is not None:
        o = linked_outcome(step, links, lambda again: _judge_step(replace(again, domain=(), condition=""), derivation,
                                                                     seconds, cache)) or o
    if isinstance(step, RestatedStep):  # f(x) = g + b after f(x) = w x + b: graph_functions.py
        o = restated(step, o)
    reason = o.reason + (f"; checked where {shown_condition(step.domain)}, as the notes say" if step.domain else "")
    reason += f"; read where {step.condition}, as the notes say" if step.condition else ""
    return StepVerdict(step.line, step.latex, o.verdict, reason, o.expected, o.counterexample,
                       (step.start, step.end))


def _opaque_first(o: Outcome) -> bool:
    """Skipped because a side depends on something undefined or unrelated,
    not because the claim itself could not be read or judged."""
    return o.reason.startswith(("depends on ", UNRELATED))
