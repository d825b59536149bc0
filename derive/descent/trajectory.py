"""What every way of training hands back: the parameters after each epoch,
the mean loss after each epoch (computed only when asked for), which method
made them, and where the parameters stopped being finite, if they did.

The reference loop, the generated per-sample loop, the affine scan and
full-batch descent from moments all return a :class:`Trajectory`, and
:func:`derive.descent.train` returns one too, so a trainer reads one shape of
result whichever way the numbers were made.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Sequence

import numpy as np

from .matrix import block, linear_losses, linear_parts

#: Largest number of (epoch, sample) loss values evaluated in one NumPy call.
LOSS_CHUNK = 1 << 21


@dataclass(frozen=True, eq=False)
class Trajectory:
    """Parameters at the start and after every finished epoch.

    ``history[0]`` is the starting point and ``history[e]`` the parameters
    after epoch ``e`` (1-based), in the gradient's parameter order. When the
    parameters stopped being finite, training stopped: ``diverged_at`` is the
    1-based epoch in which that happened (``history`` ends just before it) and
    ``sample`` the 0-based position in that epoch's order of the sample whose
    update overflowed, when the method can tell (the loop can, the scan and
    batch descent work an epoch at a time and cannot). ``method`` names the
    method that made the numbers (``loop``, ``scan`` or ``batch``).
    """

    history: np.ndarray
    diverged_at: int | None = None
    sample: int | None = None
    #: ``mean_loss(history_rows) -> losses``; see :meth:`losses`.
    _mean_loss: Callable[[np.ndarray], np.ndarray] | None = field(default=None, repr=False)
    method: str = ""
    #: Whether Ctrl-C stopped the run between epochs (``history`` ends at the last finished one).
    interrupted: bool = False

    @property
    def params(self) -> tuple[float, ...]:
        """The parameters after the last finished (finite) epoch."""
        return tuple(float(v) for v in self.history[-1])

    @property
    def epochs(self) -> int:
        """How many epochs finished with finite parameters."""
        return len(self.history) - 1

    @cached_property
    def _all_losses(self) -> np.ndarray:
        if self._mean_loss is None:
            raise ValueError("this trajectory was made without the data to compute losses")
        return np.asarray(self._mean_loss(self.history), dtype=float)

    @property
    def losses(self) -> np.ndarray:
        """The mean loss over the data after each finished epoch, shape
        ``(epochs,)``. Computed on first access (vectorized), so a caller
        that needs only the final parameters does not pay for it."""
        return self._all_losses[1:]

    #: The epoch of each loss in :attr:`losses` when they are thinned; ``None``:
    #: one loss per epoch, from epoch 1 (a long run's :class:`~derive.descent.pieces.LongRun` numbers its own).
    loss_epochs = None

    @property
    def start_loss(self) -> float:
        """The mean loss at the starting point, before the first epoch."""
        return float(self._all_losses[0])


class TrainingInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped training between epochs: ``trajectory`` holds the
    epochs that finished (its ``params`` are the last finished epoch's; a
    :class:`~derive.descent.pieces.LongRun` for a run trained in pieces).
    A ``KeyboardInterrupt``, so whoever does not catch it stops as on Ctrl-C."""

    def __init__(self, trajectory):
        super().__init__(f"training interrupted after {trajectory.epochs} epoch(s)")
        self.trajectory = trajectory


def mean_losses(loss_numpy: Callable[..., object], history: np.ndarray,
                columns: Sequence[np.ndarray]) -> np.ndarray:
    """The mean over the data of ``loss_numpy(*params, *columns)`` for each
    row of ``history`` (shape ``(epochs, p)``), vectorized over epochs and
    samples in chunks of at most :data:`LOSS_CHUNK` values (a wide linear
    model's z as one matrix product: :func:`~derive.descent.matrix.linear_losses`)."""
    history = np.asarray(history, dtype=float)
    if len(history) == 0:
        return np.empty(0)
    linear = linear_parts(loss_numpy)  # a wide linear model: z for every row and sample in one product
    data = None if linear else [np.asarray(c, dtype=float)[None, :] for c in columns]
    features = block(columns, [f - history.shape[1] for f in linear[1]]) if linear else None
    n = len(columns[0]) if linear else max((d.shape[1] for d in data), default=1)
    step = max(1, LOSS_CHUNK // max(n, 1))
    out = np.empty(len(history))
    with np.errstate(over="ignore", invalid="ignore"):
        for start in range(0, len(history), step):
            rows = history[start:start + step]
            if linear:
                values = linear_losses(linear, rows, columns, features)
            else:
                values = loss_numpy(*(rows[:, j:j + 1] for j in range(rows.shape[1])), *data)
            out[start:start + step] = np.broadcast_to(values, (len(rows), n)).mean(axis=1)
    return out
