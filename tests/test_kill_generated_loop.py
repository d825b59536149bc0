"""The generated per-sample loop (derive/descent/generated_loop.py) on the code paths the
book's ½SE never takes: a model wider than INLINE_MAX_FEATURES (z computed once), the
logistic loss (f' not affine), a loss that is not of a linear model (the generic partials,
shared subexpressions), one parameter, and the sample found when a later sample of an
epoch overflows. Every number is compared with a loop written here in NumPy from the
gradient worked out by hand."""
import math

import numpy as np
import pytest

from derive import gradient, losses, parse_expression
from derive.descent.generated_loop import defines_epochs as _defines_epochs, source_key
from derive.descent.loop_runner import INLINE_MAX_FEATURES, SGDLoop, origin


def hand_linear_loop(X, y, theta, lr, epochs, dloss_dz):
    """Per-sample descent on f(z), z = w·x + b: θ ← θ − lr·f'(z)·(x, 1)."""
    theta = np.array(theta, dtype=float)
    history = [theta.copy()]
    for _ in range(epochs):
        for xi, yi in zip(X, y):
            z = float(xi @ theta[:-1] + theta[-1])
            g = dloss_dz(z, yi)
            theta = theta - lr * g * np.append(xi, 1.0)
        history.append(theta.copy())
    return np.array(history)


def loop_and_data(features: int, seed: int = 0, n: int = 7):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, features))
    y = rng.normal(size=n)
    return X, y


@pytest.mark.parametrize("features", [1, 2, INLINE_MAX_FEATURES, INLINE_MAX_FEATURES + 1, 12])
def test_squared_error_of_a_wide_model_matches_the_hand_loop(features):
    """Both sides of INLINE_MAX_FEATURES: z written out, or computed once in index order.
    Catches a weight paired with the wrong feature, the bias multiplied by a feature,
    the factor 2 lost, or the sign of the step flipped."""
    loss = losses.squared_error(losses.linear(features))
    grad = gradient(loss, [*(f"w_{i}" for i in range(1, features + 1)), "b"] if features > 1 else ["w", "b"])
    X, y = loop_and_data(features)
    start = np.linspace(-0.3, 0.4, features + 1)
    result = SGDLoop(grad).fit(start, [*X.T, y], 0.01, 3)
    expected = hand_linear_loop(X, y, start, 0.01, 3, lambda z, t: 2 * (z - t))
    np.testing.assert_allclose(result.history, expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("features", [1, INLINE_MAX_FEATURES + 2])
def test_the_logistic_loss_matches_the_hand_loop(features):
    """f'(z) = σ(z) − y: catches σ(−z) for σ(z), or y added instead of subtracted."""
    grad = gradient(losses.logistic_cross_entropy(losses.linear(features)),
                    [*(f"w_{i}" for i in range(1, features + 1)), "b"] if features > 1 else ["w", "b"])
    X, _ = loop_and_data(features, seed=3)
    y = (X.sum(axis=1) > 0).astype(float)
    start = np.linspace(0.2, -0.1, features + 1)
    result = SGDLoop(grad).fit(start, [*X.T, y], 0.5, 2)
    expected = hand_linear_loop(X, y, start, 0.5, 2, lambda z, t: 1 / (1 + math.exp(-z)) - t)
    np.testing.assert_allclose(result.history, expected, rtol=1e-12, atol=1e-15)


def test_a_loss_that_is_not_of_a_linear_model_uses_its_partials():
    """(y − w·x² − c·b)² + b²: generic partials with shared subexpressions, three parameters."""
    grad = gradient(parse_expression("(y - w*x**2 - c*b)**2 + b**2"), ["w", "b", "c"])
    xs, ys = np.array([0.5, -1.0, 1.5, 0.25]), np.array([1.0, -0.5, 2.0, 0.0])
    w, b, c, lr = 0.1, -0.2, 0.3, 0.05
    history = [(w, b, c)]
    for _ in range(2):
        for x, y in zip(xs, ys):
            r = y - w * x * x - c * b
            gw, gb, gc = -2 * r * x * x, -2 * r * c + 2 * b, -2 * r * b
            w, b, c = w - lr * gw, b - lr * gb, c - lr * gc
        history.append((w, b, c))
    result = SGDLoop(grad).fit([0.1, -0.2, 0.3], [xs, ys], lr, 2)
    np.testing.assert_allclose(result.history, history, rtol=1e-13)


def test_one_parameter_of_a_linear_model_and_its_trailing_comma():
    """A model with one weight and no bias: the update line assigns a one-element tuple."""
    grad = gradient(parse_expression("(y - w*x)**2"), ["w"])
    xs, ys = np.array([1.0, 2.0]), np.array([2.0, 1.0])
    w = 0.5
    for x, y in zip(xs, ys):
        w -= 0.1 * (-2 * (y - w * x) * x)
    result = SGDLoop(grad).fit([0.5], [xs, ys], 0.1, 1)
    assert result.history.shape == (2, 1)
    assert result.history[-1, 0] == pytest.approx(w, rel=1e-14)


def test_an_overflow_at_a_later_sample_of_a_wide_model_names_that_sample():
    """epoch_checked on the z-computed-once path: catches the index counted from 1, or the
    check that stops the epoch dropped."""
    features = INLINE_MAX_FEATURES + 1
    grad = gradient(losses.half_squared_error(losses.linear(features)),
                    [*(f"w_{i}" for i in range(1, features + 1)), "b"])
    X = np.ones((4, features))
    X[2, 0] = 1e200  # the third sample overflows w_1
    y = np.zeros(4)
    with np.errstate(all="ignore"):
        result = SGDLoop(grad).fit(np.full(features + 1, 0.5), [*X.T, y], 0.01, 2)
    assert result.diverged_at == 1 and result.sample == 2
    np.testing.assert_array_equal(result.history, [np.full(features + 1, 0.5)])


def test_a_loss_without_overflow_runs_every_epoch_and_reports_no_sample():
    grad = gradient(losses.half_squared_error(), ["w", "b"])
    result = SGDLoop(grad).fit([0.0, 0.0], [[1.0, 2.0], [1.0, 2.0]], 0.1, 5)
    assert result.diverged_at is None and result.sample is None and len(result.history) == 6
    assert not result.interrupted


def test_the_origin_of_generated_code_is_the_loss_or_for_a_wide_model_its_size():
    narrow = gradient(losses.half_squared_error(losses.linear(INLINE_MAX_FEATURES)),
                      [*(f"w_{i}" for i in range(1, INLINE_MAX_FEATURES + 1)), "b"])
    assert origin(narrow) == str(narrow.loss)
    wide = gradient(losses.half_squared_error(losses.linear(INLINE_MAX_FEATURES + 1)),
                    [*(f"w_{i}" for i in range(1, INLINE_MAX_FEATURES + 2)), "b"])
    assert origin(wide) == f"a loss of {INLINE_MAX_FEATURES + 2} parameters"


def test_the_source_key_depends_on_the_loss_and_the_parameter_order():
    a = gradient(losses.half_squared_error(), ["w", "b"])
    b = gradient(losses.half_squared_error(), ["b", "w"])
    c = gradient(losses.squared_error(), ["w", "b"])
    assert source_key(a) != source_key(b) and source_key(a) != source_key(c)
    assert source_key(a) == source_key(gradient(losses.half_squared_error(), ["w", "b"]))


def test_a_cached_source_must_define_both_epochs():
    both = "def epoch(p0):\n    return p0,\n\n\ndef epoch_checked(p0):\n    return (p0,), -1\n"
    assert _defines_epochs(both)
    assert not _defines_epochs("def epoch(p0):\n    return p0,\n")
    assert not _defines_epochs("def epoch_checked(p0):\n    return (p0,), -1\n")
    assert not _defines_epochs("x = 1  # def epoch(\n# def epoch_checked(\n")
    assert _defines_epochs(SGDLoop(gradient(losses.half_squared_error(), ["w", "b"])).source)
