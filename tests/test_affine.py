"""derive.descent.affine proves a descent step affine; derive.descent.scan composes the steps.

Every number is checked against a plain per-sample loop written here, or
against the book's figures."""
import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from derive import losses, symbol
from derive.descent import affine_update
from derive.descent.scan import compose, expanding, iterate, running_products, scan_fit
from neuron.datasets import load_diabetes

w, b, x, y = (symbol(n) for n in "wbxy")
BOOK_W, BOOK_B = 913.5973364346786, 123.39414383177173


def plain_loop(X, Y, theta, lr, epochs, factor=1.0, orders=None):
    """Per-sample descent on factor·½(y − (w·x + b))², written out by hand:
    X is (n, d), theta = (w_1, …, w_d, b). Returns every epoch's parameters."""
    theta = [float(t) for t in theta]
    rows = [list(map(float, r)) + [1.0] for r in X]
    history = [list(theta)]
    for e in range(epochs):
        order = range(len(rows)) if orders is None else orders[e]
        for i in order:
            z = rows[i]
            err = sum(zj * tj for zj, tj in zip(z, theta)) - float(Y[i])
            theta = [tj - lr * factor * err * zj for zj, tj in zip(z, theta)]
        history.append(list(theta))
    return np.array(history)


def two_feature_params():
    return ["w_1", "w_2", "b"]


# --- the proof -------------------------------------------------------------

@pytest.mark.parametrize("loss, wrt", [
    (losses.squared_error(), ["w", "b"]),
    (losses.half_squared_error(), ["w", "b"]),
    (losses.squared_error(losses.linear(2)), two_feature_params()),
    (losses.half_squared_error(losses.linear(3)), ["w_1", "w_2", "w_3", "b"]),
])
def test_squared_losses_of_a_linear_model_are_proved_affine(loss, wrt):
    assert affine_update(loss, wrt) is not None


@pytest.mark.parametrize("loss", [losses.logistic_cross_entropy(), losses.absolute_error(),
                                  (y - w ** 2 * x - b) ** 2])
def test_losses_whose_gradient_is_not_affine_are_refused(loss):
    assert affine_update(loss, ["w", "b"]) is None


def test_half_squared_error_hessian_and_offset_match_the_lecture():
    u = affine_update(losses.half_squared_error(), ["w", "b"])
    assert u.data_names == ("x", "y")
    assert sp.simplify(u.hessian - sp.Matrix([[x ** 2, x], [x, 1]])) == sp.zeros(2, 2)
    assert sp.simplify(u.offset - sp.Matrix([-x * y, -y])) == sp.zeros(2, 1)


def test_the_update_is_cached():
    assert affine_update(losses.half_squared_error(), ["w", "b"]) is affine_update(losses.half_squared_error(), ["w", "b"])


def test_maps_of_half_squared_error_match_hand_written_formulas():
    rng = np.random.default_rng(0)
    xs, ys, lr = rng.normal(size=7), rng.normal(size=7), 0.3
    A, c = affine_update(losses.half_squared_error(), ["w", "b"]).maps(xs, ys, lr=lr)
    assert A.shape == (7, 2, 2) and c.shape == (7, 2)
    for i in range(7):
        expected_a = np.array([[1 - lr * xs[i] ** 2, -lr * xs[i]], [-lr * xs[i], 1 - lr]])
        np.testing.assert_allclose(A[i], expected_a, rtol=1e-14)
        np.testing.assert_allclose(c[i], [lr * xs[i] * ys[i], lr * ys[i]], rtol=1e-14)


def test_maps_of_two_feature_squared_error_match_hand_written_formulas():
    rng = np.random.default_rng(1)
    x1, x2, ys, lr = rng.normal(size=5), rng.normal(size=5), rng.normal(size=5), 0.05
    A, c = affine_update(losses.squared_error(losses.linear(2)), two_feature_params()).maps(x1, x2, ys, lr=lr)
    for i in range(5):
        z = np.array([x1[i], x2[i], 1.0])
        np.testing.assert_allclose(A[i], np.eye(3) - 2 * lr * np.outer(z, z), rtol=1e-13, atol=1e-16)
        np.testing.assert_allclose(c[i], 2 * lr * ys[i] * z, rtol=1e-13)


def test_one_map_is_one_step_of_the_loop():
    rng = np.random.default_rng(2)
    xs, ys, theta, lr = rng.normal(size=1), rng.normal(size=1), rng.normal(size=2), 0.7
    A, c = affine_update(losses.half_squared_error(), ["w", "b"]).maps(xs, ys, lr=lr)
    np.testing.assert_allclose(A[0] @ theta + c[0], plain_loop(xs[:, None], ys, theta, lr, 1)[1], rtol=1e-13)


# --- composition ------------------------------------------------------------

@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13, 17])
def test_compose_applies_the_first_map_first(n):
    maps = np.random.default_rng(n).normal(size=(n, 3, 3))
    expected = np.eye(3)
    for m in maps:
        expected = m @ expected
    np.testing.assert_allclose(compose(maps), expected, rtol=1e-12, atol=1e-12)


def test_iterate_gives_every_power_applied_to_the_start():
    m = np.random.default_rng(3).normal(size=(3, 3)) / 2
    theta = np.array([0.5, -1.0, 1.0])
    expected = [np.linalg.matrix_power(m, k) @ theta for k in range(1, 12)]
    np.testing.assert_allclose(iterate(m, theta, 11), expected, rtol=1e-12, atol=1e-14)


def test_running_products_are_prefix_products():
    maps = np.random.default_rng(4).normal(size=(9, 3, 3))
    expected, total = [], np.eye(3)
    for m in maps:
        total = m @ total
        expected.append(total)
    np.testing.assert_allclose(running_products(maps), expected, rtol=1e-12, atol=1e-12)


# --- the scan against the loop ---------------------------------------------

def test_scan_reproduces_the_book_on_diabetes_bmi():
    X, ys = load_diabetes()  # bundled; equal to scikit-learn's (tests/test_neuron_datasets.py)
    xs = X[:, 2]
    u = affine_update(losses.half_squared_error(), ["w", "b"])
    result = scan_fit(u, [xs, ys], [1.0, 1.0], lr=1.0, epochs=100)
    np.testing.assert_allclose(result.params, [BOOK_W, BOOK_B], rtol=1e-9)
    np.testing.assert_allclose(result.history, plain_loop(xs[:, None], ys, [1.0, 1.0], 1.0, 100), rtol=1e-9)
    assert result.diverged_at is None and result.epochs == 100


@given(seed=st.integers(0, 2 ** 32 - 1), n=st.integers(1, 60), features=st.integers(1, 3),
       epochs=st.integers(1, 30), stability=st.floats(0.05, 1.5), shuffle=st.booleans())
def test_scan_equals_the_per_sample_loop(seed, n, features, epochs, stability, shuffle):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, features))
    Y = X @ rng.normal(size=features) + rng.normal() + 0.1 * rng.normal(size=n)
    lr = stability / max(1.0 + (X ** 2).sum(axis=1).max(), 1.0)  # lr·|z|² < 2: the loop stays bounded
    theta = rng.normal(size=features + 1)
    orders = [rng.permutation(n) for _ in range(epochs)] if shuffle else None
    if features == 1:
        loss, wrt = losses.squared_error(), ["w", "b"]
    else:
        loss, wrt = losses.squared_error(losses.linear(features)), [f"w_{j}" for j in range(1, features + 1)] + ["b"]
    u = affine_update(loss, wrt)
    result = scan_fit(u, [*X.T, Y], theta, lr, epochs, orders)
    expected = plain_loop(X, Y, theta, lr, epochs, factor=2.0, orders=orders)
    scale = np.abs(expected).max()
    np.testing.assert_allclose(result.history, expected, rtol=1e-9, atol=1e-9 * scale)


def test_scan_losses_are_the_mean_loss_after_each_epoch():
    rng = np.random.default_rng(5)
    xs, ys = rng.normal(size=40), rng.normal(size=40)
    result = scan_fit(affine_update(losses.half_squared_error(), ["w", "b"]), [xs, ys], [0.0, 0.0], 0.1, 6)
    expected = [np.mean(0.5 * (ys - (wv * xs + bv)) ** 2) for wv, bv in plain_loop(xs[:, None], ys, [0, 0], 0.1, 6)[1:]]
    np.testing.assert_allclose(result.losses, expected, rtol=1e-9)


def test_scan_reports_the_epoch_where_the_loop_overflows():
    rng = np.random.default_rng(6)
    xs, ys = rng.normal(size=50) * 10, rng.normal(size=50)
    lr, epochs = 1.0, 400
    with np.errstate(all="ignore"):
        loop = plain_loop(xs[:, None], ys, [1.0, 1.0], lr, epochs)
    first_bad = int(np.argmin(np.isfinite(loop).all(axis=1)))
    assert first_bad > 0, "the chosen problem must diverge"
    result = scan_fit(affine_update(losses.half_squared_error(), ["w", "b"]), [xs, ys], [1.0, 1.0], lr, epochs)
    assert result.diverged_at == first_bad
    assert np.isfinite(result.history).all() and result.epochs == first_bad - 1
    assert all(math.isfinite(v) for v in result.params)


def test_scan_refuses_data_in_the_wrong_number_of_columns():
    u = affine_update(losses.half_squared_error(), ["w", "b"])
    with pytest.raises(TypeError, match="x, y"):
        scan_fit(u, [np.ones(3)], [0.0, 0.0], 0.1, 1)


@pytest.mark.parametrize("matrix", [
    [[0.5, 0.2], [0.1, 0.3]], [[-2.0, 1.0], [0.5, 0.9]], [[0.0, -1.2], [1.2, 0.0]],  # real, real, complex pair
    [[1.0, 0.0], [0.0, 1.0]], [[0.99, 0.5], [-0.4, 0.2]], [[0.5]], [[-1.5]],
])
def test_an_epoch_map_is_expanding_exactly_when_an_eigenvalue_exceeds_1(matrix):
    linear = np.array(matrix)
    p = len(linear)
    augmented = np.eye(p + 1)
    augmented[:p, :p] = linear
    radius = np.abs(np.linalg.eigvals(linear)).max()
    assert expanding(augmented[None]) == (radius > 1 + 1e-9)
    assert expanding(np.stack([np.eye(p + 1), augmented])) == (radius > 1 + 1e-9)  # the batched path
