"""``Neuron.fit`` on Dask arrays: the data stays in its chunks (on this
machine or on a ``dask.distributed`` cluster) and only small sums and
matrices come back. Nothing here ever computes the whole data into memory.

What each method costs, in passes over the data:

- ``scan`` (per sample, in order, a step derive proves affine — squared
  losses): one pass computes every chunk's composed map (multiplied in
  chunk order, :mod:`derive.dask_descent`) and the sums behind the epoch
  losses; the epochs are then powers of one small matrix. A second pass
  re-centres the losses only where they cancel badly.
- ``batch`` (whole data as one batch, a polynomial gradient): one pass for
  the moments, then O(p²) per epoch; losses as for ``scan``.
- ``gd``: full-batch descent for any loss (logistic, absolute error): one
  pass per epoch, plus one for the last loss.
- ``loop``: the book's per-sample loop, chunk after chunk, the parameters
  travelling to each chunk in turn: one sequential pass per epoch. It is
  what settles where training diverged when ``scan`` sees a non-finite
  number, as the in-memory methods do with their loop.

Shuffled epochs: a full-batch step does not depend on the order of the
samples, so ``batch`` and ``gd`` with ``shuffle`` are exact (up to the
rounding of a sum). A shuffled per-sample epoch interleaves samples of every
chunk in one global permutation, which no chunk-wise product reproduces; it
is refused rather than replaced by a different algorithm. So are
mini-batches between 1 and n.
"""
from __future__ import annotations

import numpy as np

from derive.dask_descent import chunked_columns, epoch_map, moment_sums, reduce_in_order, require_dask, add
from derive.scan import iterate

from . import dask_tasks as tasks
from .errors import TrainingDiverged
from .history import CANCELLATION, expanded
from .problem import Problem
from .training import Schedule, Trained

#: Epochs before the first non-finite one from which the loop re-runs to settle divergence.
SETTLE_BACK = 2


class DaskData:
    """x (n × d) and y (n) as Dask arrays cut into the same row chunks."""

    def __init__(self, x, y):
        require_dask()
        import dask.array as da

        X = x if hasattr(x, "__dask_graph__") else da.from_array(np.asarray(x, dtype=float))
        if X.ndim == 1:
            X = X[:, None]
        if X.ndim != 2:
            raise ValueError(f"x must be 1-D (one feature) or 2-D (samples × features), got shape {X.shape}")
        Y = y if hasattr(y, "__dask_graph__") else da.from_array(np.asarray(y, dtype=float), chunks=(X.chunks[0],))
        if Y.ndim == 2 and Y.shape[1] == 1:
            Y = Y[:, 0]
        if Y.ndim != 1:
            raise ValueError(f"y must be 1-D (one target per sample), got shape {Y.shape}")
        if any(np.isnan(c) for c in X.chunks[0] + Y.chunks[0]):
            raise ValueError("the Dask array has unknown chunk sizes; call compute_chunk_sizes() on it "
                             "(or to_dask_array(lengths=True) on a dataframe) first")
        if X.shape[0] == 0 or X.shape[1] == 0:
            raise ValueError(f"x is empty: it needs at least one sample and one feature, got shape {X.shape}")
        if Y.shape[0] != X.shape[0]:
            raise ValueError(f"x has {X.shape[0]} samples but y has {Y.shape[0]}: they must have the same length")
        self.X = X.rechunk({1: -1})
        self.y = Y.rechunk({0: self.X.chunks[0]})
        self.samples, self.features = self.X.shape
        self.blocks = list(zip(self.X.to_delayed(optimize_graph=False)[:, 0],
                               self.y.to_delayed(optimize_graph=False)))
        self.offsets = np.concatenate([[0], np.cumsum(self.X.chunks[0])[:-1]]).astype(int).tolist()

    def columns(self, problem: Problem) -> list[tuple]:
        """Per chunk, the data blocks in the order the gradient takes them."""
        return chunked_columns(*problem.data_columns(self.X, self.y))

    def each(self, function, *args) -> list:
        """``function(*args, X_block, y_block)`` on every chunk (lazy)."""
        from dask import delayed

        args = [shipped(a) for a in args]
        return [delayed(function)(*args, X, y) for X, y in self.blocks]

    def checked(self, problem: Problem):
        """The number of samples, raising on the first bad value (lazy)."""
        from dask import delayed

        parts = [delayed(tasks.check_chunk)(offset, X, y, problem.classifies)
                 for offset, (X, y) in zip(self.offsets, self.blocks)]
        return reduce_in_order(parts, _plus)


def shipped(value):
    """``value`` as one task of the graph if it is a :class:`Problem`: sent
    to each worker once, whole (Dask would otherwise rebuild a dataclass
    from its fields and drop the derived functions it carries)."""
    from dask import delayed

    if not isinstance(value, Problem):
        return value
    # derive everything a task may use here, so it travels with the problem:
    # a worker must not differentiate (simplify runs in a child process,
    # which a daemonic Dask worker cannot start), and runs the driver's code
    value.gradient.numpy, value.gradient.scalar, value.loss_numpy, value.data_names, value.squared_error_scale
    return delayed(value, traverse=False)


def choose_dask_method(problem: Problem, samples: int, schedule: Schedule) -> str:
    """What ``auto`` runs on Dask data: ``batch`` or ``gd`` for one batch of
    the whole data, ``scan`` per sample; anything else is refused."""
    if schedule.batch_size >= samples:
        return "batch" if problem.moments is not None else "gd"
    if schedule.batch_size == 1 and problem.affine is not None:
        return "scan"
    if schedule.batch_size == 1:
        raise ValueError(f"per-sample descent on {problem.label!r} over Dask data has no exact chunk-wise form "
                         "(its step is not affine): use a batch size of at least n for full-batch descent "
                         "(one pass per epoch), or method='loop' (the per-sample loop, one sequential pass per epoch)")
    raise ValueError(f"mini-batches ({schedule.batch_size} samples) are not supported on Dask data: "
                     "use batch size 1 (per sample) or at least n (full batch)")


def fit_dask(problem: Problem, params: list[float], x, y, schedule: Schedule, method: str = "auto") -> Trained:
    """Train on Dask data with ``method`` (``auto``, ``scan``, ``batch``,
    ``gd``, ``loop``); the same numbers as the in-memory methods, and
    :class:`TrainingDiverged` at the same epoch."""
    data = DaskData(x, y)
    if data.features != problem.features:
        raise ValueError(f"x has {data.features} feature column(s) but the neuron has {problem.features}")
    if method == "auto":
        method = choose_dask_method(problem, data.samples, schedule)
    try:
        run = DASK_METHODS[method]
    except KeyError:
        raise ValueError(f"method must be one of auto, {', '.join(DASK_METHODS)} on Dask data, got {method!r}") from None
    return run(problem, [float(p) for p in params], data, schedule)


def fit_scan(problem: Problem, params: list[float], data: DaskData, schedule: Schedule) -> Trained:
    """Per-sample SGD in order: one pass for the chunks' maps and the loss sums."""
    import dask

    update = problem.affine
    if update is None:
        raise ValueError(f"method 'scan' needs a loss whose per-sample step derive proves affine in the "
                         f"parameters (a squared loss); {problem.label!r} is not: use 'gd' or 'loop'")
    if schedule.batch_size != 1:
        raise ValueError(f"method 'scan' trains one sample at a time (batch size 1), not {schedule.batch_size}")
    _refuse_shuffle(schedule)
    _, m, raw = dask.compute(data.checked(problem), epoch_map(update, data.columns(problem), schedule.lr),
                             _residual_means(problem, data, np.zeros(problem.features + 1)))
    theta = np.array(params + [1.0])
    with np.errstate(all="ignore"):
        history = np.vstack([theta, iterate(m, theta, schedule.epochs)])[:, :-1]
    return _settle(problem, params, history, raw, data, schedule, fit_loop)


def fit_batch(problem: Problem, params: list[float], data: DaskData, schedule: Schedule) -> Trained:
    """Full-batch descent from the moments: one pass, then the epochs locally."""
    import dask

    moments = problem.moments
    if moments is None:
        raise ValueError(f"method 'batch' needs a gradient that is a polynomial in the parameters "
                         f"(a squared loss); {problem.label!r} is not: use 'gd'")
    _whole_batch(schedule, data.samples, "batch")
    _, (count, sums), raw = dask.compute(data.checked(problem), moment_sums(moments, data.columns(problem)),
                                         _residual_means(problem, data, np.zeros(problem.features + 1)))
    trajectory = moments.fit_moments(params, sums / count, schedule.lr, schedule.epochs)
    history = trajectory.history
    if trajectory.diverged_at is not None:  # the next epoch's parameters were not finite
        history = np.vstack([history, np.full(problem.features + 1, np.nan)])
    return _settle(problem, params, history, raw, data, schedule, fit_gd)


def fit_gd(problem: Problem, params: list[float], data: DaskData, schedule: Schedule,
           start: int = 0, losses: list[float] | None = None) -> Trained:
    """Full-batch gradient descent for any loss: one Dask pass per epoch
    (the gradient sums at the current parameters and the loss there), as
    the plain loop does in memory. ``start`` finished epochs (and their
    ``losses``) may be given, to continue from ``params`` after them."""
    import dask

    _whole_batch(schedule, data.samples, "gd")
    trained = Trained(list(params), list(losses or []))
    count = data.samples
    for epoch in range(start, schedule.epochs + 1):
        checks = [data.checked(problem)] if epoch == 0 else []  # the first pass also checks the data
        *_, (_, grads, lost) = dask.compute(*checks, reduce_in_order(
            data.each(tasks.gradient_sums, problem, trained.params), add))
        if epoch > start:
            loss = lost / count
            if not (np.isfinite(loss) and np.isfinite(trained.params).all()):
                err = TrainingDiverged(epoch, schedule.lr, loss)
                err.params, err.history = previous, list(trained.history)
                raise err
            trained.history.append(float(loss))
        if epoch < schedule.epochs:
            previous = trained.params
            with np.errstate(all="ignore"):
                trained.params = [p - schedule.lr * g / count for p, g in zip(trained.params, grads.tolist())]
    return trained


def fit_loop(problem: Problem, params: list[float], data: DaskData, schedule: Schedule,
             start: int = 0, losses: list[float] | None = None) -> Trained:
    """The per-sample loop over the chunks in order, the parameters passed
    from chunk to chunk: one sequential pass per epoch (and the loss after
    it). Exact, and slow on large data: it is the reference."""
    import dask
    from dask import delayed

    if schedule.batch_size >= data.samples:  # the loop's full batch is one step of descent
        return fit_gd(problem, params, data, schedule, start, losses)
    if schedule.batch_size != 1:
        choose_dask_method(problem, data.samples, schedule)  # raises: mini-batches are refused
    _refuse_shuffle(schedule)
    trained = Trained(list(params), list(losses or []))
    travelling = shipped(problem)
    for epoch in range(start + 1, schedule.epochs + 1):
        theta = trained.params
        for X, y in data.blocks:
            theta = delayed(tasks.sample_steps)(travelling, schedule.lr, theta, X, y)
        checks = [data.checked(problem)] if epoch == 1 else []  # the first pass also checks the data
        *_, new, (_, lost) = dask.compute(*checks, theta, reduce_in_order(
            data.each(tasks.loss_sums, problem, delayed(np.atleast_2d)(theta)), add))
        loss = float(lost[0]) / data.samples
        if not (np.isfinite(loss) and np.isfinite(new).all()):
            err = TrainingDiverged(epoch, schedule.lr, loss)
            err.params, err.history = trained.params, trained.history
            raise err
        trained.params = [float(v) for v in new]
        trained.history.append(loss)
    return trained


def _settle(problem: Problem, params: list[float], history: np.ndarray, raw, data: DaskData,
            schedule: Schedule, reference) -> Trained:
    """``history`` (start and every epoch's parameters) as :class:`Trained`
    with its losses; at the first non-finite number the reference method
    re-runs from :data:`SETTLE_BACK` epochs before it and says where
    training diverged, as :func:`neuron.methods._settle` does in memory."""
    finite_rows = np.isfinite(history).all(axis=1)
    bad = int(np.argmin(finite_rows)) if not finite_rows.all() else len(history)
    losses = epoch_losses(problem, history[1:bad], raw, data)
    finite = np.isfinite(losses)
    if bad == len(history) and finite.all():
        return Trained(history[-1].tolist(), losses.tolist())
    first = 1 + int(np.argmin(finite)) if not finite.all() else bad  # first epoch with a non-finite number
    start = max(0, first - 1 - SETTLE_BACK)
    try:
        return reference(problem, history[start].tolist() if start else params, data, schedule,
                         start, losses[:start].tolist())
    except TrainingDiverged as err:
        kept = err.epoch - 1
        if kept <= len(losses) and finite[:kept].all():
            err.params, err.history = history[kept].tolist(), losses[:kept].tolist()
        raise


def epoch_losses(problem: Problem, history: np.ndarray, raw, data: DaskData) -> np.ndarray:
    """The mean loss at each row of ``history``. A squared loss comes from
    ``raw`` (the residual means around 0, already computed); rows whose terms
    cancel are redone around the last row (one more pass), and rows that
    still cancel directly, as :func:`neuron.history.epoch_losses` does."""
    import dask

    scale = problem.squared_error_scale
    if len(history) == 0:
        return np.empty(0)
    if scale is None:
        return _direct_losses(problem, history, data)
    center = np.zeros(problem.features + 1)
    losses = np.empty(len(history))
    redo = np.ones(len(history), dtype=bool)
    for means in (raw, None):
        if means is None:
            center = history[-1]
            means = dask.compute(_residual_means(problem, data, center))[0]
        with np.errstate(all="ignore"):
            values, terms = expanded(history[redo], means, center)
            values *= scale
        losses[redo] = values
        redo[redo] = ~np.isfinite(values) | (np.abs(values) < CANCELLATION * scale * terms)
        if not redo.any():
            return losses
    losses[redo] = _direct_losses(problem, history[redo], data)
    return losses


def _direct_losses(problem: Problem, history: np.ndarray, data: DaskData) -> np.ndarray:
    import dask

    count, sums = dask.compute(reduce_in_order(
        data.each(tasks.loss_sums, problem, np.asarray(history)), add))[0]
    return sums / count


def _residual_means(problem: Problem, data: DaskData, center: np.ndarray):
    """mean t·tᵀ, t = [x, 1, y − z(center)], over all chunks (lazy; ``None``
    when the loss is not a squared error)."""
    from dask import delayed

    if problem.squared_error_scale is None:
        return None
    total = reduce_in_order(data.each(tasks.residual_sums, np.asarray(center, dtype=float)), add)
    return delayed(_mean)(total)


def _mean(count_and_sums: tuple):
    count, sums = count_and_sums
    return sums / count


def _plus(a: int, b: int) -> int:
    return a + b


def _refuse_shuffle(schedule: Schedule) -> None:
    if schedule.shuffle:
        raise ValueError("shuffled per-sample epochs cannot be computed exactly chunk by chunk on Dask data: "
                         "each epoch's permutation interleaves samples of every chunk; train in the data's "
                         "order (shuffle once when writing the chunks), or use a full batch, where order does "
                         "not matter")


def _whole_batch(schedule: Schedule, samples: int, method: str) -> None:
    if schedule.batch_size < samples:
        raise ValueError(f"method {method!r} takes the whole data as one batch: batch size {schedule.batch_size} "
                         f"is less than the {samples} samples; use a batch size of at least {samples}")


#: Methods on Dask data by name.
DASK_METHODS = {"scan": fit_scan, "batch": fit_batch, "gd": fit_gd, "loop": fit_loop}
