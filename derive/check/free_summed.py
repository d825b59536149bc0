r"""One letter free on one side of a step and summed on the other:
``\frac{\partial \hat{x}_i}{\partial \mu} = \sum_{i=1}^m \frac{-1}{\sqrt{\sigma^2 + \epsilon}}``.

The left side is about one sample i; the right side sums over i. The writer
may mean the sum over the samples of what the left side says (the gradient
reaching μ from every x̂_i) or may have slipped; the notation does not say
which. Where the sides differ, such a step is skipped with that reason,
never called wrong. Steps whose sides agree keep their verdicts, and so do
sums over another letter (∂J/∂w_j = Σ_i … x_ij).
"""
from __future__ import annotations

import sympy as sp

from .outcome import Outcome


def _summed(expr: sp.Expr) -> set[str]:
    return {limit[0].name for total in expr.atoms(sp.Sum, sp.Product) for limit in total.limits}


def _free_indices(expr: sp.Expr) -> set[str]:
    """The index letters of the names outside every sum: i for x_i, x_hat_i, W_ij (i and j)."""
    outside = expr.xreplace({total: sp.Integer(0) for total in expr.atoms(sp.Sum, sp.Product)})
    letters = set()
    for s in outside.free_symbols:  # those inside a derivative too (∂x̂_i/∂μ)
        base, _, sub = getattr(s, "name", "").rpartition("_")
        if base and sub.isalpha() and sub.islower() and len(sub) <= 2:
            letters |= set(sub)
    for item in outside.atoms(sp.Indexed):
        letters |= {i.name for i in item.indices if isinstance(i, sp.Symbol)}
    return letters


def free_and_summed(first: sp.Expr, claim: sp.Expr) -> str | None:
    """The letter free on one side and summed (only) on the other, or None."""
    for one, other in ((first, claim), (claim, first)):
        if not isinstance(one, sp.Basic) or not isinstance(other, sp.Basic):
            continue
        clash = (_free_indices(one) - _summed(one)) & (_summed(other) - _free_indices(other))
        if clash:
            return sorted(clash)[0]
    return None


def free_summed_outcome(first: sp.Expr, claim: sp.Expr) -> Outcome | None:
    """A skip for sides that differ when a letter is free on one and summed on the other."""
    letter = free_and_summed(first, claim)
    if letter is None:
        return None
    return Outcome("skipped", f"{letter} is a free index on one side and summed over on the other: whether the step "
                              f"means one term or the sum over {letter} is not settled; not checked")
