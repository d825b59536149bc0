"""Issue 15's table in one run: where the scan cannot go, against the tool a
user would pick instead, as ratios of paired runs.

    python benchmarks/bench_fast.py              # every row (a few minutes on 2 cores)
    python benchmarks/bench_fast.py --quick      # smaller n, fewer pairs
    python benchmarks/bench_fast.py --calibrate  # the constants of derive/descent/cost.py

Each row times derive and its alternative back to back, alternating which
goes first, ``--pairs`` times; it prints the median of the per-pair ratios
(derive / alternative) with their range, and the median times. Rows whose
alternative is not installed (scikit-learn, numba) are skipped with a note.
Every derive row runs warm: the loss is differentiated and (with numba)
compiled before timing, as after the first fit of a process.
"""
from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
import warnings
from typing import Callable

import numpy as np

from derive.compile import numba_available
from derive.descent import Schedule, train
from neuron import Neuron
from neuron.problem import build_problem

HAS_NUMBA = numba_available()
try:
    import sklearn  # noqa: F401
    HAS_SKLEARN = True
except ImportError:
    HAS_SKLEARN = False


# --- timing ------------------------------------------------------------------

def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def paired(ours: Callable[[], object], theirs: Callable[[], object], pairs: int) -> tuple[float, float, float, float, float]:
    """``(median ratio, lowest, highest, median ours, median theirs)`` over
    ``pairs`` back-to-back runs, alternating which runs first."""
    ratios, mine, alt = [], [], []
    for k in range(pairs):
        if k % 2:
            b = timed(theirs)
            a = timed(ours)
        else:
            a = timed(ours)
            b = timed(theirs)
        ratios.append(a / b)
        mine.append(a)
        alt.append(b)
    return (statistics.median(ratios), min(ratios), max(ratios), statistics.median(mine), statistics.median(alt))


def fmt(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def row(label: str, against: str, result: tuple) -> None:
    ratio, low, high, mine, alt = result
    print(f"  {label:<46} {ratio:6.2f}× {against:<30} [{low:.2f}–{high:.2f}]  {fmt(mine):>9} vs {fmt(alt):>9}")


# --- hand-written alternatives ------------------------------------------------

def numba_kernels():
    """Hand-written numba loops of the same procedures (per sample, lr constant)."""
    from numba import njit

    @njit(cache=False, error_model="numpy")
    def logistic_sgd(X, y, w, b, lr, epochs):
        n, d = X.shape
        for _ in range(epochs):
            for i in range(n):
                z = b
                for j in range(d):
                    z += X[i, j] * w[j]
                # the stable σ as derive's Python printer writes it (two exponentials)
                s = np.exp(min(z, 0.0)) / (1.0 + np.exp(-abs(z)))
                err = y[i] - s
                for j in range(d):
                    w[j] += lr * err * X[i, j]
                b += lr * err
        return b

    @njit(cache=False)
    def squared_sgd_order(x, y, w, b, lr, order):
        for k in range(order.shape[0]):
            i = order[k]
            err = w * x[i] + b - y[i]
            w -= lr * err * x[i]
            b -= lr * err
        return w, b

    return logistic_sgd, squared_sgd_order


def sklearn_regressor(epochs: int, lr: float, shuffle: bool):
    from sklearn.linear_model import SGDRegressor
    return SGDRegressor(loss="squared_error", penalty=None, learning_rate="constant", eta0=lr,
                        max_iter=epochs, shuffle=shuffle, tol=None, random_state=0)


def sklearn_fit(model, X, y) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(X, y)


# --- the rows -----------------------------------------------------------------

def logistic_rows(n: int, pairs: int) -> None:
    """Row 1: per-sample SGD, logistic loss, 30 features."""
    print(f"\nper-sample SGD, logistic loss, 30 features, n = {n:,}, 5 epochs, lr 0.01")
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n, 30))
    y = (X @ rng.normal(size=30) + rng.normal(size=n) > 0).astype(float)
    problem = build_problem("logistic", 30)
    columns = problem.data_columns(X, y)
    start = [0.0] * 31
    schedule = Schedule(epochs=5, lr=0.01)
    if HAS_NUMBA:
        kernels = problem.objective.compiled
        data = columns
        kernels.fit(start, data, 0.01, 1)  # compile (or load from the disk cache)
        logistic_sgd, _ = numba_kernels()
        logistic_sgd(X, y, np.zeros(30), 0.0, 0.01, 1)
        hand = lambda: logistic_sgd(X, y, np.zeros(30), 0.0, 0.01, 5)  # noqa: E731
        row("derive compiled loop (kernels only)", "hand-written numba",
            paired(lambda: kernels.fit(start, data, 0.01, 5), hand, pairs))
        train(problem.objective, start, columns, schedule, "compiled")
        row("train(method='compiled') with epoch losses", "hand-written numba",
            paired(lambda: train(problem.objective, start, columns, schedule, "compiled"), hand, pairs))
        small = slice(0, max(n // 20, 1000))
        small_columns = [c[small] for c in columns]
        row(f"derive Python loop (n = {len(y[small]):,})", "hand-written numba",
            paired(lambda: problem.objective.loop.fit(start, small_columns, 0.01, 5),
                   lambda: logistic_sgd(X[small], y[small], np.zeros(30), 0.0, 0.01, 5), max(3, pairs // 2)))
    else:
        print("  (numba not installed: pip install 'derive-neuron[fast]' for the compiled rows)")
    if HAS_SKLEARN:
        from sklearn.linear_model import SGDClassifier

        def sk():
            model = SGDClassifier(loss="log_loss", penalty=None, learning_rate="constant", eta0=0.01,
                                  max_iter=5, shuffle=False, tol=None)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                model.fit(X, y)
        method = "auto"
        train(problem.objective, start, columns, schedule, method)
        row(f"train(method='auto') with epoch losses", "scikit-learn SGDClassifier",
            paired(lambda: train(problem.objective, start, columns, schedule, method), sk, pairs))


def shuffled_rows(n: int, pairs: int) -> None:
    """Row 2: shuffled epochs, squared loss, one feature: time per epoch and memory."""
    epochs = 5
    print(f"\nshuffle=True, ½SE, one feature, n = {n:,}, {epochs} epochs, lr 0.01 (per-epoch times are these / {epochs})")
    rng = np.random.default_rng(1)
    x = rng.normal(size=n)
    y = 3 * x + 1 + 0.1 * rng.normal(size=n)
    fit = lambda method: Neuron().fit(x, y, epochs=epochs, lr=0.01, shuffle=True, seed=0, method=method)  # noqa: E731
    fit("auto")
    method = Neuron().fit(x[:1000], y[:1000], epochs=epochs, lr=0.01, shuffle=True, seed=0).method_
    ran = Neuron().fit(x, y, epochs=epochs, lr=0.01, shuffle=True, seed=0).method_
    print(f"  (auto runs {ran} here, where numba already runs; {method} for n = 1,000)")
    if HAS_SKLEARN:
        row("Neuron.fit(shuffle=True), auto", "scikit-learn SGDRegressor",
            paired(lambda: fit("auto"), lambda: sklearn_fit(sklearn_regressor(epochs, 0.01, True), x[:, None], y), pairs))
        row("Neuron.fit(shuffle=True), scan", "scikit-learn SGDRegressor",
            paired(lambda: fit("scan"), lambda: sklearn_fit(sklearn_regressor(epochs, 0.01, True), x[:, None], y),
                   max(3, pairs // 2)))
    if HAS_NUMBA:
        _, squared = numba_kernels()
        squared(x, y, 1.0, 1.0, 0.01, np.arange(n))

        def hand():
            rng_ = np.random.default_rng(0)
            w, b = 1.0, 1.0
            for _ in range(epochs):
                w, b = squared(x, y, w, b, 0.01, rng_.permutation(n))
        row("Neuron.fit(shuffle=True), auto", "hand-written numba", paired(lambda: fit("auto"), hand, pairs))
    data = x.nbytes + y.nbytes
    for method in ("auto", "scan"):
        tracemalloc.start()
        fit(method)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  peak memory of fit({method!r}) beyond the data: {peak / data:.1f}× the data ({peak / 2**20:.0f} MiB)")


def few_epochs_rows(n: int, pairs: int) -> None:
    """Row 3: 10 features, 10 epochs: auto chooses by cost."""
    print(f"\n½SE, 10 features, 10 epochs, n = {n:,}, lr 0.01, in order")
    rng = np.random.default_rng(2)
    X = rng.normal(size=(n, 10))
    y = X @ rng.normal(size=10) + 0.1 * rng.normal(size=n)
    fit = lambda method: Neuron(features=10).fit(X, y, epochs=10, lr=0.01, method=method)  # noqa: E731
    print(f"  (auto runs {fit('auto').method_} here, where numba already runs)")
    if HAS_SKLEARN:
        sk = lambda: sklearn_fit(sklearn_regressor(10, 0.01, False), X, y)  # noqa: E731
        row("Neuron.fit, auto", "scikit-learn SGDRegressor", paired(lambda: fit("auto"), sk, pairs))
        row("Neuron.fit, scan", "scikit-learn SGDRegressor", paired(lambda: fit("scan"), sk, max(3, pairs // 2)))


def reduction_rows(n: int, pairs: int) -> None:
    """Row 4: one mean gradient over n samples against the memory-read floor."""
    print(f"\nmean gradient over n = {n:,} samples (one feature: x and y, {2 * n * 8 / 1e6:.0f} MB)")
    rng = np.random.default_rng(3)
    x = rng.normal(size=n)
    y = 3 * x + 1 + rng.normal(size=n)
    both = np.concatenate([x, y])
    floor = lambda: np.add.reduce(both)  # noqa: E731
    squared = build_problem("half-se").objective
    squared.moments.moments(x[:10], y[:10])
    row("batch moments, ½SE (one pass)", "np.add.reduce, same bytes",
        paired(lambda: squared.moments.moments(x, y), floor, pairs))
    for name, target in (("½SE", y), ("logistic", (y > 1).astype(float))):
        objective = build_problem("half-se" if name == "½SE" else "logistic").objective
        objective.mean_gradient([1.0, 0.0], [x[:10], target[:10]])
        row(f"mean gradient, {name} ({objective.mean_pass})", "np.add.reduce, same bytes",
            paired(lambda: objective.mean_gradient([1.0, 0.0], [x, target]), floor, pairs))
        if objective.mean_pass == "numba":
            row("  the blocked NumPy pass (the core install)", "np.add.reduce, same bytes",
                paired(lambda: objective.blocked.mean_gradient([1.0, 0.0], [x, target]), floor, pairs))
        elif HAS_NUMBA:
            objective.compiled.mean_gradient([1.0, 0.0], [x[:10], target[:10]])
            row("  the numba kernel (one pass)", "np.add.reduce, same bytes",
                paired(lambda: objective.compiled.mean_gradient([1.0, 0.0], [x, target]), floor, pairs))
    if HAS_NUMBA:  # the work alone: the same number of samples, read from the L3 cache
        logistic_objective = build_problem("logistic").objective
        cached = min(n, 1 << 20)
        xs, ts = x[:cached].copy(), (y[:cached] > 1).astype(float)
        repeat = max(1, n // cached)
        row(f"  logistic, the same n from cache ({repeat} × {cached:,})", "np.add.reduce, same bytes",
            paired(lambda: [logistic_objective.mean_gradient([1.0, 0.0], [xs, ts]) for _ in range(repeat)], floor, pairs))
        X3 = rng.normal(size=(n // 3, 3))
        labels3 = (X3 @ np.array([1.0, -1.0, 0.5]) > 0).astype(float)
        three = build_problem("logistic", 3)
        columns3 = three.data_columns(X3, labels3)
        floor3 = np.concatenate([X3.reshape(-1), labels3])
        three.objective.mean_gradient([0.1] * 4, [c[:10] for c in columns3])
        row(f"mean gradient, logistic, 3 features of a matrix ({three.objective.mean_pass})",
            "np.add.reduce, same bytes",
            paired(lambda: three.objective.mean_gradient([0.1] * 4, columns3), lambda: np.add.reduce(floor3), pairs))
    neuron = Neuron()
    neuron.backprop(x[:10], y[:10])
    row("Neuron.backprop, ½SE (+ lazy input checks)", "np.add.reduce, same bytes",
        paired(lambda: neuron.backprop(x, y), floor, pairs))
    logistic = Neuron("logistic", w=1.0, b=0.0)
    labels = (y > 1).astype(float)
    logistic.backprop(x[:10], labels[:10])
    row("Neuron.backprop, logistic (+ lazy input checks)", "np.add.reduce, same bytes",
        paired(lambda: logistic.backprop(x, labels), floor, pairs))
    numpy_way = lambda: [float(np.mean(g)) for g in squared.gradient.numpy(1.0, 1.0, x, y)]  # noqa: E731
    row("per-sample arrays then np.mean, ½SE (before)", "np.add.reduce, same bytes", paired(numpy_way, floor, pairs))
    out = np.empty_like(x)
    exp = lambda: np.exp(x, out=out)  # noqa: E731
    row("np.exp of x alone (a bound for σ losses)", "np.add.reduce, same bytes", paired(exp, floor, pairs))
    cached = min(n, 1 << 20)
    xs, outs = x[:cached].copy(), np.empty(cached)
    repeat = max(1, n // cached)
    row(f"  np.exp, the same n from cache ({repeat} × {cached:,})", "np.add.reduce, same bytes",
        paired(lambda: [np.exp(xs, out=outs) for _ in range(repeat)], floor, pairs))


# --- calibration of derive/descent/cost.py ------------------------------------

def calibrate(rounds: int = 7) -> None:
    """Time each method on two sizes of p and fit seconds = a + b·size (the
    Python loop twice: written out up to 8 features, the vector step past them).

    Every timed run is set up first, then all of them run once a round,
    ``rounds`` rounds, and each keeps its median: on shared cores a load
    that comes and goes then slows every method alike, and the ratios the
    cost model uses hold even when the absolute times do not."""
    rng = np.random.default_rng(4)
    from derive.descent.scan import scan_fit
    from derive.descent.schedule import epoch_orders

    def setup(method: str, n: int, d: int, epochs: int, shuffle: bool = False) -> tuple[Callable[[], object], int]:
        X = rng.normal(size=(n, d))
        y = X @ rng.normal(size=d)
        problem = build_problem("half-se", d)
        columns = problem.data_columns(X, y)
        schedule = Schedule(epochs=epochs, lr=1e-3, shuffle=shuffle, seed=0)
        start = [0.0] * (d + 1)
        objective = problem.objective
        if method == "loop":
            run = lambda: objective.loop.fit(start, columns, 1e-3, epochs)  # noqa: E731
        elif method == "compiled":
            run = lambda: objective.compiled.fit(start, columns, 1e-3, epochs,  # noqa: E731
                                                 epoch_orders(schedule, n))
        else:
            run = lambda: scan_fit(objective.affine, columns, start, 1e-3, epochs)  # noqa: E731
        run()
        return run, n * epochs

    # the loop past INLINE_MAX_FEATURES steps the parameter vector (one dot and one axpy a sample): its own line
    runs = {("loop", 1): setup("loop", 20_000, 1, 2), ("loop", 8): setup("loop", 20_000, 8, 2),
            ("vector", 9): setup("loop", 20_000, 9, 2), ("vector", 1000): setup("loop", 4_000, 1000, 2),
            ("scan", 1): setup("scan", 200_000, 1, 1), ("scan", 10): setup("scan", 200_000, 10, 1)}
    if HAS_NUMBA:
        runs.update({("compiled", 1): setup("compiled", 200_000, 1, 5), ("compiled", 30): setup("compiled", 200_000, 30, 5),
                     ("shuffled", 1): setup("compiled", 1_000_000, 1, 3, shuffle=True)})
    times: dict = {key: [] for key in runs}
    for _ in range(rounds):
        for key, (run, _units) in runs.items():
            times[key].append(timed(run))
    unit = {key: statistics.median(times[key]) / units for key, (_run, units) in runs.items()}

    print(f"seconds per sample and epoch (median of {rounds} interleaved rounds):")
    loop = [unit["loop", 1], unit["loop", 8]]
    print(f"  loop     p=2: {loop[0]:.3g}  p=9: {loop[1]:.3g}")
    slope = (loop[1] - loop[0]) / 7
    print(f"  LOOP_SAMPLE, LOOP_PARAM = {max(0.0, loop[0] - 2 * slope):.2g}, {slope:.2g}")
    vector = [unit["vector", 9], unit["vector", 1000]]
    print(f"  vector   p=10: {vector[0]:.3g}  p=1001: {vector[1]:.3g}")
    slope = (vector[1] - vector[0]) / 991
    print(f"  VECTOR_SAMPLE, VECTOR_PARAM = {max(0.0, vector[0] - 10 * slope):.2g}, {slope:.2g}")
    if HAS_NUMBA:
        comp = [unit["compiled", 1], unit["compiled", 30]]
        slope = (comp[1] - comp[0]) / 29
        print(f"  compiled p=2: {comp[0]:.3g}  p=31: {comp[1]:.3g}")
        print(f"  COMPILED_SAMPLE, COMPILED_PARAM = {max(0.0, comp[0] - 2 * slope):.2g}, {slope:.2g}")
        print(f"  compiled shuffled p=2: {unit['shuffled', 1]:.3g}  GATHER = {unit['shuffled', 1] - comp[0]:.2g}")
    scan = [unit["scan", 1], unit["scan", 10]]
    slope = (scan[1] - scan[0]) / (12 ** 3 - 3 ** 3)
    print(f"  scan     q=3: {scan[0]:.3g}  q=12: {scan[1]:.3g}")
    print(f"  SCAN_SAMPLE, SCAN_FLOP = {max(0.0, scan[0] - 27 * slope):.2g}, {slope:.2g}")
    print(f"  ratios: loop/compiled p=2 {loop[0] / comp[0]:.1f}, scan q=3/compiled p=2 {scan[0] / comp[0]:.1f}, "
          f"scan q=12/compiled p=11 {scan[1] / (comp[0] + 9 * (comp[1] - comp[0]) / 29):.1f}" if HAS_NUMBA else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller n and fewer pairs")
    parser.add_argument("--calibrate", action="store_true", help="measure the constants of the cost model")
    parser.add_argument("--pairs", type=int, default=None, help="paired runs per row (default 7, quick 3)")
    args = parser.parse_args()
    if args.calibrate:
        calibrate()
        return
    pairs = args.pairs or (3 if args.quick else 7)
    scale = 10 if args.quick else 1
    print(f"ratios: derive / alternative, median of {pairs} paired runs [lowest–highest]; "
          f"numba {'installed' if HAS_NUMBA else 'absent'}, scikit-learn {'installed' if HAS_SKLEARN else 'absent'}")
    logistic_rows(100_000 // scale, pairs)
    shuffled_rows(1_000_000 // scale, pairs)
    few_epochs_rows(100_000 // scale, pairs)
    reduction_rows(10_000_000 // scale, pairs)


if __name__ == "__main__":
    main()
