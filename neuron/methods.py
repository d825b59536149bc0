"""How ``Neuron.fit`` trains: the plain loop, or one of derive's exact fast
methods, chosen by name or by ``auto``.

Every method takes ``(problem, params, X, y, schedule)`` and returns a
:class:`~neuron.training.Trained` with the same numbers as the plain loop (up
to rounding), or raises :class:`~neuron.errors.TrainingDiverged` at the same
epoch the loop would:

- ``loop``: derive's generated per-sample loop (:func:`derive.step.sgd_loop`),
  one inlined Python function per loss; mini-batches use the plain loop.
- ``scan``: per-sample SGD without a Python loop over samples, for a step
  derive proves affine (:func:`derive.scan.scan_fit`).
- ``batch``: full-batch descent from sufficient statistics
  (:mod:`derive.moments`): one pass over the data, then O(p²) per epoch.
- ``auto``: ``batch`` when the batch is the whole data and the gradient is a
  polynomial, ``scan`` per sample when the step is affine, else ``loop``.

The fast methods produce all epochs' parameters, then the losses. When any of
them is not finite, the loop is run from the start to say where training
diverged, so no method reports a different epoch (or hides an overflow); the
weights kept are the method's own of the last finite epoch.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from derive.errors import InputError
from derive.scan import scan_fit
from derive.trajectory import Trajectory

from .errors import TrainingDiverged
from .history import epoch_losses
from .problem import Problem
from .training import EpochOrders, Schedule, Trained, epoch_orders, plain_loop

Method = Callable[[Problem, list, np.ndarray, np.ndarray, Schedule], Trained]

#: Most sample indices the shuffled scan holds at once (epochs × n); more
#: epochs are scanned in parts.
ORDER_ENTRIES = 1 << 22


def train(problem: Problem, params: Sequence[float], X: np.ndarray, y: np.ndarray,
          schedule: Schedule, method: str = "auto") -> Trained:
    """Train with ``method``; raise :class:`TrainingDiverged` (carrying the
    last finite parameters and history) at the first non-finite loss."""
    try:
        run = METHODS[method]
    except KeyError:
        raise InputError(f"method must be one of {', '.join(METHODS)}, got {method!r}") from None
    return run(problem, [float(p) for p in params], X, y, schedule)


def choose_method(problem: Problem, samples: int, schedule: Schedule) -> str:
    """The method ``auto`` runs: ``batch``, ``scan`` or ``loop``."""
    if schedule.batch_size >= samples and problem.moments is not None:
        return "batch"
    if schedule.batch_size == 1 and problem.affine is not None:
        return "scan"
    return "loop"


def fit_auto(problem: Problem, params: list[float], X: np.ndarray, y: np.ndarray,
             schedule: Schedule) -> Trained:
    """The fastest exact method for this loss and schedule (:func:`choose_method`)."""
    return METHODS[choose_method(problem, len(y), schedule)](problem, params, X, y, schedule)


def fit_loop(problem: Problem, params: list[float], X: np.ndarray, y: np.ndarray,
             schedule: Schedule) -> Trained:
    """Per sample: derive's generated loop. Mini-batches: the plain loop."""
    if schedule.batch_size > 1:
        return plain_loop(problem, params, X, y, schedule)
    columns = problem.data_columns(X, y)
    trajectory = problem.sgd.fit(params, columns, schedule.lr, schedule.epochs, epoch_orders(schedule, len(y)))
    # the generated loop works in plain ``math``, which raises where NumPy
    # saturates (σ of a large z): the plain loop decides what happened there
    return _settle(problem, trajectory, X, y, columns, lambda: plain_loop(problem, params, X, y, schedule))


def fit_scan(problem: Problem, params: list[float], X: np.ndarray, y: np.ndarray,
             schedule: Schedule) -> Trained:
    """Per-sample SGD as a composition of affine maps (derive's scan)."""
    update = problem.affine
    if update is None:
        raise InputError(f"method 'scan' needs a loss whose per-sample step derive proves affine in the "
                         f"parameters (a squared loss); {problem.label!r} is not: use 'loop' or 'auto'")
    if schedule.batch_size != 1:
        raise InputError(f"method 'scan' trains one sample at a time (batch size 1), not {schedule.batch_size}; "
                         "use 'loop', 'batch' or 'auto'")
    columns = problem.data_columns(X, y)
    orders = epoch_orders(schedule, len(y))
    if orders is None:
        trajectory = scan_fit(update, columns, params, schedule.lr, schedule.epochs)
    else:
        trajectory = _shuffled_scan(update, columns, params, schedule.lr, orders)
    return _settle(problem, trajectory, X, y, columns, lambda: fit_loop(problem, params, X, y, schedule))


def _shuffled_scan(update, columns: list[np.ndarray], params: list[float], lr: float,
                   orders: EpochOrders) -> Trajectory:
    """The scan over shuffled epochs, a few epochs at a time so the table of
    orders stays within :data:`ORDER_ENTRIES` indices, each part starting
    where the previous one ended."""
    n = len(columns[0])
    per_part = max(1, ORDER_ENTRIES // max(n, 1))
    parts, start = [np.array([params], dtype=float)], 0
    while start < len(orders):
        count = min(per_part, len(orders) - start)
        table = np.array([orders[start + e] for e in range(count)], dtype=np.intp)
        part = scan_fit(update, columns, parts[-1][-1], lr, count, table)
        parts.append(part.history[1:])
        if part.diverged_at is not None:
            return Trajectory(np.concatenate(parts), start + part.diverged_at)
        start += count
    return Trajectory(np.concatenate(parts))


def fit_batch(problem: Problem, params: list[float], X: np.ndarray, y: np.ndarray,
              schedule: Schedule) -> Trained:
    """Full-batch descent from the data's moments: one pass, then O(p²) per epoch."""
    moments = problem.moments
    if moments is None:
        raise InputError(f"method 'batch' needs a gradient that is a polynomial in the parameters "
                         f"(a squared loss); {problem.label!r} is not: use 'loop' or 'auto'")
    if schedule.batch_size < len(y):
        raise InputError(f"method 'batch' takes the whole data as one batch: batch size {schedule.batch_size} "
                         f"is less than the {len(y)} samples; use a batch size of at least {len(y)}, or 'loop'")
    columns = problem.data_columns(X, y)
    trajectory = moments.fit_moments(params, moments.moments(*columns), schedule.lr, schedule.epochs)
    return _settle(problem, trajectory, X, y, columns, lambda: plain_loop(problem, params, X, y, schedule))


def _settle(problem: Problem, trajectory: Trajectory, X: np.ndarray, y: np.ndarray,
            columns: list[np.ndarray], loop: Callable[[], Trained]) -> Trained:
    """``trajectory`` as :class:`Trained`, with the mean loss of every epoch.
    If a parameter or a loss is not finite, ``loop`` (run from the start)
    says whether and where training diverged; the weights and history kept
    are the trajectory's own up to the loop's last finite epoch."""
    history = trajectory.history
    losses = epoch_losses(problem, history[1:], X, y, columns)
    finite = np.isfinite(losses)
    if trajectory.diverged_at is None and finite.all():
        return Trained(history[-1].tolist(), losses.tolist())
    try:
        return loop()
    except TrainingDiverged as err:
        kept = err.epoch - 1  # finished epochs
        if kept <= len(losses) and finite[:kept].all():
            err.params, err.history = history[kept].tolist(), losses[:kept].tolist()
        raise


#: Training methods by name; ``Neuron.fit(method=...)`` and ``neuron fit --method`` pick one.
METHODS: dict[str, Method] = {
    "loop": fit_loop,
    "scan": fit_scan,
    "batch": fit_batch,
    "auto": fit_auto,
}
