"""A long run in bounded memory: training in pieces of at most
:data:`PIECE_EPOCHS` epochs, each starting where the last ended.

Every method keeps each epoch's parameters while it runs (the scan makes
them all at once), so a run of 10⁸ epochs in one piece would hold 10⁸ rows.
In pieces, memory is bounded by the piece, not by the run:

- the parameters go from one piece to the next, and a shuffled run's orders
  too (the generator's state, :class:`~derive.descent.schedule.OrdersStart`),
  so every epoch visits the samples in the order one run would: the loops'
  numbers do not depend on the piece size (the scan's and batch descent's
  agree to rounding, as they do with the loop);
- the losses go into a :class:`~derive.descent.thinned.ThinnedHistory`;
- divergence is judged over the whole run by the rule of
  :mod:`derive.descent.divergence`, keeping only what the rule needs: the
  start loss, the last epoch at or below it, and the first epoch after that
  far above it (with the weights before it, which a diverged run hands back).

Runs of at most one piece do not come here: :func:`derive.descent.train`
(and :func:`derive.descent.dask_methods.train_dask` on Dask data, whose
longer runs come here as in-memory ones do) runs them in one go.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from .divergence import FAR_ABOVE, FLOOR, _loss_scale, diverged, stable_rate
from .progress import counting_from
from .schedule import OrdersStart, Schedule
from .thinned import HISTORY_POINTS, ThinnedHistory
from .trajectory import TrainingInterrupted, Trajectory

if TYPE_CHECKING:
    from .objective import Objective

#: Most epochs trained in one piece. No smaller than the history's capacity,
#: so a run whose every loss is kept runs in one piece, with the numbers it always had.
PIECE_EPOCHS = HISTORY_POINTS

Method = Callable[["Objective", list, list, Schedule], Trajectory]
#: ``loss_scale(start_params)``: :func:`~derive.descent.divergence._loss_scale` on the data.
LossScale = Callable[[Sequence[float]], float]
#: ``rate(batch_size)``: :func:`~derive.descent.divergence.stable_rate` on the data.
Rate = Callable[[int], "tuple[str, float | None, str]"]


@dataclass(frozen=True, eq=False)
class LongRun:
    """What :func:`train_in_pieces` returns: the final parameters, the
    method(s) that ran, and the thinned loss history with its epoch numbers."""

    params: tuple[float, ...]
    method: str
    history: ThinnedHistory
    start_loss: float
    interrupted: bool = False
    #: Epochs trained before this run (``history`` numbers its epochs after them).
    before: int = 0

    @property
    def epochs(self) -> int:
        """How many epochs of this run finished."""
        return self.history.total - self.before

    @property
    def losses(self) -> np.ndarray:
        """The losses kept (:attr:`loss_epochs` numbers them)."""
        return self.history.losses

    @property
    def loss_epochs(self) -> np.ndarray:
        """The epoch of each loss in :attr:`losses`, counted from 1 before
        the ``before`` epochs of earlier training."""
        return self.history.epochs


def train_in_pieces(objective: Objective, run: Method, params: Sequence[float], columns: Sequence,
                    schedule: Schedule, *, piece: int = PIECE_EPOCHS, keep: int = HISTORY_POINTS,
                    before: int = 0, loss_scale: LossScale | None = None, rate: Rate | None = None) -> LongRun:
    """``run`` (a method of :data:`~derive.descent.methods.METHODS`) for
    ``schedule.epochs`` epochs, ``piece`` at a time, keeping at most ``keep``
    losses, thinned as a history of ``before`` more epochs would be (a warm
    start: the epoch numbers of the losses count them too). Raises
    :class:`~derive.descent.divergence.TrainingDiverged` and
    :class:`~derive.descent.trajectory.TrainingInterrupted` as a run in one
    go does; Ctrl-C in a method that does not stop between epochs (the scan,
    batch descent) drops only the piece it was in.

    Data not in memory (Dask columns, :mod:`derive.descent.dask_methods`)
    passes ``loss_scale(start_params)`` and ``rate(batch_size)``, the
    divergence rule's two numbers read from the data, computed where the data
    are; by default they are computed on ``columns`` in memory."""
    if piece < 1:
        raise ValueError(f"a piece has at least one epoch, not {piece}")
    n = len(columns[0])
    orders = OrdersStart.first(schedule.seed) if schedule.shuffle else None
    judge = _Judge(objective, columns, schedule, before, loss_scale, rate)
    history = ThinnedHistory(keep, total=before)
    params, methods, done, interrupted = [float(p) for p in params], [], 0, False
    while done < schedule.epochs and not interrupted:
        count = min(piece, schedule.epochs - done)
        try:
            with counting_from(done):
                trajectory = run(objective, params, columns, replace(schedule, epochs=count, orders_from=orders))
            trajectory.losses  # computed here, where Ctrl-C drops only this piece
            if orders is not None and not trajectory.interrupted:
                orders = orders.after(n, count)
        except KeyboardInterrupt:  # in a method that does not stop between epochs (the scan): this piece is lost
            if not done:
                raise
            break
        interrupted = trajectory.interrupted
        if trajectory.method not in methods:
            methods.append(trajectory.method)
        judge.piece(trajectory, history, " and ".join(methods))  # raises where it overflowed
        history.extend(trajectory.losses)
        params, done = list(trajectory.params), done + trajectory.epochs
        trajectory = None  # this piece's rows go before the next piece makes its own
    interrupted = interrupted or done < schedule.epochs
    result = LongRun(tuple(params), " and ".join(methods), history, judge.start, interrupted, before)
    judge.end(history, result.method)
    if result.interrupted:
        raise TrainingInterrupted(result)
    return result


class _Judge:
    """The divergence rule over a run seen one piece at a time."""

    def __init__(self, objective: Objective, columns: Sequence, schedule: Schedule, before: int,
                 loss_scale: LossScale | None = None, rate: Rate | None = None):
        self.schedule, self.before = schedule, before
        self.loss_scale = loss_scale or (lambda start: _loss_scale(objective, columns, start))
        self.rate = rate or (lambda batch_size: stable_rate(objective, columns, batch_size))
        self.start = math.nan
        self.limit: float | None = None  # far above the start: None when the rule does not apply
        self.low = 0  # the last epoch whose loss was at or below the start (0: none)
        #: (epoch, weights before it, its loss, the loss before it): the first
        #: epoch after ``low`` above ``limit``.
        self.above: tuple[int, Sequence[float], float, float] | None = None
        self.last_loss = math.nan
        self.seen = 0

    def piece(self, trajectory: Trajectory, history: ThinnedHistory, method: str) -> None:
        """Take in the next piece (``history`` holds the pieces before it);
        raise :class:`TrainingDiverged` if a weight or a loss stopped being finite."""
        losses, done = trajectory.losses, self.seen
        if done == 0:
            self.start = start = trajectory.start_loss
            if math.isfinite(start) and start >= 0:
                scale = self.loss_scale(trajectory.history[0])
                self.limit = FAR_ABOVE * max(start, FLOOR * scale)
        start = self.start
        finite = np.isfinite(losses)
        last = int(np.argmin(finite)) if not finite.all() else len(losses)
        if math.isfinite(start):
            at_or_below = np.flatnonzero(losses[:last] <= start)
            if len(at_or_below):
                self.low = done + int(at_or_below[-1]) + 1
                if self.above is not None and self.above[0] <= self.low:
                    self.above = None
        if trajectory.diverged_at is not None or last < len(losses):
            kept = history.until(history.total)
            kept.extend(losses[:last])
            loss = float(losses[last]) if last < len(losses) else math.inf
            raise diverged(self.schedule, self.rate, done + last + 1, loss, began=self.low + 1, start_loss=start,
                           params=trajectory.history[last], history=kept.losses, history_epochs=kept.epochs,
                           method=method)
        if self.limit is not None and self.above is None:
            first = max(self.low - done, 0)
            far = np.flatnonzero(losses[first:] > self.limit)
            if len(far):
                j = first + int(far[0])
                before = float(losses[j - 1]) if j else self.last_loss
                self.above = (done + j + 1, tuple(map(float, trajectory.history[j])), float(losses[j]), before)
        if len(losses):
            self.last_loss = float(losses[-1])
        self.seen = done + len(losses)

    def end(self, history: ThinnedHistory, method: str) -> None:
        """Raise :class:`TrainingDiverged` if the run ended far above its start."""
        if self.limit is None or not self.seen or not self.last_loss > self.limit:
            return
        epoch, params, loss, before = self.above  # the last loss is above the limit, so one is
        kept = history.until(self.before + epoch - 1, before)
        raise diverged(self.schedule, self.rate, epoch, loss, began=self.low + 1, start_loss=self.start,
                       params=params, history=kept.losses, history_epochs=kept.epochs, method=method)
