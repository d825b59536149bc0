r"""The derivative of a mean over samples by one sample's entry, read two ways.

``J = \frac{1}{n}\sum_{i=1}^{n} (y_i - \hat{y}_i)^2`` differentiated by ``\hat{y}_i``
is, as written, ``-\frac{2}{n}(y_i - \hat{y}_i)``: the other samples' terms do not hold
ŷ_i. Many notes, though, write ``-2(y_i - \hat{y}_i)``: the per-sample convention,
in which the loss of sample i is its own term and the 1/n of the mean is left for
the end (or the mean is of one sample). Both readings are reasonable, so a claim that
holds in the second only is skipped with that reason, never called wrong; a claim
that holds in neither (a sign lost) is still wrong.

The second reading is the first with the number of samples set to 1 (a mean over
one sample is its loss): the upper limit n of every sum whose terms hold entries of
the variable's name is set to 1 on both sides, once the derivative is taken.
"""
from __future__ import annotations

import sympy as sp

from .expansion import evaluate
from .outcome import Outcome
from .points import numeric_difference


def _entry_base(v: sp.Expr) -> str:
    """ŷ for the variable ŷ_i (y_hat_i), z for z_j; "" for a name with no index."""
    if not isinstance(v, sp.Symbol):
        return ""
    base, _, index = v.name.rpartition("_")
    return base if base and index and (index.isdigit() or (len(index) == 1 and index.isalpha())) else ""


def sample_counts(first: sp.Expr, defs: dict, unknown: frozenset) -> set:
    """The numbers of samples (n in Σ_{i=1}^{n}) of the sums that a derivative in ``first``
    by one entry (ŷ_i) reaches: sums over the entries of that name, with a symbolic upper limit."""
    counts = set()
    for d in first.atoms(sp.Derivative):
        if len(d.variable_count) != 1 or d.variable_count[0][1] != 1:
            continue
        v = d.variable_count[0][0]
        base = _entry_base(v)
        if not base:
            continue
        try:
            operand = evaluate(d.expr, defs, stop=frozenset({v}), unknown=unknown)
        except (ValueError, TypeError, RecursionError):
            continue
        for total in operand.atoms(sp.Sum):
            if not any(i.base.label.name == base for i in total.function.atoms(sp.Indexed)):
                continue
            for _, low, high in total.limits:
                if isinstance(high, sp.Symbol) and not high.has(v):
                    counts.add(high)
    return counts


def per_sample_outcome(first: sp.Expr, left: sp.Expr, right: sp.Expr, defs: dict, unknown: frozenset,
                       domain: tuple = ()) -> Outcome | None:
    """A skip when sides that differ agree once the number of samples is 1 (the claim
    holds for one sample's loss, as many notes mean a derivative by ŷ_i); else None."""
    counts = sample_counts(first, defs, unknown)
    if not counts:
        return None
    one = {n: sp.Integer(1) for n in counts}
    equal, found = numeric_difference(left.xreplace(one), right.xreplace(one), domain)
    if found is not None or equal == 0:
        return None
    shown = ", ".join(sorted(str(n) for n in counts))
    return Outcome("skipped", f"holds for the loss of one sample (the per-sample reading, as if {shown} were 1), "
                              f"not for the sum over {shown} samples as the notes define it (with its factor); "
                              "which one the notes mean is not said, so the step is not checked")
