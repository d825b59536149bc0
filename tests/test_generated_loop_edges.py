"""The generated per-sample loop on what the book's problem never exercises: a loss of one
data column, a shuffle given as orders, the sample where training overflows, and the
arguments it refuses. Every number is checked against a loop written here."""
import numpy as np
import pytest

from derive import gradient, losses, parse_expression
from derive.descent.generated_loop import SGDLoop, update_lines
from derive import symbol


def hand_loop(xs, ys, w, b, lr, epochs, orders=None):
    history = [(w, b)]
    for e in range(epochs):
        for i in (range(len(xs)) if orders is None else orders[e]):
            err = w * xs[i] + b - ys[i]
            w, b = w - lr * err * xs[i], b - lr * err
        history.append((w, b))
    return np.array(history)


def half_se_loop():
    """Built in each test, not at import, so that mutation testing builds it with the mutant."""
    return SGDLoop(gradient(losses.half_squared_error(), ["w", "b"]))
XS, YS = np.array([0.5, -1.0, 2.0, 1.5]), np.array([1.0, 0.0, 3.0, -2.0])


def test_the_loop_follows_the_given_orders():
    orders = [[3, 1, 0, 2], [2, 2, 0, 1]]  # an order may repeat a sample
    result = half_se_loop().fit([0.1, 0.2], [XS, YS], 0.05, 2, orders)
    np.testing.assert_allclose(result.history, hand_loop(XS, YS, 0.1, 0.2, 0.05, 2, orders), rtol=1e-13)
    assert result.method == "loop" and result.diverged_at is None and result.sample is None


def test_zero_epochs_keep_the_start():
    result = half_se_loop().fit([0.1, 0.2], [XS, YS], 0.05, 0)
    np.testing.assert_array_equal(result.history, [[0.1, 0.2]])


def test_overflow_names_the_epoch_and_the_first_sample_whose_update_is_not_finite():
    xs, ys = np.array([1.0, 1e200, 1.0]), np.array([0.5, 0.0, 0.0])  # after sample 0: w = 0.5, b = −0.5
    with np.errstate(all="ignore"):
        result = half_se_loop().fit([1.0, 0.0], [xs, ys], 1.0, 3)
    assert result.diverged_at == 1 and result.sample == 1
    np.testing.assert_array_equal(result.history, [[1.0, 0.0]])


def test_the_sample_is_counted_in_the_epochs_order():
    xs, ys = np.array([1.0, 1e200, 1.0]), np.array([0.5, 0.0, 0.5])
    with np.errstate(all="ignore"):
        result = half_se_loop().fit([1.0, 0.0], [xs, ys], 1.0, 1, [[0, 2, 1]])
    assert result.diverged_at == 1 and result.sample == 2


def test_a_later_epoch_overflowing_keeps_the_epochs_before_it():
    xs, ys = np.array([30.0]), np.array([0.0])  # each step multiplies w by about 1 − 900: overflows after some epochs
    with np.errstate(all="ignore"):
        result = half_se_loop().fit([1.0, 0.0], [xs, ys], 1.0, 400)
        expected = hand_loop(xs, ys, 1.0, 0.0, 1.0, 400)
    first_bad = int(np.argmin(np.isfinite(expected).all(axis=1)))
    assert first_bad > 1
    assert result.diverged_at == first_bad and result.sample == 0
    np.testing.assert_allclose(result.history, expected[:first_bad], rtol=1e-12)


@pytest.mark.parametrize("call, error, words", [
    (lambda: half_se_loop().fit([0.0, 0.0], [XS], 0.1, 1), TypeError, "takes the data x, y in that order; got 1"),
    (lambda: half_se_loop().fit([0.0, 0.0], [XS, YS], 0.1, 2, [[0, 1, 2, 3]]), ValueError, r"one index array per epoch \(2\), got 1"),
    (lambda: half_se_loop().fit([0.0], [XS, YS], 0.1, 1), ValueError, "expected 2 starting parameters, got 1"),
])
def test_bad_arguments_are_refused(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_a_loss_without_data_has_no_samples_to_loop_over():
    with pytest.raises(ValueError, match="no data symbols"):
        SGDLoop(gradient(parse_expression("(w - 3)**2 + b**2"), ["w", "b"]))


def test_a_loss_of_one_parameter_and_one_data_column():
    loop = SGDLoop(gradient(parse_expression("(w - x)**2"), ["w"]))
    result = loop.fit([0.0], [[1.0, 3.0]], 0.25, 1)
    # w ← w − 0.25·2(w − x): 0 → 0.5 → 1.75
    np.testing.assert_allclose(result.history, [[0.0], [1.75]])


def test_update_lines_subtract_the_step_from_each_parameter_at_once():
    p0, p1 = sp_symbols = symbol("p0"), symbol("p1")
    lines = update_lines([p1, -p0], list(sp_symbols))
    namespace = {"lr": 0.5, "p0": 2.0, "p1": 4.0}
    exec("\n".join(lines), {}, namespace)
    assert (namespace["p0"], namespace["p1"]) == (2.0 - 0.5 * 4.0, 4.0 + 0.5 * 2.0)


def test_repr_names_the_loss_and_parameters():
    assert repr(half_se_loop()).startswith("SGDLoop(") and "wrt=('w', 'b')" in repr(half_se_loop())
