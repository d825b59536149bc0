"""The scan splits long epochs and many shuffled epochs into batches to bound memory
(``BATCH_FLOATS``). With the default bound the tests never reach a second batch, so here
the bound is made tiny and the result is checked against a per-sample loop written here."""
from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from derive import losses
from derive.descent import Schedule, affine_update, methods, scan
from derive.descent.methods import train
from derive.descent.objective import objective
from derive.descent.schedule import epoch_orders
from derive.descent.scan import compose, running_products, scan_fit


def plain_loop(xs, ys, w, b, lr, epochs, orders=None):
    """Per-sample descent on ½(y − (w·x + b))², every epoch's (w, b)."""
    history = [(w, b)]
    for e in range(epochs):
        for i in (range(len(xs)) if orders is None else orders[e]):
            err = w * xs[i] + b - ys[i]
            w, b = w - lr * err * xs[i], b - lr * err
        history.append((w, b))
    return np.array(history)


def _problem(seed, n):
    rng = np.random.default_rng(seed)
    xs = rng.normal(size=n)
    ys = 3 * xs - 1 + 0.1 * rng.normal(size=n)
    return xs, ys


@contextmanager
def batch_floats(value):
    """Set scan.BATCH_FLOATS for one Hypothesis example, restoring it afterwards."""
    saved, scan.BATCH_FLOATS = scan.BATCH_FLOATS, value
    try:
        yield
    finally:
        scan.BATCH_FLOATS = saved


def update():
    """Built in each test, not at import, so that mutation testing builds it with the mutant."""
    return affine_update(losses.half_squared_error(), ["w", "b"])


@given(n=st.integers(1, 23), chunk_floats=st.integers(1, 40), epochs=st.integers(1, 4))
@example(n=7, chunk_floats=9, epochs=3)   # chunks of one sample (q = 3: 9 floats per map)
@example(n=7, chunk_floats=18, epochs=2)  # chunks of two, an odd sample left for the last chunk
@example(n=1, chunk_floats=1, epochs=1)
def test_an_epoch_split_into_chunks_equals_the_loop(n, chunk_floats, epochs):
    xs, ys = _problem(n, n)
    with batch_floats(chunk_floats):
        result = scan_fit(update(), [xs, ys], [0.5, -0.5], 0.1, epochs)
    np.testing.assert_allclose(result.history, plain_loop(xs, ys, 0.5, -0.5, 0.1, epochs), rtol=1e-10, atol=1e-12)


@given(n=st.integers(1, 9), chunk_floats=st.integers(1, 60), epochs=st.integers(1, 7), seed=st.integers(0, 99))
@example(n=5, chunk_floats=45, epochs=5, seed=0)  # one shuffled epoch per batch
@example(n=5, chunk_floats=90, epochs=5, seed=1)  # two per batch, the last batch holds one
def test_shuffled_epochs_in_batches_equal_the_loop(n, chunk_floats, epochs, seed):
    xs, ys = _problem(seed, n)
    rng = np.random.default_rng(seed)
    orders = [rng.permutation(n) for _ in range(epochs)]
    with batch_floats(chunk_floats):
        result = scan_fit(update(), [xs, ys], [0.0, 0.0], 0.1, epochs, orders)
    expected = plain_loop(xs, ys, 0.0, 0.0, 0.1, epochs, orders)
    np.testing.assert_allclose(result.history, expected, rtol=1e-10, atol=1e-12)


def test_zero_epochs_keep_the_start_and_negative_epochs_are_refused():
    xs, ys = _problem(0, 4)
    result = scan_fit(update(), [xs, ys], [2.0, 3.0], 0.1, 0)
    np.testing.assert_array_equal(result.history, [[2.0, 3.0]])
    with pytest.raises(ValueError, match="at least 0"):
        scan_fit(update(), [xs, ys], [2.0, 3.0], 0.1, -1)


def test_the_wrong_number_of_starting_parameters_is_refused():
    xs, ys = _problem(0, 4)
    with pytest.raises(ValueError, match="expected 2 starting parameters, got 3"):
        scan_fit(update(), [xs, ys], [1.0, 2.0, 3.0], 0.1, 1)


def test_data_arrays_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="differ in length"):
        scan_fit(update(), [np.ones(3), np.ones(4)], [0.0, 0.0], 0.1, 1)


@pytest.mark.parametrize("orders, epochs", [([[0, 1, 2]], 2), ([0, 1, 2], 1), ([[0, 1, 3]], 1), ([[0, 1, -4]], 1)])
def test_orders_of_the_wrong_shape_or_out_of_range_are_refused(orders, epochs):
    with pytest.raises(ValueError, match="orders"):
        scan_fit(update(), [np.ones(3), np.ones(3)], [0.0, 0.0], 0.1, epochs, orders)


def test_negative_indices_within_range_are_python_indices():
    xs, ys = _problem(3, 3)
    result = scan_fit(update(), [xs, ys], [0.0, 0.0], 0.1, 1, [[-1, -2, -3]])
    expected = plain_loop(xs, ys, 0.0, 0.0, 0.1, 1, [[2, 1, 0]])
    np.testing.assert_allclose(result.history, expected, rtol=1e-12)


def test_compose_of_no_maps_is_the_identity_and_running_products_of_one_map_is_itself():
    np.testing.assert_array_equal(compose(np.empty((0, 3, 3))), np.eye(3))
    m = np.array([[[0.5, 0.1, 1.0], [0.2, 0.3, 2.0], [0.0, 0.0, 1.0]]])
    np.testing.assert_array_equal(running_products(m), m)


# --- the shuffled scan in parts (derive.descent.scan.MIN_WORK_FLOATS) ----------------------------

@contextmanager
def work_floats(value):
    saved, scan.MIN_WORK_FLOATS = scan.MIN_WORK_FLOATS, value
    try:
        yield
    finally:
        scan.MIN_WORK_FLOATS = saved


@pytest.mark.parametrize("work, n, epochs", [(1, 5, 3), (90, 5, 7), (135, 5, 6), (36, 5, 2)])
def test_shuffled_epochs_scanned_in_parts_equal_the_loop(work, n, epochs):
    """5 samples, 3 × 3 maps: 90 floats hold two epochs per part, 1 only a chunk of one epoch."""
    xs, ys = _problem(11, n)
    schedule = Schedule(epochs=epochs, lr=0.1, shuffle=True, seed=4)
    obj = objective(losses.half_squared_error(), ["w", "b"])
    with work_floats(work):
        scanned = train(obj, [0.5, -0.5], [xs, ys], schedule, method="scan")
    assert scanned.method == "scan"
    orders = epoch_orders(schedule, n)
    expected = plain_loop(xs, ys, 0.5, -0.5, 0.1, epochs, [orders[e].copy() for e in range(epochs)])
    np.testing.assert_allclose(scanned.history, expected, rtol=1e-10, atol=1e-12)


def test_divergence_in_a_later_part_is_reported_at_its_epoch():
    rng = np.random.default_rng(6)
    xs, ys = rng.normal(size=6) * 10, rng.normal(size=6)
    obj = objective(losses.half_squared_error(), ["w", "b"])
    schedule = Schedule(epochs=300, lr=1.0, shuffle=True, seed=2)
    orders = epoch_orders(schedule, 6)
    with np.errstate(all="ignore"):
        loop = plain_loop(xs, ys, 1.0, 1.0, 1.0, 300, [orders[e].copy() for e in range(300)])
    first_bad = int(np.argmin(np.isfinite(loop).all(axis=1)))
    assert first_bad > 12, "the problem must diverge after the first parts"
    with work_floats(2 * 6 * 9):  # two epochs per part
        part_scan = scan.scan_shuffled(obj.affine, [xs, ys], [1.0, 1.0], 1.0, epoch_orders(schedule, 6),
                                       refuse_expanding=False)
    assert part_scan.diverged_at == first_bad
    np.testing.assert_allclose(part_scan.history, loop[:first_bad], rtol=1e-8)


def test_epoch_orders_are_drawn_in_order_and_end_with_the_last_epoch():
    orders = epoch_orders(Schedule(epochs=2, shuffle=True, seed=1), 4)
    assert len(orders) == 2
    first = orders[0].copy()
    assert sorted(first) == [0, 1, 2, 3]
    np.testing.assert_array_equal(orders[0], first)  # the same epoch, as often as asked
    orders[1]
    with pytest.raises(IndexError, match="expected epoch 2, got 2"):
        orders[2]
    with pytest.raises(IndexError, match="expected epoch 2, got 0"):
        orders[0]
    assert epoch_orders(Schedule(epochs=2), 4) is None
