"""A loss history in bounded memory: every epoch's loss up to
:data:`HISTORY_POINTS` epochs, and past that a thinned history that keeps
the epoch number of every loss it holds.

The rule, a function of the number of epochs E alone (so a run kept in
pieces, or continued by a second ``fit``, holds the same points as one
run): the losses kept are those of epochs 1, 1 + s, 1 + 2s, … and of the
last epoch E, where the stride s is the smallest power of two that keeps at
most ``capacity`` points. While E ≤ capacity, s = 1: every epoch. When the
points would overflow, s doubles and every other point goes (decimation by
2), so the first epoch and the last are always there.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

#: Most losses a history keeps (8 MB as float64): a run of up to this many
#: epochs keeps the loss of every epoch.
HISTORY_POINTS = 1_000_000


def stride_for(epochs: int, capacity: int) -> int:
    """The smallest power of two s such that epochs 1, 1 + s, … and the last
    (``epochs``) are at most ``capacity`` points."""
    if capacity < 2:
        raise ValueError(f"a thinned history keeps at least 2 points (the first and last epochs), not {capacity}")
    stride = 1
    while _points(epochs, stride) > capacity:
        stride *= 2
    return stride


def _points(epochs: int, stride: int) -> int:
    if epochs <= 0:
        return 0
    grid = (epochs - 1) // stride + 1
    return grid + (1 if (epochs - 1) % stride else 0)


class ThinnedHistory:
    """The losses of a run at the epochs the rule above keeps.

    ``extend(losses)`` adds the losses of the next epochs (the run's epochs
    count on from where it stood); :attr:`epochs` and :attr:`losses` are the
    kept points, 1-based epoch numbers and their losses, in order. ``total``
    is the epochs run so far (by default the last of ``epochs``): a history
    begun after ``total`` epochs held elsewhere (a warm start) numbers and
    thins its epochs as the whole training would."""

    def __init__(self, capacity: int = HISTORY_POINTS, epochs: Sequence[int] = (),
                 losses: Sequence[float] = (), *, total: int | None = None):
        self.capacity = int(capacity)
        self.stride = 1
        self._epochs = np.asarray(epochs, dtype=np.int64).reshape(-1)
        self._losses = np.asarray(losses, dtype=float).reshape(-1)
        if len(self._epochs) != len(self._losses):
            raise ValueError(f"{len(self._epochs)} epoch numbers for {len(self._losses)} losses")
        #: Epochs run so far (the last epoch's number).
        self.total = total if total is not None else int(self._epochs[-1]) if len(self._epochs) else 0
        if len(self._epochs) > 2:  # a history thinned before keeps its stride
            spacing = int(np.gcd.reduce(self._epochs[:-1] - 1))
            self.stride = spacing & -spacing if spacing else 1
        self._thin(stride_for(self.total, self.capacity))

    @property
    def epochs(self) -> np.ndarray:
        """The 1-based epoch number of every loss kept."""
        return self._epochs

    @property
    def losses(self) -> np.ndarray:
        """The losses kept, one per number in :attr:`epochs`."""
        return self._losses

    def extend(self, losses: Sequence[float]) -> None:
        """Add the losses of epochs ``total + 1``, ``total + 2``, …"""
        losses = np.asarray(losses, dtype=float).reshape(-1)
        if not len(losses):
            return
        first, self.total = self.total + 1, self.total + len(losses)
        self._thin(stride_for(self.total, self.capacity))
        numbers = np.arange(first, self.total + 1, dtype=np.int64)
        keep = (numbers - 1) % self.stride == 0
        keep[-1] = True
        self._epochs = np.concatenate([self._epochs, numbers[keep]])
        self._losses = np.concatenate([self._losses, losses[keep]])

    def until(self, epoch: int, loss: float | None = None) -> ThinnedHistory:
        """The history of the first ``epoch`` epochs: the points up to it, and
        ``loss`` as epoch ``epoch``'s when it was thinned out (a run cut short)."""
        cut = ThinnedHistory(self.capacity)
        keep = self._epochs <= epoch
        cut._epochs, cut._losses = self._epochs[keep], self._losses[keep]
        if epoch >= 1 and (not len(cut._epochs) or cut._epochs[-1] != epoch):
            if loss is None:
                raise ValueError(f"epoch {epoch} was thinned out: give its loss")
            cut._epochs = np.append(cut._epochs, epoch)
            cut._losses = np.append(cut._losses, float(loss))
        cut.total = max(int(epoch), 0)
        cut._thin(stride_for(cut.total, cut.capacity))
        return cut

    def _thin(self, stride: int) -> None:
        """Keep epochs 1, 1 + ``stride``, … and the last epoch (:attr:`total`)."""
        self.stride = max(self.stride, stride)
        keep = ((self._epochs - 1) % self.stride == 0) | (self._epochs == self.total)
        if not keep.all():
            self._epochs, self._losses = self._epochs[keep], self._losses[keep]

    def __len__(self) -> int:
        return len(self._epochs)
