r"""A derivative by a name whose index is also the index of a sum it stands in:
``Z_{lj} = \sum_i X_{li} W_{ij} + b``, then ``\frac{\partial Z_{lj}}{\partial W_{ij}} = X_{li}``.

The checker reads a name with two indices (``W_{ij}``) as one name, so inside
the sum over i it is the same W_ij in every term, and ∂/∂W_ij of the sum is
then the whole sum of X_li (n of them): a true step (the writer means the one
term whose i is the i of W_ij) would be called wrong. Here i is bound in the
sum and free in the derivative, so which term is meant is not settled: such a
derivative is kept opaque with that reason, and the step is skipped, never
judged. A one-index name (``\frac{\partial}{\partial v_j} \sum_j v_j h_j``)
is read term by term elsewhere (sum_derivatives.py) and is not touched here.
"""
from __future__ import annotations

import sympy as sp

from ..symbols import symbol

#: Starts the name of an opaque derivative (as expansion.OPAQUE, not imported: expansion imports this module).
_OPAQUE = "\u2202"
#: Ends the name of an opaque derivative by a name that carries a sum's own index.
BOUND = "\u2061"


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


def bound_reason(names: list[str]) -> str | None:
    """The reason a step is skipped when it depends on such a derivative, or None."""
    bound = sorted({n.rstrip(BOUND).rpartition("/" + _OPAQUE)[2] for n in names if n.endswith(BOUND)})
    if not bound:
        return None
    var, _, letter = bound[0].partition("|")
    return (f"{letter} is summed over in the definition differentiated and is also an index of {var}, the name it "
            f"is differentiated by (bound in the sum, free in the derivative): which term of the sum is meant is "
            "not settled; not checked")
