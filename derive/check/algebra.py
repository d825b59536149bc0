"""The verdict on one step: the two sides a claim is judged on, proved
equal symbolically, tested at points, or found wrong with the expected
expression and a counterexample; and why sides that differ may still not be
wrong (names the notes never define or relate, labels summing to 1).

The parts it calls: ``expansion.py`` (definitions and derivatives
expanded), ``points.py`` (equality at test points), ``rounding.py``
(numbers claimed in worked examples), ``expected.py`` (the expected
expression printed), ``outcome.py`` (what was found).

Every function here takes and returns plain SymPy objects so that it can run
in the worker process of :mod:`derive.worker` as well as in this one.
"""
from __future__ import annotations

import sympy as sp

from ..symbols import symbol
from .bound_indices import bound_reason, term_reading_outcome
from .expansion import UNWRITTEN, _shown, evaluate, is_zero_fast, is_zero_full, opaque_names
from .free_summed import free_summed_outcome
from .expected import expected_latex, to_latex
from .case_slips import case_slip_outcome
from .entry_sums import read_entries
from .kronecker import delta_outcome
from .one_sided_names import one_sided_outcome
from .outcome import Outcome
from .points import TOLERANCE, _concrete, _point_variables, _points, counterexample, numeric_difference, value_at
from .given_rounding import given_rounding_outcome
from .sample_readings import one_sample_outcome, per_sample_outcome
from .rounding import _numeric_reference, _other_values, printed_precision, rounding_slack, within_rounding


def _names_of(expr: sp.Expr) -> set:
    """The names an expression is written in: x for x[i] (Σ_i x_i and Σ_k x_k
    are written in the same name, whatever their index)."""
    return ({s for s in expr.free_symbols if not isinstance(s, sp.Indexed)}
            | {i.base.label for i in expr.atoms(sp.Indexed)})


def _unknown_outcome(left: sp.Expr, right: sp.Expr) -> Outcome | None:
    """Why sides that differ are not known to be wrong: a derivative of
    something undefined, or names on each side that the other lacks (the
    step replaced a name the notes never define)."""
    if slip := case_slip_outcome(left, right, _names_of):  # e^X in a row about x (case_slips.py)
        return slip
    names = opaque_names(left, right)
    only_left, only_right = _names_of(left) - _names_of(right), _names_of(right) - _names_of(left)
    means = sorted(_shown(s.name) for s in only_left | only_right if s.name.endswith("_bar"))
    if not names and means:
        return Outcome("skipped", f"depends on {', '.join(means)} (a mean?), which the notes use on one side "
                                  "without a definition the checker could read; not checked")
    if not names and only_left and only_right:
        shown = lambda names: ", ".join(sorted(_shown(s.name) for s in names))
        return Outcome("skipped", f"the sides are written in different names ({shown(only_left)} on the left, "
                                  f"{shown(only_right)} on the right) and the notes do not say how they relate")
    if not names:
        return None
    if reason := bound_reason(names):  # ∂/∂W_ij of Σ_i X_li W_ij (bound_indices.py)
        return Outcome("skipped", reason)
    shown = ", ".join(n.replace("_hat", "\u0302").rstrip(UNWRITTEN) for n in names)
    if all(n.endswith(UNWRITTEN) for n in names):
        return Outcome("skipped", f"depends on {shown}, a derivative of a name the notes define without that "
                                  "variable, so how it depends on the variable is not written; not checked")
    return Outcome("skipped", f"depends on {shown}, a derivative of something the notes do not define "
                              "(or define in a way the checker could not read), so the step is not checked")


def _labels_summing_to_one(left: sp.Expr, right: sp.Expr) -> str:
    """The name y (summed over in a side) such that the sides are equal at
    every test point where y_1 + … + y_n = 1 (softmax notes use that one-hot
    labels sum to 1), or ""."""
    bases = sorted({i.base for e in (left, right) for total in e.atoms(sp.Sum)
                    for i in total.function.atoms(sp.Indexed)}, key=str)
    if not bases:
        return ""
    left, right = _concrete(left, right)
    for base in bases:
        items = sorted({i for e in (left, right) for i in e.atoms(sp.Indexed) if i.base == base}, key=str)
        if len(items) < 2:
            continue
        on_simplex = {items[-1]: 1 - sum(items[:-1])}
        equal, found = numeric_difference(left.xreplace(on_simplex), right.xreplace(on_simplex))
        if found is None and equal:
            return _shown(str(base))
    return ""


def _labels_outcome(left: sp.Expr, right: sp.Expr) -> Outcome | None:
    names = _labels_summing_to_one(left, right)
    if not names:
        return None
    return Outcome("skipped", f"equal only if the {names} sum to 1 (as one-hot labels do), which the notes "
                              "assume but the checker does not; not checked")


def _sides_or_outcome(first: sp.Expr, claim: sp.Expr, defs: dict, unknown: frozenset,
                      previous: sp.Expr | None, digits: int | None, rounding: tuple | None,
                      references: tuple, literals: tuple | None,
                      domain: tuple = ()) -> tuple[sp.Expr, sp.Expr] | Outcome:
    """The two sides a claim is judged on (a number claimed for a number is
    compared with the expression before it), or the outcome already decided
    without a proof: other example values, a printed precision, a rounding.
    Under a sign condition (``= 1 \\quad (x > 0)``) a whole number is an
    identity claimed where the condition holds, not a worked example's value."""
    left, right = evaluate(first, defs, unknown=unknown), evaluate(claim, defs, unknown=unknown)
    left, right = read_entries(left), read_entries(right)  # Σ_j v_kj adds the entries v[k, j]: entry_sums.py
    if domain:
        written = {s.name for s in left.free_symbols | right.free_symbols if isinstance(s, sp.Symbol)}
        hidden = sorted(name for name, *_ in domain if name not in written and symbol(name) in defs)
        if hidden:  # z > 0 with z = w x + b: the points cannot be chosen to keep it
            return Outcome("skipped", f"holds under a condition on {', '.join(hidden)}, which the notes define "
                                      "by other names; not checked")
    if domain and digits is None and right.is_Integer:
        return left, right
    left, used = _numeric_reference(left, right, previous, defs, unknown, claim)
    if isinstance(used, Outcome):
        return used
    other = _other_values(previous if used == "previous" else first, literals, defs)
    if other:
        return Outcome("skipped", f"substitutes values other than those the notes gave for {other} "
                                  "(another example?); not checked")
    if digits is not None:
        reference = {"previous": references[0], "first": references[1]}.get(used, "")
        return printed_precision(left, right, digits, rounding_slack(reference, defs, unknown))
    if rounding is not None and not left.free_symbols and not right.free_symbols:
        return within_rounding(left, right, rounding)
    return left, right


def _differing(first: sp.Expr, claim: sp.Expr, left: sp.Expr, right: sp.Expr, found: dict, defs: dict,
               unknown: frozenset, spellings: dict, domain: tuple, expected) -> Outcome:
    """The outcome for sides that differ at the point ``found``: wrong (with
    ``expected()``, the expression printed), unless another reading of the
    step says it is not known to be wrong."""
    if bound := term_reading_outcome(first, claim, opaque_names(left, right), defs, unknown, evaluate, is_zero_fast):
        return bound  # ∂/∂W_ij of Σ_i X_li W_ij: read as its one term (bound_indices.py)
    if sample := one_sample_outcome(first, left, right, defs, unknown, spellings, domain):
        return sample  # ∂J/∂w = 2(w x_i - y_i) x_i: the loss of one sample (sample_readings.py)
    if unknown_outcome := (_unknown_outcome(left, right) or _labels_outcome(left, right)
                           or per_sample_outcome(first, left, right, defs, unknown, domain)):
        return unknown_outcome
    if (indicator := delta_outcome(left, right, domain)) is not None:
        return indicator if indicator.verdict != "wrong" else Outcome(
            "wrong", indicator.reason, expected(), indicator.counterexample)
    if close := given_rounding_outcome(first, claim, defs, unknown, found):
        return close  # a link judged at values the notes gave rounded: given_rounding.py
    if clash := free_summed_outcome(first, claim):
        return clash  # ∂x̂_i/∂μ = Σ_i …: free_summed.py
    if lone := one_sided_outcome(first, claim, left, right, unknown, _names_of):
        return lone  # b_2(x_l) on one side only, 2wxy: one_sided_names.py
    return Outcome("wrong", "the two sides differ", expected(), counterexample(found))


def assess(first: sp.Expr, claim: sp.Expr, defs: dict, spellings: dict, thorough: bool,
           unknown: frozenset = frozenset(), previous: sp.Expr | None = None,
           digits: int | None = None, rounding: tuple | None = None,
           references: tuple = ("", ""), literals: tuple | None = None, domain: tuple = ()) -> Outcome:
    """Compare the claim with the chain's first expression under ``defs``
    (a number claimed for a number: with the expression before it)."""
    sides = _sides_or_outcome(first, claim, defs, unknown, previous, digits, rounding, references, literals, domain)
    if isinstance(sides, Outcome):
        return sides
    left, right = sides
    diff = left - right
    if is_zero_fast(diff):
        return Outcome("proved", "equal after expanding both sides")
    equal, found = numeric_difference(left, right, domain)
    if found is not None:
        return _differing(first, claim, left, right, found, defs, unknown, spellings, domain,
                          lambda: expected_latex(left, defs, (first, claim), spellings))
    if equal == 0:
        return Outcome("skipped", "could not evaluate either side at any test point")
    if not thorough:
        return Outcome("undecided", f"equal at {equal} test points")
    if is_zero_full(diff):
        return Outcome("proved", "equal after simplifying")
    return Outcome("numeric", f"equal at {equal} test points; not proved symbolically")


def numeric_only(first: sp.Expr, claim: sp.Expr, defs: dict, spellings: dict,
                 unknown: frozenset = frozenset(), previous: sp.Expr | None = None,
                 digits: int | None = None, rounding: tuple | None = None,
                 references: tuple = ("", ""), literals: tuple | None = None, domain: tuple = ()) -> Outcome:
    """The fallback when a symbolic proof overran its budget: points only."""
    sides = _sides_or_outcome(first, claim, defs, unknown, previous, digits, rounding, references, literals, domain)
    if isinstance(sides, Outcome):
        return sides
    left, right = sides
    equal, found = numeric_difference(left, right, domain)
    if found is not None:
        return _differing(first, claim, left, right, found, defs, unknown, spellings, domain,
                          lambda: to_latex(left, spellings))
    if equal == 0:
        return Outcome("skipped", "could not evaluate either side at any test point")
    return Outcome("numeric", f"equal at {equal} test points; the symbolic proof ran out of time")


def is_consequence(first: sp.Expr, claim: sp.Expr, equation: tuple, defs: dict, unknown: frozenset) -> bool:
    """``first = claim`` is the equation ``equation`` (a pair of sides) times
    a nonzero constant: a rearrangement of it, tested at points."""
    d = evaluate(first, defs, unknown=unknown) - evaluate(claim, defs, unknown=unknown)
    e = evaluate(equation[0], defs, unknown=unknown) - evaluate(equation[1], defs, unknown=unknown)
    d, e = _concrete(d, e)
    ratios = []
    for point in _points(_point_variables([d, e])):
        dv, ev = value_at(d, point), value_at(e, point)
        if dv is None or ev is None or ev == 0:
            continue
        ratios.append(dv / ev)
    if len(ratios) < 3 or ratios[0] == 0:
        return False
    return all(abs(r - ratios[0]) <= TOLERANCE * max(1, abs(ratios[0])) for r in ratios)
