"""The work a neuron sends to each chunk of Dask data: plain functions of one
chunk's NumPy blocks ``X`` (m × d) and ``y`` (m), run where the chunk is.

They receive the neuron's :class:`~neuron.problem.Problem` itself: Dask
pickles it with cloudpickle, generated functions included, so a worker
never differentiates again. Every function returns small sums that
:func:`derive.dask_descent.reduce_in_order` adds over the chunks.
"""
from __future__ import annotations

import numpy as np

from derive.trajectory import mean_losses

from .problem import Problem
from .training import _per_sample_epoch


def check_chunk(offset: int, X: np.ndarray, y: np.ndarray, classifies: bool) -> int:
    """Raise ``ValueError`` at the first non-finite value (or, for a sigmoid
    neuron, target outside [0, 1]), naming its row in the whole data; else
    return the chunk's number of samples."""
    X, y = _floats(X, y)
    for name, values in (("x", X), ("y", y)):
        bad = ~np.isfinite(values)
        if bad.any():
            index = np.argwhere(bad)[0]
            raise ValueError(f"{name} has a non-finite value ({values[tuple(index)]}) at row {offset + int(index[0])}; "
                             "remove or fill NaN and infinite values first")
    if classifies:
        outside = (y < 0) | (y > 1)
        if outside.any():
            row = int(np.argmax(outside))
            raise ValueError(f"a sigmoid neuron needs y of 0 and 1 (classes), but y is {y[row]} at row {offset + row}")
    return len(y)


def residual_sums(center: np.ndarray, X: np.ndarray, y: np.ndarray) -> tuple[int, np.ndarray]:
    """``(m, TᵀT)`` for the table T = [x, 1, r] of this chunk, r = y − z(center):
    the sums behind every epoch's squared loss (:mod:`neuron.history`)."""
    X, y = _floats(X, y)
    table = np.empty((len(y), X.shape[1] + 2))
    table[:, :-2] = X
    table[:, -2] = 1.0
    with np.errstate(all="ignore"):
        np.subtract(y, X @ center[:-1] + center[-1], out=table[:, -1])
        return len(y), table.T @ table


def loss_sums(problem: Problem, history: np.ndarray, X: np.ndarray, y: np.ndarray) -> tuple[int, np.ndarray]:
    """``(m, Σ loss)`` at each row of ``history`` over this chunk's samples."""
    X, y = _floats(X, y)
    if len(y) == 0:
        return 0, np.zeros(len(history))
    return len(y), mean_losses(problem.loss_numpy, history, problem.data_columns(X, y)) * len(y)


def gradient_sums(problem: Problem, params: list[float], X: np.ndarray,
                  y: np.ndarray) -> tuple[int, np.ndarray, float]:
    """``(m, Σ ∇loss, Σ loss)`` at ``params`` over this chunk: one chunk's
    share of a full-batch step and of the loss before it."""
    X, y = _floats(X, y)
    columns = problem.data_columns(X, y)
    m = len(y)
    with np.errstate(all="ignore"):
        grads = problem.gradient.numpy(*params, *columns)
        total = np.array([np.broadcast_to(np.asarray(g, dtype=float), (m,)).sum() for g in grads])
        lost = float(np.broadcast_to(np.asarray(problem.loss_numpy(*params, *columns), dtype=float), (m,)).sum())
    return m, total, lost


def sample_steps(problem: Problem, lr: float, params: list[float], X: np.ndarray,
                 y: np.ndarray) -> list[float]:
    """``params`` after one per-sample step on every sample of this chunk,
    in order: the book's loop, continued where the previous chunk stopped."""
    X, y = _floats(X, y)
    rows = list(zip(*(c.tolist() for c in problem.data_columns(X, y))))
    return _per_sample_epoch(problem, list(params), rows, range(len(rows)), lr)


def _floats(X, y) -> tuple[np.ndarray, np.ndarray]:
    X = np.asarray(X, dtype=float)
    return (X.reshape(-1, 1) if X.ndim == 1 else X), np.asarray(y, dtype=float).reshape(-1)
