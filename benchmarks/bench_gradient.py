"""The generated gradient against hand-written code, measured in one run.

    python benchmarks/bench_gradient.py            # n = 1e6 samples
    python benchmarks/bench_gradient.py --n 100000

Rows: derive's lambdified NumPy gradient of ½SE evaluated over n samples at
once (``g(w=…, b=…, x=xs, y=ys)``, including its keyword handling) and the
raw generated function (``g.numpy``), against the same gradient written by
hand in NumPy; and derive's scalar fast path (``g.scalar``) called once per
sample against a hand-written Python function. Each time is the best of
several repeats; the ratio is derive's time over the hand-written one
(below 1.0: derive is faster).
"""
from __future__ import annotations

import argparse
import time
from typing import Callable

import numpy as np

from derive import gradient, losses


def round_robin(repeats: int, candidates: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Best time of each candidate, timed in turn so that load on the machine
    falls on all of them alike."""
    best = dict.fromkeys(candidates, float("inf"))
    for _ in range(repeats):
        for name, fn in candidates.items():
            start = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def hand_numpy(w, b, x, y):
    err = w * x + b - y
    return err * x, err


def hand_python(w, b, x, y):
    err = w * x + b - y
    return err * x, err


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="samples (default 1e6)")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()

    rng = np.random.default_rng(0)
    xs, ys = rng.normal(size=args.n), rng.normal(size=args.n)
    g = gradient(losses.half_squared_error(), wrt=["w", "b"])
    dw, db = g(w=0.3, b=-0.2, x=xs, y=ys)
    hw, hb = hand_numpy(0.3, -0.2, xs, ys)
    assert np.allclose(dw, hw) and np.allclose(db, hb), "derive and the hand-written gradient disagree"

    vectorized = round_robin(args.repeats, {
        "hand-written NumPy (baseline)": lambda: hand_numpy(0.3, -0.2, xs, ys),
        "derive g(w=, b=, x=, y=)": lambda: g(w=0.3, b=-0.2, x=xs, y=ys),
        "derive g.numpy(w, b, x, y)": lambda: g.numpy(0.3, -0.2, xs, ys),
    })
    m = min(args.n, 200_000)
    xl, yl = xs[:m].tolist(), ys[:m].tolist()
    scalar = g.scalar
    per_sample = round_robin(args.repeats, {
        f"hand-written Python, per sample (n={m:,}, baseline)": lambda: [hand_python(0.3, -0.2, a, c) for a, c in zip(xl, yl)],
        f"derive g.scalar, per sample (n={m:,})": lambda: [scalar(0.3, -0.2, a, c) for a, c in zip(xl, yl)],
    })
    rows = []
    for times in (vectorized, per_sample):
        base = next(iter(times.values()))
        rows += [(name, seconds, base) for name, seconds in times.items()]

    print(f"½SE gradient over n = {args.n:,} samples (best of {args.repeats})")
    print(f"{'':<52} {'seconds':>10} {'ratio':>7}")
    for name, seconds, baseline in rows:
        print(f"{name:<52} {seconds:>10.5f} {seconds / baseline:>7.2f}")


if __name__ == "__main__":
    main()
