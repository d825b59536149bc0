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


class MatrixColumns(Sequence):
    """Data columns, some of them columns of one float64 ``matrix`` (n, m):
    column k is ``matrix[:, positions[k]]``, or when ``positions[k]`` is
    ``None`` a 1-D float64 array of its own (the targets). Built from the
    matrix, so the two never disagree; each column view is made when read
    (1001 views cost a wide warm start 0.5 ms that the vector step never reads)."""

    __slots__ = ("matrix", "positions", "_index", "_own")

    def __init__(self, matrix: np.ndarray, picks: Sequence[int | np.ndarray]):
        """``picks``: for each column, a column index of ``matrix`` or an array of n floats."""
        if not (isinstance(matrix, np.ndarray) and matrix.ndim == 2 and matrix.dtype == np.float64):
            raise TypeError("MatrixColumns needs a 2-D float64 matrix")
        n, m = matrix.shape
        own = {}
        for k, pick in enumerate(picks):
            if not isinstance(pick, (int, np.integer)):
                column = np.asarray(pick, dtype=float).reshape(-1)
                if column.shape != (n,):
                    raise ValueError(f"a column of {column.shape[0]} values next to a matrix of {n} rows")
                own[k] = column
        self.matrix = matrix
        self.positions: tuple[int | None, ...] = tuple(None if k in own else int(p) for k, p in enumerate(picks))
        #: ``positions`` as an array, −1 for a column of its own
        self._index = np.array([-1 if p is None else p for p in self.positions], dtype=np.intp)
        if ((self._index < -1) | (self._index >= m)).any():
            raise IndexError(f"a column index outside the matrix's {m} columns")
        self._own = own

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        position = self.positions[k]
        return self._own[k % len(self)] if position is None else self.matrix[:, position]

    def runs(self, picks: Sequence[int]) -> list[tuple[int, int, int]]:
        """For ``picks`` (column numbers, −1 for none), the runs ``(j, k, start)``
        where picks j … k − 1 are the consecutive matrix columns start … ;
        found with NumPy, not a Python step a column."""
        chosen = np.asarray(picks, dtype=np.intp)
        source = np.where(chosen >= 0, self._index[np.maximum(chosen, 0)], -1)
        if not len(source):
            return []
        breaks = np.flatnonzero((source[1:] != source[:-1] + 1) | (source[1:] < 0)) + 1
        bounds = [0, *breaks.tolist(), len(source)]
        return [(a, b, int(source[a])) for a, b in zip(bounds, bounds[1:]) if source[a] >= 0]


def as_columns(columns: Sequence[object]) -> Sequence[np.ndarray]:
    """``columns`` as 1-D float arrays; :class:`MatrixColumns` as they are (they are)."""
    if isinstance(columns, MatrixColumns):
        return columns
    return [np.asarray(c, dtype=float).reshape(-1) for c in columns]


def block(columns: Sequence[np.ndarray], picks: Sequence[int]) -> np.ndarray:
    """:func:`gathered`, or a view of the matrix of :class:`MatrixColumns` when
    ``picks`` are consecutive columns of it (nothing copied): for reading only."""
    if isinstance(columns, MatrixColumns) and len(picks):
        runs = columns.runs(picks)
        if len(runs) == 1 and runs[0][:2] == (0, len(picks)):
            start = runs[0][2]
            return columns.matrix[:, start:start + len(picks)]
    return gathered(columns, picks)


def gathered(columns: Sequence[np.ndarray], picks: Sequence[int]) -> np.ndarray:
    """The (n, len(picks)) matrix whose column j is ``columns[picks[j]]``, or
    1.0 where ``picks[j]`` is −1 (the bias's input): from the matrix of
    :class:`MatrixColumns` a run of consecutive columns at a time, else a
    column at a time. The same numbers either way: it only copies."""
    n = len(columns[0])
    out = np.empty((n, len(picks)))
    done = np.zeros(len(picks), dtype=bool)
    if isinstance(columns, MatrixColumns):
        for j, k, start in columns.runs(picks):
            out[:, j:k] = columns.matrix[:, start:start + (k - j)]
            done[j:k] = True
    for j in np.flatnonzero(~done).tolist():
        i = picks[j]
        out[:, j] = columns[i] if i >= 0 else 1.0
    return out


#: Most values of a matrix handed to one BLAS matrix-vector product. OpenBLAS
#: runs a larger one on several threads (from 2304 × 4 values), and on a
#: loaded machine a wait for the second core took 7–48 ms of a 0.07 ms product
#: (p99 of 300 at d = 1000, n = 569; blocks of at most this size: 4 ms, and
#: 0.3 ms the first time in a process, where a warm start spends it).
SINGLE_THREAD_VALUES = 9000


def times_vector(X: np.ndarray, v: np.ndarray) -> np.ndarray:
    """X·v, a block of rows at a time (:data:`SINGLE_THREAD_VALUES`)."""
    rows = max(1, SINGLE_THREAD_VALUES // max(1, X.shape[1]))
    if len(X) <= rows:
        return X.dot(v)
    return np.concatenate([X[a:a + rows].dot(v) for a in range(0, len(X), rows)])


def vector_times(s: np.ndarray, X: np.ndarray) -> np.ndarray:
    """sᵀ·X (the column sums of X weighted by s), a block of rows at a time, the blocks' sums added in order."""
    rows = max(1, SINGLE_THREAD_VALUES // max(1, X.shape[1]))
    out = np.zeros(X.shape[1])
    for a in range(0, len(X), rows):
        out += s[a:a + rows].dot(X[a:a + rows])
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
    each sample: f(z) with z = b + X·w, a product (k, n); X, the features (n, d), read from ``columns`` (:func:`block`)
    unless given. Summed by the product, z is the loss
    function's own sum up to rounding (0.3 ms for two rows at d = 1000 and
    n = 569, where the function's loop over the 1000 products took 3 ms)."""
    weights, feature_args, bias, reads, of_z = parts
    p = history.shape[1]
    X = block(columns, [f - p for f in feature_args]) if features is None else features
    z = np.array([times_vector(X, w) for w in history[:, list(weights)]]).reshape(len(history), -1)
    z += history[:, bias:bias + 1]
    return of_z(z, *(history[:, r:r + 1] if r < p else np.asarray(columns[r - p])[None, :] for r in reads))


def linear_mean_gradient(derivative: Callable[..., object], params: Sequence[float],
                         columns: Sequence[np.ndarray]) -> tuple[list[float], float]:
    """The mean gradient of a wide linear model over the data, x̃ᵀ·f'(z)/n
    with z = X·w + b, in the order of the gradient's parameters, and the sum
    of every data value (finite when they all are: ``backprop`` looks for the
    bad row only when it is not). ``derivative`` is f'(z) as
    :meth:`~derive.linear.LinearModel.derivative_source` writes it, which
    also names the positions read here. Two matrix-vector products; n ≥ 1."""
    namespace = derivative.__globals__
    weights, features, bias, reads, inputs = (namespace[k] for k in ("WEIGHTS", "FEATURES", "BIAS", "READS", "INPUTS"))
    theta = np.asarray(params, dtype=float)
    p = len(theta)
    X = block(columns, [f - p for f in features])
    n = X.shape[0]
    with np.errstate(all="ignore"):
        z = times_vector(X, theta[list(weights)]) + theta[bias]
        slope = np.broadcast_to(derivative(z, *(theta[r] if r < p else columns[r - p] for r in reads)), (n,))
        feature_sums = vector_times(slope, X)
        bias_sum = np.add.reduce(slope)
        at = {f: j for j, f in enumerate(features)}
        means = [float((bias_sum if i < 0 else feature_sums[at[i]]) / n) for i in inputs]
        others = [i - p for i in range(p, p + len(columns)) if i not in at]
        total = float(np.add.reduce(X, axis=None)) + sum(float(np.add.reduce(columns[i])) for i in others)
    return means, total
