"""derive.descent.moments: full-batch descent from sufficient statistics gives the
plain batch loop's numbers with a per-epoch cost independent of n."""
import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from derive import losses, symbol
from derive.descent import batch_moments

x, y = symbol("x"), symbol("y")


def batch_loop(X, Y, theta, lr, epochs, factor=1.0):
    """Plain full-batch descent on factor·½(y − Xw − b)², the mean gradient
    computed from all samples every epoch."""
    Z = np.hstack([X, np.ones((len(X), 1))])
    theta = np.array(theta, dtype=float)
    history = [theta.copy()]
    for _ in range(epochs):
        err = Z @ theta - Y
        theta = theta - lr * factor * (Z * err[:, None]).mean(axis=0)
        history.append(theta.copy())
    return np.array(history)


def test_half_squared_error_needs_the_lectures_moments():
    m = batch_moments(losses.half_squared_error(), ["w", "b"])
    assert set(m.statistics) == {x ** 2, x, x * y, y}


def test_two_features_need_the_entries_of_xtx_and_xty():
    x1, x2 = symbol("x_1"), symbol("x_2")
    m = batch_moments(losses.squared_error(losses.linear(2)), ["w_1", "w_2", "b"])
    assert set(m.statistics) == {x1 ** 2, x1 * x2, x2 ** 2, x1, x2, x1 * y, x2 * y, y}


@pytest.mark.parametrize("loss", [losses.logistic_cross_entropy(), losses.absolute_error()])
def test_gradients_not_polynomial_in_the_parameters_are_refused(loss):
    assert batch_moments(loss, ["w", "b"]) is None


def test_moments_are_the_means_of_the_data():
    rng = np.random.default_rng(0)
    xs, ys = rng.normal(size=100), rng.normal(size=100)
    m = batch_moments(losses.half_squared_error(), ["w", "b"])
    expected = {x ** 2: np.mean(xs ** 2), x: np.mean(xs), x * y: np.mean(xs * ys), y: np.mean(ys)}
    np.testing.assert_allclose(m.moments(xs, ys), [expected[s] for s in m.statistics], rtol=1e-13)


@given(seed=st.integers(0, 2 ** 32 - 1), n=st.integers(1, 200), features=st.integers(1, 3),
       epochs=st.integers(1, 60), stability=st.floats(0.05, 1.5))
def test_batch_descent_from_moments_equals_the_plain_batch_loop(seed, n, features, epochs, stability):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, features)) * rng.uniform(0.5, 3)
    Y = X @ rng.normal(size=features) + rng.normal() + rng.normal(size=n)
    lr = stability / (1.0 + (X ** 2).sum(axis=1).mean())
    theta = rng.normal(size=features + 1)
    if features == 1:
        loss, wrt = losses.half_squared_error(), ["w", "b"]
    else:
        loss, wrt = losses.half_squared_error(losses.linear(features)), [f"w_{j}" for j in range(1, features + 1)] + ["b"]
    result = batch_moments(loss, wrt).fit(theta, [*X.T, Y], lr, epochs)
    expected = batch_loop(X, Y, theta, lr, epochs)
    np.testing.assert_allclose(result.history, expected, rtol=1e-9, atol=1e-9 * np.abs(expected).max())


def test_squared_error_has_twice_the_half_squared_error_step():
    rng = np.random.default_rng(1)
    xs, ys = rng.normal(size=50), rng.normal(size=50)
    result = batch_moments(losses.squared_error(), ["w", "b"]).fit([0.0, 0.0], [xs, ys], 0.1, 20)
    np.testing.assert_allclose(result.history, batch_loop(xs[:, None], ys, [0, 0], 0.1, 20, factor=2.0), rtol=1e-10)


def test_batch_descent_converges_to_least_squares():
    rng = np.random.default_rng(2)
    xs = rng.normal(size=300)
    ys = 2.5 * xs - 1.0 + 0.3 * rng.normal(size=300)
    result = batch_moments(losses.half_squared_error(), ["w", "b"]).fit([0.0, 0.0], [xs, ys], 0.5, 500)
    slope, intercept = np.polyfit(xs, ys, 1)
    np.testing.assert_allclose(result.params, [slope, intercept], rtol=1e-9)


def test_batch_losses_are_the_mean_loss_after_each_epoch():
    rng = np.random.default_rng(3)
    xs, ys = rng.normal(size=30), rng.normal(size=30)
    result = batch_moments(losses.half_squared_error(), ["w", "b"]).fit([1.0, 1.0], [xs, ys], 0.2, 5)
    expected = [np.mean(0.5 * (ys - (w * xs + b)) ** 2) for w, b in batch_loop(xs[:, None], ys, [1, 1], 0.2, 5)[1:]]
    np.testing.assert_allclose(result.losses, expected, rtol=1e-12)


def test_batch_divergence_is_reported_at_its_epoch():
    rng = np.random.default_rng(4)
    xs, ys = rng.normal(size=40), rng.normal(size=40)
    with np.errstate(all="ignore"):
        loop = batch_loop(xs[:, None], ys, [1.0, 1.0], 50.0, 1000)
    first_bad = int(np.argmin(np.isfinite(loop).all(axis=1)))
    assert first_bad > 0
    result = batch_moments(losses.half_squared_error(), ["w", "b"]).fit([1.0, 1.0], [xs, ys], 50.0, 1000)
    assert result.diverged_at == first_bad and np.isfinite(result.history).all()


def test_a_polynomial_gradient_of_higher_degree_uses_moments_too():
    w, b = symbol("w"), symbol("b")
    loss = sp.Rational(1, 2) * (y - w ** 2 * x - b) ** 2
    rng = np.random.default_rng(5)
    xs, ys = rng.uniform(0, 1, size=20), rng.uniform(0, 1, size=20)
    result = batch_moments(loss, ["w", "b"]).fit([0.5, 0.1], [xs, ys], 0.1, 30)
    wv, bv = 0.5, 0.1
    for _ in range(30):
        err = wv ** 2 * xs + bv - ys
        wv, bv = wv - 0.1 * np.mean(err * 2 * wv * xs), bv - 0.1 * np.mean(err)
    np.testing.assert_allclose(result.params, [wv, bv], rtol=1e-10)
