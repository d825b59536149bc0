"""How to train: the schedule (epochs, learning rate, batch size, shuffling)
and the sample order of every epoch, shared by every method so that they all
visit the samples in the same order."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Schedule:
    """How to train: the book's is 100 epochs, lr 1, one sample at a time, in order."""

    epochs: int = 100
    lr: float = 1.0
    batch_size: int = 1
    shuffle: bool = False
    seed: int | None = None


class EpochOrders:
    """Each epoch's sample order when shuffling: the permutations every
    method uses, drawn one per epoch from one generator seeded with the
    schedule's seed. Loops read them one epoch at a time, in order, each as
    often as they like, so an epochs × n table never has to fit in memory."""

    def __init__(self, schedule: Schedule, n: int):
        self._n, self._epochs = n, schedule.epochs
        self._rng = np.random.default_rng(schedule.seed)
        self._epoch, self._order = -1, np.arange(n)

    def __len__(self) -> int:
        return self._epochs

    def __getitem__(self, epoch: int) -> np.ndarray:
        if epoch == self._epoch + 1 < self._epochs:  # the next epoch: draw its order
            self._epoch, self._order = epoch, self._rng.permutation(self._n)
        if epoch != self._epoch:
            raise IndexError(f"epoch orders are drawn in order: expected epoch {self._epoch + 1}, got {epoch}")
        return self._order


def epoch_orders(schedule: Schedule, n: int) -> EpochOrders | None:
    """The sample order of every epoch when shuffling, else ``None``."""
    return EpochOrders(schedule, n) if schedule.shuffle else None
