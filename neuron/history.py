"""The mean loss after every epoch, for methods that produce all the epochs'
parameters at once (the scan, batch descent from moments, the generated loop).

For a squared loss c·(y − z)² the losses come from one pass over the data:
expanded around the last epoch's parameters θ*, with residuals r = y − z(θ*)
and δ = θ − θ* (x̃ = (x, 1)),

    mean (y − z(θ))² = mean r² − 2·δ·mean(r x̃) + δᵀ·mean(x̃ x̃ᵀ)·δ,

so each epoch costs O(p²) instead of O(n). Expanding around θ* (not 0) keeps
the cancellation small: the last epoch's loss is exactly the direct one, and
any epoch whose terms cancel by more than :data:`CANCELLATION` (or that is not
finite) is recomputed directly. Other losses are evaluated directly.
"""
from __future__ import annotations

import numpy as np

from derive.trajectory import mean_losses

from .problem import Problem

#: A loss smaller than this fraction of the terms it is the sum of is recomputed directly.
CANCELLATION = 1e-6


def epoch_losses(problem: Problem, history: np.ndarray, X: np.ndarray, y: np.ndarray,
                 columns: list[np.ndarray]) -> np.ndarray:
    """The mean loss over the data at each row of ``history`` (epochs × [w…, b]);
    ``columns`` are the data in the gradient's order (for the direct path)."""
    history = np.asarray(history, dtype=float).reshape(-1, problem.features + 1)
    scale = problem.squared_error_scale
    if scale is None or len(history) == 0:
        return mean_losses(problem.loss_numpy, history, columns)
    with np.errstate(all="ignore"):
        losses, terms = _expanded(history, X, y)
        losses *= scale
        redo = ~np.isfinite(losses) | (np.abs(losses) < CANCELLATION * scale * terms)
        if redo.any():
            losses[redo] = mean_losses(problem.loss_numpy, history[redo], columns)
    return losses


def _expanded(history: np.ndarray, X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """mean (y − z)² per row, and the size of the terms summed to get it."""
    n, d = X.shape
    last = history[-1]
    table = np.empty((n, d + 2))  # [x, 1, r]: one product gives every mean needed
    table[:, :d] = X
    table[:, d] = 1.0
    np.subtract(y, X @ last[:-1] + last[-1], out=table[:, d + 1])
    return expanded(history, table.T @ table / n, last)


def expanded(history: np.ndarray, means: np.ndarray, center: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """mean (y − z)² at each row of ``history`` from ``means``, the mean of
    t·tᵀ over the samples for t = [x, 1, r] with r = y − z(center); and the
    size of the terms summed to get it (for the cancellation test)."""
    second, first, zeroth = means[:-1, :-1], means[:-1, -1], means[-1, -1]  # x̃x̃ᵀ, r x̃, r²
    delta = history - center
    quadratic = ((delta @ second) * delta).sum(axis=1)
    linear = delta @ first
    return zeroth - 2 * linear + quadratic, zeroth + 2 * np.abs(linear) + quadratic
