"""What each per-sample method costs, so that ``auto`` picks by cost and not
only by applicability.

With n samples, p parameters (features + 1), q = p + 1 and E epochs, in
seconds:

- ``scan`` in order composes every sample's (q × q) map once, whatever E:
  n·(SCAN_SAMPLE + SCAN_FLOP·q³), plus E·q² to apply the powers (negligible);
- ``scan`` shuffled composes each epoch's maps anew: E·n·(SCAN_SAMPLE + SCAN_FLOP·q³ + GATHER);
- ``compiled`` (numba, when installed): start + E·n·(COMPILED_SAMPLE
  + COMPILED_PARAM·p), plus GATHER per sample and epoch when shuffled (the
  permutation); start is what this process has still to pay before the
  kernel runs (:func:`start_to_pay`): importing numba, numba's first load
  of machine code in the process, then a little per loss;
- ``loop`` (generated Python): E·n·(LOOP_SAMPLE + LOOP_PARAM·p), with a
  statement a parameter; for a linear model wider than
  :data:`~derive.descent.loop_runner.INLINE_MAX_FEATURES` features the step
  is one NumPy dot and axpy on the parameter vector instead (``vector``):
  E·n·(VECTOR_SAMPLE + VECTOR_PARAM·p), a dearer call a sample but a
  hundredth of the price a parameter (LOOP_PARAM's line charged
  ``Neuron("logistic", features=1000)`` 6.8 s for 100 epochs on 569 samples,
  where it takes about 1 s, and sent it to the compiled loop, whose kernel
  of 1001 parameters is minutes of SymPy work).

The choice (:func:`choose_per_sample`) is made in two steps, because the
methods do not all give the same numbers:

1. ``scan`` or a loop. The scan's numbers differ from the loop's in the last
   digits (another order of operations), so this choice never depends on
   what the process did before: it compares the scan with the cheaper loop,
   counting *half* the compiled loop's start-up (:data:`COMPILED_START`).
   Counting all of it (the rule until now) made a process where numba
   already runs take the scan where the compiled loop costs a quarter
   (shuffled squared loss, 10⁶ samples: 1.2 s against 0.3 s), at every
   fit; counting none makes a fresh process run the Python loop where the
   scan was cheaper (10 features, 10 epochs, 10⁵ samples: 1.3 s against
   0.2 s, since the compiled loop there must first start). With half,
   either process loses at most half a start-up (0.7 s) to the other
   choice, at most.
2. ``compiled`` or ``loop``: the same operations (numbers equal to the last
   digit: :func:`derive.descent.compiled.same_operations`), so here the
   start-up counts only where this process will actually pay it
   (:func:`start_to_pay`). For a loss whose compiled step may round
   differently (an integer power of 3 or more) the whole start-up counts
   always, so that this choice too is the same in every process.

So the book's ½SE keeps its scan everywhere; the book's logistic neuron
(442 samples × 100 epochs, about 10 ms by the Python loop) runs the loop in
a fresh process rather than wait a second for numba, and the compiled loop
once numba runs.

The constants were measured on the project's 2-core machine by

    python benchmarks/bench_fast.py --calibrate

which times each method at two sizes of p and fits these lines (the
printed values are pasted below; measured 2026-11-28 on 2 shared cores,
numba 0.68, NumPy's matmul, under a load of about 5 on the 2 cores: each
method's median of 7 rounds that run every method once, so that the ratios
hold where the absolute times wander). Only the ratios matter to the
choice: on a faster machine all scale alike (the start-up too). The
previous constants had the scan at q = 12 about 3× too dear (SCAN_FLOP
4.1e-9) and the compiled loop about 3× too dear (1.7e-8 a sample at p = 2).
"""
from __future__ import annotations

#: Seconds per sample and epoch of the generated Python loop, and per parameter
#: (measured 1.5–2.4e-7 at p = 2, 1.1–1.4e-6 at p = 11).
LOOP_SAMPLE, LOOP_PARAM = 0.0, 1.2e-7
#: Seconds per sample and epoch of the generated loop's vector step (a wide linear
#: model), and per parameter: at p = 10 and p = 1001, 14.8–28× and 35–58× the
#: loop at p = 2 in three calibrations (``--calibrate``, load 4–8; medians 18.3×
#: and 42×), set to the loop's 2.4e-7 at p = 2 here, as the other lines' ratios are kept.
VECTOR_SAMPLE, VECTOR_PARAM = 4.4e-6, 5.7e-9
#: Seconds per sample and epoch of the compiled loop, and per parameter
#: (5.2e-9 at p = 2, 4.8–6.7e-8 at p = 31).
COMPILED_SAMPLE, COMPILED_PARAM = 1.6e-9, 1.8e-9
#: Seconds per sample of the scan (building and composing its map), and per q³
#: (1.75–2.0e-7 at q = 3, 1.9–2.5e-6 at q = 12).
SCAN_SAMPLE, SCAN_FLOP = 1.5e-7, 1.2e-9
#: Seconds per sample and epoch to draw and follow a shuffled order (4–7e-8).
GATHER = 5.5e-8
#: Seconds to ``import numba`` after NumPy (0.3–0.8 s measured 2026-11-28 on
#: 2 shared cores), and for numba's first load of machine code in a process
#: (from its disk cache: 0.8–1.2 s, the same cores; later kernels load in 0.01 s).
NUMBA_IMPORT, NUMBA_FIRST_LOAD = 0.5, 0.8
#: Seconds to generate and load the kernels of one more loss once numba runs.
KERNEL_LOAD = 0.05
#: The whole start-up of the compiled loop in a fresh process.
COMPILED_START = NUMBA_IMPORT + NUMBA_FIRST_LOAD + KERNEL_LOAD
#: Seconds per p² to generate the numba kernels' source with SymPy, paid once
#: per loss (then cached): 1.3 s at p = 31, 79 s at p = 201 (under a load of
#: about 8). Charged to a wide linear model's compiled loop while its source is
#: not at hand (:func:`kernel_source_cost`): without it ``auto`` sent 1000
#: epochs of a 200-feature logistic fit to a loop that first spent minutes in SymPy.
KERNEL_SOURCE = 1.5e-3


def kernel_source_cost(params: int) -> float:
    """The seconds to generate the numba kernels of a loss of ``params`` parameters."""
    return KERNEL_SOURCE * params ** 2


def start_to_pay(numba_imported: bool, numba_ran: bool, kernel_loaded: bool, same_operations: bool) -> float:
    """The seconds of start-up the compiled loop still costs in this process
    (step 2 of the module docstring): only the parts not yet paid, or the
    whole :data:`COMPILED_START` when its numbers may differ from the loop's."""
    if not same_operations:
        return COMPILED_START
    return ((0.0 if numba_imported else NUMBA_IMPORT) + (0.0 if numba_ran else NUMBA_FIRST_LOAD)
            + (0.0 if kernel_loaded else KERNEL_LOAD))


def per_sample_costs(samples: int, params: int, epochs: int, shuffle: bool, *,
                     scan: bool, compiled: bool, start: float = COMPILED_START,
                     vector: bool = False) -> dict[str, float]:
    """The estimated seconds of every per-sample method that applies
    (``scan`` when the step is affine, ``compiled`` when numba is installed,
    its start-up ``start`` seconds); ``vector`` when the Python loop steps
    the parameter vector (a wide linear model)."""
    n, p, e = samples, params, epochs
    q = p + 1
    step = VECTOR_SAMPLE + VECTOR_PARAM * p if vector else LOOP_SAMPLE + LOOP_PARAM * p
    costs = {"loop": e * n * (step + (GATHER if shuffle else 0.0))}
    if compiled:
        costs["compiled"] = start + e * n * (COMPILED_SAMPLE + COMPILED_PARAM * p + (GATHER if shuffle else 0.0))
    if scan:
        per_pass = n * (SCAN_SAMPLE + SCAN_FLOP * q ** 3)
        costs["scan"] = e * (per_pass + n * GATHER) if shuffle else per_pass
    return costs


def choose_per_sample(samples: int, params: int, epochs: int, shuffle: bool, *,
                      scan: bool, compiled: bool, start: float, vector: bool = False) -> str:
    """``scan``, ``compiled`` or ``loop`` by the two steps of the module
    docstring; ``start`` is :func:`start_to_pay`'s (used in step 2 only),
    ``vector`` as for :func:`per_sample_costs`."""
    shape = (samples, params, epochs, shuffle)
    half = COMPILED_START / 2
    if scan and cheapest(per_sample_costs(*shape, scan=True, compiled=compiled, start=half, vector=vector)) == "scan":
        return "scan"
    return cheapest(per_sample_costs(*shape, scan=False, compiled=compiled, start=start, vector=vector))


def cheapest(costs: dict[str, float]) -> str:
    """The method of least estimated cost (ties: the order of ``costs``)."""
    return min(costs, key=costs.__getitem__)
