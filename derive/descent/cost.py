"""What each per-sample method costs, so that ``auto`` picks by cost and not
only by applicability.

With n samples, p parameters (features + 1), q = p + 1 and E epochs, in
seconds:

- ``scan`` in order composes every sample's (q × q) map once, whatever E:
  n·(SCAN_SAMPLE + SCAN_FLOP·q³), plus E·q² to apply the powers (negligible);
- ``scan`` shuffled composes each epoch's maps anew: E·n·(SCAN_SAMPLE + SCAN_FLOP·q³ + GATHER);
- ``compiled`` (numba, when installed): COMPILED_START + E·n·(COMPILED_SAMPLE
  + COMPILED_PARAM·p), plus GATHER per sample and epoch when shuffled (the
  permutation); COMPILED_START is importing numba and loading the cached
  machine code, paid once per process;
- ``loop`` (generated Python): E·n·(LOOP_SAMPLE + LOOP_PARAM·p).

The constants were measured on the project's 2-core machine by

    python benchmarks/bench_fast.py --calibrate

which times each method at two sizes of p and fits these lines (the
printed values are pasted below; measured 2026-11-28 on 2 shared cores,
numba 0.68, NumPy's matmul). Only the ratios matter to the choice: on a
faster machine all scale alike (COMPILED_START too). What they say: the
in-order scan wins when E exceeds about q³/(12·p) epochs' worth of the
compiled loop (the book's 100 epochs on 442 samples: scan, 10× cheaper);
with 10 features and 10 epochs on 10⁶ samples the compiled loop (or,
without numba, still the scan: the Python loop costs 20× the compiled one);
shuffled, the compiled loop once the Python loop would take longer than
numba takes to start (COMPILED_START), else the loop.
"""
from __future__ import annotations

#: Seconds per sample and epoch of the generated Python loop, and per parameter.
LOOP_SAMPLE, LOOP_PARAM = 2.2e-8, 1.9e-7
#: Seconds per sample and epoch of the compiled loop, and per parameter.
COMPILED_SAMPLE, COMPILED_PARAM = 1.2e-8, 2.6e-9
#: Seconds per sample of the scan (building and composing its map), and per q³.
SCAN_SAMPLE, SCAN_FLOP = 6.3e-8, 4.1e-9
#: Seconds per sample and epoch to draw and follow a shuffled order.
GATHER = 9.2e-8
#: Seconds to start the compiled loop in a process: ``import numba`` after
#: NumPy took 0.64–0.81 s (measured 2026-11-28, 2 shared cores), plus loading
#: the kernels from numba's cache. Counted every time, so that ``auto``'s choice
#: does not depend on what the process did before: a small fit (the book's
#: logistic neuron, 442 samples × 100 epochs, 18 ms by the Python loop) runs
#: the loop instead of waiting a second for numba.
COMPILED_START = 0.8


def per_sample_costs(samples: int, params: int, epochs: int, shuffle: bool, *,
                     scan: bool, compiled: bool) -> dict[str, float]:
    """The estimated seconds of every per-sample method that applies
    (``scan`` when the step is affine, ``compiled`` when numba is installed)."""
    n, p, e = samples, params, epochs
    q = p + 1
    costs = {"loop": e * n * (LOOP_SAMPLE + LOOP_PARAM * p + (GATHER if shuffle else 0.0))}
    if compiled:
        costs["compiled"] = COMPILED_START + e * n * (COMPILED_SAMPLE + COMPILED_PARAM * p + (GATHER if shuffle else 0.0))
    if scan:
        per_pass = n * (SCAN_SAMPLE + SCAN_FLOP * q ** 3)
        costs["scan"] = e * (per_pass + n * GATHER) if shuffle else per_pass
    return costs


def cheapest(costs: dict[str, float]) -> str:
    """The method of least estimated cost (ties: the order of ``costs``)."""
    return min(costs, key=costs.__getitem__)
