"""derive.descent.generated_loop: the generated per-sample loop gives the plain loop's numbers,
reports overflow, and is generated once per loss."""
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from derive import losses, symbol
from derive.descent import sgd_loop
from neuron.datasets import load_diabetes

BOOK_W, BOOK_B = 913.5973364346786, 123.39414383177173


def book_loop(xs, ys, w, b, lr, epochs, orders=None):
    """The book's fit, on Python floats: err = −(y − ŷ); w −= lr·x·err; b −= lr·err."""
    history = [(w, b)]
    for e in range(epochs):
        for i in (range(len(xs)) if orders is None else orders[e]):
            err = -(ys[i] - (xs[i] * w + b))
            w, b = w - lr * xs[i] * err, b - lr * err
        history.append((w, b))
    return np.array(history)


def test_inlined_loop_reproduces_the_book_on_diabetes_bmi():
    X, y = load_diabetes()  # bundled; equal to scikit-learn's (tests/test_neuron_datasets.py)
    result = sgd_loop(losses.half_squared_error(), ["w", "b"]).fit([1.0, 1.0], [X[:, 2], y], 1.0, 100)
    assert result.params == pytest.approx((BOOK_W, BOOK_B), rel=1e-12)


@given(seed=st.integers(0, 2 ** 32 - 1), n=st.integers(1, 50), epochs=st.integers(1, 20),
       lr=st.floats(0.001, 0.5), shuffle=st.booleans())
def test_inlined_loop_equals_the_plain_loop(seed, n, epochs, lr, shuffle):
    rng = np.random.default_rng(seed)
    xs, ys = rng.normal(size=n), rng.normal(size=n) * 3
    orders = [rng.permutation(n) for _ in range(epochs)] if shuffle else None
    result = sgd_loop(losses.half_squared_error(), ["w", "b"]).fit([0.5, -0.5], [xs, ys], lr, epochs, orders)
    expected = book_loop(xs.tolist(), ys.tolist(), 0.5, -0.5, lr, epochs, orders)
    np.testing.assert_allclose(result.history, expected, rtol=1e-12, atol=1e-12)


def test_inlined_loop_with_two_features_equals_the_plain_loop():
    rng = np.random.default_rng(1)
    X, ys, lr = rng.normal(size=(30, 2)), rng.normal(size=30), 0.05
    result = sgd_loop(losses.squared_error(losses.linear(2)), ["w_1", "w_2", "b"]).fit([0, 0, 0], [X[:, 0], X[:, 1], ys], lr, 5)
    theta = np.zeros(3)
    for _ in range(5):
        for (a, c), t in zip(X, ys):
            z = np.array([a, c, 1.0])
            theta = theta - lr * 2 * (z @ theta - t) * z
    np.testing.assert_allclose(result.params, theta, rtol=1e-12)


def test_inlined_logistic_loop_equals_the_plain_loop():
    rng = np.random.default_rng(2)
    xs, ys, lr = rng.normal(size=25), (rng.random(25) < 0.5).astype(float), 0.3
    result = sgd_loop(losses.logistic_cross_entropy(), ["w", "b"]).fit([0.1, 0.2], [xs, ys], lr, 4)
    w, b = 0.1, 0.2
    for _ in range(4):
        for xi, yi in zip(xs, ys):
            a = 1 / (1 + math.exp(-(w * xi + b)))
            w, b = w - lr * (a - yi) * xi, b - lr * (a - yi)
    assert result.params == pytest.approx((w, b), rel=1e-12)


def test_one_parameter_loss_keeps_a_tuple_of_one():
    w, x, y = symbol("w"), symbol("x"), symbol("y")
    result = sgd_loop((y - w * x) ** 2, ["w"]).fit([0.0], [[1.0, 2.0], [2.0, 4.0]], 0.1, 60)
    assert result.params == pytest.approx((2.0,), rel=1e-9)


def test_overflow_is_reported_with_its_epoch_and_sample():
    xs, ys = [1.0, 30.0, 2.0], [1.0, 2.0, 3.0]
    result = sgd_loop(losses.half_squared_error(), ["w", "b"]).fit([1.0, 1.0], [xs, ys], 1.0, 1000)
    with np.errstate(all="ignore"):
        expected = book_loop(np.array(xs), np.array(ys), 1.0, 1.0, 1.0, 1000)
    first_bad = int(np.argmin(np.isfinite(expected).all(axis=1)))
    assert result.diverged_at == first_bad and result.epochs == first_bad - 1
    assert np.isfinite(result.history).all()
    # replay the diverging epoch by hand: the reported sample is where it broke
    w, b = result.params
    for i in range(len(xs)):
        with np.errstate(all="ignore"):
            err = -(np.float64(ys[i]) - (xs[i] * np.float64(w) + b))
            w, b = w - xs[i] * err, b - err
        if not (np.isfinite(w) and np.isfinite(b)):
            break
    assert result.sample == i


def test_power_overflow_in_math_is_reported_not_raised():
    w, x, y = symbol("w"), symbol("x"), symbol("y")
    result = sgd_loop((y - w * x) ** 4, ["w"]).fit([10.0], [[3.0], [0.0]], 1.0, 50)
    assert result.diverged_at is not None and result.sample == 0


def test_the_loop_is_generated_once_per_loss():
    first = sgd_loop(losses.half_squared_error(), ["w", "b"])
    assert sgd_loop(losses.half_squared_error(), ["w", "b"]) is first
    assert "def epoch(" in first.source and "lr*" in first.source


def test_symbol_names_cannot_clash_with_the_generated_code():
    names = [symbol(n) for n in ("lr", "zip", "epoch", "x0")]
    loss = (names[0] - names[1] * names[2] - names[3]) ** 2
    result = sgd_loop(loss, ["zip", "x0"]).fit([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]], 0.05, 3)
    assert all(math.isfinite(v) for v in result.params)
