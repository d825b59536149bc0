"""The reference loop: gradient descent on ``derive``'s gradient, one sample
or one mini-batch at a time, as the lecture writes it.

It is the reference the fast methods of :mod:`derive.descent.methods` are
measured against, and the one they fall back to: for mini-batches, and to
find the epoch where training diverged exactly as a loop does.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from ..generated import NUMERIC_ERRORS
from .progress import epoch_done
from .schedule import Schedule, epoch_orders
from .trajectory import Trajectory

if TYPE_CHECKING:  # the objective module derives with SymPy; training itself needs none
    from .objective import Objective


def reference_loop(objective: Objective, params: Sequence[float], columns: Sequence[np.ndarray],
                   schedule: Schedule) -> Trajectory:
    """The lecture's loop: for each epoch, for each sample (or mini-batch),
    ask derive for the gradient and step against it. Stops at the first
    epoch whose parameters are not finite."""
    columns = [np.asarray(c, dtype=float).reshape(-1) for c in columns]
    rows = list(zip(*(c.tolist() for c in columns)))  # Python floats, converted once
    n = len(columns[0])
    orders = epoch_orders(schedule, n)
    order = list(range(n))
    theta = [float(p) for p in params]
    history, diverged_at, interrupted = [theta], None, False
    try:
        for epoch in range(1, schedule.epochs + 1):
            if orders is not None:
                order = orders[epoch - 1].tolist()
            if schedule.batch_size == 1:
                theta = _per_sample_epoch(objective, theta, rows, order, schedule.lr)
            else:
                theta = _batch_epoch(objective, theta, columns, order, schedule.batch_size, schedule.lr)
            if not all(math.isfinite(p) for p in theta):
                diverged_at = epoch
                break
            history.append(theta)
            epoch_done(epoch, theta)
    except KeyboardInterrupt:  # Ctrl-C: keep the epochs that finished
        interrupted = True
    mean_loss = objective.epoch_losses
    return Trajectory(np.array(history, dtype=float), diverged_at, None,
                      lambda rows_: mean_loss(rows_, columns), "loop", interrupted)


def _per_sample_epoch(objective: Objective, params: list[float], rows: list[tuple],
                      order: list[int], lr: float) -> list[float]:
    step = objective.gradient.scalar
    if len(params) == 2:  # one feature: w and b as locals, the common and the book's case
        w, b = params
        for i in order:
            try:
                gw, gb = step(w, b, *rows[i])
            except NUMERIC_ERRORS:  # math overflowed: NumPy gives inf/NaN (or σ saturated at 0 or 1)
                gw, gb = _numpy_step(objective.gradient.numpy, (w, b, *rows[i]))
            w -= lr * gw
            b -= lr * gb
        return [w, b]
    for i in order:
        args = (*params, *rows[i])
        try:
            grads = step(*args)
        except NUMERIC_ERRORS:
            grads = _numpy_step(objective.gradient.numpy, args)
        params = [p - lr * g for p, g in zip(params, grads)]
    return params


def _numpy_step(step: Callable[..., tuple], args: tuple) -> list[float]:
    with np.errstate(all="ignore"):
        return [float(g) for g in step(*(np.float64(a) for a in args))]


def _batch_epoch(objective: Objective, params: list[float], columns: list[np.ndarray],
                 order: list[int], batch_size: int, lr: float) -> list[float]:
    step = objective.gradient.numpy
    index = np.asarray(order)
    with np.errstate(all="ignore"):
        for start in range(0, len(index), batch_size):
            batch = index[start:start + batch_size]
            grads = step(*params, *(c[batch] for c in columns))
            params = [p - lr * float(np.mean(g)) for p, g in zip(params, grads)]
    return params
