"""When a run of gradient descent diverged, and what would have been stable.

The rule: training diverged when a weight or the mean loss stopped being
finite, or when the loss ended more than :data:`FAR_ABOVE` times above where
it started. Descent with a stable learning rate does not end a thousand
times above its start, and an unstable one does not always overflow: per
sample on standardised data with lr 1 the loss jumps in the first epoch and
then sits at 2e10 (the optimum is 1945), finite for ever. Divergence is then
raised as :class:`TrainingDiverged`, built complete here: the epoch where it
was found, the epoch where the loss began to climb (the first epoch after the
last one at or below the start), the learning rate, and a stable learning
rate derived from the data when the step is affine (squared losses):

- per sample (and in mini-batches), the step on sample i is θ ↦ (I − lr·Hᵢ)θ + cᵢ
  with Hᵢ the loss's Hessian there; it does not expand while
  lr ≤ 2 / max_i λ_max(Hᵢ) — for ½(y − w·x̃)² that is 2 / max‖x̃‖²;
- full batch, the step is I − lr·mean(Hᵢ): stable below 2 / λ_max(mean Hᵢ),
  the largest eigenvalue of the moment matrix.

The Hessians come from derive's affine proof (:mod:`derive.descent.affine`),
never written by hand. When the curvature along one parameter is far larger
than along another (features on very different scales), the message says so
and points to standardising.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from .schedule import Schedule
from .trajectory import Trajectory

if TYPE_CHECKING:  # the objective module derives with SymPy; training itself needs none
    from .objective import Objective

#: A loss that ends more than this many times above its start has diverged.
FAR_ABOVE = 1e3
#: Losses are compared with at least this fraction of the data's loss scale
#: (see :func:`_loss_scale`), so a run that starts on an exact fit (loss 0) is
#: not judged by its rounding.
FLOOR = 1e-12
#: Curvatures along two parameters this many times apart mean the features'
#: scales differ by more than 10×.
SCALE_SPREAD = 100.0
#: Most samples whose Hessians are held at once.
HESSIAN_CHUNK = 1 << 16


class TrainingDiverged(ArithmeticError):
    """Training diverged: a weight or the loss became infinite or NaN, or the
    loss ended far above where it started.

    ``epoch`` is where divergence was found (the first epoch whose loss is
    not finite, or the first far above the start); ``params`` and
    ``history`` are the weights and per-epoch losses of the epochs before it,
    so no NaN weight is ever returned. ``began`` is the epoch from which the
    loss climbed, ``stable_lr`` a learning rate below which the steps would
    not have expanded (``None`` when it cannot be derived).
    ``history_epochs`` numbers the losses of ``history`` (1-based) when a
    long run kept a thinned history (:mod:`derive.descent.thinned`); it is
    ``None`` when ``history`` holds every epoch's loss.
    """

    def __init__(self, epoch: int, lr: float, loss: float, *, began: int, start_loss: float,
                 params: Sequence[float], history: Sequence[float], method: str,
                 stable_lr: float | None = None, stable_kind: str = "", scales: str = "",
                 history_epochs: Sequence[int] | None = None):
        self.epoch, self.lr, self.loss, self.began = epoch, lr, loss, began
        self.start_loss = start_loss
        self.params: list[float] = [float(p) for p in params]
        self.history: list[float] = [float(v) for v in history]
        self.history_epochs: list[int] | None = None if history_epochs is None else [int(e) for e in history_epochs]
        self.method = method
        self.stable_lr = stable_lr
        #: A sentence about the features' very different scales, or "" (a command line may add how to fix it).
        self.scales = scales
        what = (f"the loss became {loss}" if not math.isfinite(loss)
                else f"the loss reached {loss:.3g}, over {FAR_ABOVE:g} times its start")
        climb = ("" if not math.isfinite(start_loss)
                 else f" (it started at {start_loss:.5g} and rose above that from epoch {began} on)")
        advice = "try a smaller learning rate"
        if not math.isfinite(start_loss):  # no step taken yet: no learning rate can help
            advice = ("the loss is not finite at the starting weights, before any step, so no learning rate "
                      "would help; start from other weights, or scale the data or the loss")
        elif stable_lr is not None:
            advice = (f"{stable_kind} on this data is stable for learning rates below {stable_lr:.3g}; "
                      f"try a smaller learning rate, such as {_round_down(stable_lr * 0.9):g}")
        super().__init__(f"training diverged at epoch {epoch} with learning rate {lr:g}: {what}{climb}; "
                         f"{advice}" + (f". {scales}" if scales else ""))


def check_divergence(objective: Objective, trajectory: Trajectory, columns: Sequence[np.ndarray] | None,
                     schedule: Schedule, *, loss_at_zero: Callable[[], float] | None = None,
                     rate: Callable[[int], tuple[str, float | None, str]] | None = None) -> None:
    """Raise :class:`TrainingDiverged` if ``trajectory`` diverged by the rule above.

    ``columns`` is read only for the loss at θ = 0 and the stable rate; data
    that is not in memory (Dask) passes ``loss_at_zero()`` and
    ``rate(batch_size)`` (as :func:`stable_rate` returns) instead."""
    if loss_at_zero is None:
        loss_at_zero = lambda: _loss_scale(objective, columns, trajectory.history[0])  # noqa: E731
    if rate is None:
        rate = lambda batch_size: stable_rate(objective, columns, batch_size)  # noqa: E731
    losses = trajectory.losses
    start = trajectory.start_loss
    finite = np.isfinite(losses)
    overflow = trajectory.diverged_at is not None or not finite.all()
    last = int(np.argmin(finite)) if not finite.all() else len(losses)  # finite epochs
    if not overflow:
        if not (math.isfinite(start) and start >= 0 and len(losses)):
            return
        limit = FAR_ABOVE * start
        if not losses[-1] > limit:
            return
        limit = FAR_ABOVE * max(start, FLOOR * loss_at_zero())  # start may be 0
        if not losses[-1] > limit:
            return
    at_or_below = np.flatnonzero(losses[:last] <= start) if math.isfinite(start) else np.empty(0, int)
    began = int(at_or_below[-1]) + 2 if len(at_or_below) else 1
    if overflow:
        epoch = last + 1
        loss = float(losses[last]) if last < len(losses) else math.inf
    else:
        epoch = began + int(np.argmax(losses[began - 1:] > limit))
        loss = float(losses[epoch - 1])
    raise diverged(schedule, rate, epoch, loss, began=began, start_loss=start,
                   params=trajectory.history[epoch - 1], history=losses[:epoch - 1], method=trajectory.method)


def diverged(schedule: Schedule, rate: Callable[[int], tuple[str, float | None, str]], epoch: int, loss: float,
             *, began: int, start_loss: float, params: Sequence[float], history: Sequence[float], method: str,
             history_epochs: Sequence[int] | None = None) -> TrainingDiverged:
    """The :class:`TrainingDiverged` for a run found diverged at ``epoch``,
    with the stable rate ``rate(batch_size)`` suggests when it is below the run's."""
    kind, stable_lr, scales = rate(schedule.batch_size)
    if stable_lr is not None and schedule.lr < stable_lr:  # not the rate's fault: no rate to suggest
        stable_lr = None
    return TrainingDiverged(epoch, schedule.lr, loss, began=min(began, epoch), start_loss=start_loss,
                            params=params, history=history, method=method, stable_lr=stable_lr,
                            stable_kind=kind, scales=scales, history_epochs=history_epochs)


def stable_rate(objective: Objective, columns: Sequence[np.ndarray],
                batch_size: int) -> tuple[str, float | None, str]:
    """``(kind, rate, scales)``: the learning rate below which descent's steps
    do not expand on this data (``None`` unless the step is affine), what
    kind of descent it is for, and a sentence about the features' scales
    when they differ widely (else "")."""
    update = objective.affine
    if update is None:
        return "", None, ""
    arrays = [np.asarray(c, dtype=float).reshape(-1) for c in columns]
    n = len(arrays[0])
    found = update.curvature(*arrays, chunk=HESSIAN_CHUNK)  # closed form for a linear model: no n·p² array
    if found is None:
        return "", None, ""
    largest, mean = found
    return rate_from_hessians(update, largest, mean, n, batch_size)


def rate_from_hessians(update, largest: float, mean: np.ndarray, n: int,
                       batch_size: int) -> tuple[str, float | None, str]:
    """:func:`stable_rate` from the largest eigenvalue of one sample's
    Hessian and the mean Hessian over the n samples."""
    with np.errstate(all="ignore"):
        if batch_size >= n:
            kind, top = "full-batch descent", float(np.linalg.eigvalsh(mean).max())
        else:
            kind, top = ("per-sample descent" if batch_size == 1 else f"descent in batches of {batch_size}"), largest
    rate = 2.0 / top if top > 0 and math.isfinite(top) else None
    return kind, rate, _scales(update.params, np.diag(mean))


def _scales(params: Sequence, curvature: np.ndarray) -> str:
    positive = curvature > 0
    if positive.sum() < 2:
        return ""
    values = np.where(positive, curvature, np.nan)
    hi, lo = int(np.nanargmax(values)), int(np.nanargmin(values))
    with np.errstate(over="ignore"):  # a curvature of 1e-309 against 1: the ratio overflows
        spread = values[hi] / values[lo]
    if not spread > SCALE_SPREAD:
        return ""
    times = f"{spread:.3g} times" if math.isfinite(spread) else "more than 1e308 times"
    return (f"The inputs are on very different scales: the loss curves {times} more along "
            f"{params[hi]} than along {params[lo]} (a bias's input is 1), so no one learning rate suits "
            "every parameter; standardise the features (subtract each column's mean, divide by its "
            "standard deviation)")


def _loss_scale(objective: Objective, columns: Sequence[np.ndarray], start: Sequence[float]) -> float:
    """The size of the losses this data can produce: the larger of the loss at
    θ = 0 and at θ = |start| on the data's absolute values. On an exact fit
    whose targets are 0 the first is 0, but the second still measures the
    model's terms, whose rounding is what a scan or a loop sitting on the fit
    leaves behind."""
    zeros = [0.0] * len(start)
    points = ((zeros, columns), ([abs(float(v)) for v in start], [np.abs(c) for c in columns]))
    values = []
    with np.errstate(all="ignore"):
        for params, data in points:
            value = float(np.mean(objective.loss_numpy(*params, *data)))
            values.append(abs(value) if math.isfinite(value) else 0.0)
    return max(values)


def _round_down(rate: float) -> float:
    """``rate`` rounded down to two significant digits."""
    if not (math.isfinite(rate) and rate > 0):
        return rate
    # in decimal (10 ** digits overflows a float for a rate below 1e-307), from the shortest text
    # that reads back as the rate: Decimal(0.36) is 0.35999…, which would round down to 0.35
    from decimal import ROUND_FLOOR, Decimal  # only when a run diverged

    exact = Decimal(repr(rate))
    return float(exact.quantize(Decimal(1).scaleb(exact.adjusted() - 1), rounding=ROUND_FLOOR))
