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

For a loss of a linear model, f(z) with z = w·x̃ (x̃ = (x, 1), derive.linear),
the question is one-dimensional: ∇ℓ = f'(z)·x̃ and H = f''(z)·x̃x̃ᵀ, so the
step is affine exactly when f'(z) is affine in z, f'(z) = c·z + f'(0) with c
free of z. That is decided from f alone, whatever the number of features,
and the maps are built numerically from x̃ (:class:`LinearAffineUpdate`):

    Aᵢ = I − lr·cᵢ·x̃ᵢx̃ᵢᵀ,   cᵢ = −lr·f'(0; yᵢ)·x̃ᵢ

with no symbolic (d+1)² matrix.

    >>> update = affine_update(losses.half_squared_error(), ["w", "b"])
    >>> A, c = update.maps(x, y, lr=0.1)          # shapes (n, 2, 2), (n, 2)
"""
from __future__ import annotations

from functools import cached_property
from typing import Callable, Sequence

import numpy as np
import sympy as sp

from ..compile import function_from_source, lambdify, lambdify_source
from ..gradient import SIMPLIFY_MAX_OPS, Gradient
from .affine_maps import LinearMaps

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

    def curvature(self, *columns: np.ndarray, chunk: int = 1 << 16) -> tuple[float, np.ndarray] | None:
        """``(largest, mean)``: the largest eigenvalue of any sample's Hessian
        and the mean Hessian over the samples (what decides a stable learning
        rate), or ``None`` if a Hessian is not finite."""
        self._check_columns(columns)
        arrays = [np.asarray(col, dtype=float).reshape(-1) for col in columns]
        n = len(arrays[0]) if arrays else 1
        largest, total = 0.0, np.zeros((self.size, self.size))
        with np.errstate(all="ignore"):
            for start in range(0, n, chunk):
                h = self.hessians(*(a[start:start + chunk] for a in arrays))
                if not np.isfinite(h).all():
                    return None
                largest = max(largest, float(np.linalg.eigvalsh(h).max()))
                total += h.sum(axis=0)
        return largest, total / n

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


class LinearAffineUpdate(LinearMaps, AffineUpdate):
    """The affine step of a loss f(z) of a linear model z = w·x̃, from
    f'(z) = c·z + g₀: Hᵢ = cᵢ·x̃ᵢx̃ᵢᵀ and ∇ℓ(0; dᵢ) = g₀ᵢ·x̃ᵢ, built with
    NumPy from the data (work O(n·p²) for the maps, no SymPy matrix; the
    numbers are :class:`~derive.descent.affine_maps.LinearMaps`')."""

    def __init__(self, grad: Gradient, slope: sp.Expr, at_zero: sp.Expr):
        self.gradient = grad
        self.params = grad.params
        self.data = grad.args[len(grad.params):]
        self.data_names = tuple(s.name for s in self.data)
        #: c = f''(z) and g₀ = f'(0), expressions in the data other than the features.
        self.slope, self.at_zero = slope, at_zero
        self._inputs: list[sp.Expr] = grad.model.inputs(grad.params)
        #: For each parameter, the data column its input is (None: the bias, whose input is 1).
        self.positions: tuple[int | None, ...] = tuple(
            None if v == 1 else self.data.index(v) for v in self._inputs)

    @cached_property
    def hessian(self) -> sp.Matrix:  # built only when asked for (it has p² entries)
        x = sp.Matrix(self._inputs)
        return self.slope * x * x.T

    @cached_property
    def offset(self) -> sp.Matrix:
        return self.at_zero * sp.Matrix(self._inputs)

    @cached_property
    def scalars_source(self) -> str:
        """Source of the NumPy function ``(*data) -> [c, g₀]`` (kept in a
        neuron's cached bundle, :mod:`neuron.bundle`)."""
        return lambdify_source(self.data, [self.slope, self.at_zero], "numpy")

    @cached_property
    def _scalars(self) -> Callable[..., list]:
        return function_from_source(self.scalars_source)

    def __repr__(self) -> str:
        names = ", ".join(p.name for p in self.params)
        return f"LinearAffineUpdate(params=({names}), H=({self.slope})·x̃x̃ᵀ, grad0=({self.at_zero})·x̃)"


def _prove_linear(grad: Gradient) -> LinearAffineUpdate | None:
    """The 1-D proof for a loss f(z) of a linear model: f'(z) = c·z + f'(0)."""
    from ..gradient import _tidied

    model = grad.model
    z = model.z
    first = model.derivative(_tidied)
    slope = sp.diff(first, z)
    if slope.has(z) or slope.free_symbols & set(grad.params):
        return None
    at_zero = first.subs(z, 0)
    if any(e.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or e.has(z) for e in (slope, at_zero)):
        return None
    if not _residual_vanishes([first], sp.Matrix([[slope]]), sp.Matrix([at_zero]), (z,)):
        return None
    return LinearAffineUpdate(grad, slope, at_zero)


def prove_affine(grad: Gradient) -> AffineUpdate | None:
    """The affine form of the step θ ← θ − lr·∇loss if it is affine in the
    gradient's parameters, else ``None``. A loss of a linear model is
    decided from f'(z) alone (:func:`_prove_linear`)."""
    if grad.model is not None and grad.model.moves_every_parameter(grad.params):
        return _prove_linear(grad)
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
