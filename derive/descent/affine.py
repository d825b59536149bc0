"""Prove that one per-sample descent step is an affine map of the parameters,
and give that map as generated NumPy functions of the data.

One step is θ ← θ − lr·∇ℓ(θ; dᵢ). When the Jacobian of the gradient with
respect to θ (the Hessian H of the loss) is free of θ, the gradient *is*
∇ℓ(θ; d) = H(d)·θ + ∇ℓ(0; d) — its difference from that has zero Jacobian and
vanishes at θ = 0 — so the step is the affine map

    θ ↦ Aᵢθ + cᵢ,   Aᵢ = I − lr·H(dᵢ),   cᵢ = −lr·∇ℓ(0; dᵢ).

Squared losses of a linear model pass (with any number of features); the
logistic loss (H holds σ(w·x + b)) and the absolute error (H holds a Dirac
delta of y − ŷ) do not, and :func:`prove_affine` returns ``None`` for them.

    >>> update = affine_update(losses.half_squared_error(), ["w", "b"])
    >>> A, c = update.maps(x, y, lr=0.1)          # shapes (n, 2, 2), (n, 2)
"""
from __future__ import annotations

from functools import cached_property
from typing import Callable, Sequence

import numpy as np
import sympy as sp

from ..compile import lambdify
from ..gradient import SIMPLIFY_MAX_OPS, Gradient

#: Above this many operations the residual check g − (Hθ + g(0)) = 0 is not
#: expanded (the Jacobian test alone is the proof; the expansion is a second
#: look that must not hang on a large loss).
EXPAND_MAX_OPS = 2_000


class AffineUpdate:
    """The per-sample step of one loss, proved affine in its parameters.

    ``hessian`` (p × p) and ``offset`` (p) are SymPy expressions in the data
    symbols ``data`` only; ``params`` and ``data`` follow the order of the
    loss's :class:`~derive.gradient.Gradient` (``gradient.args`` is
    ``params + data``), which is also the order of every array here.
    """

    def __init__(self, grad: Gradient, hessian: sp.Matrix, offset: sp.Matrix):
        self.gradient = grad
        self.params: tuple[sp.Symbol, ...] = grad.params
        self.data: tuple[sp.Symbol, ...] = grad.args[len(grad.params):]
        #: Names of the data arrays :meth:`maps` and :meth:`augmented` take, in order.
        self.data_names: tuple[str, ...] = tuple(s.name for s in self.data)
        self.hessian = hessian
        self.offset = offset

    @property
    def size(self) -> int:
        """The number of parameters p."""
        return len(self.params)

    @cached_property
    def _entries(self) -> Callable[..., list]:
        """Generated NumPy function ``(*data, lr) -> entries of [[A, c], [0, 1]]``
        row by row; constant entries come back as Python numbers."""
        lr = sp.Dummy("lr")
        p = self.size
        step = (sp.eye(p) - lr * self.hessian).row_join(-lr * self.offset)
        augmented = step.col_join(sp.Matrix([[0] * p + [1]]))
        return lambdify((*self.data, lr), list(augmented), "numpy")

    def augmented(self, *columns: np.ndarray, lr: float) -> np.ndarray:
        """The maps of every sample as augmented matrices ``[[Aᵢ, cᵢ], [0, 1]]``,
        shape ``(n, p+1, p+1)``: θ̃ ↦ Mᵢθ̃ on θ̃ = (θ, 1). ``columns`` are the data
        arrays in the order of :attr:`data_names`, one value per sample."""
        self._check_columns(columns)
        arrays = [np.asarray(col, dtype=float).reshape(-1) for col in columns]
        n = len(arrays[0]) if arrays else 1
        q = self.size + 1
        out = np.empty((n, q * q))
        with np.errstate(all="ignore"):
            for k, value in enumerate(self._entries(*arrays, float(lr))):
                out[:, k] = value
        return out.reshape(n, q, q)

    @cached_property
    def _hessian_entries(self) -> Callable[..., list]:
        return lambdify(self.data, list(self.hessian), "numpy")

    def hessians(self, *columns: np.ndarray) -> np.ndarray:
        """The Hessian of the loss at every sample, shape ``(n, p, p)``: the
        curvature that decides whether a step of a given size is stable."""
        self._check_columns(columns)
        arrays = [np.asarray(col, dtype=float).reshape(-1) for col in columns]
        n = len(arrays[0]) if arrays else 1
        out = np.empty((n, self.size * self.size))
        with np.errstate(all="ignore"):
            for k, value in enumerate(self._hessian_entries(*arrays)):
                out[:, k] = value
        return out.reshape(n, self.size, self.size)

    def maps(self, *columns: np.ndarray, lr: float) -> tuple[np.ndarray, np.ndarray]:
        """``(A, c)`` of every sample, shapes ``(n, p, p)`` and ``(n, p)``, so
        that one step on sample i is ``θ ← A[i] @ θ + c[i]``."""
        m = self.augmented(*columns, lr=lr)
        p = self.size
        return m[:, :p, :p], m[:, :p, p]

    def _check_columns(self, columns: Sequence) -> None:
        if len(columns) != len(self.data):
            raise TypeError(f"the step takes the data {', '.join(self.data_names) or '(none)'} "
                            f"in that order; got {len(columns)} arrays")

    def __repr__(self) -> str:
        names = ", ".join(p.name for p in self.params)
        return f"AffineUpdate(params=({names}), H={self.hessian.tolist()}, grad0={list(self.offset)})"


def prove_affine(grad: Gradient) -> AffineUpdate | None:
    """The affine form of the step θ ← θ − lr·∇loss if it is affine in the
    gradient's parameters, else ``None``."""
    params = grad.params
    exprs = [grad.exprs[p.name] for p in params]
    hessian = sp.Matrix([[sp.diff(e, q) for q in params] for e in exprs])
    if _depends_on(hessian, params):
        return None
    at_zero = {q: 0 for q in params}
    offset = sp.Matrix([e.subs(at_zero) for e in exprs])
    if _depends_on(offset, params) or any(e.has(sp.nan, sp.zoo, sp.oo, -sp.oo) for e in list(hessian) + list(offset)):
        return None
    if not _residual_vanishes(exprs, hessian, offset, params):
        return None
    return AffineUpdate(grad, hessian, offset)


def _depends_on(matrix: sp.Matrix, params: tuple[sp.Symbol, ...]) -> bool:
    return any(bool(e.free_symbols & set(params)) for e in matrix)


def _residual_vanishes(exprs: list[sp.Expr], hessian: sp.Matrix, offset: sp.Matrix,
                       params: tuple[sp.Symbol, ...]) -> bool:
    """Second look: g − (Hθ + g(0)) expands to zero. Its Jacobian is already
    zero, so this can only fail through SymPy's ``diff`` conventions; a
    residual too large to expand is left to the Jacobian test."""
    theta = sp.Matrix(params)
    residual = sp.Matrix(exprs) - hessian * theta - offset
    for r in residual:
        ops = sp.count_ops(r)
        if ops > EXPAND_MAX_OPS:
            continue
        if sp.expand(r) != 0 and (ops > SIMPLIFY_MAX_OPS or sp.simplify(r) != 0):
            return False  # saying no only costs speed; saying yes wrongly costs results
    return True
