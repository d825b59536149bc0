"""Full-batch gradient descent from sufficient statistics.

The batch step is θ ← θ − lr·(1/n)·Σᵢ∇ℓ(θ; dᵢ). When every component of ∇ℓ
is a polynomial in the parameters, its coefficients are functions of the data
alone, and expanding them into terms (number × data monomial) shows which
means the step needs. For ½(y − (w·x + b))² those are x̄², x̄, ȳ and x̄y:

    mean ∂/∂w = w·mean(x²) + b·mean(x) − mean(x·y)
    mean ∂/∂b = w·mean(x)  + b        − mean(y)

and with several features they are the entries of XᵀX/n and Xᵀy/n. One pass
over the data computes these moments; every epoch after that is a generated
Python step on a handful of floats, its cost independent of n.

Logistic and absolute-error gradients are not polynomial in the parameters,
and :func:`find_moments` returns ``None`` for them.
"""
from __future__ import annotations

from functools import cached_property
from typing import Callable, Sequence

import numpy as np
import sympy as sp

from .. import compile as codegen
from ..compile import lambdify, load_cached_source, run_source
from .compiled import statistics_source
from .numba_loop import contiguous_means
from ..gradient import Gradient
from .generated_loop import origin, update_lines
from .trajectory import Trajectory, mean_losses


class BatchMoments:
    """Batch descent for one loss through the means of ``statistics``.

    ``statistics`` are the data expressions whose means the step needs;
    ``mean_gradient`` is the mean gradient in the parameters and the moment
    symbols ``m0, m1, …`` (one per statistic, in order).
    """

    def __init__(self, grad: Gradient, statistics: tuple[sp.Expr, ...],
                 moment_symbols: tuple[sp.Symbol, ...], mean_gradient: tuple[sp.Expr, ...]):
        self.gradient = grad
        self.params = grad.params
        self.data: tuple[sp.Symbol, ...] = grad.args[len(grad.params):]
        self.data_names: tuple[str, ...] = tuple(s.name for s in self.data)
        self.statistics = statistics
        self.moment_symbols = moment_symbols
        self.mean_gradient = mean_gradient

    @cached_property
    def _statistics_numpy(self) -> Callable[..., list]:
        return lambdify(self.data, list(self.statistics), "numpy")

    @cached_property
    def _statistics_compiled(self) -> Callable[..., tuple] | None:
        """The generated numba ``means(*columns)``: every statistic in one pass."""
        if not codegen.numba_available():
            return None
        return load_cached_source(statistics_source(self.data, self.statistics), "moments").means

    def __getstate__(self) -> dict:
        """Pickled without the numba function (a Dask task ships the
        objective): the receiving process loads it again."""
        state = dict(self.__dict__)
        state.pop("_statistics_compiled", None)
        return state

    def moments(self, *columns: np.ndarray) -> np.ndarray:
        """The mean of every statistic over the data: the one pass over n.

        With numba installed, one fused pass (no per-sample arrays); else each
        statistic that is a data symbol or a product of two is one BLAS
        ``dot`` (or sum) over the columns, and any other a NumPy array, then
        its mean."""
        if len(columns) != len(self.data):
            raise TypeError(f"the moments take the data {', '.join(self.data_names)} in that order; "
                            f"got {len(columns)} arrays")
        arrays = [np.asarray(c, dtype=float).reshape(-1) for c in columns]
        n = len(arrays[0]) if arrays else 1
        with np.errstate(all="ignore"):
            if self._statistics_compiled is not None and arrays and n:
                return np.array(contiguous_means(self._statistics_compiled, arrays), dtype=float)
            return np.array([self._mean(s, arrays, n) for s in self.statistics])

    def _mean(self, statistic: sp.Expr, arrays: list[np.ndarray], n: int) -> float:
        factors = _two_factors(statistic)
        if factors is not None and n:
            index = {s: k for k, s in enumerate(self.data)}
            first, second = (arrays[index[f]] for f in factors) if len(factors) == 2 else (arrays[index[factors[0]]], None)
            return float(np.add.reduce(first) if second is None else np.dot(first, second)) / n
        values = lambdify(self.data, statistic, "numpy")(*arrays)
        return float(np.mean(np.broadcast_to(np.asarray(values, dtype=float), (n,))))

    @cached_property
    def source(self) -> str:
        """Source of the generated ``descend(*params, *moments, lr, epochs)``,
        which returns ``(history, finished)`` — the parameters after each
        epoch, and whether they stayed finite."""
        p = len(self.params)
        params = [sp.Symbol(f"p{i}") for i in range(p)]
        rename = dict(zip(self.params, params))
        body = "\n".join(f"            {line}" for line in
                         update_lines([e.xreplace(rename) for e in self.mean_gradient], params))
        targets = ", ".join(map(str, params)) + ("," if p == 1 else "")
        finite = " and ".join(f"isfinite({q})" for q in params)
        signature = ", ".join([*map(str, params), *map(str, self.moment_symbols), "lr", "epochs"])
        return f'''def descend({signature}):
    history = [({targets})]
    try:
        for _ in range(epochs):
{body}
            if not ({finite}):
                return history, False
            history.append(({targets}))
    except NumericErrors:
        return history, False
    return history, True
'''

    @cached_property
    def _descend(self) -> Callable[..., tuple]:
        return run_source(self.source, f"batch step for {origin(self.gradient)}")["descend"]

    def fit(self, params: Sequence[float], columns: Sequence[np.ndarray], lr: float, epochs: int) -> Trajectory:
        """``epochs`` epochs of full-batch descent from ``params``: one pass
        for the moments, then O(1) in n per epoch. Stops at the first epoch
        whose parameters are not finite."""
        moments = self.moments(*columns)
        return self.fit_moments(params, moments, lr, epochs, columns)

    def fit_moments(self, params: Sequence[float], moments: np.ndarray, lr: float, epochs: int,
                    columns: Sequence[np.ndarray] | None = None) -> Trajectory:
        """As :meth:`fit` from moments already computed (for instance once
        for several learning rates). ``columns``, if given, let the
        trajectory compute its losses."""
        theta = [float(v) for v in params]
        if len(theta) != len(self.params):
            raise ValueError(f"expected {len(self.params)} starting parameters, got {len(theta)}")
        if epochs < 0:
            raise ValueError(f"epochs must be at least 0, got {epochs}")
        history, finished = self._descend(*theta, *map(float, moments), float(lr), int(epochs))
        diverged_at = None if finished else len(history)
        mean_loss = None
        if columns is not None:
            arrays = [np.asarray(c, dtype=float).reshape(-1) for c in columns]
            loss_numpy = self.gradient.loss_numpy
            mean_loss = lambda rows: mean_losses(loss_numpy, rows, arrays)  # noqa: E731
        return Trajectory(np.array(history, dtype=float).reshape(len(history), len(self.params)),
                          diverged_at, None, mean_loss, "batch")

    def __repr__(self) -> str:
        means = ", ".join(f"{m}=mean({s})" for m, s in zip(self.moment_symbols, self.statistics))
        return f"BatchMoments({means})"


class LinearBatchMoments(BatchMoments):
    """Batch descent for a wide linear model whose step is affine
    (:class:`~derive.descent.affine.LinearAffineUpdate`, f'(z) = c·z + g₀):
    the mean gradient is M·θ + v with M = mean(c·x̃x̃ᵀ) and v = mean(g₀·x̃),
    computed with NumPy in one pass (no symbolic expansion of d² terms);
    each epoch is then one (d+1)² product."""

    def __init__(self, grad: Gradient, update):
        self.gradient = grad
        self.params = grad.params
        self.data = grad.args[len(grad.params):]
        self.data_names = tuple(s.name for s in self.data)
        self.update = update

    def moments(self, *columns: np.ndarray) -> np.ndarray:
        """M (row by row) then v, as one flat array: the one pass over n."""
        x, slope, at_zero = self.update._parts(columns)
        n = max(len(x), 1)
        with np.errstate(all="ignore"):
            m = (x * slope[:, None]).T @ x / n
            v = at_zero @ x / n
        return np.concatenate([m.ravel(), v])

    def fit_moments(self, params: Sequence[float], moments: np.ndarray, lr: float, epochs: int,
                    columns: Sequence[np.ndarray] | None = None) -> Trajectory:
        p = len(self.params)
        theta = np.array([float(v) for v in params])
        if len(theta) != p:
            raise ValueError(f"expected {p} starting parameters, got {len(theta)}")
        if epochs < 0:
            raise ValueError(f"epochs must be at least 0, got {epochs}")
        m, v = moments[:p * p].reshape(p, p), moments[p * p:]
        history, diverged_at = [theta], None
        with np.errstate(all="ignore"):
            for epoch in range(1, epochs + 1):
                theta = theta - lr * (m @ theta + v)
                if not np.isfinite(theta).all():
                    diverged_at = epoch
                    break
                history.append(theta)
        mean_loss = None
        if columns is not None:
            arrays = [np.asarray(c, dtype=float).reshape(-1) for c in columns]
            loss_numpy = self.gradient.loss_numpy
            mean_loss = lambda rows: mean_losses(loss_numpy, rows, arrays)  # noqa: E731
        return Trajectory(np.array(history, dtype=float).reshape(len(history), p), diverged_at, None,
                          mean_loss, "batch")

    def __repr__(self) -> str:
        return f"LinearBatchMoments(M = mean(({self.update.slope})·x̃x̃ᵀ), v = mean(({self.update.at_zero})·x̃))"


def _two_factors(statistic: sp.Expr) -> tuple[sp.Symbol, ...] | None:
    """``(a,)`` for a data symbol a, ``(a, b)`` for a·b or ``(a, a)`` for a²,
    else ``None``."""
    if isinstance(statistic, sp.Symbol):
        return (statistic,)
    if isinstance(statistic, sp.Pow) and statistic.exp == 2 and isinstance(statistic.base, sp.Symbol):
        return (statistic.base, statistic.base)
    if isinstance(statistic, sp.Mul) and len(statistic.args) == 2 and all(isinstance(a, sp.Symbol) for a in statistic.args):
        return tuple(statistic.args)
    return None


def find_moments(grad: Gradient) -> BatchMoments | None:
    """The sufficient statistics of full-batch descent on the gradient's
    loss, or ``None`` if the gradient is not a polynomial in its parameters.
    A wide linear model with an affine step gets them numerically
    (:class:`LinearBatchMoments`); others by symbolic expansion."""
    from ..gradient import WIDE_MODEL
    from .affine import LinearAffineUpdate, prove_affine

    model = grad.model
    if model is not None and len(model.weights) > WIDE_MODEL and model.moves_every_parameter(grad.params):
        update = prove_affine(grad)
        if isinstance(update, LinearAffineUpdate):
            return LinearBatchMoments(grad, update)
    params = grad.params
    statistics: dict[sp.Expr, sp.Symbol] = {}
    mean_gradient = []
    for q in params:
        try:
            poly = sp.Poly(sp.expand(grad.exprs[q.name]), *params)
        except sp.PolynomialError:
            return None
        total = sp.Integer(0)
        for powers, coefficient in poly.terms():
            monomial = sp.Mul(*(s ** k for s, k in zip(params, powers)))
            for term in sp.Add.make_args(sp.expand(coefficient)):
                number, data_part = term.as_coeff_Mul()
                if data_part.free_symbols & set(params):
                    return None
                if data_part == 1:  # mean(1) is 1: no statistic needed
                    total += number * monomial
                    continue
                moment = statistics.setdefault(data_part, sp.Symbol(f"m{len(statistics)}"))
                total += number * monomial * moment
        mean_gradient.append(total)
    return BatchMoments(grad, tuple(statistics), tuple(statistics.values()), tuple(mean_gradient))
