"""Speed of per-sample SGD and full-batch descent, as ratios measured in one run.

    python benchmarks/bench_speed.py            # everything (about a minute)
    python benchmarks/bench_speed.py --quick    # smaller n, fewer repeats

Baselines: the book's Neuron class as printed (NumPy scalars, per-sample
loop), a plain Python loop on floats, and scikit-learn's SGDRegressor with
the settings that reproduce the book when it is installed. Each time is the
best of several runs (on diabetes, taken round robin); every derive row includes its cached lookup
(``affine_update`` / ``sgd_loop`` / ``batch_moments``), and every
``Neuron(...)`` row includes constructing the Neuron. Rows for
``neuron.Neuron.fit(method=...)`` appear for each method the installed
``neuron`` accepts.
"""
from __future__ import annotations

import argparse
import time
import warnings
from typing import Callable

import numpy as np

from derive import losses
from derive.descent import affine_update, batch_moments, sgd_loop
from derive.descent.scan import scan_fit

LOSS = losses.half_squared_error()
WRT = ("w", "b")
NEURON_METHODS = ("loop", "scan", "auto")  # per sample; "batch" (and "auto") in the full-batch table


# --- baselines ---------------------------------------------------------------

class BookNeuron:
    """The book's class as printed: NumPy scalars, one sample at a time."""

    def __init__(self):
        self.w = 1.0
        self.b = 1.0

    def forpass(self, x):
        y_hat = x * self.w + self.b
        return y_hat

    def backprop(self, x, err):
        w_grad = x * err
        b_grad = 1 * err
        return w_grad, b_grad

    def fit(self, x, y, epochs=100):
        for i in range(epochs):
            for x_i, y_i in zip(x, y):
                y_hat = self.forpass(x_i)
                err = -(y_i - y_hat)
                w_grad, b_grad = self.backprop(x_i, err)
                self.w -= w_grad
                self.b -= b_grad


def book(x, y, epochs, lr):
    assert lr == 1.0, "the book's class has no learning rate"
    neuron = BookNeuron()
    neuron.fit(x, y, epochs)
    return neuron.w, neuron.b


def plain_loop(x, y, epochs, lr):
    w = b = 1.0
    xs, ys = x.tolist(), y.tolist()
    for _ in range(epochs):
        for x_i, y_i in zip(xs, ys):
            err = (x_i * w + b) - y_i
            w -= lr * x_i * err
            b -= lr * err
    return w, b


def sklearn_sgd(x, y, epochs, lr):
    from sklearn.linear_model import SGDRegressor

    model = SGDRegressor(loss="squared_error", penalty=None, learning_rate="constant", eta0=lr,
                         max_iter=epochs, shuffle=False, tol=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(x[:, None], y, coef_init=[1.0], intercept_init=[1.0])
    return float(model.coef_[0]), float(model.intercept_[0])


def has_sklearn() -> bool:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        return False
    return True


# --- derive ------------------------------------------------------------------

def derive_loop(x, y, epochs, lr):
    return sgd_loop(LOSS, WRT).fit([1.0, 1.0], [x, y], lr, epochs).params


def derive_scan(x, y, epochs, lr):
    return scan_fit(affine_update(LOSS, WRT), [x, y], [1.0, 1.0], lr, epochs).params


def neuron_fit(method: str, full_batch: bool = False) -> Callable | None:
    """A runner for ``Neuron().fit(..., method=method)`` (with the whole data
    as one batch when ``full_batch``), or None when the neuron package is
    missing or does not offer that method."""
    try:
        from neuron import Neuron
    except ImportError:
        return None

    def run(x, y, epochs, lr):
        n = Neuron()
        n.fit(x, y, epochs=epochs, lr=lr, method=method, batch_size=len(y) if full_batch else 1)
        return float(n.w), float(n.b)

    try:
        run(np.array([0.1, 0.2]), np.array([1.0, 2.0]), 1, 0.1)
    except Exception as err:  # the method is not there (yet): no row, but say why
        print(f"(no row for Neuron().fit(method={method!r}): {type(err).__name__}: {err})")
        return None
    return run


# --- timing ------------------------------------------------------------------

def best_time(run: Callable[[], object], budget: float, max_repeats: int) -> float:
    """The best of up to ``max_repeats`` runs, stopping once ``budget``
    seconds have been spent (one run at least)."""
    best, spent, repeats = float("inf"), 0.0, 0
    while repeats < max_repeats and (repeats == 0 or spent < budget):
        start = time.perf_counter()
        run()
        elapsed = time.perf_counter() - start
        best, spent, repeats = min(best, elapsed), spent + elapsed, repeats + 1
    return best


def fmt(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:8.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:8.2f} ms"
    return f"{seconds:8.2f} s "


def table(title: str, rows: list[tuple[str, float, tuple]], baselines: dict[str, float]) -> None:
    print(f"\n{title}")
    names = list(baselines)
    print(f"  {'method':<28}{'time':>12}  " + "  ".join(f"{'÷ ' + n:>12}" for n in names) + "   result")
    for name, seconds, result in rows:
        ratios = "  ".join(f"{seconds / baselines[n]:12.4f}" for n in names)
        shown = ", ".join(f"{v:.10g}" for v in result)
        print(f"  {name:<28}{fmt(seconds):>12}  {ratios}   ({shown})")


# --- the three benchmarks ----------------------------------------------------

def diabetes(repeats: int) -> None:
    try:
        from neuron.datasets import load_diabetes
    except ImportError:
        from sklearn.datasets import load_diabetes
        X, y = load_diabetes(return_X_y=True)
    else:
        X, y = load_diabetes()
    x = np.ascontiguousarray(X[:, 2])
    epochs, lr = 100, 1.0
    runners: list[tuple[str, Callable]] = [
        ("book Neuron (NumPy scalars)", book),
        ("plain Python loop", plain_loop),
    ]
    if has_sklearn():
        runners.append(("scikit-learn SGDRegressor", sklearn_sgd))
    runners += [("derive loop (sgd_loop)", derive_loop), ("derive scan (scan_fit)", derive_scan)]
    runners += [(f"Neuron().fit(method={m!r})", r) for m in NEURON_METHODS if (r := neuron_fit(m))]
    results = {name: run(x, y, epochs, lr) for name, run in runners}
    best = {name: float("inf") for name, _ in runners}
    for _ in range(repeats):  # round robin, so a busy moment hits every row alike
        for name, run in runners:
            start = time.perf_counter()
            run(x, y, epochs, lr)
            best[name] = min(best[name], time.perf_counter() - start)
    rows = [(name, best[name], results[name]) for name, _ in runners]
    times = {name: seconds for name, seconds, _ in rows}
    baselines = {"book": times["book Neuron (NumPy scalars)"]}
    if "scikit-learn SGDRegressor" in times:
        baselines["sklearn"] = times["scikit-learn SGDRegressor"]
    table(f"diabetes BMI (n = {len(x)}), ½SE, w = b = 1, lr = 1, {epochs} epochs", rows, baselines)


def synthetic(sizes: list[int], repeats: int, loop_limit: float) -> None:
    epochs, lr = 100, 0.01
    rng = np.random.default_rng(0)
    print(f"\nsynthetic y = 3x + 2 + noise, x ~ N(0, 1), ½SE, lr = {lr}, {epochs} epochs (per-sample)")
    runners = [("derive scan", derive_scan), ("derive loop", derive_loop), ("plain Python loop", plain_loop)]
    if (neuron_auto := neuron_fit("auto")) is not None:
        runners.insert(1, ("Neuron().fit()", neuron_auto))
    if has_sklearn():
        runners.insert(1, ("scikit-learn", sklearn_sgd))
    print(f"  {'n':>9}" + "".join(f"{name:>20}" for name, _ in runners)
          + f"{'scan ÷ sklearn':>17}{'Neuron ÷ sklearn':>19}{'scan ÷ loop':>14}")
    skip: set[str] = set()
    for n in sizes:
        x = rng.normal(size=n)
        y = 3 * x + 2 + 0.1 * rng.normal(size=n)
        times = {}
        for name, run in runners:
            if name in skip:
                continue
            times[name] = best_time(lambda: run(x, y, epochs, lr), budget=1.0, max_repeats=repeats)
            if name.endswith("loop") and 10 * times[name] > loop_limit:
                skip.add(name)  # the next n would take ten times longer
        cells = "".join(f"{fmt(times[name]) if name in times else '—':>20}" for name, _ in runners)
        vs_sklearn = f"{times['derive scan'] / times['scikit-learn']:17.4f}" if "scikit-learn" in times else f"{'—':>17}"
        neuron_vs = (f"{times['Neuron().fit()'] / times['scikit-learn']:19.4f}"
                     if "scikit-learn" in times and "Neuron().fit()" in times else f"{'—':>19}")
        vs_loop = f"{times['derive scan'] / times['derive loop']:14.4f}" if "derive loop" in times else f"{'—':>14}"
        print(f"  {n:>9}{cells}{vs_sklearn}{neuron_vs}{vs_loop}")


def batch(sizes: list[int], repeats: int) -> None:
    epochs, lr = 1000, 0.1
    rng = np.random.default_rng(1)
    print(f"\nfull-batch descent, ½SE, lr = {lr}: cost per epoch after the first pass ({epochs} epochs)")
    neuron_batch = neuron_fit("batch", full_batch=True)
    print(f"  {'n':>9}{'moments (one pass)':>22}{'per epoch (moments)':>22}{'per epoch (NumPy loop)':>25}{'ratio':>10}"
          + (f"{'Neuron().fit(batch)':>22}{'per epoch':>12}" if neuron_batch else ""))
    stats = batch_moments(LOSS, WRT)
    for n in sizes:
        x = rng.normal(size=n)
        y = 3 * x + 2 + 0.1 * rng.normal(size=n)
        one_pass = best_time(lambda: batch_moments(LOSS, WRT).moments(x, y), budget=1.0, max_repeats=repeats)
        m = stats.moments(x, y)
        per_epoch = best_time(lambda: stats.fit_moments([1.0, 1.0], m, lr, epochs), budget=1.0, max_repeats=repeats) / epochs

        def numpy_epochs(k: int) -> None:
            w = b = 1.0
            for _ in range(k):
                err = (x * w + b) - y
                w, b = w - lr * float(np.mean(x * err)), b - lr * float(np.mean(err))

        k = max(1, min(epochs, 10_000_000 // n))
        loop_epoch = best_time(lambda: numpy_epochs(k), budget=1.0, max_repeats=repeats) / k
        row = f"  {n:>9}{fmt(one_pass):>22}{fmt(per_epoch):>22}{fmt(loop_epoch):>25}{per_epoch / loop_epoch:10.5f}"
        if neuron_batch:  # the whole fit, with Neuron() and the loss of every epoch
            whole = best_time(lambda: neuron_batch(x, y, epochs, lr), budget=1.0, max_repeats=repeats)
            row += f"{fmt(whole):>22}{fmt(whole / epochs):>12}"
        print(row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes and fewer repeats")
    args = parser.parse_args()
    repeats = 5 if args.quick else 20
    sizes = [1_000, 10_000, 100_000] if args.quick else [1_000, 10_000, 100_000, 1_000_000]
    diabetes(repeats)
    synthetic(sizes, repeats=3 if args.quick else 5, loop_limit=0.5 if args.quick else 3.0)
    batch(sizes, repeats)


if __name__ == "__main__":
    main()
