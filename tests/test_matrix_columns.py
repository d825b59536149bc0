"""Columns cut from one matrix (derive.descent.matrix, issue 11 §1): a wide
model takes its rows x̃ from the caller's matrix in blocks and sums its
loss's z for every sample in one product. Whatever the layout (the bias
first or last, the targets between the features, features out of order,
a column used twice), the rows must be the columns gathered one at a time,
and the losses the generated loss function's own, up to rounding."""
import numpy as np
import pytest
from hypothesis import example, given, strategies as st

from derive import gradient, losses
from derive.descent.matrix import MatrixColumns, as_columns, block, gathered, linear_parts
from derive.descent.trajectory import mean_losses
from neuron import Neuron


def by_hand(columns, picks):
    """x̃ gathered one column at a time, the definition."""
    return np.column_stack([np.asarray(columns[i], dtype=float) if i >= 0 else np.ones(len(columns[0]))
                            for i in picks])


@given(st.integers(1, 9).flatmap(lambda m: st.tuples(
    st.just(m), st.lists(st.one_of(st.integers(0, m - 1), st.none()), min_size=1, max_size=8),
    st.lists(st.integers(-1, 7), min_size=1, max_size=12))))
@example((4, [0, 1, 2, 3, None], [0, 1, 2, 3, -1]))  # a wide model: the features in order, then the bias
@example((4, [None, 3, 2, 1, 0], [-1, 1, 2, 3, 4]))  # the bias first, the features backwards
@example((3, [0, 0, 2], [0, 1, 2, 2]))  # a column used twice
def test_rows_from_the_matrix_are_the_columns_gathered_one_at_a_time(case):
    m, positions, picks = case
    matrix = np.random.default_rng(m).normal(size=(5, m))
    y = np.arange(5.0)
    picks = [p if p < len(positions) else -1 for p in picks]
    columns = MatrixColumns(matrix, [y if p is None else p for p in positions])
    expected = by_hand(list(columns), picks)
    assert np.array_equal(gathered(columns, picks), expected)
    assert np.array_equal(block(columns, picks), expected)
    assert np.array_equal(gathered(list(columns), picks), expected)


def test_matrix_columns_are_views_of_the_matrix_and_refuse_a_mismatch():
    X = np.arange(12.0).reshape(4, 3)
    columns = MatrixColumns(X, [2, np.ones(4), 0])
    assert columns.positions == (2, None, 0)
    assert np.shares_memory(columns[0], X) and np.array_equal(columns[0], X[:, 2])
    assert as_columns(columns) is columns
    with pytest.raises(ValueError):
        MatrixColumns(X, [0, np.ones(5)])  # a column of another length
    with pytest.raises(TypeError):
        MatrixColumns(X.astype(np.float32), [0])


def test_a_neuron_hands_training_the_callers_matrix():
    X = np.random.default_rng(0).normal(size=(20, 12))
    y = (X[:, 0] > 0).astype(float)
    n = Neuron("logistic", features=12)
    columns = n.problem.data_columns(X, y)
    assert isinstance(columns, MatrixColumns) and columns.matrix is X
    assert columns.positions == (*range(12), None)


@pytest.mark.parametrize("d", [9, 40])
def test_the_wide_loss_summed_by_one_product_is_the_loss_functions_own(d):
    loss = losses.logistic_cross_entropy(losses.linear(d))
    wrt = [*(f"w_{i}" for i in range(1, d + 1)), "b"]
    grad = gradient(loss, wrt)
    assert linear_parts(grad.loss_numpy) is not None
    rng = np.random.default_rng(d)
    X = rng.normal(size=(31, d))
    y = (rng.random(31) > 0.5).astype(float)
    history = rng.normal(size=(4, d + 1))
    direct = [np.mean(grad.loss_numpy(*row, *X.T, y)) for row in history]
    for columns in (MatrixColumns(X, [*range(d), y]), [*X.T, y]):
        assert np.allclose(mean_losses(grad.loss_numpy, history, columns), direct, rtol=1e-12, atol=0)


def test_a_narrow_loss_has_no_linear_parts():
    grad = gradient(losses.logistic_cross_entropy(losses.linear(3)), ["w_1", "w_2", "w_3", "b"])
    assert linear_parts(grad.loss_numpy) is None


@pytest.mark.parametrize("loss_of", [losses.logistic_cross_entropy, losses.half_squared_error])
@pytest.mark.parametrize("d", [9, 40])
def test_the_wide_mean_gradient_is_the_mean_of_derives_per_sample_gradient(loss_of, d):
    """x̃ᵀ·f'(z)/n in one pass against the mean of the gradient function's
    d + 1 partials at every sample; the bias first, to check the order."""
    from derive.descent import objective

    wrt = ["b", *(f"w_{i}" for i in range(1, d + 1))]
    goal = objective(loss_of(losses.linear(d)), wrt)
    assert goal.mean_pass == "vector"
    rng = np.random.default_rng(d)
    X = rng.normal(size=(37, d))
    y = (rng.random(37) > 0.5).astype(float)
    params = list(rng.normal(size=d + 1))
    expected = [np.mean(g) for g in goal.gradient.numpy(*params, *X.T, y)]
    for columns in (MatrixColumns(X, [*range(d), y]), [*X.T, y]):
        means, total = goal.mean_gradient_and_total(params, columns)
        np.testing.assert_allclose(means, expected, rtol=1e-12, atol=1e-14)
        assert total == pytest.approx(X.sum() + y.sum())


def test_backprop_of_a_wide_model_names_a_bad_row():
    X = np.random.default_rng(1).normal(size=(20, 12))
    y = (X[:, 0] > 0).astype(float)
    X[7, 3] = np.nan
    with pytest.raises(ValueError, match="row 7, column 3"):
        Neuron("logistic", features=12).backprop(X, y)
