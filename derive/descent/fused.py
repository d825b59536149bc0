"""The mean gradient over the data in one pass of cache-sized blocks, with
NumPy alone: the full-batch step and ``backprop`` for every install.

A loss of the linear model z = w·x + b has one per-sample derivative f'(z)
(:mod:`derive.linear`): ∂L/∂w_i = x_i·f'(z) and ∂L/∂b = f'(z). Block by
block of :func:`block_size` samples (about 1 MiB of data), the mean
gradient is then

    z    = Σ w_i·x_i + b          in place, in one buffer
    g    = f'(z, y)               the generated NumPy function of f'
    s_i += Σ x_i·g,  s_b += Σ g   einsum: no x_i·g array

so every temporary is one block long and stays in cache, and the data are
read from memory once. (``einsum``, not ``np.dot``: OpenBLAS runs a dot
product of more than some 10,000 values on several threads, and on two
busy cores that was 20× slower.) NumPy computes exp, log and the
trigonometric functions in SIMD loops; numba's one-pass means vectorise
exp and σ (:mod:`derive.descent.simd`) but call log and the trigonometric
and hyperbolic functions one sample at a time: for a derivative with such
a call on one feature this pass is the faster one, so
:class:`~derive.descent.objective.Objective` runs it there even when numba
is installed (:func:`calls_scalar_functions`).

A loss that is not of a linear model, or a gradient by only some of the
model's parameters, runs its generated gradient function block by block
instead, summing each block's results.
"""
from __future__ import annotations

from functools import cached_property
from typing import Callable, Sequence

import numpy as np
import sympy as sp

from ..compile import code_form, lambdify
from ..gradient import Gradient
from ..symbols import log_sigmoid, sigmoid

#: Bytes of data a block reads (all its columns): 1 MiB, the L2 cache of a
#: core here; 65,536 samples of x and y. Measured on the logistic loss:
#: 4,096 samples a block ran 1.6× slower than 65,536 (the Python work a
#: block), 131,072 no faster.
BLOCK_BYTES = 1 << 20


def block_size(columns: int) -> int:
    """Samples a block when each sample has ``columns`` values."""
    return max(1024, BLOCK_BYTES // (8 * max(columns, 1)))


#: Functions NumPy evaluates in vector loops and numba's one-pass means one
#: sample at a time (exp and σ are not among them: derive.descent.simd).
_SCALAR = (sp.log, log_sigmoid, sp.functions.elementary.trigonometric.TrigonometricFunction,
           sp.functions.elementary.hyperbolic.HyperbolicFunction)


def calls_scalar_functions(grad: Gradient) -> bool:
    """True when a derivative of ``grad`` calls log, a trigonometric or a
    hyperbolic function, which numba's one-pass mean calls once per sample:
    then, on one feature, the blocked NumPy pass beats numba's."""
    return any(e.has(*_SCALAR) for e in grad.derivatives)


def one_exponential(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each σ(u) outside a logarithm written 1/(1 + e^−u): one
    exponential where the stable printed form takes two. Its value is σ's
    to a few ulp wherever σ(u) is a normal number; for u < −709, e^−u
    overflows to inf and it gives 0 where σ is below 1e−308, an absolute
    error no mean can see. (log σ keeps its stable form: :func:`derive.compile.code_form`
    rewrites it first.)"""
    return code_form(expr).replace(sigmoid, lambda u: 1 / (1 + sp.exp(-u)))


class BlockedMean:
    """The mean gradient of one loss in blocks of ``block`` samples."""

    def __init__(self, grad: Gradient, block: int | None = None):
        self.gradient = grad
        #: Samples a block (:func:`block_size` of the data's columns unless given).
        self.block = block or block_size(len(grad.args) - len(grad.params))
        model = grad.model
        #: True when f'(z) gives every partial (the parameters are the
        #: model's weights and bias): the fused pass of the module docstring.
        self.fused = model is not None and model.moves_every_parameter(grad.params)
        if self.fused:
            data = grad.args[len(grad.params):]
            self._rest = tuple(s for s in data if s not in model.features)
            self._feature_columns = [data.index(x) for x in model.features]
            self._rest_columns = [data.index(s) for s in self._rest]
            self._weights = [grad.params.index(w) for w in model.weights]
            self._bias = grad.params.index(model.bias)

    @cached_property
    def derivative(self) -> Callable[..., object]:
        """f'(z) as a NumPy function of z and the data other than the
        features (``y``), generated from the gradient's one derivative,
        with σ(u) printed as 1/(1 + e^−u) (:func:`one_exponential`)."""
        model = self.gradient.model
        return lambdify([model.z, *self._rest], one_exponential(self.gradient.outer_derivative))

    def mean_gradient(self, params: Sequence[float], columns: Sequence[np.ndarray]) -> list[float]:
        """The gradient at ``params`` averaged over the samples of ``columns``
        (1-D float arrays of one length, at least one sample)."""
        return self._means(params, columns, False)[0]

    def mean_gradient_and_total(self, params: Sequence[float],
                                columns: Sequence[np.ndarray]) -> tuple[list[float], float]:
        """:meth:`mean_gradient` and the sum of every data value, taken from
        each block while it is in cache: finite exactly when every value is
        (or the sum overflowed), so a caller checks the data only then."""
        return self._means(params, columns, True)

    def _means(self, params: Sequence[float], columns: Sequence[np.ndarray], total: bool) -> tuple[list[float], float]:
        params = [float(p) for p in params]
        n = len(columns[0])
        with np.errstate(all="ignore"):
            sums, data_total = (self._fused_sums if self.fused else self._blocked_sums)(params, columns, n, total)
        return [s / n for s in sums], data_total

    def _fused_sums(self, params: list[float], columns: Sequence[np.ndarray], n: int,
                    total: bool) -> tuple[list[float], float]:
        features = [columns[k] for k in self._feature_columns]
        rest = [columns[k] for k in self._rest_columns]
        weights = [params[k] for k in self._weights]
        bias = params[self._bias]
        z = np.empty(min(self.block, n))
        term = np.empty_like(z) if len(features) > 1 else None
        feature_sums = [0.0] * len(features)
        bias_sum = data_total = 0.0
        for start in range(0, n, self.block):
            stop = min(start + self.block, n)
            zb = z[:stop - start]
            np.multiply(features[0][start:stop], weights[0], out=zb)
            for x, w in zip(features[1:], weights[1:]):
                tb = term[:stop - start]
                np.multiply(x[start:stop], w, out=tb)
                zb += tb
            zb += bias
            g = np.broadcast_to(np.asarray(self.derivative(zb, *(c[start:stop] for c in rest)), dtype=float), zb.shape)
            for i, x in enumerate(features):
                feature_sums[i] += float(np.einsum("i,i->", x[start:stop], g))
            bias_sum += float(np.add.reduce(g))
            if total:  # the block is in cache: its sum costs little
                data_total += _block_total(columns, start, stop)
        sums = [0.0] * len(params)
        for i, k in enumerate(self._weights):
            sums[k] = feature_sums[i]
        sums[self._bias] = bias_sum
        return sums, data_total

    def _blocked_sums(self, params: list[float], columns: Sequence[np.ndarray], n: int,
                      total: bool) -> tuple[list[float], float]:
        sums = [0.0] * len(params)
        data_total = 0.0
        for start in range(0, n, self.block):
            stop = min(start + self.block, n)
            parts = self.gradient.numpy(*params, *(c[start:stop] for c in columns))
            for k, part in enumerate(parts):
                sums[k] += float(np.add.reduce(np.broadcast_to(part, (stop - start,))))
            if total:
                data_total += _block_total(columns, start, stop)
        return sums, data_total


def _block_total(columns: Sequence[np.ndarray], start: int, stop: int) -> float:
    """The sum of every value of the block: NaN or ±inf when one of them is."""
    return sum(float(np.add.reduce(c[start:stop])) for c in columns)
