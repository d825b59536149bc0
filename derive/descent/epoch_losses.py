"""The mean loss after every epoch, for methods that produce all the epochs'
parameters at once (the scan, batch descent from moments, the loops).

When the loss is a polynomial of low degree k in the parameters (a squared
loss of a linear model: k = 2), its mean over the data is that polynomial
with means for coefficients. Expanded around the last epoch's parameters θ*,
with δ = θ − θ*, Taylor's formula is exact for it:

    mean ℓ(θ) = Σ_{|α| ≤ k} mean(∂^α ℓ(θ*; d)) / α! · δ^α

The derivatives ∂^α ℓ come from SymPy (never written by hand); one pass over
the data gives their means at θ* (the moments of the expansion), and then
each epoch costs O(number of terms) instead of O(n). Expanding around θ*
rather than 0 keeps cancellation small: the last epoch's loss is exactly the
direct one, and any epoch whose terms cancel by more than
:data:`CANCELLATION` (or that is not finite) is evaluated directly. Other
losses, and polynomials with more than :data:`MAX_TERMS` terms, are evaluated directly.
"""
from __future__ import annotations

import math
from collections import Counter
from functools import cached_property
from itertools import combinations_with_replacement
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from .matrix import linear_parts
from .trajectory import mean_losses

if TYPE_CHECKING:
    from ..gradient import Gradient

#: ``(terms, coefficients)`` of :attr:`EpochLosses.expansion`.
Expansion = tuple[list[tuple[int, ...]], Callable[..., list]]

#: A loss smaller than this fraction of the terms it is the sum of is evaluated directly.
CANCELLATION = 1e-6
#: Highest degree in the parameters expanded (squared losses have 2).
MAX_DEGREE = 4
#: Most Taylor terms expanded: generating them is SymPy work paid on the first
#: fit in a process (about 0.1 s for 30 terms), and their number grows as p^k
#: (a squared loss of 5 features has 27); past this the losses are evaluated
#: directly, O(n·p) per epoch.
MAX_TERMS = 30
#: Fewest samples for which the fused one-pass loss is used (below, NumPy
#: evaluates many epochs in one call, cheaper than a call per epoch).
ONE_PASS_SAMPLES = 4096
#: Most parameters for which the expansion is tried (a cheap first test).
MAX_PARAMS = 8
#: Above this size the loss is evaluated directly, not expanded.
MAX_OPS = 400


class EpochLosses:
    """The mean of one loss over the data at many parameter vectors.

    ``loss_numpy`` evaluates the loss directly (a NumPy function of the
    gradient's arguments); the expansion is used when the loss is a
    polynomial of degree at most :data:`MAX_DEGREE` in the parameters.
    """

    def __init__(self, grad: Gradient, loss_numpy: Callable[..., object],
                 one_pass: Callable[[Sequence[float], Sequence[np.ndarray]], float] | None = None,
                 stored: tuple[list[tuple[int, ...]], str] | None | bool = False):
        self.gradient = grad
        self.size = len(grad.params)
        self.loss_numpy = loss_numpy
        if stored is not False:  # the expansion a cached bundle kept (:mod:`neuron.bundle`), or None: none
            from ..generated import numpy_function

            self.__dict__["expansion_source"] = None if stored is None else stored[1]
            self.__dict__["expansion"] = None if stored is None else (stored[0], numpy_function(stored[1]))
        #: ``one_pass(params, columns) -> mean loss`` in one fused pass (numba,
        #: when installed): used for direct evaluation on at least
        #: :data:`ONE_PASS_SAMPLES` samples, where it saves NumPy's temporaries.
        self.one_pass = one_pass

    def direct(self, history: np.ndarray, columns: Sequence[np.ndarray]) -> np.ndarray:
        """The mean loss at each row of ``history``, evaluated on the data."""
        n = len(columns[0]) if len(columns) else 0
        if self.one_pass is None or n < ONE_PASS_SAMPLES or linear_parts(self.loss_numpy) is not None:
            return mean_losses(self.loss_numpy, history, columns)  # a wide linear model's: one matrix product
        with np.errstate(all="ignore"):
            return np.array([self.one_pass(row, columns) for row in np.asarray(history, dtype=float)])

    @cached_property
    def expansion(self) -> Expansion | None:
        """``(terms, coefficients)``: each Taylor term as the indices of the
        parameters it multiplies (``(0, 0)`` is δ₀², the constant term left
        out), and a NumPy function of (params, data) giving the loss and
        each term's ∂^α ℓ / α!; ``None`` when the loss is not a low-degree polynomial in
        the parameters."""
        if self.expansion_source is None:
            return None
        from ..generated import numpy_function

        return self._terms, numpy_function(self.expansion_source)

    @cached_property
    def expansion_source(self) -> str | None:
        """The source of the expansion's coefficient function (SymPy work,
        kept in a neuron's cached bundle), or ``None``: no expansion."""
        import sympy as sp

        from ..budget import degree_bound
        from ..compile import lambdify_source

        grad = self.gradient
        params = grad.params
        if len(params) > MAX_PARAMS or sp.count_ops(grad.loss) > MAX_OPS:
            return None
        if degree_bound(grad.loss, params) > MAX_DEGREE:  # before Poly expands (y - z)**1000
            return None
        try:
            degree = sp.Poly(grad.loss, *params).total_degree()
        except sp.PolynomialError:
            return None
        if degree > MAX_DEGREE or math.comb(len(params) + degree, degree) - 1 > MAX_TERMS:
            return None
        terms, exprs = [], [grad.loss]  # the constant term: the loss itself
        for order in range(1, degree + 1):
            for wrt in combinations_with_replacement(range(len(params)), order):
                alpha = Counter(wrt)
                factorial = math.prod(math.factorial(k) for k in alpha.values())
                terms.append(wrt)
                exprs.append(sp.diff(grad.loss, *(params[j] for j in wrt)) / factorial)
        self._terms = terms
        return lambdify_source(grad.args, exprs, "numpy")

    def __call__(self, history: np.ndarray, columns: Sequence[np.ndarray]) -> np.ndarray:
        """The mean loss at each row of ``history`` (rows × p), over the data
        ``columns`` in the gradient's order."""
        history = np.asarray(history, dtype=float).reshape(-1, self.size)
        if self.expansion is None or len(history) < 3 or not np.isfinite(history[-1]).all():
            return self.direct(history, columns)
        _, coefficients = self.expansion
        last = history[-1]
        arrays = [np.asarray(c, dtype=float) for c in columns]
        n = len(arrays[0]) if arrays else 1
        with np.errstate(all="ignore"):
            means = [np.add.reduce(v) / n if np.ndim(v) else float(v) for v in coefficients(*last, *arrays)]
        losses, redo = self.expanded(history, last, means)
        if redo.any():
            losses[redo] = self.direct(history[redo], arrays)
        return losses

    def expanded(self, history: np.ndarray, center: np.ndarray, means: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
        """The mean loss at each row of ``history`` from ``means``, the mean
        over the data of the loss and of each Taylor coefficient at
        ``center``; and which rows cancel too much (or are not finite) to
        trust, to be evaluated directly."""
        product_of, _ = self.expansion
        constant, *means = means
        with np.errstate(all="ignore"):
            delta = (history - center).T
            terms = np.empty((len(means), len(history)))
            for k, (wrt, mean) in enumerate(zip(product_of, means)):
                term = terms[k]
                np.multiply(delta[wrt[0]], mean, out=term)
                for j in wrt[1:]:
                    term *= delta[j]
            losses = constant + terms.sum(axis=0)
            size = abs(constant) + np.abs(terms).sum(axis=0)
            redo = ~np.isfinite(losses) | (np.abs(losses) < CANCELLATION * size)
        return losses, redo
