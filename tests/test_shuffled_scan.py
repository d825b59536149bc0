"""The shuffled scan in bounded memory: epochs composed in parts and in
chunks of samples give the loop's numbers, and memory stays a small multiple
of the data at small n (no order table of a fixed size)."""
import tracemalloc

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import derive.descent.scan as scan
from derive.descent import Schedule
from derive.descent.schedule import epoch_orders
from neuron.problem import build_problem


def problem_data(samples, features, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(samples, features))
    y = X @ rng.normal(size=features) + 0.5 + 0.1 * rng.normal(size=samples)
    return X, y


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), samples=st.integers(1, 200), features=st.integers(1, 3),
       epochs=st.integers(1, 9), work=st.sampled_from([1, 9, 50, 1 << 16]))
@example(seed=0, samples=1, features=1, epochs=1, work=1)  # one sample, the smallest chunk
@example(seed=1, samples=200, features=3, epochs=9, work=1)  # every epoch in chunks of 1 sample's map
@example(seed=2, samples=13, features=1, epochs=9, work=9 * 13 * 2)  # parts of 2 epochs, 9 = 4 + 4 + 1
def test_the_shuffled_scan_in_parts_and_chunks_gives_the_loops_numbers(seed, samples, features, epochs, work):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scan, "MIN_WORK_FLOATS", work)
        check_against_the_loop(seed, samples, features, epochs)


def check_against_the_loop(seed, samples, features, epochs):
    X, y = problem_data(samples, features, seed)
    problem = build_problem("half-se", features)
    columns = problem.data_columns(X, y)
    start = [0.5] * (features + 1)
    lr = 0.3 / (1 + (X ** 2).sum(axis=1).max())
    schedule = Schedule(epochs, lr, 1, True, seed)
    ours = scan.scan_shuffled(problem.objective.affine, columns, start, lr, epoch_orders(schedule, samples))
    loop = problem.objective.loop.fit(start, columns, lr, epochs, epoch_orders(schedule, samples))
    assert ours is not None and ours.diverged_at is None
    np.testing.assert_allclose(ours.history, loop.history, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("samples", [10_000, 200_000])
def test_the_shuffled_scan_holds_a_small_multiple_of_the_data(samples):
    """The old scan held a 4M-entry order table at every n (410× the data at
    n = 1e4) and n·(p+1)² floats of maps twice over (12× at 1e6)."""
    X, y = problem_data(samples, 1, 3)
    problem = build_problem("half-se")
    columns = problem.data_columns(X, y)
    schedule = Schedule(20, 0.01, 1, True, 0)
    update = problem.objective.affine
    scan.scan_shuffled(update, [c[:100] for c in columns], [1.0, 1.0], 0.01, epoch_orders(schedule, 100))  # warm up
    tracemalloc.start()
    scan.scan_shuffled(update, columns, [1.0, 1.0], 0.01, epoch_orders(schedule, samples))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    data = X.nbytes + y.nbytes
    assert peak < 8 * data, f"{peak / data:.1f}× the data"
