"""The per-sample step of a wide linear model (issue 11 §1, warm target):
past INLINE_MAX_FEATURES features the generated loop steps the parameter
vector with NumPy, one dot and one axpy a sample
(derive.descent.generated_loop.vector_source), and the loss is one loop
over the products (LinearModel.loss_source), so that neither the source a
warm start compiles nor the step grows with d. The numbers must stay the
reference loop's (the lecture's loop on derive's scalar gradient, written
independently of the generated code) up to rounding, in order and shuffled,
at the edges of the layout: the bias first, a loss reading no y, one
feature past the threshold, and d = 1000."""
import math
import warnings

import numpy as np
import pytest
from hypothesis import example, given, strategies as st

from derive import gradient, losses, parse_expression
from derive.descent import Schedule, objective
from derive.descent.loop_runner import INLINE_MAX_FEATURES, SGDLoop
from derive.descent.reference import reference_loop
from derive.descent.schedule import epoch_orders


def weights(d: int) -> list[str]:
    return ["w"] if d == 1 else [f"w_{i}" for i in range(1, d + 1)]


def data(d: int, n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = (X[:, 0] + 0.5 * rng.normal(size=n) > 0).astype(float)
    return X, y


def check_against_the_reference(loss, wrt, d, n=23, epochs=3, lr=0.2, shuffle=False):
    X, y = data(d, n)
    goal = objective(loss, wrt)
    columns = [*X.T, y][:len(goal.data_names)] if "y" in goal.data_names else list(X.T)
    start = list(np.linspace(-0.4, 0.3, len(wrt)))
    schedule = Schedule(epochs, lr, 1, shuffle, 5)
    loop = goal.loop.fit(start, columns, lr, epochs, epoch_orders(schedule, n))
    reference = reference_loop(goal, start, columns, schedule)
    assert loop.diverged_at is None and reference.diverged_at is None
    np.testing.assert_allclose(loop.history, reference.history, rtol=1e-11, atol=1e-13)
    return goal.loop


@pytest.mark.parametrize("d", [1, 2, INLINE_MAX_FEATURES, INLINE_MAX_FEATURES + 1, 40])
@pytest.mark.parametrize("shuffle", [False, True])
def test_the_step_of_a_logistic_neuron_is_the_reference_loops_on_both_sides_of_the_threshold(d, shuffle):
    """Catches a weight moved by another feature's value, the bias moved by a
    feature (the constant-1 column misplaced), or a shuffled epoch that
    permutes the rows but not y."""
    loop = check_against_the_reference(losses.logistic_cross_entropy(losses.linear(d)), [*weights(d), "b"], d,
                                       shuffle=shuffle)
    assert (loop.vector is not None) == (d > INLINE_MAX_FEATURES)


def test_the_step_of_a_thousand_features_is_the_reference_loops():
    loop = check_against_the_reference(losses.half_squared_error(losses.linear(1000)), [*weights(1000), "b"], 1000,
                                       n=12, epochs=2, lr=1e-3)
    assert loop.vector == ((*range(1000), -1), (1000,))


def test_the_bias_first_takes_the_first_column_of_ones():
    """The parameters in another order than w_1 … w_d, b: INPUTS follows them."""
    d = INLINE_MAX_FEATURES + 3
    loop = check_against_the_reference(losses.squared_error(losses.linear(d)), ["b", *reversed(weights(d))], d,
                                       lr=0.01)
    assert loop.vector[0] == (-1, *reversed(range(d)))


def test_a_loss_that_reads_no_target_has_no_other_columns():
    """f(z) = z² / 2 of a wide model: no y, so nothing follows the rows."""
    d = INLINE_MAX_FEATURES + 1
    terms = " + ".join(f"w_{i}*x_{i}" for i in range(1, d + 1))
    loop = check_against_the_reference(parse_expression(f"({terms} + b)**2 / 2"), [*weights(d), "b"], d, lr=0.01)
    assert loop.vector[1] == ()


def test_the_wide_step_does_not_grow_with_the_features():
    """The per-sample body at d = 1000 is the one at d = 9 (only the layout's
    constants and the name of the y column differ): one dot, one axpy."""
    def body(d: int) -> list[str]:
        loop = objective(losses.logistic_cross_entropy(losses.linear(d)), [*weights(d), "b"]).loop
        lines = [line for line in loop.source.splitlines() if not line.startswith(("INPUTS", "OTHERS"))]
        return [line.replace(f"d{d}", "Y") for line in lines]

    narrow, wide = body(INLINE_MAX_FEATURES + 1), body(1000)
    assert wide == narrow
    assert "        p -= x0*row" in wide and "        z0 = float(row.dot(p))" in wide


def test_the_wide_loss_source_does_not_grow_with_the_features():
    """The NumPy loss of a wide model: z summed over constant positions, not
    2d + 2 named arguments and a d-term sum (15 ms of a warm start to compile)."""
    def source(d: int) -> str:
        grad = gradient(losses.logistic_cross_entropy(losses.linear(d)), [*weights(d), "b"])
        return "\n".join(line for line in grad.function_source("loss", "numpy").splitlines()
                         if not line.startswith(("WEIGHTS", "FEATURES", "BIAS", "READS")))

    assert source(1000) == source(9)


@pytest.mark.parametrize("d", [INLINE_MAX_FEATURES + 1, 300])
def test_the_wide_loss_is_the_loss_written_by_hand(d):
    """−y·log σ(z) − (1 − y)·log(1 − σ(z)) at every sample, with the
    parameters broadcast over rows as the epoch losses pass them."""
    X, y = data(d, 17, seed=2)
    grad = gradient(losses.logistic_cross_entropy(losses.linear(d)), [*weights(d), "b"])
    rows = np.random.default_rng(3).normal(size=(4, d + 1))
    values = grad.loss_numpy(*(rows[:, j:j + 1] for j in range(d + 1)), *(c[None, :] for c in X.T), y[None, :])
    z = rows[:, :-1] @ X.T + rows[:, -1:]
    np.testing.assert_allclose(values, y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z), rtol=1e-12)


def test_an_overflow_in_the_vector_step_names_the_sample_and_warns_nothing():
    """As Python floats do, the vector step overflows to inf without a
    RuntimeWarning, and epoch_checked finds the sample after which a
    parameter stopped being finite."""
    d = INLINE_MAX_FEATURES + 4
    grad = gradient(losses.half_squared_error(losses.linear(d)), [*weights(d), "b"])
    X = np.ones((5, d))
    X[3, 2] = 1e200  # the fourth sample: z = 1e200·w_3, then w_3 -= lr·z·1e200 overflows
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = SGDLoop(grad).fit(np.full(d + 1, 0.5), [*X.T, np.zeros(5)], 0.01, 2)
    assert result.diverged_at == 1 and result.sample == 3
    np.testing.assert_array_equal(result.history, [np.full(d + 1, 0.5)])


def test_the_vector_step_leaves_the_starting_parameters_alone():
    d = INLINE_MAX_FEATURES + 1
    loop = objective(losses.logistic_cross_entropy(losses.linear(d)), [*weights(d), "b"]).loop
    X, y = data(d, 6)
    p = np.linspace(-1, 1, d + 1)
    before = p.copy()
    after = loop.epoch(p, np.column_stack([X, np.ones(6)]), y.tolist(), 0.5)
    np.testing.assert_array_equal(p, before)
    assert not np.array_equal(after, before)


@pytest.mark.parametrize("layout", ["INPUTS = (0, 1, 99, -1)\nOTHERS = (2,)", "INPUTS = (0, 1, -1)\nOTHERS = (7,)",
                                    "INPUTS = (0, -1)\nOTHERS = (2,)", "INPUTS = [0, 1, -1]\nOTHERS = (2,)"],
                         ids=["input past the data", "other past the data", "too few inputs", "not a tuple"])
def test_a_vector_source_whose_layout_is_not_the_data_is_refused(layout):
    """A cached source that checksums but does not fit the loss never runs
    (neuron.bundle then derives again)."""
    grad = gradient(losses.half_squared_error(losses.linear(2)), ["w_1", "w_2", "b"])
    body = "def epoch(p, rows, d2_all, lr):\n    return p\n\n\ndef epoch_checked(p, rows, d2_all, lr):\n" \
           "    return p, -1\n"
    with pytest.raises(ValueError, match="INPUTS and OTHERS"):
        SGDLoop(grad, f"{layout}\n\n\n{body}")


@given(st.lists(st.integers(-1, 40), max_size=30))
@example([])
@example([*range(1000), -1])  # the layout of 1000 features: one range
@example([-1, 0, 1])  # -1 is the bias's column, and still a number of the run
@example([5, 4, 3, 2])  # down
@example([0, 1, 0, 1])  # runs of two stay numbers
def test_positions_print_as_the_same_tuple(values):
    from derive.compile import positions_source

    text = positions_source(values)
    assert eval(text) == tuple(values)  # noqa: S307 - our own printed tuple
    assert len(text) < 40 or len(values) < 1000  # a run of 1000 prints as one range


def test_the_check_of_the_vector_step_sees_nan_and_both_infinities():
    from derive.generated import all_finite

    assert all_finite(np.array([1.0, -1e308])) and all_finite(np.array([]))
    for bad in (math.nan, math.inf, -math.inf):
        assert not all_finite(np.array([0.0, bad, 1.0]))


def test_the_wide_forward_source_does_not_grow_with_the_features():
    """The forward pass of a wide model (what a warm process's first forpass
    compiles): z summed over constant positions, not 2d + 1 named arguments
    and a d-term sum (27 KB at d = 1000)."""
    from neuron.problem import build_problem

    def source(d: int) -> str:
        return "\n".join(line for line in build_problem("logistic", d).forward_source.splitlines()
                         if not line.startswith(("WEIGHTS", "FEATURES", "BIAS")))

    assert source(1000) == source(INLINE_MAX_FEATURES + 1)
    assert len(build_problem("logistic", 1000).forward_source) < 1000


@pytest.mark.parametrize("loss", ["logistic", "half-se"])
@pytest.mark.parametrize("d", [INLINE_MAX_FEATURES + 1, 1000])
def test_the_wide_forward_pass_is_the_model_written_by_hand(loss, d):
    from neuron import Neuron

    X, _ = data(d, 13, seed=4)
    w = np.linspace(-0.5, 0.7, d)
    n = Neuron(loss, w=w, b=0.25)
    z = X @ w + 0.25
    want = 1 / (1 + np.exp(-z)) if loss == "logistic" else z
    np.testing.assert_allclose(n.forpass(X), want, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(n.forpass(X[3]), want[3], rtol=1e-12, atol=1e-12)  # one sample
