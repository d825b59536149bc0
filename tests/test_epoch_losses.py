"""derive.descent.epoch_losses: the mean loss of every epoch from the loss's
Taylor terms equals the mean computed directly, written here with NumPy."""
import numpy as np
import pytest

from derive import losses, parse_expression
from derive.descent import objective


def direct_squared(X, y, history, power=2, scale=1.0):
    return np.array([np.mean(scale * (X @ row[:-1] + row[-1] - y) ** power) for row in history])


@pytest.mark.parametrize("features", [1, 3, 5])
def test_the_expansion_of_a_squared_loss_equals_the_direct_mean(features):
    rng = np.random.default_rng(features)
    X = rng.normal(size=(80, features))
    y = X @ rng.normal(size=features) + 0.5 + 0.3 * rng.normal(size=80)
    wrt = ["w", "b"] if features == 1 else [f"w_{i}" for i in range(1, features + 1)] + ["b"]
    loss = losses.half_squared_error(losses.linear(features))
    mean_loss = objective(loss, wrt).epoch_losses
    assert mean_loss.expansion is not None
    history = rng.normal(size=(40, features + 1)) * 3
    np.testing.assert_allclose(mean_loss(history, [*X.T, y]), direct_squared(X, y, history, scale=0.5), rtol=1e-10)


def test_a_quartic_loss_is_expanded_to_its_fourth_order_terms():
    rng = np.random.default_rng(4)
    x, y = rng.normal(size=50), rng.normal(size=50)
    mean_loss = objective(parse_expression("(w*x + b - y)**4"), ["w", "b"]).epoch_losses
    terms, _ = mean_loss.expansion
    assert len(terms) == 14  # every (i, j, …) of w, b up to order 4
    history = rng.normal(size=(30, 2))
    np.testing.assert_allclose(mean_loss(history, [x, y]), direct_squared(x[:, None], y, history, power=4),
                               rtol=1e-10)


@pytest.mark.parametrize("loss, wrt", [
    (losses.logistic_cross_entropy(), ["w", "b"]),
    (losses.absolute_error(), ["w", "b"]),
    (losses.squared_error(losses.linear(6)), [f"w_{i}" for i in range(1, 7)] + ["b"]),  # 35 terms
])
def test_losses_that_are_not_low_degree_polynomials_with_few_terms_are_evaluated_directly(loss, wrt):
    assert objective(loss, wrt).epoch_losses.expansion is None
