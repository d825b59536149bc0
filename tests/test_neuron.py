"""The neuron reproduces the book, agrees with loops written here by hand,
and lands where least squares says gradient descent must."""
import math

import numpy as np
import pytest

from derive import losses
from neuron import Neuron
from neuron.datasets import load_diabetes

BOOK_W = 913.5973364346786
BOOK_B = 123.39414383177173


@pytest.fixture(scope="module")
def diabetes():
    return load_diabetes()


@pytest.fixture(scope="module")
def book_neuron(diabetes):
    X, y = diabetes
    return Neuron().fit(X[:, 2], y)


def book_loop(x, y, epochs=100, lr=1.0):
    """The book's Neuron.fit, written out with NumPy: forward, error, step."""
    w = b = 1.0
    for _ in range(epochs):
        for x_i, y_i in zip(x, y):
            y_hat = x_i * w + b
            err = -(y_i - y_hat)
            w -= lr * x_i * err
            b -= lr * 1 * err
    return w, b


def test_fit_reproduces_the_books_weights(book_neuron):
    assert book_neuron.w == pytest.approx(BOOK_W, rel=1e-9)
    assert book_neuron.b == pytest.approx(BOOK_B, rel=1e-9)


def test_prediction_at_bmi_0_18_is_the_books(book_neuron):
    assert book_neuron.predict(0.18) == pytest.approx(0.18 * BOOK_W + BOOK_B, rel=1e-9)
    assert round(book_neuron.predict(0.18), 2) == 287.84


def test_fit_matches_the_books_loop_written_with_numpy(diabetes, book_neuron):
    X, y = diabetes
    w, b = book_loop(X[:, 2], y)
    assert book_neuron.w == pytest.approx(w, rel=1e-12)
    assert book_neuron.b == pytest.approx(b, rel=1e-12)


def test_history_holds_the_mean_half_squared_error_of_each_epoch(diabetes, book_neuron):
    X, y = diabetes
    assert len(book_neuron.history) == 100
    residual = y - (book_neuron.w * X[:, 2] + book_neuron.b)
    assert book_neuron.history[-1] == pytest.approx(np.mean(residual ** 2) / 2, rel=1e-12)
    assert book_neuron.history[-1] < book_neuron.history[0]


def test_batch_gradient_descent_converges_to_least_squares(diabetes):
    X, y = diabetes
    n = Neuron().fit(X[:, 2], y, epochs=6000, lr=1.9, batch_size=len(y))
    (w, b), *_ = np.linalg.lstsq(np.c_[X[:, 2], np.ones(len(y))], y, rcond=None)
    assert n.w == pytest.approx(w, rel=1e-7)
    assert n.b == pytest.approx(b, rel=1e-7)


def test_batch_gradient_descent_converges_to_least_squares_with_several_features():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(200, 3))
    y = X @ np.array([2.0, -1.0, 0.5]) + 4.0 + rng.normal(scale=0.3, size=200)
    n = Neuron(init="zeros").fit(X, y, epochs=3000, lr=0.5, batch_size=200)
    coef, *_ = np.linalg.lstsq(np.c_[X, np.ones(200)], y, rcond=None)
    np.testing.assert_allclose(n.w, coef[:3], rtol=1e-9)
    assert n.b == pytest.approx(coef[3], rel=1e-9)


def test_shuffled_minibatches_reach_exact_weights_on_noise_free_data():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(64, 2))
    y = X @ np.array([1.5, -3.0]) - 2.0
    n = Neuron(init="random", seed=1).fit(X, y, epochs=400, lr=0.3, batch_size=8, shuffle=True, seed=2)
    np.testing.assert_allclose(n.w, [1.5, -3.0], atol=1e-9)
    assert n.b == pytest.approx(-2.0, abs=1e-9)


def test_per_sample_fit_with_several_features_matches_a_numpy_loop():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(30, 3))
    y = X @ np.array([1.0, 2.0, 3.0]) + rng.normal(size=30)
    n = Neuron().fit(X, y, epochs=20, lr=0.05)
    w, b = np.ones(3), 1.0
    for _ in range(20):
        for x_i, y_i in zip(X, y):
            err = (x_i @ w + b) - y_i
            w = w - 0.05 * err * x_i
            b = b - 0.05 * err
    np.testing.assert_allclose(n.w, w, rtol=1e-12)
    assert n.b == pytest.approx(b, rel=1e-12)


def test_shuffle_with_a_seed_is_repeatable_and_differs_from_in_order(diabetes):
    X, y = diabetes
    a = Neuron().fit(X[:, 2], y, epochs=5, shuffle=True, seed=7)
    b = Neuron().fit(X[:, 2], y, epochs=5, shuffle=True, seed=7)
    in_order = Neuron().fit(X[:, 2], y, epochs=5)
    assert (a.w, a.b) == (b.w, b.b)
    assert a.w != in_order.w


def test_squared_error_steps_twice_as_far_as_half_squared_error(diabetes):
    X, y = diabetes
    half = Neuron().fit(X[:, 2], y, epochs=3)
    full = Neuron("se").fit(X[:, 2], y, epochs=3, lr=0.5)
    assert full.w == pytest.approx(half.w, rel=1e-12)
    assert full.b == pytest.approx(half.b, rel=1e-12)


def test_a_loss_typed_as_text_trains_like_the_named_loss(diabetes):
    X, y = diabetes
    named = Neuron("half-se").fit(X[:, 2], y, epochs=3)
    typed = Neuron("(y - (w*x + b))**2 / 2").fit(X[:, 2], y, epochs=3)
    assert (typed.w, typed.b) == pytest.approx((named.w, named.b), rel=1e-12)


@pytest.mark.parametrize("loss", ["half-se", "se", "abs", "logistic", "(w*x + b - y)**4 / 4"])
def test_backprop_agrees_with_finite_differences_of_the_loss(loss):
    independent = {
        "half-se": lambda z, y: (y - z) ** 2 / 2,
        "se": lambda z, y: (y - z) ** 2,
        "abs": lambda z, y: abs(y - z),
        "logistic": lambda z, y: -(y * math.log(1 / (1 + math.exp(-z))) + (1 - y) * math.log(1 - 1 / (1 + math.exp(-z)))),
        "(w*x + b - y)**4 / 4": lambda z, y: (z - y) ** 4 / 4,
    }[loss]
    xs, ys = [0.3, -1.2, 2.1], [1.0, 0.0, 1.0]  # away from the kink of |y − ŷ|
    n = Neuron(loss)
    n.w, n.b = 0.7, -0.4

    def mean_loss(w, b):
        return sum(independent(w * x + b, y) for x, y in zip(xs, ys)) / len(xs)

    h = 1e-6
    expected_w = (mean_loss(0.7 + h, -0.4) - mean_loss(0.7 - h, -0.4)) / (2 * h)
    expected_b = (mean_loss(0.7, -0.4 + h) - mean_loss(0.7, -0.4 - h)) / (2 * h)
    w_grad, b_grad = n.backprop(xs, ys)
    assert w_grad == pytest.approx(expected_w, rel=1e-6, abs=1e-8)
    assert b_grad == pytest.approx(expected_b, rel=1e-6, abs=1e-8)


def test_logistic_neuron_matches_a_numpy_loop_and_classifies():
    rng = np.random.default_rng(6)
    x = rng.normal(size=100)
    y = (x + rng.normal(scale=0.5, size=100) > 0).astype(float)
    n = Neuron("logistic").fit(x, y, epochs=30, lr=0.1)
    w = b = 1.0
    for _ in range(30):
        for x_i, y_i in zip(x, y):
            a = 1 / (1 + np.exp(-(w * x_i + b)))
            w -= 0.1 * (a - y_i) * x_i
            b -= 0.1 * (a - y_i)
    assert (n.w, n.b) == pytest.approx((w, b), rel=1e-10)
    p = n.predict_proba(x)
    assert np.all((p > 0) & (p < 1))
    np.testing.assert_array_equal(n.predict(x), (p >= 0.5).astype(int))
    assert np.mean(n.predict(x) == y) > 0.75


def test_a_linear_neuron_has_no_probabilities():
    with pytest.raises(ValueError, match="sigmoid"):
        Neuron().predict_proba([0.1])


def test_a_derive_loss_builder_serves_several_features():
    X = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    n = Neuron(losses.absolute_error)
    n.fit(X, [1.0, 2.0, 3.0], epochs=1, lr=0.1)
    assert n.features == 2 and n.w.shape == (2,)


def test_random_init_is_seeded_and_within_minus_one_to_one():
    a, b, c = Neuron(init="random", seed=1), Neuron(init="random", seed=1), Neuron(init="random", seed=2)
    assert (a.w, a.b) == (b.w, b.b) != (c.w, c.b)
    assert -1 <= a.w < 1 and -1 <= a.b < 1


def test_forpass_takes_a_number_a_sample_or_many_samples():
    one = Neuron()
    one.w, one.b = 2.0, 0.5
    assert one.forpass(3.0) == 6.5
    np.testing.assert_array_equal(one.forpass([1.0, 2.0]), [2.5, 4.5])
    three = Neuron(features=3)
    three.w, three.b = [1.0, 2.0, 3.0], 1.0
    assert three.forpass([1.0, 1.0, 1.0]) == 7.0
    np.testing.assert_array_equal(three.forpass([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]), [2.0, 4.0])
