"""The first fit at any width, in fresh processes (issue 11 §1).

    python benchmarks/bench_first_fit.py                 # d = 1, 10, 30, 100, 1000
    python benchmarks/bench_first_fit.py --d 1 30 --timeout 120

For each d, three fresh Python processes on the same data (n = 569 samples,
the size of the breast-cancer data, d standard-normal features, labels from
the sign of one feature):

- ``neuron``: ``import neuron``, ``Neuron("logistic", features=d)`` and one
  epoch of ``fit`` — everything a first ``neuron fit --loss logistic`` pays;
- ``sklearn``: ``import sklearn`` and ``SGDClassifier(loss="log_loss")``
  fit for one epoch;
- ``import sympy``: ``python -c "import sympy"``, the floor for anything that
  touches SymPy.

Each figure is the wall time of the whole process (best of ``--repeats``);
ratios are against the SymPy import and against scikit-learn, measured in
the same run. A process that overruns ``--timeout`` is reported as such.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
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

SKLEARN = DATA + """
import warnings
from sklearn.linear_model import SGDClassifier
warnings.simplefilter("ignore")  # one epoch does not converge, and says so
SGDClassifier(loss="log_loss", max_iter=1, tol=None, random_state=0).fit(X, y)
"""


def wall(code: str, timeout: float) -> float | None:
    """Seconds for a fresh ``python -c code`` (None past ``timeout``)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    start = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-c", code], check=True, timeout=timeout, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def best(code: str, repeats: int, timeout: float) -> float | None:
    times = [wall(code, timeout) for _ in range(repeats)]
    return None if None in times else min(times)


def show(seconds: float | None) -> str:
    return "timeout" if seconds is None else f"{seconds:.2f} s"


def ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or b is None else f"{a / b:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--d", type=int, nargs="+", default=[1, 10, 30, 100, 1000])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    sympy_import = best("import sympy", args.repeats, args.timeout)
    print(f"python -c 'import sympy': {show(sympy_import)} (best of {args.repeats}); n = {SAMPLES} samples")
    print(f"{'d':>6} {'neuron (cold)':>14} {'sklearn':>10} {'÷ import sympy':>15} {'÷ sklearn':>10}")
    for d in args.d:
        neuron = best(NEURON.format(d=d), 1 if d >= 100 else args.repeats, args.timeout)
        sklearn = best(SKLEARN.format(d=d), args.repeats, args.timeout)
        print(f"{d:>6} {show(neuron):>14} {show(sklearn):>10} {ratio(neuron, sympy_import):>15} "
              f"{ratio(neuron, sklearn):>10}", flush=True)


if __name__ == "__main__":
    main()
