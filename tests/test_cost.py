"""auto's choice by cost (derive.descent.cost): scan or a loop the same in
every process; compiled or Python loop by the start-up this process has
still to pay, except where their numbers may differ."""
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import derive.compile
from derive.descent import Schedule, choose_method, methods
from derive.descent.cost import COMPILED_START, KERNEL_LOAD, choose_per_sample, start_to_pay
from derive.descent.numba_loop import CompiledLoop
from neuron.problem import build_problem

FRESH, WARM = COMPILED_START, 0.0  # a process that never ran numba; one that ran this loss's kernels


def choose(n, p, epochs, shuffle=False, *, scan=True, compiled=True, start=FRESH, vector=False):
    return choose_per_sample(n, p, epochs, shuffle, scan=scan, compiled=compiled, start=start, vector=vector)


@settings(max_examples=300, deadline=None)
@given(n=st.integers(1, 10**8), p=st.integers(2, 40), epochs=st.integers(1, 10**4), shuffle=st.booleans(),
       compiled=st.booleans())
@example(n=10**6, p=2, epochs=5, shuffle=True, compiled=True)  # the scan loses only to a warm compiled loop
@example(n=10**5, p=11, epochs=10, shuffle=False, compiled=True)  # ... or wins only against a cold one
@example(n=442, p=2, epochs=100, shuffle=False, compiled=True)
def test_whether_the_scan_runs_never_depends_on_the_process(n, p, epochs, shuffle, compiled):
    """The scan's numbers differ from the loops' in the last digits: whether
    it runs must not depend on whether numba already runs here."""
    fresh = choose(n, p, epochs, shuffle, compiled=compiled, start=FRESH)
    warm = choose(n, p, epochs, shuffle, compiled=compiled, start=WARM)
    assert (fresh == "scan") == (warm == "scan")
    if fresh != "scan" and not compiled:
        assert fresh == warm == "loop"


def test_the_book_keeps_its_scan_in_every_process():
    assert choose(442, 2, 100, start=FRESH) == choose(442, 2, 100, start=WARM) == "scan"
    assert choose(442, 2, 100, compiled=False) == "scan"


def test_a_small_logistic_fit_waits_for_numba_only_where_numba_already_runs():
    # 442 × 100 by the Python loop: about 18 ms, against a second to start numba
    assert choose(442, 2, 100, scan=False, start=FRESH) == "loop"
    assert choose(442, 2, 100, scan=False, start=WARM) == "compiled"
    # numba runs, a new loss: its kernels still to generate and load (tens of ms)
    assert choose(442, 2, 100, scan=False, start=KERNEL_LOAD) == "loop"
    assert choose(5000, 2, 100, scan=False, start=KERNEL_LOAD) == "compiled"
    assert choose(10**5, 2, 100, scan=False, start=FRESH) == "compiled"  # seconds by the loop
    assert choose(10**5, 2, 100, scan=False, compiled=False) == "loop"


@pytest.mark.parametrize("start", [FRESH, WARM])
def test_where_the_scan_loses_the_compiled_loop_runs_in_every_process(start):
    assert choose(10**6, 2, 10, shuffle=True, start=start) == "compiled"  # a scan composes 6 maps a sample and epoch
    assert choose(10**6, 11, 10, start=start) == "compiled"  # q = 12: a 12 × 12 product a sample
    assert choose(10**5, 11, 10_000, start=start) == "scan"  # one pass for every epoch
    assert choose(10**5, 2, 20, start=start) == "scan"


def test_where_the_start_up_decides_each_process_loses_at_most_half_of_it():
    # shuffled, 5 epochs of 10⁶: scan 1.2 s, compiled 0.3 s once numba runs, Python loop 1.5 s
    assert choose(10**6, 2, 5, shuffle=True, start=WARM) == "compiled"
    assert choose(10**6, 2, 5, shuffle=True, start=FRESH) == "loop"  # numba's start-up would cost more
    # 10 features, 10 epochs, 10⁵: scan 0.2 s, compiled 0.02 s + the start-up, Python loop 1.3 s
    assert choose(10**5, 11, 10, start=WARM) == choose(10**5, 11, 10, start=FRESH) == "scan"


def test_without_numba_the_scan_or_the_python_loop():
    assert choose(10**6, 2, 5, shuffle=True, compiled=False) == "scan"
    assert choose(10**5, 11, 10, compiled=False) == "scan"
    assert choose(1000, 11, 1, compiled=False) == "loop"  # one epoch of a 12 × 12 product a sample


def test_the_start_up_counts_only_the_parts_not_yet_paid():
    assert start_to_pay(False, False, False, True) == COMPILED_START
    assert start_to_pay(True, True, True, True) == 0.0
    assert start_to_pay(True, True, False, True) == KERNEL_LOAD
    assert 0.0 < start_to_pay(True, False, False, True) < COMPILED_START
    # a compiled step that may round differently from the loop's: the same choice in every process
    assert start_to_pay(True, True, True, False) == COMPILED_START


@pytest.fixture
def process(monkeypatch):
    """Sets what this process has paid of numba's start-up: ``process("fresh")``
    or ``process("warm")`` (numba imported, a kernel run, every module loaded)."""
    pytest.importorskip("numba")

    def set_state(state: str) -> None:
        warm = state == "warm"
        monkeypatch.setattr(methods, "numba_imported", lambda: warm)
        monkeypatch.setattr(methods, "numba_has_run", lambda: warm)
        monkeypatch.setattr(CompiledLoop, "loaded", property(lambda self: warm))
    return set_state


def test_choose_method_counts_the_start_up_by_the_process(process):
    book = Schedule()
    process("fresh")
    assert choose_method(build_problem("logistic").objective, 442, book) == "loop"
    assert choose_method(build_problem("half-se").objective, 442, book) == "scan"
    assert choose_method(build_problem("half-se").objective, 10**6, Schedule(epochs=10, shuffle=True)) == "compiled"
    assert choose_method(build_problem("half-se").objective, 10**6, Schedule(epochs=5, shuffle=True)) == "loop"
    process("warm")
    assert choose_method(build_problem("logistic").objective, 442, book) == "compiled"
    assert choose_method(build_problem("abs").objective, 442, book) == "compiled"
    assert choose_method(build_problem("half-se").objective, 442, book) == "scan"
    assert choose_method(build_problem("half-se").objective, 10**6, Schedule(epochs=5, shuffle=True)) == "compiled"


def test_a_step_with_a_cube_chooses_alike_in_every_process(process):
    """(w·x + b − y)⁴ has a cube in its step: numba multiplies it out where
    Python calls pow, so the compiled loop may round differently and the
    start-up counts in every process."""
    quartic = build_problem("(w*x + b - y)**4").objective
    assert not quartic.compiled.same_operations
    assert build_problem("logistic").objective.compiled.same_operations
    assert build_problem("half-se").objective.compiled.same_operations
    assert build_problem("abs").objective.compiled.same_operations
    for state in ("fresh", "warm"):
        process(state)
        assert choose_method(quartic, 442, Schedule()) == "loop"
        assert choose_method(quartic, 10**5, Schedule()) == "compiled"


def test_without_numba_auto_never_asks_about_the_start_up(monkeypatch):
    monkeypatch.setattr(derive.compile, "numba_available", lambda: False)
    monkeypatch.setattr(methods, "compiled_start", lambda kernels: pytest.fail("asked without numba"))
    assert choose_method(build_problem("logistic").objective, 10**5, Schedule()) == "loop"


def test_a_wide_model_runs_the_vector_loop_until_its_kernels_would_pay_for_their_source():
    """A wide linear model's loop steps the parameter vector (derive.descent.cost's ``vector``
    line); its numba kernels are SymPy work growing as p² (79 s at 200 features), charged while
    their source is not at hand, and asked for nothing (no source generated) to make the choice."""
    wide = build_problem("logistic", 200).objective
    assert wide.vector_step and not build_problem("logistic", 8).objective.vector_step
    assert choose_method(wide, 569, Schedule(epochs=100)) == "loop"
    assert choose_method(wide, 569, Schedule(epochs=1000)) == "loop"  # compiled would first write its kernels
    if wide.compiled is not None:
        assert "source" not in vars(wide.compiled)
    # priced by the vector line: 100 epochs of 569 samples at p = 1001 are about 0.6 s, not 6.8 s
    assert choose(569, 1001, 100, scan=False, start=FRESH, vector=True) == "loop"
