"""Data a neuron must refuse rather than silently change (issue 16, §5):
numbers beyond the float range, complex numbers, masked values, dates,
text and other objects each raise ``ValueError`` naming the argument; every
real number within the float range (−0.0, subnormals, 1e308) is used as is."""
import datetime
import decimal
import fractions
import math
import sys
import warnings

import numpy as np
import pytest
from hypothesis import example, given, strategies as st

from neuron import Neuron
from neuron.validate import as_features, as_targets

FLOAT_MAX = sys.float_info.max  # 1.7976931348623157e308


def refused(values, name="x"):
    """The message of the ValueError ``values`` raise as data named ``name``;
    fails the test if they are accepted or raise anything else."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a refusal, not a warning and a guess
        with pytest.raises(ValueError) as info:
            if name == "y":
                as_targets(values, len(values), "y")
            else:
                as_features(values, name)
    return str(info.value)


# --- Python ints beyond the float range --------------------------------------

@given(st.integers(min_value=int(FLOAT_MAX) + 2**971, max_value=10**400))
@example(2 * 10**308)          # 2e308: just past the largest float
@example(10**309)
@example(int(FLOAT_MAX) + 2**971)  # the first int that rounds to inf
def test_an_int_beyond_the_float_range_is_refused_naming_the_row(big):
    message = refused([1.0, big], "y")
    assert message.startswith("y has ") and "at row 1" in message and "too large for a float" in message


@given(st.integers(min_value=-int(FLOAT_MAX), max_value=int(FLOAT_MAX)))
@example(10**308)              # 1e308 is a float
@example(int(FLOAT_MAX))       # the largest float, as an int
@example(-int(FLOAT_MAX))
@example(2**64)                # beyond int64: NumPy makes an object array
@example(-(2**63) - 1)
def test_an_int_within_the_float_range_is_used_as_that_float(value):
    assert as_targets([value, 0], 2)[0] == float(value)


def test_a_huge_int_is_described_not_printed():
    message = refused([[1, 10**5000]])  # its repr alone is refused by Python (4300 digits)
    assert "an integer of about 5001 digits at row 0, column 1" in message


# --- floats at the edges ------------------------------------------------------

@given(st.floats(allow_nan=False, allow_infinity=False))
@example(-0.0)
@example(5e-324)               # the smallest subnormal
@example(2.2250738585072014e-308)  # the smallest normal
@example(1e308)
@example(FLOAT_MAX)
@example(-FLOAT_MAX)
def test_every_finite_float_is_used_unchanged(value):
    arr = as_features([value, 1.0])
    assert arr[0, 0] == value and math.copysign(1.0, arr[0, 0]) == math.copysign(1.0, value)


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), 1.8e308])
def test_a_non_finite_float_is_refused(value):  # 1.8e308 is read as inf by Python itself
    assert "non-finite value" in refused([1.0, value]) and "at row 1" in refused([1.0, value])


def test_a_long_double_beyond_the_float_range_is_refused_not_turned_into_inf():
    big = np.array([1.0, 1.0], dtype=np.longdouble)
    big[1] *= np.longdouble(10) ** 400
    if not np.isfinite(big[1]):
        pytest.skip("long double is double on this platform")
    assert "at row 1, too large for a float" in refused(big)


# --- complex numbers ----------------------------------------------------------

@pytest.mark.parametrize("values", [
    np.array([1 + 2j, 3 + 0j]),
    np.array([1 + 0j, 2 + 0j]),  # even with every imaginary part 0: no silent cast
    [1 + 2j, 3],
    np.array([1, 2], dtype=np.complex64),
])
def test_complex_numbers_are_refused_not_cut_to_their_real_part(values):
    assert "complex" in refused(values)


def test_a_complex_number_among_objects_is_refused_naming_its_row():
    message = refused(np.array([1.0, 2.5 + 1j, "a"], dtype=object))
    assert "at row 1 it holds the complex number (2.5+1j)" in message


@given(st.complex_numbers(allow_nan=False, allow_infinity=False))
@example(complex(0.0, 0.0))
@example(complex(1.0, 5e-324))
def test_any_complex_target_is_refused(value):
    assert "complex" in refused([value, 1.0], "y")


# --- masked arrays, dates, text, objects --------------------------------------

def test_a_masked_array_with_masked_values_is_refused():
    x = np.ma.masked_array([1.0, 999.0, 3.0], mask=[False, True, False])
    message = refused(x)
    assert "masked" in message and "x.filled" in message and "x.compressed()" in message


def test_a_masked_array_with_nothing_masked_is_its_data():
    x = np.ma.masked_array([1.0, 2.0, 3.0], mask=False)
    np.testing.assert_array_equal(as_features(x)[:, 0], [1.0, 2.0, 3.0])


@pytest.mark.parametrize("values, what", [
    (np.array(["2020-01-01", "2020-01-02"], dtype="datetime64[D]"), "dates or times"),
    (np.array([1, 2], dtype="timedelta64[s]"), "time differences"),
    ([datetime.datetime(2020, 1, 1), datetime.datetime(2021, 1, 1)], "datetime"),
    ([datetime.date(2020, 1, 1), 1.0], "date"),
    (["1.5", "2.5"], "text"),              # NumPy would parse these without a word
    ([b"1", b"2"], "bytes"),
    (np.zeros(2, dtype=[("a", float), ("b", float)]), "structured records"),
])
def test_dates_text_and_records_are_refused_not_converted(values, what):
    message = refused(values)
    assert message.startswith("x must hold numbers only") and what in message


@pytest.mark.parametrize("values, where", [
    ([1.0, None, 3.0], "at row 1 it holds None (a missing value)"),
    (np.array([[1.0, 2.0], [3.0, {"a": 1}]], dtype=object), "at row 1, column 1 it holds {'a': 1} (a dict)"),
    (np.array([1.0, "x"], dtype=object), "at row 1 it holds 'x' (a str)"),
    (np.array([1.0, [2.0]], dtype=object), "at row 1 it holds [2.0] (a list)"),
])
def test_an_object_that_is_not_a_number_is_refused_naming_its_position(values, where):
    assert where in refused(values)


def test_ragged_rows_are_refused():
    assert "rectangular" in refused([[1.0, 2.0], [3.0]])


def test_exact_numbers_among_objects_are_used_as_floats():
    values = np.array([fractions.Fraction(1, 3), decimal.Decimal("2.5"), True, 2**70], dtype=object)
    np.testing.assert_array_equal(as_features(values)[:, 0], [1 / 3, 2.5, 1.0, 2.0**70])


# --- through the neuron -------------------------------------------------------

@pytest.mark.parametrize("x, y, match", [
    ([1.0, 2.0], [1.0, 10**309], "y has an integer of about 310 digits at row 1"),
    (np.array([1 + 1j, 2 + 0j]), [1.0, 2.0], "x must hold numbers only, not complex numbers"),
    (np.ma.masked_invalid([1.0, np.nan]), [1.0, 2.0], "x is a masked array"),
], ids=["huge-int-y", "complex-x", "masked-x"])
def test_fit_refuses_hostile_data_before_training(x, y, match):
    n = Neuron()
    with pytest.raises(ValueError, match=match):
        n.fit(x, y)
    assert n.history == [] and (n.w, n.b) == (1.0, 1.0)


@pytest.mark.parametrize("attribute, value, match", [
    ("w", 1 + 2j, "w must hold numbers only"),
    ("b", 1 + 2j, "b must hold numbers only"),
    ("b", 10**400, "too large for a float"),
    ("w", "3", "w must hold numbers only"),
], ids=["complex-w", "complex-b", "huge-int-b", "text-w"])
def test_setting_a_weight_to_a_non_real_value_is_refused(attribute, value, match):
    n = Neuron()
    with pytest.raises(ValueError, match=match):
        setattr(n, attribute, value)
    assert (n.w, n.b) == (1.0, 1.0)
