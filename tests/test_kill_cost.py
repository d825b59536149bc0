"""What ``auto`` picks per sample (derive/descent/cost.py): the cost lines of the module's
docstring written out again here, and the choices that docstring promises, each on both sides
of its break-even point. A changed constant, a dropped term (the shuffle's gather, the scan's
q³, the compiled loop's start-up) or a ``min`` turned ``max`` changes a choice below."""
import pytest
from hypothesis import example, given, strategies as st

from derive.descent import cost
from derive.descent.cost import cheapest, per_sample_costs

# the docstring's measured constants, copied by hand: a mutated constant in the module differs
LOOP = (0.0, 1.2e-7)
VECTOR = (4.4e-6, 5.7e-9)
KERNEL_SOURCE = 1.5e-3
COMPILED = (1.6e-9, 1.8e-9)
SCAN = (1.5e-7, 1.2e-9)
GATHER = 5.5e-8
IMPORT, FIRST_LOAD, KERNEL = 0.5, 0.8, 0.05
START = IMPORT + FIRST_LOAD + KERNEL


def by_hand(n, p, e, shuffle, start=START, vector=False):
    q = p + 1
    gather = GATHER if shuffle else 0.0
    step = VECTOR[0] + VECTOR[1] * p if vector else LOOP[0] + LOOP[1] * p
    loop = e * n * (step + gather)
    compiled = start + e * n * (COMPILED[0] + COMPILED[1] * p + gather)
    per_pass = n * (SCAN[0] + SCAN[1] * q ** 3)
    scan = e * (per_pass + n * GATHER) if shuffle else per_pass
    return {"loop": loop, "compiled": compiled, "scan": scan}


def test_the_constants_are_the_measured_ones():
    """Catches a constant changed in the module (each one moves a break-even point)."""
    assert (cost.LOOP_SAMPLE, cost.LOOP_PARAM) == LOOP
    assert (cost.VECTOR_SAMPLE, cost.VECTOR_PARAM) == VECTOR
    assert cost.KERNEL_SOURCE == KERNEL_SOURCE and cost.kernel_source_cost(31) == pytest.approx(KERNEL_SOURCE * 31 ** 2)
    assert (cost.COMPILED_SAMPLE, cost.COMPILED_PARAM) == COMPILED
    assert (cost.SCAN_SAMPLE, cost.SCAN_FLOP) == SCAN
    assert cost.GATHER == GATHER and cost.COMPILED_START == START
    assert (cost.NUMBA_IMPORT, cost.NUMBA_FIRST_LOAD, cost.KERNEL_LOAD) == (IMPORT, FIRST_LOAD, KERNEL)


@given(n=st.integers(0, 10**7), p=st.integers(1, 2000), e=st.integers(0, 10**4), shuffle=st.booleans(),
       scan=st.booleans(), compiled=st.booleans(), vector=st.booleans())
@example(n=0, p=1, e=0, shuffle=False, scan=True, compiled=True, vector=False)
@example(n=1, p=1, e=1, shuffle=True, scan=True, compiled=True, vector=False)
@example(n=442, p=2, e=100, shuffle=False, scan=True, compiled=True, vector=False)
@example(n=442, p=2, e=100, shuffle=True, scan=True, compiled=True, vector=False)
@example(n=569, p=1001, e=100, shuffle=False, scan=False, compiled=True, vector=True)
def test_the_costs_are_the_docstrings_lines(n, p, e, shuffle, scan, compiled, vector):
    """Catches a dropped or doubled term, q = p instead of p + 1, the shuffled scan charged once
    instead of every epoch, a start-up ignored, a method offered when it does not apply, or the
    vector step priced by the written-out step's line (or the other way round)."""
    got = per_sample_costs(n, p, e, shuffle, scan=scan, compiled=compiled, start=0.25, vector=vector)
    want = by_hand(n, p, e, shuffle, start=0.25, vector=vector)
    assert set(got) == {"loop"} | ({"scan"} if scan else set()) | ({"compiled"} if compiled else set())
    for method, seconds in got.items():
        assert seconds == pytest.approx(want[method], rel=1e-12, abs=1e-300)


def test_the_books_fit_in_order_scans_and_the_loop_beats_numbas_start():
    """442 samples, 100 epochs, in order: the scan; and the Python loop (18 ms) before the
    compiled loop, which waits 1.35 s for numba to start. Catches the scan charged every epoch."""
    costs = per_sample_costs(442, 2, 100, False, scan=True, compiled=True)
    assert cheapest(costs) == "scan"
    assert costs["scan"] < costs["loop"] < costs["compiled"]


def test_wide_data_with_few_epochs_goes_to_the_compiled_loop_or_the_scan_without_numba():
    """10 features, 10 epochs, 10⁶ samples: compiled; without numba still the scan."""
    assert cheapest(per_sample_costs(10**6, 11, 10, False, scan=True, compiled=True)) == "compiled"
    assert cheapest(per_sample_costs(10**6, 11, 10, False, scan=True, compiled=False)) == "scan"


@pytest.mark.parametrize("n, want", [(442, "loop"), (10**6, "compiled")])
def test_shuffled_the_loop_until_it_would_outlast_numbas_start(n, want):
    """A small shuffled fit (18 ms by the loop) runs the loop rather than wait 1.35 s for numba;
    a large one the compiled loop. Catches the start-up cost dropped or the gather left out."""
    costs = per_sample_costs(n, 2, 100, True, scan=False, compiled=True)
    assert cheapest(costs) == want


def test_break_even_of_the_shuffled_loop_and_the_compiled_loop():
    """Both sides of E·n·(ΔLOOP) = START (p = 1, shuffled): the loop just below, compiled just above."""
    per_sample = (LOOP[0] + LOOP[1]) - (COMPILED[0] + COMPILED[1])
    samples = START / per_sample
    below = per_sample_costs(int(samples * 0.99), 1, 1, True, scan=False, compiled=True)
    above = per_sample_costs(int(samples * 1.01), 1, 1, True, scan=False, compiled=True)
    assert cheapest(below) == "loop" and cheapest(above) == "compiled"


def test_cheapest_is_the_least_and_ties_go_to_the_first():
    """Catches ``max`` for ``min`` and a tie broken by the last entry."""
    assert cheapest({"loop": 3.0, "scan": 1.0, "compiled": 2.0}) == "scan"
    assert cheapest({"loop": 1.0, "scan": 1.0}) == "loop"
    assert cheapest({"scan": 1.0, "loop": 1.0}) == "scan"


def test_a_wide_models_loop_is_priced_by_its_vector_step():
    """Neuron("logistic", features=1000), 100 epochs of 569 samples: about a second by the vector
    step, which the written-out step's line priced at 6.8 s, past numba's start. Catches ``vector``
    ignored, and a wide model's loop sent to the compiled loop whose kernel SymPy must first write."""
    assert cheapest(per_sample_costs(569, 1001, 100, False, scan=False, compiled=True, vector=True)) == "loop"
    assert cheapest(per_sample_costs(569, 1001, 100, False, scan=False, compiled=True, vector=False)) == "compiled"
