r"""A derivative by a name whose index is also the index of a sum it stands in:
``Z_{lj} = \sum_i X_{li} W_{ij} + b``, then ``\frac{\partial Z_{lj}}{\partial W_{ij}} = X_{li}``.

The checker reads a name with two indices (``W_{ij}``) as one name, so inside
the sum over i it is the same W_ij in every term, and ∂/∂W_ij of the sum is
then the whole sum of X_li (n of them): a true step (the writer means the one
term whose i is the i of W_ij) would be called wrong. Here i is bound in the
sum and free in the derivative, so which term is meant is not settled: such a
derivative is kept opaque with that reason. The step is then read a second
time the way the writer means it (the term of the sum whose index is v's,
found by differentiating that one term): proved when the sides agree so, and
otherwise skipped with the reason above, never called wrong. A one-index name (``\frac{\partial}{\partial v_j} \sum_j v_j h_j``)
is read term by term elsewhere (sum_derivatives.py) and is not touched here.
"""
from __future__ import annotations

import sympy as sp

from ..symbols import symbol
from .outcome import Outcome
from .sum_derivatives import _term_at

#: Starts the name of an opaque derivative (as expansion.OPAQUE, not imported: expansion imports this module).
_OPAQUE = "\u2202"
#: Ends the name of an opaque derivative by a name that carries a sum's own index.
BOUND = "\u2061"
#: Put in the ``unknown`` names of expansion.evaluate: read such a derivative as its one term.
TERM_READING = symbol("\u2061term reading")


def clashing_index(operand: sp.Expr, v: sp.Expr) -> str | None:
    """The letter that is both an index of the sum(s) in ``operand`` holding
    ``v`` and one of ``v``'s own indices (i for ∂/∂W_ij of Σ_i X_li W_ij), or None."""
    if not isinstance(v, sp.Symbol):
        return None
    base, _, index = v.name.rpartition("_")
    if not base or len(index) != 2 or not index.isalpha() or not index.islower():  # W_ij, not y_hat (Σ_t)
        return None
    for total in operand.atoms(sp.Sum):
        if not total.function.has(v):
            continue
        for limit in total.limits:
            if limit[0].name in index:
                return limit[0].name
    return None


def bound_derivative(operand: sp.Expr, v: sp.Symbol, letter: str) -> sp.Symbol:
    """∂operand/∂v as an opaque symbol of its own, marked with the clashing index ``letter``."""
    return symbol(f"{_OPAQUE}{operand}/{_OPAQUE}{v.name}|{letter}{BOUND}")


def one_term(operand: sp.Expr, v: sp.Symbol, letter: str, differentiate) -> sp.Expr | None:
    """∂operand/∂v read as the writer means it: the sum over ``letter`` that
    holds v contributes only its term whose index is v's own; ``differentiate(expr)``
    takes ∂/∂v of what holds no such sum. None when the form is not plain
    (one sum holding v, over one index, with no sum inside and no other entry
    of v's matrix carrying the summed index in its terms)."""
    sums = [s for s in operand.atoms(sp.Sum) if s.function.has(v)]
    if len(sums) != 1 or len(sums[0].limits) != 1 or sums[0].function.has(sp.Sum):
        return None
    total = sums[0]
    index, low, high = total.limits[0]
    if index.name != letter or low.has(v) or high.has(v):
        return None
    base = v.name.rpartition("_")[0]
    family = [x for x in total.function.free_symbols if x != v and x.name.startswith(base + "_")
              and letter in x.name.rpartition("_")[2]]
    if family or any(i.base.label.name == base for i in total.function.atoms(sp.Indexed)):
        return None  # W_ji or W[i] beside W_ij in the terms: which entries coincide is not written
    held = sp.Dummy("sum")
    outside = operand.xreplace({total: held})
    if outside.has(v):
        return None
    inner = differentiate(total.function)
    if inner is None or inner.has(sp.Derivative):
        return None
    term = _term_at(inner, index, sp.Symbol(letter, integer=True))
    return sp.diff(outside, held).xreplace({held: total}) * term


def term_reading_outcome(first: sp.Expr, claim: sp.Expr, names: list[str], defs: dict, unknown: frozenset,
                         evaluate, is_zero) -> Outcome | None:
    """For sides that differ only through such derivatives: proved when they
    agree with each read as its one term, skipped (never wrong) otherwise;
    None when no such derivative is in the step."""
    reason = bound_reason(names)
    if reason is None:
        return None
    try:
        left = evaluate(first, defs, unknown=unknown | {TERM_READING})
        right = evaluate(claim, defs, unknown=unknown | {TERM_READING})
    except (ValueError, TypeError):
        return Outcome("skipped", reason)
    if any(s.name.startswith(_OPAQUE) for s in (left - right).free_symbols):
        return Outcome("skipped", reason)
    if is_zero(left - right):
        var = sorted(n.rstrip(BOUND).rpartition("/" + _OPAQUE)[2].partition("|") for n in names if n.endswith(BOUND))[0]
        return Outcome("proved", f"equal with ∂/∂{var[0]} of the sum over {var[2]} read as its one term whose index "
                                 f"{var[2]} is that of {var[0]} (the index is bound in the sum and free in the "
                                 "derivative; the notes mean that term)")
    return Outcome("skipped", reason.removesuffix("; not checked") + "; read as the one term with that index the "
                              "sides differ, but that reading is not certain; not judged")


def bound_reason(names: list[str]) -> str | None:
    """The reason a step is skipped when it depends on such a derivative, or None."""
    bound = sorted({n.rstrip(BOUND).rpartition("/" + _OPAQUE)[2] for n in names if n.endswith(BOUND)})
    if not bound:
        return None
    var, _, letter = bound[0].partition("|")
    return (f"{letter} is summed over in the definition differentiated and is also an index of {var}, the name it "
            f"is differentiated by (bound in the sum, free in the derivative): which term of the sum is meant is "
            "not settled; not checked")
