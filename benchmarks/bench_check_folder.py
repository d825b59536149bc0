"""Wall time of ``derive check FOLDER`` with the files spread over the cores
(the default) against one by one (``--jobs 1``), each run as the command a
user types, in a fresh process.

The folder is made of mixed notes: copies of the lecture (the shared one when
it is beside the clone, else the bundled copy), the sample course notes under
tests/notes/course (Markdown and a notebook), and notes on the mean squared
error over n samples written here in a few notations (steps with a sum go to
derive's worker process, so they take seconds, not milliseconds).

    python benchmarks/bench_check_folder.py [--copies 8] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "lecture" / "gradient-descent-lecture.md"
BUNDLED = ROOT / "derive" / "data" / "lecture.md"


MSE_NOTES = r"""# Mean squared error over n samples

$$L = \frac{1}{n} \sum_{i=1}^{n} (y_i - \hat{y}_i)^2$$

$$\hat{y}_i = W x_i + B$$

$$\frac{\partial L}{\partial W} = -\frac{2}{n} \sum_{i=1}^{n} (y_i - \hat{y}_i) x_i$$

$$\frac{\partial L}{\partial B} = -\frac{2}{n} \sum_{i=1}^{n} (y_i - \hat{y}_i)$$
"""
NOTATIONS = [("w", "b"), ("a", "c"), ("\\theta", "\\beta"), ("m", "k")]


def make_folder(target: Path, copies: int) -> int:
    lecture = SHARED if SHARED.exists() else BUNDLED
    for k in range(copies):
        week = target / f"week{k + 1:02d}"
        week.mkdir(parents=True)
        shutil.copy(lecture, week / "lecture.md")
    shutil.copytree(ROOT / "tests" / "notes" / "course", target / "course")
    for k, (weight, bias) in enumerate(NOTATIONS):
        text = MSE_NOTES.replace("W", weight).replace("B", bias)
        (target / "course" / f"mse-{k + 1}.md").write_text(text, encoding="utf-8")
    return sum(1 for p in target.rglob("*") if p.suffix in (".md", ".ipynb"))


def wall_time(folder: Path, jobs: int) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "derive", "check", str(folder), "--jobs", str(jobs)],
                          cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 1:  # the lecture copies and the notebook each have a wrong step
        raise SystemExit(f"unexpected exit code {done.returncode}: {done.stderr}")
    return elapsed


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_ratio(cores: int, n: int = 3_000_000) -> float:
    """The same pure-Python loop, 2·cores times, on ``cores`` processes ÷ one by
    one: what parallelism the machine gives at this moment (1/cores when idle)."""
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    for _ in range(2 * cores):
        _spin(n)
    alone = time.perf_counter() - start
    start = time.perf_counter()
    with ProcessPoolExecutor(cores) as pool:
        list(pool.map(_spin, [n] * (2 * cores)))
    return (time.perf_counter() - start) / alone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="copies of the lecture (default 4)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each mode; the best is kept (default 3)")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "notes"
        files = make_folder(folder, args.copies)
        times = {1: [], cores: []}
        for _ in range(args.repeat):  # alternate, so a busy moment hits both modes
            for jobs in times:
                times[jobs].append(wall_time(folder, jobs))
    one, many = min(times[1]), min(times[cores])
    control = machine_ratio(cores)
    print(f"derive check on a folder of {files} notes ({args.copies} lecture copies, "
          f"{files - args.copies - len(NOTATIONS)} course notes, {len(NOTATIONS)} notes with sums), "
          f"best of {args.repeat}, {cores} cores")
    print(f"  one by one (--jobs 1)      {one:7.2f} s")
    print(f"  in parallel (--jobs {cores})     {many:7.2f} s")
    print(f"  parallel ÷ one by one      {many / one:7.2f}")
    print(f"  control: a CPU loop on {cores} processes ÷ one by one: {control:.2f} "
          f"(1/{cores} = {1 / cores:.2f} on an idle machine; near 1 when other jobs hold the cores)")


if __name__ == "__main__":
    main()
