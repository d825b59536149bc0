"""Gradient descent on data held as Dask arrays, with the numbers of the
in-memory methods (:mod:`.methods`): the data stay in their chunks, on this
machine or on a ``dask.distributed`` cluster, and nothing ever gathers them.

What each method costs, in passes over the data (:mod:`.dask_chunks` does
the work on the chunks):

- ``scan`` (per sample, in order, a step derive proves affine — squared
  losses): one pass computes every chunk's composed map, multiplied in chunk
  order, and the loss's Taylor moments at the start; the epochs are then
  powers of one small matrix, their losses O(p²) each. A second pass
  re-centres the losses at the last epoch only where they cancel badly.
- ``batch`` (the whole data as one batch, a polynomial gradient): one pass
  for the moments and the Taylor moments, then O(p²) per epoch.
- ``gd``: full-batch descent for any loss (logistic, absolute error): one
  pass per epoch, plus one for the last epoch's loss.
- ``loop``: the reference per-sample loop, chunk after chunk, the
  parameters travelling to each chunk in turn: one sequential pass per
  epoch. ``scan`` hands over to it when the epoch map expands, as in memory.

When a weight or a loss is not finite, the reference (``loop`` per sample,
``gd`` for a full batch) re-runs from :data:`SETTLE_BACK` epochs before and
says where training stopped; then :func:`.divergence.check_divergence`
applies the in-memory rule, with the loss at θ = 0 and the stable rate
computed on the chunks.

Shuffled epochs: a full-batch step does not depend on the order of the
samples, so ``batch`` and ``gd`` with ``shuffle`` are exact (up to the
rounding of a sum). A shuffled per-sample epoch visits one permutation of
all n samples, interleaving every chunk, which no chunk-wise product
reproduces: it is refused, not replaced by a different algorithm. So are
mini-batches between 1 and n.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ..errors import InputError
from . import dask_chunks as on
from . import pieces, thinned
from .dask_chunks import Chunks
from .divergence import check_divergence, rate_from_hessians
from .pieces import LongRun
from .scan import expanding, iterate
from .schedule import Schedule
from .trajectory import Trajectory, TrainingInterrupted

if TYPE_CHECKING:  # the objective module derives with SymPy; training itself needs none
    from .objective import Objective

#: Epochs before the first non-finite one from which the reference re-runs.
SETTLE_BACK = 2


def train_dask(objective: Objective, params: Sequence[float], columns: Sequence, schedule: Schedule,
               method: str = "auto", *, probabilities: str | None = None, piece: int | None = None,
               keep: int | None = None, before: int = 0) -> Trajectory | LongRun:
    """Train from ``params`` on Dask ``columns`` (in ``objective.data_names``
    order) as :func:`.methods.train` does in memory: the trajectory with its
    losses, or :class:`.divergence.TrainingDiverged` where the loop would
    raise it. ``probabilities`` names a column that must hold values in [0, 1]
    (checked in the first pass, as every value's finiteness is).

    As in memory, a run longer than ``piece`` epochs
    (:data:`~.pieces.PIECE_EPOCHS`) trains in pieces by
    :func:`.pieces.train_in_pieces`, keeping at most ``keep`` losses
    (:data:`~.thinned.HISTORY_POINTS`), thinned with their epoch numbers
    counted after ``before`` epochs of earlier training, and returns a
    :class:`~.pieces.LongRun`; each piece makes its own passes over the
    chunks. Ctrl-C between the loop's epochs raises
    :class:`~.trajectory.TrainingInterrupted` with the epochs that finished."""
    objective = getattr(objective, "symbolic", objective)  # a stored objective ships as the derived one
    chunks = Chunks(columns, objective.data_names)
    if method == "auto":
        method = choose_dask_method(objective, chunks.samples, schedule)
    try:
        run = DASK_METHODS[method]
    except KeyError:
        raise InputError(f"method must be one of auto, {', '.join(DASK_METHODS)} on Dask data, got {method!r}") from None
    loss_scale = lambda start: _loss_scale(objective, chunks, start)  # noqa: E731
    rate = lambda batch_size: _stable_rate(objective, chunks, batch_size)  # noqa: E731
    piece = pieces.PIECE_EPOCHS if piece is None else piece
    if schedule.epochs > piece:
        checking = [probabilities]  # the first piece's first pass checks the values; the others need not

        def one_piece(objective: Objective, params: list, _columns, schedule: Schedule) -> Trajectory:
            check, checking[0] = checking[0], None
            return run(objective, params, chunks, schedule, check)
        return pieces.train_in_pieces(objective, one_piece, params, columns, schedule, piece=piece,
                                      keep=thinned.HISTORY_POINTS if keep is None else keep, before=before,
                                      loss_scale=loss_scale, rate=rate)
    trajectory = run(objective, [float(p) for p in params], chunks, schedule, probabilities)
    check_divergence(objective, trajectory, None, schedule,
                     loss_at_zero=lambda: loss_scale(trajectory.history[0]), rate=rate)
    if trajectory.interrupted:  # Ctrl-C between the loop's epochs: the finished epochs, handed back
        raise TrainingInterrupted(trajectory)
    return trajectory


def choose_dask_method(objective: Objective, samples: int, schedule: Schedule) -> str:
    """What ``auto`` runs on Dask data: ``batch`` or ``gd`` for one batch of
    the whole data, ``scan`` per sample; anything else is refused."""
    if schedule.batch_size >= samples:
        return "batch" if objective.moments is not None else "gd"
    if schedule.batch_size == 1 and objective.affine is not None:
        return "scan"
    if schedule.batch_size == 1:
        raise InputError("per-sample descent on this loss over Dask data has no exact chunk-wise form (its step "
                         "is not affine): use a batch size of at least n for full-batch descent (one pass per "
                         "epoch), or method='loop' (the per-sample loop, one sequential pass per epoch)")
    raise InputError(f"mini-batches ({schedule.batch_size} samples) are not supported on Dask data: "
                     "use batch size 1 (per sample) or at least n (full batch)")


def fit_scan(objective: Objective, params: list[float], chunks: Chunks, schedule: Schedule,
             probabilities: str | None) -> Trajectory:
    """Per-sample SGD in order: one pass for the chunks' maps and the losses' moments."""
    import dask

    if objective.affine is None:
        raise InputError("method 'scan' needs a loss whose per-sample step derive proves affine in the "
                         "parameters (a squared loss); use 'gd' or 'loop'")
    if schedule.batch_size != 1:
        raise InputError(f"method 'scan' trains one sample at a time (batch size 1), not {schedule.batch_size}")
    _refuse_shuffle(schedule)
    start = np.array(params)
    _, epoch, moments = dask.compute(chunks.checked(probabilities),
                                     chunks.reduce(on.chunk_map, objective, schedule.lr, combine=on.then),
                                     _expansion_sums(objective, chunks, start))
    with np.errstate(all="ignore"):
        if expanding(epoch[None]):  # powers would amplify rounding the loop never sees: the loop decides
            return fit_loop(objective, params, chunks, schedule, None)
        history = np.vstack([start, iterate(epoch, np.append(start, 1.0), schedule.epochs)[:, :-1]])
    return _settle(objective, history, "scan", chunks, schedule, start, moments, fit_loop)


def fit_batch(objective: Objective, params: list[float], chunks: Chunks, schedule: Schedule,
              probabilities: str | None) -> Trajectory:
    """Full-batch descent from the moments: one pass, then the epochs locally."""
    import dask

    moments = objective.moments
    if moments is None:
        raise InputError("method 'batch' needs a gradient that is a polynomial in the parameters "
                         "(a squared loss); use 'gd'")
    _whole_batch(schedule, chunks.samples, "batch")
    start = np.array(params)
    _, (count, sums), taylor = dask.compute(chunks.checked(probabilities), chunks.reduce(on.moment_sums, objective),
                                            _expansion_sums(objective, chunks, start))
    trajectory = moments.fit_moments(params, sums / count, schedule.lr, schedule.epochs)
    history = trajectory.history
    if trajectory.diverged_at is not None:  # the next epoch's parameters were not finite
        history = np.vstack([history, np.full(len(params), np.nan)])
    return _settle(objective, history, "batch", chunks, schedule, start, taylor, fit_gd)


def fit_gd(objective: Objective, params: list[float], chunks: Chunks, schedule: Schedule,
           probabilities: str | None, before: tuple[np.ndarray, np.ndarray] | None = None) -> Trajectory:
    """Full-batch gradient descent for any loss, as the reference loop does
    it in memory: one pass per epoch (the gradient at the current
    parameters and the loss there). ``before`` — the history and losses of
    epochs already run — continues a run from its last row."""
    import dask

    _whole_batch(schedule, chunks.samples, "gd")
    rows, losses = ([np.array(params)], []) if before is None else ([*before[0]], [*before[1][:-1]])
    diverged_at, interrupted = None, False
    try:
        while True:
            checks = [chunks.checked(probabilities)] if before is None and not losses else []
            *_, (count, grads, loss) = dask.compute(*checks, chunks.reduce(on.gradient_sums, objective,
                                                                           rows[-1].tolist()))
            losses.append(loss / count)
            if len(rows) > schedule.epochs:
                break
            with np.errstate(all="ignore"):
                theta = rows[-1] - schedule.lr * (grads / count)
            if not np.isfinite(theta).all():
                diverged_at = len(rows)
                break
            rows.append(theta)
    except KeyboardInterrupt:  # Ctrl-C: keep the epochs whose loss is known
        if not losses:
            raise
        rows, interrupted = rows[:len(losses)], True
    return _trajectory(np.array(rows), np.array(losses), diverged_at, "loop", interrupted)


def fit_loop(objective: Objective, params: list[float], chunks: Chunks, schedule: Schedule,
             probabilities: str | None, before: tuple[np.ndarray, np.ndarray] | None = None) -> Trajectory:
    """The per-sample reference loop over the chunks in order, the
    parameters passed from chunk to chunk: one sequential pass per epoch
    (and the loss after it). Exact, and slow on large data."""
    import dask
    from dask import delayed

    if schedule.batch_size >= chunks.samples:  # the loop's full batch is one step of descent
        return fit_gd(objective, params, chunks, schedule, probabilities, before)
    if schedule.batch_size != 1:
        choose_dask_method(objective, chunks.samples, schedule)  # raises: mini-batches are refused
    _refuse_shuffle(schedule)
    if before is None:
        _, (count, first) = dask.compute(chunks.checked(probabilities), chunks.reduce(on.loss_sums, objective,
                                                                                     np.array([params])))
        before = (np.array([params]), first / count)
    rows, losses = [*before[0]], [*before[1]]
    travelling, diverged_at, interrupted = on.shipped(objective), None, False
    try:
        while len(rows) <= schedule.epochs:
            theta = rows[-1].tolist()
            for blocks in chunks.blocks:
                theta = delayed(on.sample_steps)(travelling, schedule.lr, theta, *blocks)
            new, (count, loss) = dask.compute(theta, chunks.reduce(on.loss_sums, objective,
                                                                   delayed(np.atleast_2d)(theta)))
            if not np.isfinite(new).all():
                diverged_at = len(rows)
                break
            rows.append(np.array(new, dtype=float))
            losses.append(float(loss[0]) / count)
    except KeyboardInterrupt:  # Ctrl-C: keep the epochs that finished (a row and its loss go in together)
        interrupted = True
    return _trajectory(np.array(rows), np.array(losses), diverged_at, "loop", interrupted)


def _settle(objective: Objective, history: np.ndarray, method: str, chunks: Chunks, schedule: Schedule,
            center: np.ndarray, taylor, reference) -> Trajectory:
    """``history`` (every epoch's parameters, non-finite rows included) as a
    trajectory with its losses; at the first non-finite number the
    ``reference`` re-runs from :data:`SETTLE_BACK` epochs before it."""
    finite_rows = np.isfinite(history).all(axis=1)
    bad = len(history) if finite_rows.all() else int(np.argmin(finite_rows))
    losses = _losses(objective, history[:bad], chunks, center, taylor)
    finite = np.isfinite(losses)
    if bad == len(history) and finite.all():
        return _trajectory(history, losses, None, method)
    first = min(bad, int(np.argmin(finite)) if not finite.all() else bad)  # first row with a non-finite number
    keep = max(1, first - SETTLE_BACK)
    return reference(objective, history[0].tolist(), chunks, schedule, None, (history[:keep], losses[:keep]))


def _losses(objective: Objective, history: np.ndarray, chunks: Chunks, center: np.ndarray, taylor) -> np.ndarray:
    """The mean loss at each row of ``history``: from the Taylor moments
    ``taylor`` at ``center`` (already computed) when the loss is a
    polynomial; rows that cancel badly from the moments at the last row (one
    more pass), and those that still do directly (one more)."""
    import dask

    if len(history) == 0:
        return np.empty(0)
    if taylor is None:
        return _direct_losses(objective, history, chunks)
    expansion = objective.epoch_losses
    losses, redo = expansion.expanded(history, center, taylor)
    if redo.any() and np.isfinite(history[-1]).all():
        center = history[-1]
        taylor = dask.compute(_expansion_sums(objective, chunks, center))[0]
        losses[redo], again = expansion.expanded(history[redo], center, taylor)
        redo[redo] = again
    if redo.any():
        losses[redo] = _direct_losses(objective, history[redo], chunks)
    return losses


def _expansion_sums(objective: Objective, chunks: Chunks, center: np.ndarray):
    """The means of the loss and its Taylor coefficients at ``center`` (lazy;
    ``None`` when the loss has no expansion)."""
    from dask import delayed

    if objective.epoch_losses.expansion is None:
        return None
    return delayed(_mean)(chunks.reduce(on.expansion_sums, objective, np.asarray(center, dtype=float)))


def _direct_losses(objective: Objective, history: np.ndarray, chunks: Chunks) -> np.ndarray:
    import dask

    count, sums = dask.compute(chunks.reduce(on.loss_sums, objective, np.asarray(history, dtype=float)))[0]
    return sums / count


def _loss_scale(objective: Objective, chunks: Chunks, start) -> float:
    """:func:`.divergence._loss_scale` in one pass over the chunks: the larger
    of the loss at θ = 0 and at θ = |start| on the data's absolute values (on an
    exact fit whose targets are 0 the first is 0)."""
    import dask

    zero = np.zeros((1, len(objective.gradient.params)))
    at_start = np.abs(np.asarray(start, dtype=float)).reshape(1, -1)
    (count, sums), (_, abs_sums) = dask.compute(chunks.reduce(on.loss_sums, objective, zero),
                                                chunks.reduce(on.abs_loss_sums, objective, at_start))
    values = [float(sums[0] / count), float(abs_sums[0] / count)]
    return max(abs(v) if math.isfinite(v) else 0.0 for v in values)


def _stable_rate(objective: Objective, chunks: Chunks, batch_size: int) -> tuple[str, float | None, str]:
    """:func:`.divergence.stable_rate` from one pass over the chunks."""
    import dask

    if objective.affine is None:
        return "", None, ""
    count, largest, total = dask.compute(chunks.reduce(on.hessian_stats, objective, combine=on.most))[0]
    if not (math.isfinite(largest) and np.isfinite(total).all()):
        return "", None, ""
    return rate_from_hessians(objective.affine, largest, total / count, count, batch_size)


def _trajectory(history: np.ndarray, losses: np.ndarray, diverged_at: int | None, method: str,
                interrupted: bool = False) -> Trajectory:
    """A trajectory whose losses (start row included) are already known."""
    return Trajectory(history, diverged_at, None, lambda rows: losses, method, interrupted)


def _mean(count_and_sums: tuple) -> np.ndarray:
    count, sums = count_and_sums
    return sums / count


def _refuse_shuffle(schedule: Schedule) -> None:
    if schedule.shuffle:
        raise InputError("shuffled per-sample epochs cannot be computed exactly chunk by chunk on Dask data: "
                         "each epoch's permutation interleaves samples of every chunk; train in the data's "
                         "order (shuffle once when writing the chunks), or use a full batch, where order does "
                         "not matter")


def _whole_batch(schedule: Schedule, samples: int, method: str) -> None:
    if schedule.batch_size < samples:
        raise InputError(f"method {method!r} takes the whole data as one batch: batch size {schedule.batch_size} "
                         f"is less than the {samples} samples; use a batch size of at least {samples}")


#: Methods on Dask data by name.
DASK_METHODS = {"scan": fit_scan, "batch": fit_batch, "gd": fit_gd, "loop": fit_loop}
