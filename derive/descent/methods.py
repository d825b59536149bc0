"""How gradient descent runs: the reference loop, or one of derive's exact
fast methods, chosen by name or by ``auto``.

Every method takes ``(objective, params, columns, schedule)`` and returns a
:class:`~derive.descent.trajectory.Trajectory` with the same numbers as the
reference loop (up to rounding); :func:`train` adds the per-epoch losses and
raises :class:`~derive.descent.divergence.TrainingDiverged` where the loop
would:

- ``loop``: the generated per-sample loop (:mod:`derive.descent.generated_loop`),
  one inlined Python function per loss; mini-batches use the reference loop.
- ``compiled``: the same generated step compiled by numba
  (:mod:`derive.descent.compiled`; the optional extra ``derive-neuron[fast]``),
  per sample, in order or shuffled, with the loop's numbers to the last digit
  (up to rounding past 8 features, where the Python loop sums z with NumPy's dot);
  full batch through its one-pass mean gradient. Mini-batches: the reference loop.
- ``scan``: per-sample SGD without a Python loop over samples, for a step
  derive proves affine (:func:`derive.descent.scan.scan_fit`).
- ``batch``: full-batch descent from sufficient statistics
  (:mod:`derive.descent.moments`): one pass over the data, then O(p²) per epoch.
- ``auto``: ``batch`` when the batch is the whole data and the gradient is a
  polynomial; per sample, the cheapest of ``scan`` (when the step is
  affine), ``compiled`` (when numba is installed) and ``loop`` by the cost
  model of :mod:`derive.descent.cost` — scan or a loop the same in every
  process, the compiled loop's start-up counted only where this process
  has not paid it yet; otherwise ``compiled`` when installed, else ``loop``.

A fast method that cannot promise the loop's numbers hands over to a loop
(the compiled one when numba is installed: the same numbers),
and the trajectory says which method ran: the scan when an epoch's map is
expanding (it would amplify rounding the loop never sees), and every fast
method when a weight or a loss is not finite (the loop says where training
stopped, so no method reports a different epoch or hides an overflow).

To add a method: write ``fit_NAME(objective, params, columns, schedule) ->
Trajectory`` here, add it to :data:`METHODS`, and to :func:`choose_method` if
``auto`` should pick it.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from ..errors import InputError
from . import pieces, thinned
from .divergence import check_divergence
from .matrix import as_columns
from .cost import COMPILED_START, choose_per_sample, kernel_source_cost, start_to_pay
from .numba_loop import numba_has_run, numba_imported
from .schedule import Schedule, epoch_orders
from .trajectory import Trajectory, TrainingInterrupted

if TYPE_CHECKING:  # the objective module derives with SymPy; training itself needs none
    from .objective import Objective
    from .pieces import LongRun

Method = Callable[["Objective", list, list, Schedule], Trajectory]

def train(objective: Objective, params: Sequence[float], columns: Sequence[np.ndarray],
          schedule: Schedule, method: str = "auto", *, piece: int | None = None,
          keep: int | None = None, before: int = 0) -> Trajectory | LongRun:
    """Train from ``params`` on the data ``columns`` (in ``objective.data_names``
    order) with ``method``. Returns the trajectory, with its losses and the
    name of the method that ran; raises :class:`TrainingDiverged` (carrying
    the weights and losses of the epochs before it) when training diverged,
    and :class:`TrainingInterrupted` (carrying the finished epochs) when
    Ctrl-C stopped a loop between epochs.

    A run longer than ``piece`` epochs (:data:`~derive.descent.pieces.PIECE_EPOCHS`)
    trains in pieces, in bounded memory, and returns a
    :class:`~derive.descent.pieces.LongRun`: the final weights and at most
    ``keep`` losses (:data:`~derive.descent.thinned.HISTORY_POINTS`), thinned
    with their epoch numbers (``loss_epochs``, counting ``before`` epochs of
    earlier training, so a warm start's history thins as one run's would)."""
    try:
        run = METHODS[method]
    except KeyError:
        raise InputError(f"method must be one of {', '.join(METHODS)}, got {method!r}") from None
    columns = as_columns(columns)
    piece = pieces.PIECE_EPOCHS if piece is None else piece
    if schedule.epochs > piece:
        if method == "auto":  # chosen once, for the whole run
            run = METHODS[choose_method(objective, len(columns[0]), schedule)]
        return pieces.train_in_pieces(objective, run, params, columns, schedule, piece=piece,
                                      keep=thinned.HISTORY_POINTS if keep is None else keep, before=before)
    trajectory = run(objective, [float(p) for p in params], columns, schedule)
    check_divergence(objective, trajectory, columns, schedule)
    if trajectory.interrupted:  # Ctrl-C in a loop: the finished epochs, handed back
        raise TrainingInterrupted(trajectory)
    return trajectory


def choose_method(objective: Objective, samples: int, schedule: Schedule) -> str:
    """The method ``auto`` runs: ``batch``, ``scan``, ``compiled`` or ``loop``."""
    full = schedule.batch_size >= samples
    if full and objective.moments is not None:
        return "batch"
    kernels = objective.compiled
    if schedule.batch_size == 1:
        return choose_per_sample(samples, len(objective.gradient.params), schedule.epochs, schedule.shuffle,
                                 scan=objective.affine is not None, compiled=kernels is not None,
                                 start=0.0 if kernels is None else compiled_start(kernels, objective),
                                 vector=objective.vector_step)
    return "compiled" if full and kernels is not None else "loop"


def compiled_start(kernels, objective: Objective | None = None) -> float:
    """The seconds of start-up the compiled loop still costs in this process
    (:func:`derive.descent.cost.start_to_pay`), and for a wide linear model
    whose kernels' source is not at hand its generation
    (:func:`~derive.descent.cost.kernel_source_cost`, which grows as p²)."""
    generate = 0.0
    if objective is not None and objective.vector_step and "source" not in vars(kernels):
        generate = kernel_source_cost(len(objective.gradient.params))
    if generate or not numba_imported():  # nothing paid yet, or no source to read: none generated to ask
        return COMPILED_START + generate
    return start_to_pay(True, numba_has_run(), kernels.loaded, kernels.same_operations)


def fit_auto(objective: Objective, params: list[float], columns: list[np.ndarray],
             schedule: Schedule) -> Trajectory:
    """The fastest exact method for this loss and schedule (:func:`choose_method`)."""
    return METHODS[choose_method(objective, len(columns[0]), schedule)](objective, params, columns, schedule)


def fit_loop(objective: Objective, params: list[float], columns: list[np.ndarray],
             schedule: Schedule) -> Trajectory:
    """Per sample: the generated loop. Mini-batches: the reference loop."""
    if schedule.batch_size > 1:
        return _with_losses(objective, _reference_loop(objective, params, columns, schedule), columns)
    trajectory = objective.loop.fit(params, columns, schedule.lr, schedule.epochs,
                                    epoch_orders(schedule, len(columns[0])))
    # the generated loop works in plain ``math``, which raises where NumPy
    # saturates (σ of a large z): the reference loop decides what happened there
    return _settle(objective, trajectory, columns, lambda: _reference_loop(objective, params, columns, schedule))


def fit_scan(objective: Objective, params: list[float], columns: list[np.ndarray],
             schedule: Schedule) -> Trajectory:
    """Per-sample SGD as a composition of affine maps (derive's scan)."""
    from .scan import scan_fit, scan_shuffled  # only for a loss whose step is affine

    update = objective.affine
    if update is None:
        raise InputError("method 'scan' needs a loss whose per-sample step derive proves affine in the "
                         f"parameters (a squared loss); {_label(objective)} is not: use 'loop' or 'auto'")
    if schedule.batch_size != 1:
        raise InputError(f"method 'scan' trains one sample at a time (batch size 1), not {schedule.batch_size}; "
                         "use 'loop', 'batch' or 'auto'")
    orders = epoch_orders(schedule, len(columns[0]))
    if orders is None:
        trajectory = scan_fit(update, columns, params, schedule.lr, schedule.epochs, refuse_expanding=True)
    else:
        trajectory = scan_shuffled(update, columns, params, schedule.lr, orders)
    fallback = fit_loop if objective.compiled is None else fit_compiled
    loop = lambda: fallback(objective, params, columns, schedule)  # noqa: E731
    if trajectory is None:  # an expanding epoch map: only the loop gives the loop's numbers
        return loop()
    return _settle(objective, trajectory, columns, loop)


def fit_compiled(objective: Objective, params: list[float], columns: list[np.ndarray],
                 schedule: Schedule) -> Trajectory:
    """Per sample: the generated step compiled by numba. Full batch: descent
    on its one-pass mean gradient. Mini-batches: the reference loop."""
    kernels = objective.compiled
    if kernels is None:
        raise InputError("method 'compiled' needs numba, the optional extra: pip install 'derive-neuron[fast]'; "
                         "or use 'loop' or 'auto'")
    n = len(columns[0])
    reference = lambda: _reference_loop(objective, params, columns, schedule)  # noqa: E731
    if 1 < schedule.batch_size < n:
        return _with_losses(objective, reference(), columns)
    try:
        if schedule.batch_size >= n:
            history, diverged_at = kernels.descend(params, columns, schedule.lr, schedule.epochs)
        else:
            history, diverged_at = kernels.fit(params, columns, schedule.lr, schedule.epochs,
                                               epoch_orders(schedule, n))
    except _numba_errors():  # a step numba cannot compile: the Python loop runs the same lines
        return fit_loop(objective, params, columns, schedule)
    return _settle(objective, Trajectory(history, diverged_at, method="compiled"), columns, reference)


def _numba_errors() -> tuple[type[Exception], ...]:
    from numba.core.errors import NumbaError
    return (NumbaError,)


def fit_batch(objective: Objective, params: list[float], columns: list[np.ndarray],
              schedule: Schedule) -> Trajectory:
    """Full-batch descent from the data's moments: one pass, then O(p²) per epoch."""
    moments = objective.moments
    n = len(columns[0])
    if moments is None:
        raise InputError("method 'batch' needs a gradient that is a polynomial in the parameters "
                         f"(a squared loss); {_label(objective)} is not: use 'loop' or 'auto'")
    if schedule.batch_size < n:
        raise InputError(f"method 'batch' takes the whole data as one batch: batch size {schedule.batch_size} "
                         f"is less than the {n} samples; use a batch size of at least {n}, or 'loop'")
    trajectory = moments.fit_moments(params, moments.moments(*columns), schedule.lr, schedule.epochs)
    return _settle(objective, trajectory, columns, lambda: _reference_loop(objective, params, columns, schedule))


def _reference_loop(objective: Objective, params: list[float], columns: list[np.ndarray],
                    schedule: Schedule) -> Trajectory:
    """The reference loop, imported when a method first needs it (mini-batches,
    a hand-over): a warm start on a fast method does not pay for the module."""
    from .reference import reference_loop

    return reference_loop(objective, params, columns, schedule)


def _settle(objective: Objective, trajectory: Trajectory, columns: list[np.ndarray],
            loop: Callable[[], Trajectory]) -> Trajectory:
    """``trajectory`` with its per-epoch losses; if a parameter or a loss is
    not finite, the ``loop``'s trajectory (run from the start) instead, which
    says whether and where training stopped."""
    trajectory = _with_losses(objective, trajectory, columns)
    if trajectory.interrupted or (trajectory.diverged_at is None and np.isfinite(trajectory.losses).all()):
        return trajectory
    return _with_losses(objective, loop(), columns)


def _with_losses(objective: Objective, trajectory: Trajectory, columns: list[np.ndarray]) -> Trajectory:
    mean_loss = objective.epoch_losses
    return replace(trajectory, _mean_loss=lambda rows: mean_loss(rows, columns))


def _label(objective: Objective) -> str:
    from ..printer import expression_text

    return repr(expression_text(objective.gradient.loss))


#: Training methods by name; ``Neuron.fit(method=...)`` and ``neuron fit --method`` pick one.
METHODS: dict[str, Method] = {
    "loop": fit_loop,
    "scan": fit_scan,
    "compiled": fit_compiled,
    "batch": fit_batch,
    "auto": fit_auto,
}
