"""Per-sample SGD and one-pass means compiled by numba, generated from the
same symbolic step as the Python loop (:mod:`derive.descent.generated_loop`).

When numba is installed (the optional extra ``derive-neuron[fast]``), each
loss gets one generated module, written to the cache directory of
:func:`derive.compile.load_cached_source` and compiled with numba's
``cache=True``, so the compile (about a second) is paid once per loss and
machine, not once per process. For the book's ½SE the epoch loop reads:

    for e in range(epochs):
        for i in range(n):
            d0 = d0_all[i]
            d1 = d1_all[i]
            x0 = lr*(d0*p0 - d1 + p1)
            p0, p1 = p0 - d0*x0, p1 - x0

— the very lines the Python loop runs (``update_lines``; only σ is printed
differently, with one exponential and the same value bit for bit: see
:class:`derive.compile.NumbaCode`), so the numbers are the loop's to the last digit: numba is used with ``fastmath`` off (no
reassociation, no fused multiply-add) and ``error_model="numpy"`` (a
division by zero gives inf, as NumPy, where Python raises; a run that meets
one is handed to the reference loop either way). Where the operations
differ: ``x**k`` with an integer k is ``pow(x, k)`` in Python and repeated
multiplication in numba — the same for k = 2 (both correctly rounded), possibly one
rounding apart for k ≥ 3. σ stays in its stable form, which takes exp of no
positive number: (1 if z ≥ 0 else e)/(1 + e) with e = e^−|z|, the Python
loop's e^min(z,0)/(1 + e^−|z|) with its two exponentials made one.

The module also holds fused reductions — each a single pass over the data
with no per-sample arrays: the mean gradient (full-batch steps, and
``backprop`` where it is the faster pass: ``Objective.mean_pass``), the mean loss, and the means of batch descent's sufficient
statistics (:mod:`derive.descent.moments`). Sums run in blocks of
:data:`BLOCK` samples added into the total, so their rounding grows with
n/BLOCK + BLOCK rather than n.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Sequence

import numpy as np
import sympy as sp

from ..compile import NumbaCode, common_subexpressions, load_cached_source
from ..gradient import Gradient
from .generated_loop import update_lines
from .progress import epoch_done, listening

#: Samples summed into one partial sum before it is added to the total.
BLOCK = 4096

_DECORATOR = '@njit(cache=True, error_model="numpy", nogil=True)'


class CompiledLoop:
    """The compiled kernels of one loss (numba functions)."""

    def __init__(self, grad: Gradient):
        self.gradient = grad
        self.size = len(grad.params)
        self.source = loop_source(grad)
        self._module = None
        self._trusted: set[str] = set()

    @property
    def module(self):
        """The generated module, imported on first use (from the disk cache)."""
        if self._module is None:
            self._module = load_cached_source(self.source, "loop")
        return self._module

    def __getstate__(self) -> dict:
        """Pickled without the module (a Dask task ships the objective): the
        receiving process imports it again from the source."""
        return {**self.__dict__, "_module": None, "_trusted": set()}

    def _call(self, name: str, *args):
        """``module.name(*args)``; the first call of each kernel that fails
        (numba's on-disk cache unreadable: corrupt, or from another numba)
        rebuilds the module and its cache from the source, then runs again."""
        if name in self._trusted:
            return getattr(self.module, name)(*args)
        try:
            result = getattr(self.module, name)(*args)
        except Exception:  # noqa: BLE001 - any failure to load a cache entry; a second failure is raised
            self._module = load_cached_source(self.source, "loop", fresh=True)
            result = getattr(self.module, name)(*args)
        self._trusted.add(name)
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
        *means, total = self._call("mean_gradient", *map(float, params), *as_columns(columns))
        return list(means), float(total)

    def mean_loss(self, params: Sequence[float], columns: Sequence[np.ndarray]) -> float:
        """The loss averaged over the samples, in one pass."""
        return float(self._call("mean_loss", *map(float, params), *as_columns(columns))[0])


def as_columns(columns: Sequence[np.ndarray]) -> list[np.ndarray]:
    """The columns as 1-D float64 arrays, not copied: a column of a
    row-major matrix stays a strided view (numba compiles a kernel for
    strided arrays too, and reading sample i's features then touches one
    row, as a hand-written loop over ``X[i, j]`` does)."""
    return [np.asarray(c, dtype=float).reshape(-1) for c in columns]


@lru_cache(maxsize=64)
def compiled_loop(grad: Gradient) -> CompiledLoop:
    """The compiled kernels of ``grad``'s loss (numba must be installed:
    see :func:`derive.compile.numba_available`)."""
    return CompiledLoop(grad)


def loop_source(grad: Gradient) -> str:
    """The generated numba module of one loss: ``run``, ``run_order``,
    ``mean_gradient`` (the means of the partials, then of the sum of the
    sample's data values: a finiteness check that costs one addition) and
    ``mean_loss``."""
    p = len(grad.params)
    data = grad.args[p:]
    params = [sp.Symbol(f"p{i}") for i in range(p)]
    samples = [sp.Symbol(f"d{i}") for i in range(len(data))]
    rename = dict(zip(grad.args, params + samples))
    exprs = [grad.exprs[q.name].xreplace(rename) for q in grad.params]
    step = update_lines(exprs, params, NumbaCode())
    names = ", ".join(map(str, params))
    columns = ", ".join(f"{d}_all" for d in samples)
    load = [f"{d} = {d}_all[i]" for d in samples]
    finite = " and ".join(f"math.isfinite({q})" for q in params)
    store = "\n".join(f"        history[e + 1, {k}] = {q}" for k, q in enumerate(params))
    one = "," if p == 1 else ""
    return f'''"""Generated by derive-neuron from {_comment(grad.loss)}: compiled per-sample SGD and means."""
import math

from numba import njit


{_DECORATOR}
def run({names}, {columns}, lr, epochs, history):
    n = d0_all.shape[0]
    for e in range(epochs):
        for i in range(n):
{_indent(load + step, 12)}
        if not ({finite}):
            return e
{store}
    return epochs


{_DECORATOR}
def run_order({names}, {columns}, order, lr):
    for k in range(order.shape[0]):
        i = order[k]
{_indent(load + step, 8)}
    return ({names}{one})


{mean_source("mean_gradient", [*params, *samples], samples, [*exprs, sp.Add(*samples)])}


{mean_source("mean_loss", [*params, *samples], samples, [grad.loss.xreplace(rename)])}
'''


def mean_source(name: str, args: Sequence[sp.Symbol], samples: Sequence[sp.Symbol],
                exprs: Sequence[sp.Expr]) -> str:
    """A numba function ``name(*scalar args, *sample columns)`` returning the
    mean over the samples of each of ``exprs`` as a tuple, in one pass
    with blocked sums."""
    scalars = [a for a in args if a not in samples]
    shared, reduced = common_subexpressions(exprs, prefix="t", avoid=args)
    printer = NumbaCode()
    lines = [f"{d} = {d}_all[i]" for d in samples]
    lines += [f"{s} = {printer.doprint(e)}" for s, e in shared]
    lines += [f"b{k} += {printer.doprint(e)}" for k, e in enumerate(reduced)]
    sums = range(len(exprs))
    signature = ", ".join([*map(str, scalars), *(f"{d}_all" for d in samples)])
    zero_totals = "\n".join(f"    s{k} = 0.0" for k in sums)
    zero_blocks = "\n".join(f"        b{k} = 0.0" for k in sums)
    add = "\n".join(f"        s{k} += b{k}" for k in sums)
    result = "(" + ", ".join(f"s{k} / n" for k in sums) + ",)"
    return f'''{_DECORATOR}
def {name}({signature}):
    n = {samples[0]}_all.shape[0]
{zero_totals}
    for start in range(0, n, {BLOCK}):
{zero_blocks}
        for i in range(start, min(start + {BLOCK}, n)):
{_indent(lines, 12)}
{add}
    return {result}'''


def statistics_source(data: Sequence[sp.Symbol], statistics: Sequence[sp.Expr]) -> str:
    """A numba module whose ``means(*columns)`` gives the mean of every
    statistic of batch descent in one pass."""
    samples = [sp.Symbol(f"d{i}") for i in range(len(data))]
    rename = dict(zip(data, samples))
    body = mean_source("means", samples, samples, [s.xreplace(rename) for s in statistics])
    return f'''"""Generated by derive-neuron: the means of {_comment(", ".join(map(str, statistics)))} in one pass."""
import math

from numba import njit


{body}
'''


def _indent(lines: Sequence[str], spaces: int) -> str:
    return "\n".join(" " * spaces + line for line in lines)


def _comment(text) -> str:
    """Text safe inside a one-line docstring of the generated module."""
    return " ".join(str(text).split()).replace("\\", "/").replace('"', "'")[:200]
