"""Runs the generated per-sample SGD loop of a loss (its source comes from
:mod:`derive.descent.generated_loop`, or from the cache): no SymPy here,
so a process whose source is cached trains without importing it.

For a linear model wider than :data:`INLINE_MAX_FEATURES` the generated
step works on the parameter vector with NumPy (one dot, one axpy a sample;
:func:`~derive.descent.generated_loop.vector_source`): its ``epoch`` takes
the parameters as one array and the samples as the rows of a matrix, which
:meth:`SGDLoop.fit` builds from the columns.

The fast ``epoch`` does no check per sample. The parameters cannot become
finite again once they are not (θ − lr·g keeps ±inf or nan), so a check at
the end of each epoch finds an overflow; the epoch is then run again by
``epoch_checked``, which finds the sample.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from ..generated import NUMERIC_ERRORS, run_source
from .matrix import as_columns, gathered
from .progress import epoch_done
from .trajectory import Trajectory, mean_losses

if TYPE_CHECKING:
    from ..gradient import Gradient

#: Up to this many features the step of a linear model is written out, one
#: statement per parameter (z inside f'(z) as the d + 1 partials print, or
#: computed once in index order); wider models step the parameter vector with
#: NumPy, whose dot sums z in its own order (the same numbers up to rounding).
INLINE_MAX_FEATURES = 8


class SGDLoop:
    """Per-sample SGD for one loss: generated source, the compiled epoch
    functions, and :meth:`fit`, which runs epochs and reports divergence.

    Parameters and data follow the loss's :class:`~derive.gradient.Gradient`:
    ``params`` in ``gradient.params`` order, data columns in ``data_names``.
    """

    def __init__(self, grad: Gradient, source: str | None = None, label: str | None = None):
        self.gradient = grad
        self.data_names: tuple[str, ...] = grad.names[len(grad.params):]
        if not self.data_names:
            raise ValueError("the loss has no data symbols, so there are no samples to loop over")
        if source is None:  # generated from the gradient (SymPy), or read from the cache
            from .generated_loop import loop_source

            source = loop_source(grad)
        #: Source of ``epoch`` and ``epoch_checked``, for reading and debugging.
        self.source: str = source
        namespace = run_source(self.source, f"sgd step for {label or origin(grad)}")
        #: ``epoch(*params, *columns, lr) -> params``: one pass, no checks
        #: (the vector step: ``epoch(p, rows, *others, lr) -> p``, see :attr:`vector`).
        self.epoch: Callable[..., tuple] = namespace["epoch"]
        #: ``epoch_checked(*params, *columns, lr) -> (params, i)``: ``i`` is the
        #: first sample after which a parameter is not finite, else −1.
        self.epoch_checked: Callable[..., tuple] = namespace["epoch_checked"]
        #: The vector step's layout, ``(INPUTS, OTHERS)``: the data column of each
        #: column of ``rows`` (−1: the bias's 1) and the columns after it; ``None``
        #: for the scalar step.
        self.vector: tuple[tuple[int, ...], tuple[int, ...]] | None = _layout(namespace, len(grad.params),
                                                                              len(self.data_names))

    def fit(self, params: Sequence[float], columns: Sequence[Sequence[float]], lr: float, epochs: int,
            orders: Sequence[Sequence[int]] | None = None) -> Trajectory:
        """Run ``epochs`` epochs from ``params``; ``orders`` optionally gives
        each epoch's sample order (a shuffle). Stops at the first epoch whose
        parameters are not finite, recording it and the sample."""
        if len(columns) != len(self.data_names):
            raise TypeError(f"the loop takes the data {', '.join(self.data_names)} in that order; "
                            f"got {len(columns)} columns")
        if orders is not None and len(orders) != epochs:
            raise ValueError(f"orders must hold one index array per epoch ({epochs}), got {len(orders)}")
        arrays = as_columns(columns)
        in_order = self._data(arrays)
        theta = tuple(float(v) for v in params)
        if len(theta) != len(self.gradient.params):
            raise ValueError(f"expected {len(self.gradient.params)} starting parameters, got {len(theta)}")
        lr = float(lr)
        history = [theta]
        diverged_at = sample = None
        interrupted = False
        try:
            for e in range(epochs):
                data = in_order if orders is None else self._shuffled(in_order, arrays, np.asarray(orders[e]))
                try:
                    after = self._run(self.epoch, theta, data, lr)
                    finite = all(map(math.isfinite, after))
                except NUMERIC_ERRORS:
                    finite = False
                if not finite:
                    _, index = self._run(self.epoch_checked, theta, data, lr)
                    diverged_at, sample = e + 1, index
                    break
                theta = after
                history.append(theta)
                epoch_done(e + 1, theta)
        except KeyboardInterrupt:  # Ctrl-C: keep the epochs that finished
            interrupted = True
        loss_numpy = self.gradient.loss_numpy
        return Trajectory(np.array(history), diverged_at, sample,
                          lambda rows: mean_losses(loss_numpy, rows, arrays), "loop", interrupted)

    def _data(self, arrays: Sequence[np.ndarray]) -> list:
        """What an epoch takes after the parameters: each column as a list
        (Python floats run the scalar step fastest), or for the vector step
        the matrix of rows x̃ (from the caller's matrix when the columns are
        :class:`~derive.descent.matrix.MatrixColumns`) and the other columns as lists."""
        if self.vector is None:
            return [a.tolist() for a in arrays]
        inputs, others = self.vector
        return [gathered(arrays, inputs), *(arrays[i].tolist() for i in others)]

    def _shuffled(self, in_order: list, arrays: Sequence[np.ndarray], order: np.ndarray) -> list:
        """:meth:`_data` with the samples in ``order`` (the vector step's rows gathered at once)."""
        if self.vector is None:
            return [a[order].tolist() for a in arrays]
        return [in_order[0][order], *(arrays[i][order].tolist() for i in self.vector[1])]

    def _run(self, function: Callable[..., tuple], theta: tuple[float, ...], data: list, lr: float):
        """``function`` (``epoch`` or ``epoch_checked``) from ``theta``; the
        vector step's parameters come back as a tuple of floats, as the scalar one's."""
        if self.vector is None:
            return function(*theta, *data, lr)
        with np.errstate(over="ignore", invalid="ignore"):  # as Python floats do: inf, nan, no warning
            out = function(np.array(theta), *data, lr)
        if isinstance(out, tuple):  # epoch_checked: (p, i)
            return tuple(out[0].tolist()), out[1]
        return tuple(out.tolist())

    def __repr__(self) -> str:
        return f"SGDLoop({origin(self.gradient)}, wrt={self.gradient.wrt})"


def _layout(namespace: dict[str, object], params: int,
            columns: int) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """The vector step's ``(INPUTS, OTHERS)`` from its generated namespace
    (checked: cached source is read back), or ``None`` for the scalar step."""
    if "INPUTS" not in namespace:
        return None
    inputs, others = namespace["INPUTS"], namespace.get("OTHERS")
    if not (isinstance(inputs, tuple) and isinstance(others, tuple) and len(inputs) == params
            and all(type(i) is int and -1 <= i < columns for i in inputs)
            and all(type(i) is int and 0 <= i < columns for i in others)):
        raise ValueError("the generated vector step's INPUTS and OTHERS are not data columns")
    return inputs, others


def origin(grad: Gradient) -> str:
    """The loss as tracebacks of generated code name it: its text, or for a
    wide model its size (printing a d-term sum costs SymPy O(d²) work)."""
    if len(grad.params) > INLINE_MAX_FEATURES + 1:
        return f"a loss of {len(grad.params)} parameters"
    return str(grad.loss)
