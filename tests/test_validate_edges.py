"""neuron.validate at the edges of each check: the smallest accepted and the first
refused value, shapes one off, and the row and column each message names."""
import math

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from derive.errors import InputError
from neuron.validate import as_features, as_targets, positive_float, positive_int, probabilities


@given(value=st.integers(-3, 3))
@example(value=1)
@example(value=0)
def test_positive_int_starts_at_1(value):
    if value >= 1:
        assert positive_int(value, "epochs") == value and type(positive_int(value, "epochs")) is int
    else:
        with pytest.raises(InputError, match=f"epochs must be a whole number of at least 1, got {value}"):
            positive_int(value, "epochs")


@pytest.mark.parametrize("value", [True, 2.0, "3", None])
def test_positive_int_refuses_what_is_not_a_whole_number(value):
    with pytest.raises(InputError, match="batch_size must be a whole number"):
        positive_int(value, "batch_size")


def test_positive_int_takes_numpy_integers():
    assert positive_int(np.int64(5), "epochs") == 5


@pytest.mark.parametrize("value", [5e-324, 1e-300, 1.0, 1e308, 3])
def test_positive_float_takes_every_finite_number_above_0(value):
    assert positive_float(value, "lr") == float(value)


@pytest.mark.parametrize("value", [0.0, -0.0, -1e-300, math.inf, math.nan, -math.inf])
def test_positive_float_refuses_zero_negatives_and_non_finite(value):
    with pytest.raises(InputError, match="lr must be a finite number above 0"):
        positive_float(value, "lr")


@pytest.mark.parametrize("value", [True, "0.1", None, 1j])
def test_positive_float_refuses_what_is_not_a_real_number(value):
    with pytest.raises(InputError, match="lr must be a number"):
        positive_float(value, "lr")


def test_probabilities_accept_0_1_and_between_and_name_the_first_row_outside():
    y = np.array([0.0, 1.0, 0.5, 0.0])
    assert probabilities(y) is y
    for bad, row in (([0.0, 1.0, 1.0 + 1e-12], 2), ([-1e-12, 0.5], 0), ([0.0, 2.0, -1.0], 1)):
        with pytest.raises(InputError, match=f"at row {row}"):
            probabilities(np.array(bad))


def test_features_of_one_and_two_dimensions_and_no_other():
    assert as_features([1.0, 2.0, 3.0]).shape == (3, 1)
    assert as_features([[1.0, 2.0]], features=2).shape == (1, 2)
    with pytest.raises(InputError, match="got 3 dimensions with shape \\(1, 1, 1\\)"):
        as_features(np.ones((1, 1, 1)))
    with pytest.raises(InputError, match="got 0 dimensions"):
        as_features(1.0)
    with pytest.raises(InputError, match="x is empty"):
        as_features(np.ones((0, 2)))
    with pytest.raises(InputError, match="no feature columns"):
        as_features(np.ones((2, 0)))
    with pytest.raises(InputError, match="X has 2 feature column\\(s\\) but the neuron has 3"):
        as_features(np.ones((4, 2)), "X", features=3)


def test_targets_of_one_dimension_or_one_column_and_of_the_right_length():
    np.testing.assert_array_equal(as_targets([[1.0], [2.0]], 2), [1.0, 2.0])
    with pytest.raises(InputError, match="got shape \\(2, 2\\)"):
        as_targets(np.ones((2, 2)), 2)
    with pytest.raises(InputError, match="y is empty"):
        as_targets([], 0)
    with pytest.raises(InputError, match="x has 3 samples but y has 2"):
        as_targets([1.0, 2.0], 3)


@pytest.mark.parametrize("x, where", [
    ([1.0, np.nan, 2.0], "at row 1;"),
    ([[1.0, 2.0], [3.0, np.inf]], "at row 1, column 1;"),
    ([[1.0], [-np.inf]], "at row 1;"),  # one column: no column to name
])
def test_a_non_finite_value_is_refused_naming_its_row_and_column(x, where):
    with pytest.raises(InputError, match=where):
        as_features(x)


def test_a_non_finite_target_is_refused_naming_its_row():
    with pytest.raises(InputError, match="y has a non-finite value \\(nan\\) at row 2"):
        as_targets([0.0, 1.0, np.nan], 3)


def test_missing_data_is_named():
    with pytest.raises(InputError, match="x is missing"):
        as_features(None)


@pytest.mark.parametrize("values, where", [
    ([1.0, "a"], "row 1"),
    ([[1.0, 2.0], [3.0, None]], "row 1, column 1"),
    (np.array([[[1.0, object()]]], dtype=object), "position (0, 0, 1)"),
])
def test_an_object_that_is_not_a_number_is_refused_at_its_position(values, where):
    with pytest.raises(InputError) as info:
        as_features(np.array(values, dtype=object))
    assert f"at {where} it holds" in str(info.value)


def test_a_long_repr_is_cut_short_in_the_message():
    class Odd:
        def __repr__(self):
            return "x" * 100

    with pytest.raises(InputError) as info:
        as_features(np.array([1.0, Odd()], dtype=object))
    assert "x" * 37 + "..." in str(info.value) and "x" * 38 not in str(info.value)


def test_the_finiteness_check_by_the_sum_neither_refuses_a_large_finite_sum_nor_misses_a_bad_value():
    """require_finite sums the data first: finite values whose sum overflows must pass, and
    ±inf that cancel to NaN, or a NaN next to values that overflow, must still be named."""
    from neuron.validate import require_finite

    require_finite(np.array([[1e308, 1e308], [1e308, -1e308]]), "x")
    with pytest.raises(InputError, match="row 0, column 1"):
        require_finite(np.array([[1.0, np.inf], [-np.inf, 2.0]]), "x")
    with pytest.raises(InputError, match="row 1, column 0"):
        require_finite(np.array([[1e308, 1e308], [np.nan, 1e308]]), "x")
