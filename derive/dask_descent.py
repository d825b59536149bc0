"""Descent on data held as Dask arrays: the work on each chunk runs where the
chunk is, and only a few small matrices travel.

Both of derive's exact fast methods split over chunks:

- per-sample SGD with a step proved affine (:mod:`derive.affine`): an epoch
  is the product Mₙ ⋯ M₁ of the samples' augmented maps, and a product splits
  into the products of consecutive runs of samples. Each chunk's map is
  composed where the chunk is (:func:`derive.scan.compose`), then the chunks'
  maps are multiplied in chunk order by a pairwise tree of tasks — matrix
  products are associative but not commutative, so the tree keeps every
  product's later map on the left. One pass over the data for any number of
  epochs; the epoch map is raised to the epochs locally.
- full-batch descent from moments (:mod:`derive.moments`): each chunk's sums
  of the statistics, added by the same tree; one pass, then the epochs
  locally.

Every reduction here is :func:`reduce_in_order` over a list of
:class:`dask.delayed.Delayed` results, one per chunk, so the one mechanism
serves sums and ordered products alike. The tasks receive the derived
objects themselves (:class:`~derive.affine.AffineUpdate`,
:class:`~derive.moments.BatchMoments`): Dask pickles task arguments with
cloudpickle, which carries their expressions and generated functions by
value, so a worker on a ``dask.distributed`` cluster never differentiates
again and evaluates the very code the driver generated.

Dask is optional (``pip install 'derive-neuron[dask]'``) and imported only
when Dask data arrives, so importing this module (and ``neuron``) costs
nothing without it; :func:`require_dask` says what to install.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from .affine import AffineUpdate
from .moments import BatchMoments


#: What to install for Dask inputs.
EXTRA = "derive-neuron[dask]"


def is_dask(value: Any) -> bool:
    """True for a Dask collection (array, dataframe, series), recognised by
    the Dask collection protocol, so telling needs no import of Dask."""
    return hasattr(value, "__dask_graph__") and callable(getattr(value, "__dask_graph__"))


def require_dask() -> None:
    """Raise ``ImportError`` naming the extra when Dask is not installed."""
    try:
        import dask.array  # noqa: F401
    except ImportError:
        raise ImportError(f"training on Dask arrays needs Dask: pip install '{EXTRA}'") from None


def chunked_columns(*columns) -> list[tuple]:
    """The 1-D arrays ``columns`` (all of length n) split into the same
    consecutive chunks: one tuple of :class:`Delayed` blocks per chunk, in
    order. A NumPy column is cut like the first Dask one."""
    require_dask()
    import dask.array as da

    reference = next((c for c in columns if is_dask(c)), None)
    chunks = reference.chunks[0] if reference is not None else None
    arrays = []
    for c in columns:
        arr = c if is_dask(c) else da.from_array(np.asarray(c), chunks=chunks or -1)
        if arr.ndim != 1:
            raise ValueError(f"expected 1-D columns, got shape {arr.shape}")
        if any(np.isnan(s) for s in arr.chunks[0]):
            raise ValueError("the Dask array has unknown chunk sizes; call compute_chunk_sizes() on it "
                             "(or to_dask_array(lengths=True) on a dataframe) first")
        arrays.append(arr)
    if len({a.shape[0] for a in arrays}) > 1:
        raise ValueError(f"the data arrays differ in length: {[a.shape[0] for a in arrays]}")
    if chunks is not None:
        arrays = [a if a.chunks[0] == chunks else a.rechunk({0: chunks}) for a in arrays]
    # unoptimized, so blocks shared with other reductions in one compute are made once
    blocks = [list(a.to_delayed(optimize_graph=False)) for a in arrays]
    return list(zip(*blocks))


def reduce_in_order(parts: Sequence, combine: Callable[[Any, Any], Any]):
    """``combine`` over ``parts`` as a pairwise tree of tasks, always called
    as ``combine(earlier, later)`` on neighbours, so the result is the same
    as folding left to right for any associative ``combine``, commutative or
    not. log₂(len(parts)) levels."""
    require_dask()
    from dask.delayed import Delayed, delayed

    level = list(parts)
    if not level:
        raise ValueError("nothing to reduce: the data has no chunks")
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


def epoch_map(update: AffineUpdate, chunks: Sequence[tuple], lr: float) -> "Delayed":
    """The augmented map of one epoch over all chunks in order (lazy): each
    chunk's product computed on its own, the products multiplied in order."""
    from dask import delayed

    update.augmented(*([0.0] for _ in update.data), lr=lr)  # generate its code once, here, before it travels
    parts = [delayed(_chunk_map)(update, float(lr), *blocks) for blocks in chunks]
    return reduce_in_order(parts, then)


def moment_sums(moments: BatchMoments, chunks: Sequence[tuple]) -> "Delayed":
    """``(count, sums of every statistic)`` over all chunks (lazy); the
    moments are ``sums / count``."""
    from dask import delayed

    moments.moments(*([0.0] for _ in moments.data))  # generate its code once, here, before it travels
    parts = [delayed(_chunk_moment_sums)(moments, *blocks) for blocks in chunks]
    return reduce_in_order(parts, add)


def _chunk_map(update: AffineUpdate, lr: float, *columns: np.ndarray) -> np.ndarray:
    """The composed augmented map of one chunk's samples, in order."""
    columns = [np.asarray(c, dtype=float).reshape(-1) for c in columns]
    n = len(columns[0]) if columns else 0
    q = update.size + 1
    total = np.eye(q)
    with np.errstate(all="ignore"):  # a diverging map overflows; the trainer reports it
        for start in range(0, n, PIECE):
            entries = update._entries(*(c[start:start + PIECE] for c in columns), float(lr))
            grid = [[entries[i * q + j] for j in range(q)] for i in range(q)]
            total = compose_entries(grid, min(PIECE, n - start)) @ total
    return total


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


def _chunk_moment_sums(moments: BatchMoments, *columns: np.ndarray) -> tuple:
    count = len(columns[0])
    if count == 0:
        return 0, np.zeros(len(moments.statistics))
    return count, moments.moments(*columns) * count
