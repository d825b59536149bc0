"""How to train: the schedule (epochs, learning rate, batch size, shuffling)
and the sample order of every epoch, shared by every method so that they all
visit the samples in the same order."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Schedule:
    """How to train: the book's is 100 epochs, lr 1, one sample at a time, in order."""

    epochs: int = 100
    lr: float = 1.0
    batch_size: int = 1
    shuffle: bool = False
    seed: int | None = None
    #: Where the shuffled orders begin, for a run trained in pieces
    #: (:mod:`derive.descent.pieces`): ``None`` is the seed's first draw.
    orders_from: OrdersStart | None = field(default=None, compare=False, repr=False)


class OrdersStart:
    """The state of the generator that draws the shuffled orders at the first
    epoch of a piece of a run; ``end`` is set to its state after the piece's
    last order once a method has drawn it, which is where the next piece begins."""

    def __init__(self, state: dict):
        self.state = state
        self.end: dict | None = None

    @classmethod
    def first(cls, seed: int | None) -> OrdersStart:
        """Where a run's orders begin: the seed's generator, fresh."""
        return cls(np.random.default_rng(seed).bit_generator.state)

    def after(self, n: int, epochs: int) -> OrdersStart:
        """Where the orders of the next piece begin, ``epochs`` orders of ``n``
        samples after this one (drawn here if no method read them all)."""
        if self.end is None:
            rng = np.random.default_rng()
            rng.bit_generator.state = self.state
            for _ in range(epochs):
                rng.permutation(n)
            self.end = rng.bit_generator.state
        return OrdersStart(self.end)


class EpochOrders:
    """Each epoch's sample order when shuffling: the permutations every
    method uses, drawn one per epoch from one generator seeded with the
    schedule's seed. Loops read them one epoch at a time, in order, each as
    often as they like, so an epochs × n table never has to fit in memory."""

    def __init__(self, schedule: Schedule, n: int):
        self._n, self._epochs = n, schedule.epochs
        self._start = schedule.orders_from
        self._rng = np.random.default_rng(schedule.seed if self._start is None else None)
        if self._start is not None:
            self._rng.bit_generator.state = self._start.state
        self._epoch, self._order = -1, np.arange(n)

    def __len__(self) -> int:
        return self._epochs

    def __getitem__(self, epoch: int) -> np.ndarray:
        if epoch == self._epoch + 1 < self._epochs:  # the next epoch: draw its order
            self._epoch, self._order = epoch, self._rng.permutation(self._n)
            if epoch == self._epochs - 1 and self._start is not None:
                self._start.end = self._rng.bit_generator.state
        if epoch != self._epoch:
            raise IndexError(f"epoch orders are drawn in order: expected epoch {self._epoch + 1}, got {epoch}")
        return self._order


def epoch_orders(schedule: Schedule, n: int) -> EpochOrders | None:
    """The sample order of every epoch when shuffling, else ``None``."""
    return EpochOrders(schedule, n) if schedule.shuffle else None
