"""The verdict on a vector or matrix claim read by ``matrices.py``: judged at
random small shapes (``shapes.py``, ``matrix_values.py``) within the time
budget, entry by entry (``component_jacobians.py``) or through a layer
(``layer_gradients.py``).

Trust first: a derivative of a name the notes define only in a row read as
scalars (or not at all) is not checked; a row that agrees with the row before
it is right about that link; a wrong claim that depends on a definition read
ahead of it, or on one of several, or that continues a chain of an earlier
display, is skipped.
"""
from __future__ import annotations

from ..worker import Overrun, run_with_budget
from .component_jacobians import judge_component
from .layer_gradients import judge_through_layer
from .matrices import MatrixStep, _variables, _walk
from .matrix_values import MatrixOutcome, assess_matrix
from .sample_sum_values import judge_sums
from .shapes import free_names


def judge_matrix(step: MatrixStep, seconds: float) -> MatrixOutcome:
    """The verdict on a matrix claim, within ``seconds``."""
    if step.component:
        return judge_component(step, seconds)
    if step.layer is not None:
        return judge_through_layer(step, step.layer, seconds, _assess, free_names)
    defs = dict(step.defs)
    held = sorted(set().union(*(_hidden(node, defs, step) for side in (step.first, step.claim)
                                for node in _walk(side) if node[0] in ("grad", "deriv"))))
    if held:
        return MatrixOutcome("skipped", f"matrix notation: a derivative of something that depends on "
                                        f"{', '.join(held)}, which the notes define in a row read as scalars or "
                                        "not at all: it may depend on the variable; not checked")
    outcome = _assess((step.first, step.claim), defs, step.stop, step.symmetric, seconds)
    if outcome.verdict != "numeric" and step.previous is not None:
        # a line that agrees with the line before it is right about that link, whatever went
        # wrong (or could not be read) earlier in the chain
        again = _assess((step.previous, step.claim), defs, step.stop | frozenset(_variables(step.previous)),
                        step.symmetric, seconds)
        if again.verdict == "numeric":
            return MatrixOutcome("numeric", "equal to the expression before it; " + again.reason)
        if again.verdict == "wrong" and outcome.verdict == "skipped" and not step.across_blocks:
            # not comparable with the chain's first expression, but clearly not equal to the row before
            return MatrixOutcome("wrong", "differs from the expression before it; " + again.reason,
                                 again.expected, again.counterexample)
    if step.redefines and outcome.verdict != "numeric":
        return MatrixOutcome("definition", f"redefines {step.redefines} from here on")
    if outcome.verdict == "wrong" and step.doubtful:
        names = ", ".join(sorted(step.doubtful))
        return MatrixOutcome("skipped", f"differs, but depends on {names}, whose definition is read ahead of it or "
                                        "is one of several in these notes: which one is meant is not certain, so it is "
                                        "not judged")
    if outcome.verdict == "wrong" and step.across_blocks:
        return MatrixOutcome("skipped", "continues a chain of an earlier display, and differs from it: what it "
                                        "continues is not certain, so it is not judged")
    return outcome


def _hidden(node: tuple, defs: dict, step: MatrixStep) -> set[str]:
    """Names in a derivative's operand that may hide a dependence on its variable: an
    undefined ŷ, the head of a row no reader read (a = softmax(z)), or a name a scalar
    row defines by a formula when the operand does not contain the variable at all
    (the derivative would wrongly come out 0). The scalar reader names z^{[1]} by z."""
    operand, var = (node[2], node[1]) if node[0] == "grad" else (node[1], node[2])
    names = set(free_names(operand, defs, step.stop))
    base = lambda k: {k, k.split("^")[0]}
    return {k for k in names - step.stop
            if "_hat" in k or base(k) & step.unread or (base(k) & step.outside and var.key not in names)}


def _assess(sides, defs, stop, symmetric, seconds) -> MatrixOutcome:
    summed = judge_sums(sides, defs, stop, symmetric, seconds)  # sums over samples: sample_sum_values.py
    if summed is not None:
        return summed
    try:
        return run_with_budget(assess_matrix, (sides, defs, stop, symmetric), seconds)
    except Overrun:
        return MatrixOutcome("skipped", f"matrix notation: no verdict within the time budget ({seconds:g} s per step)")
    except RuntimeError as err:
        return MatrixOutcome("skipped", f"matrix notation: could not evaluate: {err}")


__all__ = ["judge_matrix"]
