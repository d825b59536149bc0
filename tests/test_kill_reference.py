"""The reference loop (derive/descent/reference.py) weight by weight against loops written
here: per sample with two parameters and with three (its two code paths), mini-batches with
a short last batch, shuffled orders, the NumPy fallback with three parameters, and Ctrl-C
keeping the finished epochs. Each test names the bug it catches."""
import numpy as np
import pytest

from derive import losses
from derive.descent import Schedule
from derive.descent.objective import objective
from derive.descent.progress import reporting_epochs
from derive.descent.reference import reference_loop

XS, YS = np.array([0.5, -1.0, 2.0, 1.5, 0.25]), np.array([1.0, 0.0, 3.0, -2.0, 0.5])
X2 = np.array([[0.5, 1.0], [-1.0, 0.5], [2.0, -0.5], [1.5, 0.0], [0.25, 2.0]])


def hand(X, y, theta, lr, epochs, batch=1, orders=None):
    """Mini-batch descent on ½SE of ŷ = X·w + b: θ ← θ − lr·mean over the batch of (ŷ − y)·(x, 1)."""
    X = np.asarray(X, dtype=float).reshape(len(y), -1)
    theta = np.array(theta, dtype=float)
    history = [theta.copy()]
    for e in range(epochs):
        order = np.arange(len(y)) if orders is None else np.asarray(orders[e])
        for start in range(0, len(order), batch):
            rows = order[start:start + batch]
            err = X[rows] @ theta[:-1] + theta[-1] - y[rows]
            g = np.append(err @ X[rows], err.sum()) / len(rows)
            theta = theta - lr * g
        history.append(theta.copy())
    return np.array(history)


def half_se(features=1):
    names = ["w", "b"] if features == 1 else [*(f"w_{i}" for i in range(1, features + 1)), "b"]
    return objective(losses.half_squared_error(losses.linear(features)), names)


@pytest.mark.parametrize("batch_size", [1, 2, 3, 5, 7])
def test_the_weights_follow_the_hand_loop_in_batches(batch_size):
    """Catches a batch that skips or repeats a sample, the sum taken for the mean, or the
    last, shorter batch dropped (n = 5 in batches of 2 or 3)."""
    result = reference_loop(half_se(), [0.3, -0.2], [XS, YS], Schedule(epochs=3, lr=0.05, batch_size=batch_size))
    np.testing.assert_allclose(result.history, hand(XS, YS, [0.3, -0.2], 0.05, 3, batch_size), rtol=1e-13)


@pytest.mark.parametrize("batch_size", [1, 2])
def test_three_parameters_follow_the_hand_loop(batch_size):
    """Two features: the general per-sample path (not the w, b locals). Catches a parameter
    updated with another's gradient, or the data passed in the wrong order."""
    result = reference_loop(half_se(2), [0.3, -0.2, 0.1], [X2[:, 0], X2[:, 1], YS],
                            Schedule(epochs=3, lr=0.05, batch_size=batch_size))
    np.testing.assert_allclose(result.history, hand(X2, YS, [0.3, -0.2, 0.1], 0.05, 3, batch_size), rtol=1e-13)


@pytest.mark.parametrize("batch_size", [1, 2])
def test_a_shuffled_schedule_follows_each_epochs_drawn_order(batch_size):
    """Orders are the seed's permutations, one per epoch: catches epoch e using another
    epoch's order, or the order ignored."""
    schedule = Schedule(epochs=3, lr=0.05, batch_size=batch_size, shuffle=True, seed=7)
    rng = np.random.default_rng(7)
    orders = [rng.permutation(len(YS)) for _ in range(3)]
    assert any((o != np.arange(len(YS))).any() for o in orders)
    result = reference_loop(half_se(), [0.3, -0.2], [XS, YS], schedule)
    np.testing.assert_allclose(result.history, hand(XS, YS, [0.3, -0.2], 0.05, 3, batch_size, orders), rtol=1e-13)
    unshuffled = reference_loop(half_se(), [0.3, -0.2], [XS, YS], Schedule(epochs=3, lr=0.05, batch_size=batch_size))
    assert not np.allclose(result.history[-1], unshuffled.history[-1], rtol=1e-12, atol=0)


def test_three_parameters_that_overflow_stop_at_that_epoch_with_finite_weights():
    """math overflows, NumPy gives inf: catches the fallback of the general path broken."""
    X = np.array([[1.0, 1.0], [1e200, 1.0]])
    y = np.array([0.5, 0.0])
    with np.errstate(all="ignore"):
        result = reference_loop(half_se(2), [1.0, 0.0, 0.0], [X[:, 0], X[:, 1], y], Schedule(epochs=3, lr=1.0))
    assert result.diverged_at == 1
    np.testing.assert_array_equal(result.history, [[1.0, 0.0, 0.0]])


def test_mini_batches_that_overflow_stop_at_that_epoch():
    xs, ys = np.array([1.0, 1e200, 1.0]), np.array([0.5, 0.0, 0.0])
    with np.errstate(all="ignore"):
        result = reference_loop(half_se(), [1.0, 0.0], [xs, ys], Schedule(epochs=3, lr=1.0, batch_size=2))
    assert result.diverged_at == 1 and len(result.history) == 1


def test_a_later_epoch_that_overflows_keeps_every_epoch_before_it():
    """Catches the epoch counted from 0, or the diverged epoch's weights kept."""
    xs, ys = np.array([30.0]), np.array([0.0])  # w is multiplied by about −899 each step
    with np.errstate(all="ignore"):
        result = reference_loop(half_se(), [1.0, 0.0], [xs, ys], Schedule(epochs=400, lr=1.0))
        expected = hand(xs, ys, [1.0, 0.0], 1.0, 400)
    first_bad = int(np.argmin(np.isfinite(expected).all(axis=1)))
    assert first_bad > 1
    assert result.diverged_at == first_bad
    np.testing.assert_allclose(result.history, expected[:first_bad], rtol=1e-12)


def test_ctrl_c_keeps_the_epochs_that_finished_and_says_it_was_interrupted():
    def listener(epoch, params):
        if epoch == 2:
            raise KeyboardInterrupt

    with reporting_epochs(listener):
        result = reference_loop(half_se(), [0.3, -0.2], [XS, YS], Schedule(epochs=10, lr=0.05))
    assert result.interrupted and result.diverged_at is None
    # epoch 2 finished before the listener heard of it: it is kept
    np.testing.assert_allclose(result.history, hand(XS, YS, [0.3, -0.2], 0.05, 2), rtol=1e-13)


def test_every_epoch_is_reported_with_its_weights():
    heard = []
    with reporting_epochs(lambda epoch, params: heard.append((epoch, list(params)))):
        reference_loop(half_se(), [0.3, -0.2], [XS, YS], Schedule(epochs=3, lr=0.05))
    expected = hand(XS, YS, [0.3, -0.2], 0.05, 3)
    assert [e for e, _ in heard] == [1, 2, 3]
    np.testing.assert_allclose([p for _, p in heard], expected[1:], rtol=1e-13)


def test_an_uninterrupted_run_is_not_marked_interrupted_and_has_no_divergence():
    result = reference_loop(half_se(), [0.3, -0.2], [XS, YS], Schedule(epochs=2, lr=0.05))
    assert not result.interrupted and result.diverged_at is None and result.sample is None


@pytest.mark.parametrize("features", [1, 2])
def test_where_math_raises_numpy_takes_the_step_and_the_loop_stops_there(features):
    """exp overflows: math raises OverflowError, the step is taken again in NumPy (inf), and
    the epoch is the diverged one. Catches the NumPy fallback broken on either path."""
    from derive import parse_expression

    if features == 1:
        obj, start, columns = objective(parse_expression("exp(w*x) + (y - b)**2"), ["w", "b"]), [1.0, 0.0], \
            [np.array([0.5, 1000.0]), np.array([0.0, 0.0])]
    else:
        obj, start, columns = objective(parse_expression("exp(w*x) + (y - b - c)**2"), ["w", "b", "c"]), \
            [1.0, 0.0, 0.0], [np.array([0.5, 1000.0]), np.array([0.0, 0.0])]
    with np.errstate(all="ignore"):
        result = reference_loop(obj, start, columns, Schedule(epochs=3, lr=0.1))
    assert result.diverged_at == 1
    np.testing.assert_array_equal(result.history, [start])

