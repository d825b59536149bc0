"""Training on Dask data, measured against the floor: one pass of
``dask.array`` ``sum`` over the same data.

The data are generated chunk by chunk by ``dask.array.random`` (x standard
normal, y = 2x + 1 + noise), so no more than a few chunks are ever in
memory, and every pass regenerates them: the floor pays the same for the
data as the methods do. Each n runs in its own process (Dask's threaded
scheduler), so the driver's peak resident memory is that n's own.

    python benchmarks/bench_dask.py                  # n = 1e6, 1e7
    python benchmarks/bench_dask.py 1e6 1e7 1e8      # add 1e8 (minutes on 2 cores)

Columns: seconds per method (best of ``--repeat``), the ratio to the floor,
the driver's peak RSS after that n's runs, and the time per chunk (for
extrapolating to a cluster).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 1_000_000


def measure(n: int, chunk: int, repeat: int) -> dict:
    """Time the floor and every method on n samples (run in a child process)."""
    import dask
    import dask.array as da

    from neuron import Neuron

    dask.config.set(scheduler="threads")

    def data():
        rs = da.random.RandomState(42)
        x = rs.standard_normal(n, chunks=chunk)
        return x, 2.0 * x + 1.0 + 0.1 * rs.standard_normal(n, chunks=chunk)

    def best(run) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return min(times)

    def floor():
        x, y = data()
        dask.compute(x.sum(), y.sum())

    runs = {
        "floor": floor,
        "scan": lambda: Neuron().fit(*data(), lr=0.01, epochs=100),
        "batch": lambda: Neuron().fit(*data(), lr=0.5, epochs=100, batch_size=n),
        "gd, 1 epoch": lambda: Neuron().fit(*data(), lr=0.5, epochs=1, batch_size=n, method="gd"),
    }
    small = da.ones(1000, chunks=100)  # warm up: imports, thread pool, each loss derived once
    for kw in ({}, {"batch_size": 1000}, {"batch_size": 1000, "method": "gd"}):
        Neuron().fit(small, small, epochs=1, lr=0.01, **kw)
    rows = {name: best(run) for name, run in runs.items()}
    check = Neuron().fit(*data(), lr=0.01, epochs=3)
    return {"n": n, "chunks": -(-n // chunk), "seconds": rows, "w": float(check.w), "b": float(check.b),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", default=["1e6", "1e7"], help="values of n (default 1e6 1e7)")
    parser.add_argument("--chunk", type=float, default=CHUNK, help=f"samples per chunk (default {CHUNK:.0e})")
    parser.add_argument("--repeat", type=int, default=2, help="runs per method, the best kept (default 2)")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(int(args.child), int(args.chunk), args.repeat)))
        return
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    print(f"chunks of {int(args.chunk):,} samples, 1 feature, threaded scheduler on {os.cpu_count()} cores, "
          f"best of {args.repeat}")
    print(f"{'n':>6} {'chunks':>6} {'method':<12} {'seconds':>8} {'× floor':>8} {'per chunk':>10} {'peak RSS':>9}")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--child", size, "--chunk", str(args.chunk),
                              "--repeat", str(args.repeat)], capture_output=True, text=True, env=env, check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        floor = result["seconds"]["floor"]
        for method, seconds in result["seconds"].items():
            print(f"{float(size):>6.0e} {result['chunks']:>6} {method:<12} {seconds:>8.3f} {seconds / floor:>8.2f} "
                  f"{seconds / result['chunks'] * 1e3:>8.1f}ms {result['peak_rss_mb']:>7.0f}MB")


if __name__ == "__main__":
    main()
