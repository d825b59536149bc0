"""Peak memory (resident set) of ``neuron fit --epochs N`` on a tiny CSV, for
each method, in order and shuffled: memory is bounded by the piece
(a million epochs, derive.descent.pieces) and the thinned history
(derive.descent.thinned), not by the number of epochs.

Each run is the command a user types, in a fresh process; its peak RSS is
read from ``os.wait4`` (the child's own rusage), and compared with the same
command at 100 epochs (Python, NumPy and, for ``compiled``, numba loaded).

    python benchmarks/bench_long_runs.py [--epochs 1e6 1e7 1e8] [--methods scan compiled loop auto]
                                         [--orders in-order shuffled] [--skip-slow] [--dask]

``--skip-slow`` leaves out the runs that take minutes without telling
anything new (the Python loop and shuffled orders above 10⁷ epochs).
``--dask`` trains on the same rows split into two CSV files of a folder,
which ``neuron fit`` reads lazily with Dask (derive.descent.dask_methods),
in order, by the Dask methods that do not pass over the data every epoch:
``scan`` (per sample) and ``batch`` (the whole data as one batch).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CSV = "x,y\n0.1,1.0\n-0.3,-0.5\n0.5,2.0\n0.2,0.7\n-0.1,0.1\n"


#: Dask methods: the batch size each needs (the tiny data's 5 rows make one batch)
DASK_BATCH = {"scan": 1, "batch": 5}


def peak(data: Path, epochs: int, method: str, shuffled: bool, dask: bool = False) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, the method line) of one ``neuron fit`` run."""
    command = [sys.executable, "-m", "neuron", "fit", str(data), "--epochs", str(epochs), "--lr", "0.5",
               "--method", method, "--quiet"] + (["--shuffle", "--seed", "1"] if shuffled else [])
    if dask:
        command += ["--batch-size", str(DASK_BATCH[method])]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status:
        raise SystemExit(f"{' '.join(command)} failed:\n{out}")
    line = next((ln for ln in out.splitlines() if ln.startswith("training")), "")
    return seconds, usage.ru_maxrss / 1024, line.rsplit("by ", 1)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", nargs="+", type=float, default=[1e6, 1e7, 1e8])
    parser.add_argument("--methods", nargs="+", default=["scan", "compiled", "loop", "auto"])
    parser.add_argument("--orders", nargs="+", default=["in-order", "shuffled"])
    parser.add_argument("--skip-slow", action="store_true")
    parser.add_argument("--dask", action="store_true", help="a folder of two CSV files, read with Dask")
    args = parser.parse_args()
    if args.dask:
        if args.methods == parser.get_default("methods"):
            args.methods = list(DASK_BATCH)
        args.orders = ["in-order"]  # shuffled per-sample epochs are refused on Dask data
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "tiny.csv"
        data.write_text(CSV)
        if args.dask:
            header, *rows = CSV.splitlines(keepends=True)
            data = Path(folder) / "parts"
            data.mkdir()
            (data / "part0.csv").write_text(header + "".join(rows[:2]))
            (data / "part1.csv").write_text(header + "".join(rows[2:]))
        print(f"{'method':9} {'order':9} {'epochs':>11} {'seconds':>8} {'peak MB':>8} {'at 100':>7}  ran")
        for method in args.methods:
            for order in args.orders:
                shuffled = order == "shuffled"
                _, base, _ = peak(data, 100, method, shuffled, args.dask)
                for epochs in map(int, args.epochs):
                    if args.skip_slow and epochs > 10**7 and (shuffled or method == "loop"):
                        continue
                    seconds, mb, ran = peak(data, epochs, method, shuffled, args.dask)
                    print(f"{method:9} {order:9} {epochs:>11,} {seconds:8.1f} {mb:8.0f} {base:7.0f}  {ran}",
                          flush=True)


if __name__ == "__main__":
    main()
