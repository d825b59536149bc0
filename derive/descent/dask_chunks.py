"""Data held as Dask arrays, worked on chunk by chunk where the chunks are:
only a few small matrices and sums travel back.

Both of derive's exact fast methods split over chunks:

- per-sample SGD with a step proved affine (:mod:`.affine`): an epoch is the
  product Mₙ ⋯ M₁ of the samples' augmented maps, and a product splits into
  the products of consecutive runs of samples. Each chunk's product is
  composed where the chunk is (:func:`compose_entries`), then the chunks'
  products are multiplied in chunk order by a pairwise tree of tasks —
  matrix products are associative but not commutative, so the tree keeps
  every product's later map on the left.
- full-batch descent from moments (:mod:`.moments`): each chunk's sums of
  the statistics, added by the same tree.

Every reduction is :func:`reduce_in_order` over one lazy result per chunk,
so one mechanism serves sums and ordered products alike. The tasks receive
the :class:`~.objective.Objective` itself, sent once per graph
(:func:`shipped`): Dask pickles it with cloudpickle, generated functions
included, so a worker on a ``dask.distributed`` cluster never
differentiates again and runs the very code the driver generated.

Dask is optional (``pip install 'derive-neuron[dask]'``) and imported only
when Dask data arrives, so importing this module costs nothing without it;
:func:`require_dask` says what to install.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Sequence

import numpy as np

from ..errors import InputError
from .dask_protocol import is_dask
from .trajectory import mean_losses

if TYPE_CHECKING:  # the objective module derives with SymPy; training itself needs none
    from .objective import Objective

#: What to install for Dask inputs.
EXTRA = "derive-neuron[dask]"


def require_dask() -> None:
    """Raise ``ImportError`` naming the extra when Dask is not installed."""
    try:
        import dask.array  # noqa: F401
    except ImportError:
        raise ImportError(f"training on Dask arrays needs Dask: pip install '{EXTRA}'") from None


class Chunks:
    """1-D data columns of equal length n cut into the same consecutive
    chunks: ``blocks[k]`` holds chunk k of every column (lazy), in order;
    ``offsets[k]`` is the row where chunk k starts. A NumPy column is cut
    like the first Dask one."""

    def __init__(self, columns: Sequence, names: Sequence[str]):
        require_dask()
        import dask.array as da

        reference = next((c for c in columns if is_dask(c)), None)
        chunks = reference.chunks[0] if reference is not None else None
        arrays = []
        for c in columns:
            arr = c if is_dask(c) else da.from_array(np.asarray(c, dtype=float), chunks=chunks or -1)
            if arr.ndim != 1:
                raise InputError(f"expected 1-D columns, got shape {arr.shape}")
            if any(np.isnan(s) for s in arr.chunks[0]):
                raise InputError("the Dask array has unknown chunk sizes; call compute_chunk_sizes() on it "
                                 "(or to_dask_array(lengths=True) on a dataframe) first")
            arrays.append(arr)
        if len({a.shape[0] for a in arrays}) > 1:
            raise InputError(f"the data arrays differ in length: {[a.shape[0] for a in arrays]}")
        if not arrays or arrays[0].shape[0] == 0:
            raise InputError("the data is empty: it needs at least one sample")
        chunks = arrays[0].chunks[0]
        arrays = [a if a.chunks[0] == chunks else a.rechunk({0: chunks}) for a in arrays]
        self.names = tuple(names)
        self.samples = int(arrays[0].shape[0])
        self.sizes = tuple(int(s) for s in chunks)
        self.offsets = tuple(int(o) for o in np.concatenate([[0], np.cumsum(chunks)[:-1]]))
        # unoptimized, so blocks shared by several reductions in one compute are made once
        self.blocks = list(zip(*(a.to_delayed(optimize_graph=False) for a in arrays)))

    def each(self, task: Callable, *args) -> list:
        """``task(*args, *blocks)`` on every chunk (lazy)."""
        from dask import delayed

        args = [shipped(a) for a in args]
        return [delayed(task)(*args, *blocks) for blocks in self.blocks]

    def reduce(self, task: Callable, *args, combine: Callable | None = None):
        """``task`` on every chunk, combined in chunk order (by default, added)."""
        return reduce_in_order(self.each(task, *args), combine or add)

    def checked(self, probabilities: str | None = None):
        """The number of samples (lazy), raising :class:`~derive.errors.InputError` at the first
        value that is not finite, or, in the column ``probabilities``, not
        within [0, 1], naming its column and its row in the whole data."""
        from dask import delayed

        parts = [delayed(_check)(self.names, probabilities, offset, *blocks)
                 for offset, blocks in zip(self.offsets, self.blocks)]
        return reduce_in_order(parts, _plus)


def shipped(value):
    """An :class:`Objective` as one task of the graph, with everything a
    task may use derived first, here: it travels once per graph, and a
    worker never differentiates (derive's simplify runs in a child process,
    which a daemonic Dask worker cannot start). Anything else unchanged."""
    from .objective import Objective

    if not isinstance(value, Objective):
        return value
    from dask import delayed

    grad = value.gradient
    grad.numpy, grad.scalar, value.loss_numpy, value.epoch_losses.expansion  # noqa: B018 (derive now)
    if value.affine is not None:
        value.affine.augmented(*([0.0] for _ in value.data_names), lr=1.0)
        value.affine.hessians(*([0.0] for _ in value.data_names))
    if value.moments is not None:
        value.moments.moments(*([0.0] for _ in value.data_names))
    return delayed(value, traverse=False)


def reduce_in_order(parts: Sequence, combine: Callable[[Any, Any], Any]):
    """``combine`` over ``parts`` as a pairwise tree of tasks, always called
    as ``combine(earlier, later)`` on neighbours, so the result is the same
    as folding left to right for any associative ``combine``, commutative or
    not. log₂(len(parts)) levels."""
    require_dask()
    from dask.delayed import Delayed, delayed

    level = list(parts)
    if not level:
        raise InputError("nothing to reduce: the data has no chunks")
    task = delayed(combine)
    while len(level) > 1:
        paired = [task(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0] if isinstance(level[0], Delayed) else delayed(level[0])


def then(earlier: np.ndarray, later: np.ndarray) -> np.ndarray:
    """The map ``earlier`` followed by ``later``: the product later · earlier."""
    with np.errstate(all="ignore"):  # a diverging map overflows; the trainer reports it
        return later @ earlier


def add(a, b):
    """Element-wise sum of two equal-shaped tuples of arrays or numbers."""
    return tuple(x + y for x, y in zip(a, b))


def _plus(a: int, b: int) -> int:
    return a + b


# what runs on one chunk ------------------------------------------------------

def chunk_map(objective: Objective, lr: float, *columns: np.ndarray) -> np.ndarray:
    """The composed augmented map of one chunk's samples, in order."""
    update = objective.affine
    columns = [np.asarray(c, dtype=float).reshape(-1) for c in columns]
    n = len(columns[0])
    q = update.size + 1
    total = np.eye(q)
    with np.errstate(all="ignore"):  # a diverging map overflows; the trainer reports it
        for start in range(0, n, PIECE):
            entries = update._entries(*(c[start:start + PIECE] for c in columns), float(lr))
            grid = [[entries[i * q + j] for j in range(q)] for i in range(q)]
            total = compose_entries(grid, min(PIECE, n - start)) @ total
    return total


def moment_sums(objective: Objective, *columns: np.ndarray) -> tuple[int, np.ndarray]:
    """``(m, sums of every statistic of batch descent)`` over one chunk."""
    return len(columns[0]), objective.moments.moments(*columns) * len(columns[0])


def gradient_sums(objective: Objective, params: list[float], *columns: np.ndarray) -> tuple[int, np.ndarray, float]:
    """``(m, Σ ∇loss, Σ loss)`` at ``params`` over one chunk: its share of a
    full-batch step and of the loss before it."""
    m = len(columns[0])
    with np.errstate(all="ignore"):
        grads = objective.gradient.numpy(*params, *columns)
        total = np.array([np.broadcast_to(np.asarray(g, dtype=float), (m,)).sum() for g in grads])
        loss = np.broadcast_to(np.asarray(objective.loss_numpy(*params, *columns), dtype=float), (m,)).sum()
    return m, total, float(loss)


def loss_sums(objective: Objective, history: np.ndarray, *columns: np.ndarray) -> tuple[int, np.ndarray]:
    """``(m, Σ loss)`` at each row of ``history`` over one chunk."""
    m = len(columns[0])
    return m, mean_losses(objective.loss_numpy, np.atleast_2d(history), columns) * m


def abs_loss_sums(objective: Objective, history: np.ndarray, *columns: np.ndarray) -> tuple[int, np.ndarray]:
    """:func:`loss_sums` on the chunk's absolute values (the loss scale of :mod:`.divergence`)."""
    return loss_sums(objective, history, *(np.abs(c) for c in columns))


def expansion_sums(objective: Objective, center: np.ndarray, *columns: np.ndarray) -> tuple[int, np.ndarray]:
    """``(m, sums over one chunk of the loss and each Taylor coefficient at
    center)`` (:attr:`~.epoch_losses.EpochLosses.expansion`)."""
    _, coefficients = objective.epoch_losses.expansion
    m = len(columns[0])
    with np.errstate(all="ignore"):
        values = coefficients(*center, *columns)
        return m, np.array([np.add.reduce(v) if np.ndim(v) else float(v) * m for v in values])


def hessian_stats(objective: Objective, *columns: np.ndarray) -> tuple[int, float, np.ndarray]:
    """``(m, largest eigenvalue of a sample's Hessian, Σ Hessians)`` over one
    chunk (NaN when one is not finite): what the stable learning rate needs."""
    with np.errstate(all="ignore"):
        h = objective.affine.hessians(*columns)
        if not np.isfinite(h).all():
            return len(columns[0]), np.nan, h.sum(axis=0)
        return len(columns[0]), float(np.linalg.eigvalsh(h).max()), h.sum(axis=0)


def most(a: tuple, b: tuple) -> tuple:
    """Combine two :func:`hessian_stats`: counts and sums added, the larger
    eigenvalue kept (NaN wins)."""
    return a[0] + b[0], (np.nan if np.isnan(a[1]) or np.isnan(b[1]) else max(a[1], b[1])), a[2] + b[2]


def sample_steps(objective: Objective, lr: float, params: list[float], *columns: np.ndarray) -> list[float]:
    """``params`` after one per-sample step on every sample of one chunk, in
    order: the reference loop, continued where the previous chunk stopped."""
    from .reference import _per_sample_epoch

    rows = list(zip(*(np.asarray(c, dtype=float).tolist() for c in columns)))
    return _per_sample_epoch(objective, list(params), rows, range(len(rows)), lr)


def _check(names: tuple[str, ...], probabilities: str | None, offset: int, *columns: np.ndarray) -> int:
    for name, values in zip(names, columns):
        values = np.asarray(values, dtype=float)
        bad = ~np.isfinite(values)
        if bad.any():
            row = int(np.argmax(bad))
            raise InputError(f"{name} has a non-finite value ({values[row]}) at row {offset + row}; "
                             "remove or fill NaN and infinite values first")
        if name == probabilities and ((values < 0) | (values > 1)).any():
            row = int(np.argmax((values < 0) | (values > 1)))
            raise InputError(f"a sigmoid neuron needs {name} of 0 and 1 (classes), but {name} is {values[row]} "
                             f"at row {offset + row}")
    return len(columns[0])


#: Samples composed at once by :func:`_chunk_map` (q² arrays of this length).
PIECE = 1 << 19


def compose_entries(grid: list[list], count: int) -> np.ndarray:
    """Mₙ ⋯ M₁ for ``count`` maps given entry by entry: ``grid[i][j]`` is
    the array of entry (i, j) over the maps, or one number shared by all.

    The same pairwise tree as :func:`derive.scan.compose` (neighbours,
    later @ earlier; an odd one out set aside and applied after the rest),
    but each level multiplies whole columns of entries element-wise instead
    of calling ``matmul`` on n tiny matrices, and an entry that is the same
    for every map (the augmented row [0 … 0 1], the 1 − lr of a bias) stays
    one number: no work for zeros and ones."""
    if count == 0:
        return np.eye(len(grid))
    latest: list[np.ndarray] = []
    while count > 1:
        if count % 2:
            latest.append(_one(grid, count - 1))
            count -= 1
        later = [[_every_other(e, 1, count) for e in row] for row in grid]
        earlier = [[_every_other(e, 0, count) for e in row] for row in grid]
        grid = _product(later, earlier)
        count //= 2
    total = _one(grid, 0)
    for later_map in reversed(latest):
        total = later_map @ total
    return total


def _every_other(entry, start: int, stop: int):
    return entry[start:stop:2] if isinstance(entry, np.ndarray) else entry


def _one(grid: list[list], k: int) -> np.ndarray:
    return np.array([[float(e[k]) if isinstance(e, np.ndarray) else float(e) for e in row] for row in grid])


def _product(later: list[list], earlier: list[list]) -> list[list]:
    """Entry-wise matrix product later · earlier, summing over k in order as
    ``matmul`` does, skipping terms with an exact 0 and multiplications by an
    exact 1 that are the same for every map."""
    q = len(later)
    out = []
    for i in range(q):
        row = []
        for j in range(q):
            total = None
            for k in range(q):
                a, b = later[i][k], earlier[k][j]
                if _is(a, 0) or _is(b, 0):
                    continue
                term = b if _is(a, 1) else a if _is(b, 1) else a * b
                total = term if total is None else total + term
            row.append(0.0 if total is None else total)
        out.append(row)
    return out


def _is(entry, value: float) -> bool:
    return not isinstance(entry, np.ndarray) and entry == value
