"""What each per-sample method costs, so that ``auto`` picks by cost and not
only by applicability.

With n samples, p parameters (features + 1), q = p + 1 and E epochs, in
seconds:

- ``scan`` in order composes every sample's (q × q) map once, whatever E:
  n·(SCAN_SAMPLE + SCAN_FLOP·q³), plus E·q² to apply the powers (negligible);
- ``scan`` shuffled composes each epoch's maps anew: E·n·(SCAN_SAMPLE + SCAN_FLOP·q³ + GATHER);
- ``compiled`` (numba, when installed): E·n·(COMPILED_SAMPLE + COMPILED_PARAM·p),
  plus GATHER per sample and epoch when shuffled (the permutation);
- ``loop`` (generated Python): E·n·(LOOP_SAMPLE + LOOP_PARAM·p).

The constants were measured on the project's 2-core machine by

    python benchmarks/bench_fast.py --calibrate

which times each method on growing n, p and E and fits these lines (the
printed values are pasted below). Only the ratios matter to the choice: on
a faster machine all scale alike.
"""
from __future__ import annotations

#: Seconds per sample and epoch of the generated Python loop, and per parameter.
LOOP_SAMPLE, LOOP_PARAM = 3.0e-7, 1.2e-7
#: Seconds per sample and epoch of the compiled loop, and per parameter.
COMPILED_SAMPLE, COMPILED_PARAM = 3.0e-9, 1.0e-9
#: Seconds per sample of the scan (building and composing its map), and per q³.
SCAN_SAMPLE, SCAN_FLOP = 6.0e-8, 6.0e-9
#: Seconds per sample and epoch to draw and follow a shuffled order.
GATHER = 1.5e-8


def per_sample_costs(samples: int, params: int, epochs: int, shuffle: bool, *,
                     scan: bool, compiled: bool) -> dict[str, float]:
    """The estimated seconds of every per-sample method that applies
    (``scan`` when the step is affine, ``compiled`` when numba is installed)."""
    n, p, e = samples, params, epochs
    q = p + 1
    costs = {"loop": e * n * (LOOP_SAMPLE + LOOP_PARAM * p + (GATHER if shuffle else 0.0))}
    if compiled:
        costs["compiled"] = e * n * (COMPILED_SAMPLE + COMPILED_PARAM * p + (GATHER if shuffle else 0.0))
    if scan:
        per_pass = n * (SCAN_SAMPLE + SCAN_FLOP * q ** 3)
        costs["scan"] = e * (per_pass + n * GATHER) if shuffle else per_pass
    return costs


def cheapest(costs: dict[str, float]) -> str:
    """The method of least estimated cost (ties: the order of ``costs``)."""
    return min(costs, key=costs.__getitem__)
