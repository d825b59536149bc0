"""Per-sample SGD without a Python loop over samples, for a step proved affine
by :mod:`derive.descent.affine`.

A step is θ̃ ↦ Mᵢθ̃ on θ̃ = (θ, 1), with Mᵢ = [[Aᵢ, cᵢ], [0, 1]]. One epoch
over samples 1, 2, …, n is the product Mₙ ⋯ M₂M₁ (sample 1 applied first),
computed by a pairwise (tree) reduction: each level multiplies neighbours in
one batched ``matmul``, so log₂ n levels. E epochs in the same order apply
M, M², …, Mᴱ to the start (repeated squaring; every epoch's parameters are
kept because the trainer reports them); with a new order each epoch,
every epoch's product is reduced the same way, all epochs in one batch, and
the running products M_e ⋯ M₁ come from a prefix scan.

Maps are augmented (p+1) × (p+1) matrices rather than (A, c) pairs: composing
is then one batched ``matmul`` per level instead of two (A₂A₁ and A₂c₁ + c₂),
NumPy's per-call overhead dominates at these sizes, and the extra row
[0 … 0 1] adds only exact products by 0 and 1.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Sequence

import numpy as np

from .trajectory import Trajectory, mean_losses

if TYPE_CHECKING:
    from .affine import AffineUpdate

#: Largest number of floats held by one batch of matrices (memory bound).
BATCH_FLOATS = 1 << 22


def compose(maps: np.ndarray) -> np.ndarray:
    """The product of ``maps`` along axis −3, the first applied first:
    shape ``(..., n, q, q) -> (..., q, q)`` with result Mₙ ⋯ M₁.

    Each level multiplies neighbours (later @ earlier) in one batched
    ``matmul``; an odd one out is always the latest of its level, so it is
    set aside and applied after everything before it."""
    maps = np.asarray(maps, dtype=float)
    if maps.shape[-3] == 0:
        return np.broadcast_to(np.eye(maps.shape[-1]), maps.shape[:-3] + maps.shape[-2:]).copy()
    latest: list[np.ndarray] = []
    while maps.shape[-3] > 1:
        m = maps.shape[-3]
        if m % 2:
            latest.append(maps[..., m - 1, :, :])
            m -= 1
        maps = maps[..., 1:m:2, :, :] @ maps[..., 0:m:2, :, :]
    total = maps[..., 0, :, :]
    for later in reversed(latest):
        total = later @ total
    return total


def iterate(m: np.ndarray, theta: np.ndarray, count: int) -> np.ndarray:
    """``[Mθ, M²θ, …, Mᶜᵒᵘⁿᵗθ]``, shape ``(count, q)``, by repeated squaring:
    with the first k iterates known and P = Mᵏ, the next k are P times them."""
    out = np.empty((count, len(theta)))
    out[0] = m.dot(theta)
    power, k = m.T.copy(), 1  # rows times Mᵀ; 2-D ``dot`` is cheaper than ``@``
    while k < count:
        more = min(k, count - k)
        out[k:k + more] = out[:more].dot(power)
        power, k = power.dot(power), k + more
    return out


def running_products(maps: np.ndarray) -> np.ndarray:
    """Inclusive prefix products ``P_e = M_e ⋯ M₁`` of ``(E, q, q)`` maps
    (Hillis–Steele scan: log₂ E levels of one batched ``matmul`` each)."""
    out = np.array(maps, dtype=float)
    step = 1
    while step < len(out):
        out[step:] = out[step:] @ out[:-step]
        step *= 2
    return out


def _epoch_map(update: AffineUpdate, columns: list[np.ndarray], lr: float) -> np.ndarray:
    n = _length(columns)
    q = update.size + 1
    chunk = max(1, BATCH_FLOATS // (q * q))
    total = None
    for start in range(0, max(n, 1), chunk):
        part = compose(update.augmented(*(c[start:start + chunk] for c in columns), lr=lr))
        total = part if total is None else part.dot(total)
    return total


def scan_fit(update: AffineUpdate, columns: Sequence[np.ndarray], params: Sequence[float],
             lr: float, epochs: int, orders: Sequence[Sequence[int]] | np.ndarray | None = None,
             refuse_expanding: bool = False) -> Trajectory | None:
    """Run ``epochs`` epochs of per-sample SGD from ``params`` exactly as the
    loop would, without looping over samples.

    ``columns`` are the data arrays in the order of ``update.data_names``.
    ``orders``, when given, holds one index array per epoch (a shuffle): epoch
    e visits ``columns[k][orders[e]]``; else every epoch visits the samples in
    their given order. Training stops at the first epoch whose parameters are
    not finite (``Trajectory.diverged_at``).

    With ``refuse_expanding``, returns ``None`` instead when an epoch's map
    is expanding (its linear part has an eigenvalue above 1 in magnitude, or
    is not finite): raising a map to a power, or composing such maps, then
    amplifies rounding the loop may never see (a loop that sits on an exact
    fixed point stays there), so the scan cannot promise the loop's numbers.
    """
    columns = _columns(update, columns)
    start = [float(v) for v in params]
    if len(start) != update.size:
        raise ValueError(f"expected {update.size} starting parameters, got {len(start)}")
    if epochs < 0:
        raise ValueError(f"epochs must be at least 0, got {epochs}")
    theta = np.array(start + [1.0])
    history = np.empty((epochs + 1, len(theta)))
    history[0] = theta
    with np.errstate(all="ignore"):
        if epochs and orders is None:
            epoch = _epoch_map(update, columns, lr)
            if refuse_expanding and expanding(epoch[None]):
                return None
            history[1:] = iterate(epoch, theta, epochs)
        elif epochs:
            maps = _shuffled_epoch_maps(update, columns, lr, orders, epochs)
            if refuse_expanding and expanding(maps):
                return None
            history[1:] = running_products(maps) @ theta
    history = history[:, :-1]
    diverged_at = None
    if not np.isfinite(history).all():
        diverged_at = int(np.argmin(np.isfinite(history).all(axis=1)))
        history = history[:diverged_at]
    loss_numpy = update.gradient.loss_numpy
    return Trajectory(history, diverged_at, None, lambda rows: mean_losses(loss_numpy, rows, columns), "scan")


#: An epoch map whose spectral radius exceeds 1 by more than this is expanding.
EXPANSION_TOLERANCE = 1e-9


def expanding(maps: np.ndarray) -> bool:
    """Whether any of the augmented epoch maps ``(E, p+1, p+1)`` expands: an
    eigenvalue of its linear part above 1 in magnitude, or an entry that is
    not finite (an overflow while composing)."""
    linear = maps[:, :-1, :-1]
    if len(linear) == 1 and linear.shape[-1] <= 2:  # one map of w and b: its eigenvalues in closed form
        return _spectral_radius_2x2(*linear[0].ravel().tolist()) > 1 + EXPANSION_TOLERANCE
    if not np.isfinite(linear).all():
        return True
    radius = np.abs(np.linalg.eigvals(linear)).max()
    return bool(radius > 1 + EXPANSION_TOLERANCE)


def _spectral_radius_2x2(a: float, b: float = 0.0, c: float = 0.0, d: float = 1.0) -> float:
    """The largest |λ| of [[a, b], [c, d]] (of [[a]] when given one entry);
    inf when an entry is not finite."""
    if not all(map(math.isfinite, (a, b, c, d))):
        return math.inf
    half_trace, det = (a + d) / 2, a * d - b * c
    disc = half_trace * half_trace - det
    if disc >= 0:  # real eigenvalues half_trace ± √disc
        return abs(half_trace) + math.sqrt(disc)
    return math.sqrt(det)  # a complex pair: |λ|² = det


def _shuffled_epoch_maps(update: AffineUpdate, columns: list[np.ndarray], lr: float,
                         orders, epochs: int) -> np.ndarray:
    orders = np.asarray(orders, dtype=np.intp)
    n = _length(columns)
    if orders.ndim != 2 or len(orders) != epochs:
        raise ValueError(f"orders must hold one index array per epoch ({epochs}), got shape {orders.shape}")
    if orders.size and (orders.min() < -n or orders.max() >= n):
        raise ValueError(f"orders index {n} samples; an index is out of range")
    return epoch_maps(update, columns, lr, orders)


#: The least number of floats the shuffled scan may hold in maps and
#: orders at once; above it, as many as the data has (so memory is a small
#: multiple of the data at every n, never a fixed table).
MIN_WORK_FLOATS = 1 << 14


def work_floats(columns: list[np.ndarray]) -> int:
    """The floats the shuffled scan holds at once for this data."""
    return max(MIN_WORK_FLOATS, _length(columns) * len(columns))


def epoch_maps(update: AffineUpdate, columns: list[np.ndarray], lr: float, orders: np.ndarray) -> np.ndarray:
    """The augmented map of every epoch visiting ``columns`` in the order of
    each row of ``orders`` (``(E, n)`` indices), shape ``(E, q, q)``. The data
    are gathered in the epoch's order and turned into maps a chunk of at most
    :func:`work_floats` floats at a time, so only a chunk's maps ever exist."""
    n, q = _length(columns), update.size + 1
    budget = max(1, work_floats(columns) // (q * q))
    if len(orders) == 0 or n == 0:
        return np.broadcast_to(np.eye(q), (len(orders), q, q)).copy()
    if n <= budget:  # whole epochs, as many at once as fit
        per_batch = max(1, budget // n)
        parts = []
        for e in range(0, len(orders), per_batch):
            index = orders[e:e + per_batch]
            maps = update.augmented(*(c[index].reshape(-1) for c in columns), lr=lr)
            parts.append(compose(maps.reshape(len(index), n, q, q)))
        return np.concatenate(parts)
    out = np.empty((len(orders), q, q))
    for e, order in enumerate(orders):
        out[e] = _ordered_map(update, columns, lr, order, budget)
    return out


def _ordered_map(update: AffineUpdate, columns: list[np.ndarray], lr: float, order: np.ndarray,
                 chunk: int) -> np.ndarray:
    """One epoch's map over the samples in ``order``, ``chunk`` samples' maps at a time."""
    total = None
    for start in range(0, len(order), chunk):
        index = order[start:start + chunk]
        part = compose(update.augmented(*(c[index] for c in columns), lr=lr))
        total = part if total is None else part.dot(total)
    return total


def scan_shuffled(update: AffineUpdate, columns: Sequence[np.ndarray], params: Sequence[float], lr: float,
                  orders: Sequence[np.ndarray], refuse_expanding: bool = True) -> Trajectory | None:
    """The scan over shuffled epochs whose orders are read one epoch at a
    time (an :class:`~derive.descent.schedule.EpochOrders`): a few epochs
    per part while their orders and maps fit in :func:`work_floats`, one
    epoch (in chunks) per part above that, each part starting where the
    previous ended. ``None`` if an epoch's map expands (see :func:`scan_fit`)."""
    columns = _columns(update, columns)
    n, q = _length(columns), update.size + 1
    per_part = max(1, work_floats(columns) // max(n * q * q, 1))
    theta = np.array([float(v) for v in params] + [1.0])
    parts, start, diverged_at = [theta[None]], 0, None
    with np.errstate(all="ignore"):
        while start < len(orders):
            count = min(per_part, len(orders) - start)
            table = np.array([orders[start + e] for e in range(count)], dtype=np.intp).reshape(count, n)
            maps = epoch_maps(update, columns, lr, table)
            if refuse_expanding and expanding(maps):
                return None
            part = running_products(maps) @ parts[-1][-1]
            finite = np.isfinite(part).all(axis=1)
            if not finite.all():
                bad = int(np.argmin(finite))
                parts.append(part[:bad])
                diverged_at = start + bad + 1
                break
            parts.append(part)
            start += count
    history = np.concatenate(parts)[:, :-1]
    loss_numpy = update.gradient.loss_numpy
    return Trajectory(history, diverged_at, None, lambda rows: mean_losses(loss_numpy, rows, columns), "scan")


def _columns(update: AffineUpdate, columns: Sequence[np.ndarray]) -> list[np.ndarray]:
    if len(columns) != len(update.data):
        raise TypeError(f"the step takes the data {', '.join(update.data_names)} in that order; "
                        f"got {len(columns)} arrays")
    arrays = [np.asarray(c, dtype=float).reshape(-1) for c in columns]
    if len({len(a) for a in arrays}) > 1:
        raise ValueError(f"the data arrays differ in length: {[len(a) for a in arrays]}")
    return arrays


def _length(columns: list[np.ndarray]) -> int:
    return len(columns[0]) if columns else 0
