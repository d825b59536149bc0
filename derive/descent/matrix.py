"""Data columns that are the columns of one matrix, and what a wide linear
model reads from it at once.

Training takes its data as columns, one a data symbol (x_1, …, x_d, y). A
wide model (more than :data:`~derive.descent.loop_runner.INLINE_MAX_FEATURES`
features) wants them as a matrix instead: its step works on the rows
x̃ = (x_1, …, x_d, 1), and its loss on z = x̃·θ for every sample. Gathered
from d column views (strided: each reads one number a row of the caller's
matrix) that cost 2–4 ms at d = 1000, more than the epoch; from the matrix
itself, one copy of a block (0.3 ms). :class:`MatrixColumns` keeps the
matrix the columns were cut from, so whoever needs the block takes it; any
other sequence of columns gives the same numbers, gathered a column at a time.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np


class MatrixColumns(tuple):
    """Data columns, some of them columns of one float64 ``matrix`` (n, m):
    column k is ``matrix[:, positions[k]]``, or when ``positions[k]`` is
    ``None`` a 1-D float64 array of its own (the targets). Built from the
    matrix, so the two never disagree; a tuple, so they cannot be changed."""

    matrix: np.ndarray
    positions: tuple[int | None, ...]

    def __new__(cls, matrix: np.ndarray, picks: Sequence[int | np.ndarray]) -> "MatrixColumns":
        """``picks``: for each column, a column index of ``matrix`` or an array of n floats."""
        if not (isinstance(matrix, np.ndarray) and matrix.ndim == 2 and matrix.dtype == np.float64):
            raise TypeError("MatrixColumns needs a 2-D float64 matrix")
        n = matrix.shape[0]
        columns = []
        for pick in picks:
            if isinstance(pick, (int, np.integer)):
                columns.append(matrix[:, int(pick)])
            else:
                column = np.asarray(pick, dtype=float).reshape(-1)
                if column.shape != (n,):
                    raise ValueError(f"a column of {column.shape[0]} values next to a matrix of {n} rows")
                columns.append(column)
        self = super().__new__(cls, columns)
        self.matrix = matrix
        self.positions = tuple(int(p) if isinstance(p, (int, np.integer)) else None for p in picks)
        return self


def as_columns(columns: Sequence[object]) -> Sequence[np.ndarray]:
    """``columns`` as 1-D float arrays; :class:`MatrixColumns` as they are (they are)."""
    if isinstance(columns, MatrixColumns):
        return columns
    return [np.asarray(c, dtype=float).reshape(-1) for c in columns]


def block(columns: Sequence[np.ndarray], picks: Sequence[int]) -> np.ndarray:
    """:func:`gathered`, or a view of the matrix of :class:`MatrixColumns` when
    ``picks`` are consecutive columns of it (nothing copied): for reading only."""
    if isinstance(columns, MatrixColumns) and picks and min(picks) >= 0:
        start = columns.positions[picks[0]]
        if start is not None and all(columns.positions[i] == start + j for j, i in enumerate(picks)):
            return columns.matrix[:, start:start + len(picks)]
    return gathered(columns, picks)


def gathered(columns: Sequence[np.ndarray], picks: Sequence[int]) -> np.ndarray:
    """The (n, len(picks)) matrix whose column j is ``columns[picks[j]]``, or
    1.0 where ``picks[j]`` is −1 (the bias's input): from the matrix of
    :class:`MatrixColumns` a run of consecutive columns at a time, else a
    column at a time. The same numbers either way: it only copies."""
    n = len(columns[0])
    out = np.empty((n, len(picks)))
    positions = columns.positions if isinstance(columns, MatrixColumns) else None
    j = 0
    while j < len(picks):
        i = picks[j]
        start = None if positions is None or i < 0 else positions[i]
        if start is None:
            out[:, j] = columns[i] if i >= 0 else 1.0
            j += 1
            continue
        k = j + 1
        while k < len(picks) and picks[k] >= 0 and positions[picks[k]] == start + (k - j):
            k += 1
        out[:, j:k] = columns.matrix[:, start:start + (k - j)]
        j = k
    return out


#: ``(weights, features, bias, reads, loss_of_z)``: argument positions and f(z), see :func:`linear_parts`.
LinearParts = tuple[tuple[int, ...], tuple[int, ...], int, tuple[int, ...], Callable[..., object]]


def linear_parts(loss_numpy: Callable[..., object]) -> LinearParts | None:
    """For the generated loss of a wide linear model
    (:meth:`derive.linear.LinearModel.loss_source`), the argument positions
    of w_1 … w_d, x_1 … x_d, b and of what f reads besides z, and f(z);
    ``None`` for any other function."""
    namespace = getattr(loss_numpy, "__globals__", None)
    if not isinstance(namespace, dict) or "_loss_of_z" not in namespace:
        return None
    parts = tuple(namespace.get(k) for k in ("WEIGHTS", "FEATURES", "BIAS", "READS", "_loss_of_z"))
    weights, features, bias, reads, of_z = parts
    if not (isinstance(weights, tuple) and isinstance(features, tuple) and len(weights) == len(features)
            and type(bias) is int and isinstance(reads, tuple) and callable(of_z)):
        return None
    return parts


def linear_losses(parts: LinearParts, history: np.ndarray, columns: Sequence[np.ndarray],
                  features: np.ndarray | None = None) -> np.ndarray:
    """The loss of a wide linear model for each row of ``history`` (k, p) and
    each sample: f(z) with z = b + X·w for all of them in one product (k, n); X, the features (n, d), read from ``columns`` (:func:`block`)
    unless given. Summed by the product, z is the loss
    function's own sum up to rounding (0.4 ms at d = 1000 and n = 569, where
    the function's loop over the 1000 products took 3 ms)."""
    weights, feature_args, bias, reads, of_z = parts
    p = history.shape[1]
    X = block(columns, [f - p for f in feature_args]) if features is None else features
    # einsum, not BLAS's product: one thread, so no wait for a second core a shared machine has lent
    # away (BLAS's two threads took 25 ms for what one does in 0.4), and the same sum in every process
    z = np.einsum("ij,kj->ki", X, history[:, list(weights)]) + history[:, bias:bias + 1]
    return of_z(z, *(history[:, r:r + 1] if r < p else np.asarray(columns[r - p])[None, :] for r in reads))


def linear_mean_gradient(derivative: Callable[..., object], params: Sequence[float],
                         columns: Sequence[np.ndarray]) -> tuple[list[float], float]:
    """The mean gradient of a wide linear model over the data, x̃ᵀ·f'(z)/n
    with z = X·w + b, in the order of the gradient's parameters, and the sum
    of every data value (finite when they all are: ``backprop`` looks for the
    bad row only when it is not). ``derivative`` is f'(z) as
    :meth:`~derive.linear.LinearModel.derivative_source` writes it, which
    also names the positions read here. Sums by einsum (one thread, the same
    order in every process); n ≥ 1."""
    namespace = derivative.__globals__
    weights, features, bias, reads, inputs = (namespace[k] for k in ("WEIGHTS", "FEATURES", "BIAS", "READS", "INPUTS"))
    theta = np.asarray(params, dtype=float)
    p = len(theta)
    X = block(columns, [f - p for f in features])
    n = X.shape[0]
    with np.errstate(all="ignore"):
        z = np.einsum("ij,j->i", X, theta[list(weights)]) + theta[bias]
        slope = np.broadcast_to(derivative(z, *(theta[r] if r < p else columns[r - p] for r in reads)), (n,))
        feature_sums = np.einsum("ij,i->j", X, slope)
        bias_sum = np.add.reduce(slope)
        at = {f: j for j, f in enumerate(features)}
        means = [float((bias_sum if i < 0 else feature_sums[at[i]]) / n) for i in inputs]
        others = [i - p for i in range(p, p + len(columns)) if i not in at]
        total = float(np.add.reduce(X, axis=None)) + sum(float(np.add.reduce(columns[i])) for i in others)
    return means, total
