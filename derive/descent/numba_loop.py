"""Runs a loss's generated numba module (its source comes from
:mod:`derive.descent.compiled`, or from the cache): no SymPy here, so a
process whose source is cached trains without importing it. numba itself
is imported only when a kernel first runs.
"""
from __future__ import annotations

import math
import os
import sys
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from ..generated import load_cached_source
from .progress import epoch_done, listening

if TYPE_CHECKING:
    from ..gradient import Gradient

#: Samples summed into one partial sum before it is added to the total.
BLOCK = 4096
#: Whether a kernel of this module has run in this process: numba's first
#: load of machine code (about a second) is then paid (derive.descent.cost).
_RAN = False


def numba_has_run() -> bool:
    """True once a compiled kernel has run in this process."""
    return _RAN


def numba_imported() -> bool:
    """True when numba is imported in this process (by us or anyone)."""
    return "numba" in sys.modules


#: Samples of one block of :func:`block_means`: fixed, so that the blocks,
#: and the order their means are combined in, never depend on the machine.
PARALLEL_ROWS = 1 << 20
#: Threads that run :func:`block_means`' blocks (the kernels release the GIL).
WORKERS = min(8, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
_POOL: tuple[int, object] | None = None  # (the process that made it, the pool): a forked child makes its own


def block_means(means: Callable[..., tuple], columns: Sequence[np.ndarray]) -> tuple[float, ...]:
    """``means(*columns)`` over contiguous columns, by blocks of
    :data:`PARALLEL_ROWS` samples on :data:`WORKERS` threads when there are
    two blocks or more: a one-pass mean of a σ loss is bound by its
    exponentials, not by reading memory, so one core alone runs at 2.4× the
    read floor. The blocks' means are weighted by their sizes and added in
    block order, so the result is the same whatever the number of threads,
    one included (the first block runs alone first: a kernel's first call
    may rebuild it)."""
    n = len(columns[0])
    if n < 2 * PARALLEL_ROWS:
        return means(*columns)
    global _POOL
    if WORKERS > 1 and (_POOL is None or _POOL[0] != os.getpid()):
        from concurrent.futures import ThreadPoolExecutor

        _POOL = (os.getpid(), ThreadPoolExecutor(WORKERS, thread_name_prefix="derive-means"))
    starts = range(0, n, PARALLEL_ROWS)
    run = map if WORKERS < 2 else _POOL[1].map

    def weighted(start: int) -> np.ndarray:
        stop = min(start + PARALLEL_ROWS, n)
        return np.array(means(*(c[start:stop] for c in columns)), dtype=float) * (stop - start)

    parts = [weighted(0), *run(weighted, starts[1:])]
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return tuple(float(t) / n for t in total)


#: Bytes of a chunk of strided columns copied for the one-pass means
#: (:func:`contiguous_means`): 1 MiB, the L2 cache of a core here.
CHUNK_BYTES = 1 << 20


class CompiledLoop:
    """The compiled kernels of one loss (numba functions)."""

    def __init__(self, grad: Gradient, source: str | None = None):
        self.gradient = grad
        self.size = len(grad.params)
        if source is not None:
            self.source = source
        self._module = None
        self._trusted: set[str] = set()
        self._plain: dict[str, bool] = {}

    @cached_property
    def source(self) -> str:
        """The generated module's source, generated from the gradient (SymPy)
        on first use: asking whether a compiled loop exists costs nothing."""
        from .compiled import loop_source

        return loop_source(self.gradient)

    @property
    def loaded(self) -> bool:
        """True when the generated module is imported in this process."""
        return self._module is not None

    @property
    def same_operations(self) -> bool:
        """True when ``run`` and ``run_order`` give the Python loop's numbers
        to the last digit (the generated ``SAME_AS_LOOP``; a module from
        before it was generated counts as not)."""
        return "\nSAME_AS_LOOP = True\n" in self.source

    @property
    def module(self):
        """The generated module, imported on first use (from the disk cache)."""
        if self._module is None:
            self._module = load_cached_source(self.source, "loop")
        return self._module

    def __getstate__(self) -> dict:
        """Pickled without the module (a Dask task ships the objective): the
        receiving process imports it again from the source."""
        return {**self.__dict__, "_module": None, "_trusted": set(), "_plain": {}}

    def _call(self, name: str, *args):
        """``module.name(*args)``; the first call of each kernel that fails
        (numba's on-disk cache unreadable: corrupt, or from another numba)
        rebuilds the module and its cache from the source, then runs again."""
        global _RAN
        if name in self._trusted:
            return getattr(self.module, name)(*args)
        try:
            result = getattr(self.module, name)(*args)
        except Exception:  # noqa: BLE001 - any failure to load a cache entry; a second failure is raised
            self._module = load_cached_source(self.source, "loop", fresh=True)
            result = getattr(self.module, name)(*args)
        self._trusted.add(name)
        _RAN = True
        return result

    def fit(self, params: Sequence[float], columns: Sequence[np.ndarray], lr: float, epochs: int,
            orders=None) -> tuple[np.ndarray, int | None]:
        """``(history, diverged_at)``: the parameters after each epoch (the
        start first) and the first epoch whose parameters are not finite (or
        ``None``). ``orders`` gives each epoch's sample order (a shuffle),
        read one epoch at a time."""
        data = as_columns(columns)
        theta = [float(v) for v in params]
        history = np.empty((epochs + 1, self.size))
        history[0] = theta
        if orders is None and not listening():
            done = int(self._call("run", *theta, *data, float(lr), int(epochs), history))
        elif orders is None:  # a progress listener: one epoch per call, told after each
            done = 0
            while done < epochs:
                one = np.empty((2, self.size))
                one[0] = theta
                if int(self._call("run", *theta, *data, float(lr), 1, one)) < 1:
                    break
                theta = one[1].tolist()
                done += 1
                history[done] = theta
                epoch_done(done, theta)
        else:
            done = 0
            while done < epochs:
                theta = self._call("run_order", *theta, *data, np.asarray(orders[done], dtype=np.intp), float(lr))
                if not np.isfinite(theta).all():
                    break
                done += 1
                history[done] = theta
                epoch_done(done, theta)
        diverged = None if done == epochs else done + 1
        return history[:done + 1], diverged

    def descend(self, params: Sequence[float], columns: Sequence[np.ndarray], lr: float,
                epochs: int) -> tuple[np.ndarray, int | None]:
        """Full-batch descent, each epoch one pass of :meth:`mean_gradient`:
        ``(history, diverged_at)`` as :meth:`fit`."""
        data = as_columns(columns)
        theta = [float(v) for v in params]
        history = [theta]
        for epoch in range(1, epochs + 1):
            step = self._call("mean_gradient", *theta, *data)[:self.size]
            theta = [q - lr * g for q, g in zip(theta, step)]
            if not all(map(math.isfinite, theta)):
                return np.array(history), epoch
            history.append(theta)
            epoch_done(epoch, theta)
        return np.array(history), None

    def mean_gradient(self, params: Sequence[float], columns: Sequence[np.ndarray]) -> list[float]:
        """The gradient averaged over the samples, in one pass."""
        return self.mean_gradient_and_total(params, columns)[0]

    def mean_gradient_and_total(self, params: Sequence[float],
                                columns: Sequence[np.ndarray]) -> tuple[list[float], float]:
        """The gradient averaged over the samples and the mean of the sum of
        every data value, in one pass: that mean is finite exactly when every
        value is (or the sum overflowed), so a caller checks the data only then."""
        *means, total = contiguous_means(lambda *data: self._call("mean_gradient", *map(float, params), *data),
                                         as_columns(columns), self._vectorised("mean_gradient"))
        return list(means), float(total)

    def mean_loss(self, params: Sequence[float], columns: Sequence[np.ndarray]) -> float:
        """The loss averaged over the samples, in one pass."""
        return float(contiguous_means(lambda *data: self._call("mean_loss", *map(float, params), *data),
                                      as_columns(columns), self._vectorised("mean_loss"))[0])

    def _vectorised(self, name: str) -> bool:
        """True when the generated kernel ``name`` calls no ``math`` function
        (log, a trigonometric one: numba calls them sample by sample), so
        LLVM vectorises its loop and strided columns are worth copying."""
        if name not in self._plain:
            body = self.source.partition(f"\ndef {name}(")[2].partition("\n\n\n")[0]
            self._plain[name] = bool(body) and "math." not in body
        return self._plain[name]


def as_columns(columns: Sequence[np.ndarray]) -> list[np.ndarray]:
    """The columns as 1-D float64 arrays, not copied: a column of a
    row-major matrix stays a strided view (numba compiles a kernel for
    strided arrays too, and reading sample i's features then touches one
    row, as a hand-written loop over ``X[i, j]`` does)."""
    return [np.asarray(c, dtype=float).reshape(-1) for c in columns]


def contiguous_means(means: Callable[..., tuple], columns: Sequence[np.ndarray],
                     vectorised: bool = True) -> tuple[float, ...]:
    """``means(*columns)`` — a generated one-pass kernel returning means over
    the samples — run on contiguous columns when it is ``vectorised``. A
    strided column (a column of a row-major matrix) is copied a chunk of
    :data:`CHUNK_BYTES` at a time into a buffer, and the chunks' means are
    combined by their sizes: LLVM vectorises the kernel's loop
    (:mod:`derive.descent.simd`), and over a strided column it loads each
    value by a gather, which measured 20× the memory-read floor for the
    logistic mean gradient on 3 features, against 4.9× with the copies (and
    6.5× for the loop before it was vectorised). A kernel that calls ``math``
    sample by sample reads strided columns directly: there the copies cost
    (the logistic mean loss on 30 features: 27 ms copied, 10 ms not)."""
    if all(c.flags.c_contiguous for c in columns):
        return block_means(means, columns)
    if not vectorised:
        return means(*columns)
    n = len(columns[0])
    rows = max(1024, CHUNK_BYTES // (8 * len(columns)))
    buffers = [None if c.flags.c_contiguous else np.empty(min(rows, n)) for c in columns]
    sums = None
    for start in range(0, n, rows):
        stop = min(start + rows, n)
        chunk = []
        for column, buffer in zip(columns, buffers):
            if buffer is None:
                chunk.append(column[start:stop])
            else:
                np.copyto(buffer[:stop - start], column[start:stop])
                chunk.append(buffer[:stop - start])
        part = np.array(means(*chunk), dtype=float) * (stop - start)
        sums = part if sums is None else sums + part
    return tuple(float(s) / n for s in sums)
