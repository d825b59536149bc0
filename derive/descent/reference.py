"""The plain training loop: gradient descent on ``derive``'s gradient, one
sample or one mini-batch at a time, with the loss over all the data after
each epoch.

It is the reference the fast methods of :mod:`neuron.methods` are measured
against, and the one they fall back to: for mini-batches, and to find the
epoch (and sample) where training diverged exactly as a loop does.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from .errors import TrainingDiverged
from .problem import Problem

#: Errors plain ``math`` raises where NumPy would give inf or NaN.
_MATH_ERRORS = (OverflowError, ValueError, ZeroDivisionError)


@dataclass(frozen=True)
class Schedule:
    """How to train: the book's is 100 epochs, lr 1, one sample at a time, in order."""

    epochs: int = 100
    lr: float = 1.0
    batch_size: int = 1
    shuffle: bool = False
    seed: int | None = None


@dataclass
class Trained:
    """The parameters after training, [w…, b], and the mean loss per epoch."""

    params: list[float]
    history: list[float] = field(default_factory=list)


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


def plain_loop(problem: Problem, params: list[float], X: np.ndarray, y: np.ndarray,
               schedule: Schedule) -> Trained:
    """The lecture's loop: for each epoch, for each sample (or mini-batch),
    ask derive for the gradient and step against it."""
    columns = problem.data_columns(X, y)
    rows = list(zip(*(c.tolist() for c in columns)))  # Python floats, converted once
    n = len(y)
    orders = epoch_orders(schedule, n)
    order = list(range(n))
    trained = Trained(list(params))
    for epoch in range(1, schedule.epochs + 1):
        if orders is not None:
            order = orders[epoch - 1].tolist()
        if schedule.batch_size == 1:
            new = _per_sample_epoch(problem, trained.params, rows, order, schedule.lr)
        else:
            new = _batch_epoch(problem, trained.params, columns, order, schedule.batch_size, schedule.lr)
        loss = mean_loss(problem, new, columns)
        if not (math.isfinite(loss) and all(math.isfinite(p) for p in new)):
            err = TrainingDiverged(epoch, schedule.lr, loss)
            err.params, err.history = trained.params, trained.history
            raise err
        trained.params = new
        trained.history.append(loss)
    return trained


def mean_loss(problem: Problem, params: Sequence[float], columns: list[np.ndarray]) -> float:
    """The loss averaged over all samples; inf or NaN when training blew up."""
    with np.errstate(all="ignore"):
        return float(np.mean(problem.loss_numpy(*params, *columns)))


def _per_sample_epoch(problem: Problem, params: list[float], rows: list[tuple],
                      order: list[int], lr: float) -> list[float]:
    step = problem.gradient.scalar
    if len(params) == 2:  # one feature: w and b as locals, the common and the book's case
        w, b = params
        for i in order:
            try:
                gw, gb = step(w, b, *rows[i])
            except _MATH_ERRORS:  # math overflowed: NumPy gives inf/NaN (or σ saturated at 0 or 1)
                gw, gb = _numpy_step(problem.gradient.numpy, (w, b, *rows[i]))
            w -= lr * gw
            b -= lr * gb
        return [w, b]
    for i in order:
        args = (*params, *rows[i])
        try:
            grads = step(*args)
        except _MATH_ERRORS:
            grads = _numpy_step(problem.gradient.numpy, args)
        params = [p - lr * g for p, g in zip(params, grads)]
    return params


def _numpy_step(step: Callable[..., tuple], args: tuple) -> list[float]:
    with np.errstate(all="ignore"):
        return [float(g) for g in step(*(np.float64(a) for a in args))]


def _batch_epoch(problem: Problem, params: list[float], columns: list[np.ndarray],
                 order: list[int], batch_size: int, lr: float) -> list[float]:
    step = problem.gradient.numpy
    index = np.asarray(order)
    with np.errstate(all="ignore"):
        for start in range(0, len(index), batch_size):
            batch = index[start:start + batch_size]
            grads = step(*params, *(c[batch] for c in columns))
            params = [p - lr * float(np.mean(g)) for p, g in zip(params, grads)]
    return params
