"""The first fit at any width, in fresh processes, cold and warm (issue 11 §1).

    python benchmarks/bench_first_fit.py                 # d = 1, 10, 30, 100, 1000
    python benchmarks/bench_first_fit.py --d 1 30 --repeats 5 --timeout 120

For each d, fresh Python processes on the same data (n = 569 samples, the
size of the breast-cancer data, d standard-normal features, labels from the
sign of one feature):

- ``cold``: ``import neuron``, ``Neuron("logistic", features=d)`` and one
  epoch of ``fit``, with an empty cache of generated code (a new
  ``DERIVE_NEURON_CACHE`` folder) — everything a first ``neuron fit --loss
  logistic`` pays;
- ``warm``: the same in a new process whose cache the cold run filled: it
  finds the neuron's bundle (:mod:`neuron.bundle`) and must not import SymPy
  (the run fails if it does);
- ``sklearn``: ``SGDClassifier(loss="log_loss")`` fit for one epoch;
- ``import sympy``: ``python -c "import sympy"``, the floor for anything that
  touches SymPy;
- ``numpy + hand fit``: ``import numpy``, the same data and the same epoch of
  per-sample logistic SGD written by hand (from w = b = 1, lr 0.1, NumPy dot
  per sample), the floor of a warm start.

Each process reads compiled bytecode for every module it imports, as an
installed package does (pip compiles it): the processes share a bytecode
folder of their own (``PYTHONPYCACHEPREFIX``, even when the environment sets
``PYTHONDONTWRITEBYTECODE``), filled by one untimed round before the
repeats. Otherwise this project's modules, run from the source tree, would be
compiled again in every process (about 80 ms of a warm start) while NumPy's
come compiled from ``site-packages``. ``--source`` measures that way instead.

Each figure is the wall time of a whole process. Every repeat runs all of
them back to back, and each ratio is the median over repeats of the ratios
within a repeat (paired medians), so a machine that slows down between
repeats does not tilt a ratio. A process that overruns ``--timeout`` is
reported as such.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = 569

DATA = f"""
import numpy as np
rng = np.random.default_rng(0)
X = rng.normal(size=({SAMPLES}, {{d}}))
y = (X[:, 0] > 0).astype(float)
"""

NEURON = DATA + """
from neuron import Neuron
Neuron("logistic", features={d}).fit(X if {d} > 1 else X[:, 0], y, epochs=1, lr=0.1)
"""

#: The warm run must not have imported SymPy: a run that did fails the benchmark.
WARM = NEURON + """
import sys
if "sympy" in sys.modules:
    sys.exit("the warm run imported SymPy")
"""

SKLEARN = DATA + """
import warnings
from sklearn.linear_model import SGDClassifier
warnings.simplefilter("ignore")  # one epoch does not converge, and says so
SGDClassifier(loss="log_loss", max_iter=1, tol=None, random_state=0).fit(X, y)
"""

HAND = DATA + """
w, b, lr = np.ones({d}), 1.0, 0.1
for xi, yi in zip(X, y):
    z = xi.dot(w) + b
    g = (1.0 / (1.0 + np.exp(-z)) if z >= 0 else np.exp(z) / (1.0 + np.exp(z))) - yi
    w -= lr * g * xi
    b -= lr * g
"""

TARGETS = "targets: cold d = 30 ≤ 2× import sympy; cold d = 1000 < 10× import sympy; warm ≤ 1.2× numpy + hand fit"


#: The bytecode folder every process reads and writes (None: the environment's setting, ``--source``).
BYTECODE: str | None = None


def wall(code: str, timeout: float, cache: str | None = None) -> float | None:
    """Seconds for a fresh ``python -c code`` (None past ``timeout``)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    if BYTECODE is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = BYTECODE
    if cache is not None:
        env["DERIVE_NEURON_CACHE"] = cache
    start = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-c", code], check=True, timeout=timeout, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def median(values: list[float | None]) -> float | None:
    return None if not values or None in values else statistics.median(values)


def ratios(a: list[float | None], b: list[float | None]) -> float | None:
    """The median of the paired ratios a[i] / b[i]."""
    if None in a or None in b:
        return None
    return statistics.median(x / y for x, y in zip(a, b))


def show(seconds: float | None) -> str:
    return "timeout" if seconds is None else f"{seconds:.2f} s"


def times(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def measure(d: int, repeats: int, timeout: float) -> dict[str, list[float | None]]:
    runs: dict[str, list[float | None]] = {k: [] for k in ("sympy", "cold", "warm", "sklearn", "hand")}
    for _ in range(repeats):
        with tempfile.TemporaryDirectory(prefix="bench-first-fit-") as cache:
            runs["sympy"].append(wall("import sympy", timeout))
            runs["cold"].append(wall(NEURON.format(d=d), timeout, cache))
            runs["warm"].append(wall(WARM.format(d=d), timeout, cache))
            runs["sklearn"].append(wall(SKLEARN.format(d=d), timeout))
            runs["hand"].append(wall(HAND.format(d=d), timeout))
    return runs


def main() -> None:
    global BYTECODE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--d", type=int, nargs="+", default=[1, 10, 30, 100, 1000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--source", action="store_true",
                        help="no shared bytecode folder: modules without bytecode are compiled in every process")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-first-fit-bytecode-") as bytecode:
        if not args.source:
            BYTECODE = bytecode
            measure(args.d[0], 1, args.timeout)  # untimed: fills the bytecode folder
        report(args)


def report(args: argparse.Namespace) -> None:
    print(f"n = {SAMPLES} samples, one epoch of Neuron('logistic', features=d) in a fresh process; "
          f"medians of {args.repeats} paired repeats; "
          f"{'compiled from source where there is no bytecode' if args.source else 'with a bytecode cache'}")
    print(TARGETS)
    print(f"{'d':>5} {'import sympy':>12} {'cold':>8} {'warm':>8} {'sklearn':>8} {'numpy+hand':>10} "
          f"{'cold÷sympy':>10} {'cold÷sklearn':>12} {'warm÷sympy':>10} {'warm÷(numpy+hand)':>17}")
    for d in args.d:
        r = measure(d, args.repeats, args.timeout)
        print(f"{d:>5} {show(median(r['sympy'])):>12} {show(median(r['cold'])):>8} {show(median(r['warm'])):>8} "
              f"{show(median(r['sklearn'])):>8} {show(median(r['hand'])):>10} "
              f"{times(ratios(r['cold'], r['sympy'])):>10} {times(ratios(r['cold'], r['sklearn'])):>12} "
              f"{times(ratios(r['warm'], r['sympy'])):>10} {times(ratios(r['warm'], r['hand'])):>17}", flush=True)


if __name__ == "__main__":
    main()
