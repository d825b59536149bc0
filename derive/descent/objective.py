"""What gradient descent minimises: one loss and the parameters it moves,
with everything derived for it, once per process.

An :class:`Objective` holds the loss's :class:`~derive.gradient.Gradient`
and, computed on first use, the analyses the training methods need: the
proof that the per-sample step is affine (for the scan), the moments of
full-batch descent, the generated per-sample loop (and its numba-compiled
twin when numba is installed), and the per-epoch losses.
:func:`objective` caches it per loss and parameter names, so a second
neuron with the same loss costs a dictionary lookup, not SymPy work.
"""
from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Callable, Sequence

import numpy as np
import sympy as sp

from ..gradient import Gradient, gradient
from .. import compile as codegen
from . import compiled as kernels
from .affine import AffineUpdate, prove_affine
from .compiled import CompiledLoop
from .epoch_losses import EpochLosses
from .fused import BlockedMean, calls_scalar_functions
from .generated_loop import SGDLoop, steps_vector
from .matrix import as_columns, linear_mean_gradient
from ..generated import numpy_function
from .moments import BatchMoments, find_moments


class Objective:
    """One loss and the parameters descent moves (``gradient.params``)."""

    def __init__(self, grad: Gradient):
        self.gradient = grad
        #: The data every step takes after the parameters, in order (``x, y``).
        self.data_names: tuple[str, ...] = grad.names[len(grad.params):]

    @cached_property
    def affine(self) -> AffineUpdate | None:
        """The per-sample step as an affine map, when derive proves it is one
        (squared losses); ``None`` otherwise. Enables the scan."""
        return prove_affine(self.gradient)

    @cached_property
    def moments(self) -> BatchMoments | None:
        """Full-batch descent from sufficient statistics, when the gradient is
        a polynomial in the parameters; ``None`` otherwise."""
        return find_moments(self.gradient)

    @cached_property
    def loop(self) -> SGDLoop:
        """The generated per-sample loop."""
        return SGDLoop(self.gradient)

    @property
    def vector_step(self) -> bool:
        """Whether :attr:`loop` steps the parameter vector (a wide linear
        model), which :mod:`derive.descent.cost` prices on its own line."""
        return steps_vector(self.gradient)

    @property
    def compiled(self) -> CompiledLoop | None:
        """The numba-compiled loop and one-pass means, or ``None`` when numba
        is not installed (the optional extra ``derive-neuron[fast]``)."""
        return kernels.compiled_loop(self.gradient) if codegen.numba_available() else None

    @cached_property
    def blocked(self) -> BlockedMean:
        """The mean gradient in cache-sized blocks of NumPy (:mod:`derive.descent.fused`)."""
        return BlockedMean(self.gradient)

    def mean_gradient(self, params: Sequence[float], columns: Sequence[np.ndarray]) -> list[float]:
        """The gradient at ``params`` averaged over the data ``columns`` (the
        full-batch step, the book's ``backprop``), in one pass over the data."""
        return self.mean_gradient_and_total(params, columns)[0]

    def mean_gradient_and_total(self, params: Sequence[float],
                                columns: Sequence[np.ndarray]) -> tuple[list[float], float]:
        """:meth:`mean_gradient` and a number that is finite when every data
        value is (a sum of them; it may also overflow): ``backprop`` scans
        the data for the bad row only when it is not. The pass is the numba
        kernel when numba is installed (exp and σ vectorised:
        :mod:`derive.descent.simd`), else the blocked NumPy pass
        (:mod:`derive.descent.fused`) — and that one too with numba for a
        derivative calling log, a trigonometric or a hyperbolic function on
        one feature and a target, where NumPy's vector loops beat numba's
        calls one sample at a time."""
        arrays = as_columns(columns)
        if not arrays or not len(arrays[0]):  # no data: the per-sample function gives its NaN means
            with np.errstate(all="ignore"):
                return [float(np.mean(g)) for g in self.gradient.numpy(*params, *arrays)], 0.0
        if self.wide_derivative is not None:
            return linear_mean_gradient(self.wide_derivative, params, arrays)
        kernels_ = self.compiled if self.mean_pass == "numba" else None
        if kernels_ is not None:
            with np.errstate(all="ignore"):
                return kernels_.mean_gradient_and_total(params, arrays)
        return self.blocked.mean_gradient_and_total(params, arrays)

    @cached_property
    def wide_derivative_source(self) -> str | None:
        """For a linear model wider than WIDE_MODEL features whose parameters
        are its weights and bias: the source of f'(z) and the positions the
        one-pass mean gradient x̃ᵀ·f'(z)/n reads
        (:meth:`~derive.linear.LinearModel.derivative_source`); ``None`` otherwise."""
        from ..gradient import WIDE_MODEL, _tidied

        grad = self.gradient
        model = grad.model
        if model is None or len(model.weights) <= WIDE_MODEL or not model.moves_every_parameter(grad.params):
            return None
        return model.derivative_source(grad.args, grad.params, _tidied)

    @cached_property
    def wide_derivative(self) -> Callable[..., object] | None:
        """f'(z) of :attr:`wide_derivative_source`, or ``None``."""
        source = self.wide_derivative_source
        return None if source is None else numpy_function(source, "_derivative_of_z")

    @property
    def mean_pass(self) -> str:
        """The pass :meth:`mean_gradient` runs: ``"vector"`` (a wide linear
        model: :func:`~derive.descent.matrix.linear_mean_gradient`), ``"numba"``
        (the compiled kernel) or ``"numpy blocks"`` (:mod:`derive.descent.fused`)."""
        if self.wide_derivative_source is not None:
            return "vector"
        if not codegen.numba_available() or self._vectorised:
            return "numpy blocks"
        return "numba"

    @cached_property
    def _vectorised(self) -> bool:
        """True when the blocked NumPy pass beats the numba kernel."""
        return len(self.data_names) <= 2 and calls_scalar_functions(self.gradient)

    @property
    def loss_numpy(self) -> Callable[..., np.ndarray]:
        """The loss as a NumPy function of the gradient's arguments (log σ
        printed stably: a saturated sigmoid gives a large finite loss)."""
        return self.gradient.loss_numpy

    @cached_property
    def epoch_losses(self) -> EpochLosses:
        """The mean loss at many parameter vectors (every epoch's)."""
        kernels = self.compiled
        return EpochLosses(self.gradient, self.loss_numpy, None if kernels is None else kernels.mean_loss)

    def __repr__(self) -> str:
        return f"Objective({self.gradient.loss}, wrt={self.gradient.wrt})"


def objective(loss: sp.Expr, wrt: Sequence[str | sp.Symbol] = ("w", "b")) -> Objective:
    """The :class:`Objective` of ``loss`` with respect to ``wrt``; built once
    per loss and parameter names, then a dictionary lookup."""
    return _cached_objective(loss, parameter_names(wrt))


def affine_update(loss: sp.Expr, wrt: Sequence[str | sp.Symbol] = ("w", "b")) -> AffineUpdate | None:
    """The affine form of the step θ ← θ − lr·∇loss if it is affine in ``wrt``, else ``None``."""
    return objective(loss, wrt).affine


def batch_moments(loss: sp.Expr, wrt: Sequence[str | sp.Symbol] = ("w", "b")) -> BatchMoments | None:
    """Full-batch descent on ``loss`` from its moments, or ``None`` if its
    gradient is not a polynomial in ``wrt``."""
    return objective(loss, wrt).moments


def sgd_loop(loss: sp.Expr, wrt: Sequence[str | sp.Symbol] = ("w", "b")) -> SGDLoop:
    """The generated per-sample loop of ``loss`` with respect to ``wrt``."""
    return objective(loss, wrt).loop


def parameter_names(wrt: Sequence[str | sp.Symbol]) -> tuple[str, ...]:
    """``wrt`` as a tuple of names, the hashable key of the cache."""
    if isinstance(wrt, (str, sp.Symbol)):
        wrt = [wrt]
    return tuple(p.name if isinstance(p, sp.Symbol) else str(p) for p in wrt)


@lru_cache(maxsize=256)
def _cached_objective(loss: sp.Expr, names: tuple[str, ...]) -> Objective:
    return Objective(gradient(loss, names))

