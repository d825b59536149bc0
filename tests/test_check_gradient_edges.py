"""check_gradient near its edges: an error of 1e-5 is caught by both methods, an error
well inside ``rtol`` passes, at mixed magnitudes as well as ordinary ones; the numerical
derivatives and their error estimates are checked against closed forms written here."""
import math

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from derive.testing import Comparison, GradientMismatch, check_gradient, numeric_derivative
from derive.testing.checks import format_point
from derive.testing.numeric import CENTRAL_STEP, COMPLEX_STEP, central_difference, complex_step

WRT = ["w", "b"]


def half_se(w, b, x, y):
    return 0.5 * (y - (w * x + b)) ** 2


def right(w, b, x, y):
    err = w * x + b - y
    return err * x, err


def scaled(factor):
    """The right gradient with dL/dw multiplied by ``factor``."""
    def grad(w, b, x, y):
        gw, gb = right(w, b, x, y)
        return gw * factor, gb
    return grad


magnitude = st.floats(0.1, 10) | st.floats(-10, -0.1)
mixed = dict(w=1e6, b=-1e-8, x=1e-6, y=3e3)  # ŷ ≈ 1, y ≈ 3000: the parts differ by 14 orders
tiny_x = dict(w=2.5, b=1e4, x=1e-7, y=-1e4)
huge_x = dict(w=1e-7, b=0.5, x=1e7, y=-2.0)


def _caught(point, method):
    with pytest.raises(GradientMismatch) as caught:
        check_gradient(half_se, scaled(1 + 1e-5), point, WRT, method=method)
    w_row, b_row = caught.value.rows
    assert not w_row.ok and b_row.ok


@given(w=magnitude, b=magnitude, x=magnitude, y=magnitude)
@example(**mixed)
@example(**tiny_x)
@example(**huge_x)
@example(w=1.0, b=1.0, x=0.0617, y=151.0)  # the lecture's first sample
def test_the_complex_step_catches_a_gradient_off_by_1e_5_at_any_magnitude(w, b, x, y):
    point = dict(w=w, b=b, x=x, y=y)
    if abs(right(**point)[0]) < 1e-6:
        return  # nothing to be off by
    _caught(point, "auto")
    check_gradient(half_se, right, point, WRT)


@given(w=magnitude, b=magnitude, x=magnitude, y=magnitude)
@example(w=1.0, b=1.0, x=0.0617, y=151.0)
@example(w=10.0, b=-0.1, x=0.1, y=10.0)
def test_central_differences_catch_a_gradient_off_by_1e_5_at_ordinary_magnitudes(w, b, x, y):
    point = dict(w=w, b=b, x=x, y=y)
    if abs(right(**point)[0]) < 1e-6:
        return
    _caught(point, "central")
    check_gradient(half_se, right, point, WRT, method="central")


@pytest.mark.parametrize("point", [mixed, tiny_x, huge_x], ids=["mixed", "tiny_x", "huge_x"])
def test_at_mixed_magnitudes_central_differences_allow_their_own_error_and_no_false_alarm(point):
    """Where x is 1e-7 or 1e7 beside parameters of 1e4, central differences lose digits
    to rounding (up to 1% here); their error estimate must cover what they lose, so the
    right gradient passes, and the complex step still catches 1e-5."""
    rows = check_gradient(half_se, right, point, WRT, method="central")
    for row, exact in zip(rows, right(**point)):
        assert abs(row.numeric - exact) <= row.allowed
    _caught(point, "auto")


@given(w=magnitude, b=magnitude, x=magnitude, y=magnitude)
@example(**mixed)
@example(**tiny_x)
@example(**huge_x)
def test_an_error_well_inside_rtol_passes_and_one_beyond_it_fails(w, b, x, y):
    """The complex step is exact to rounding, so the tolerance is rtol itself."""
    point = dict(w=w, b=b, x=x, y=y)
    if abs(right(**point)[0]) < 1e-6:
        return
    check_gradient(half_se, scaled(1 + 3e-7), point, WRT)  # rtol is 1e-6
    check_gradient(half_se, scaled(1 + 3e-5), point, WRT, rtol=1e-4)
    with pytest.raises(GradientMismatch):
        check_gradient(half_se, scaled(1 + 3e-6), point, WRT)
    with pytest.raises(GradientMismatch):
        check_gradient(half_se, scaled(1 + 3e-4), point, WRT, rtol=1e-4)


def test_atol_allows_an_absolute_error():
    point = dict(w=0.5, b=0.25, x=2.0, y=1.0)  # dL/dw = 0.5
    shifted = lambda **p: (right(**p)[0] + 1e-3, right(**p)[1])  # noqa: E731
    check_gradient(half_se, shifted, point, WRT, atol=2e-3)
    with pytest.raises(GradientMismatch):
        check_gradient(half_se, shifted, point, WRT, atol=5e-4)


@pytest.mark.parametrize("v", [0.3, -2.0, 1e-9, 1e8, -1e8])
def test_the_complex_step_is_exact_for_a_cubic(v):
    d = complex_step(lambda t: t**3, {"t": v}, "t", v)
    assert d.method == "complex step"
    assert d.value == pytest.approx(3 * v**2, rel=1e-15, abs=1e-300)
    assert d.error <= 8 * np.finfo(float).eps * abs(3 * v**2) + 1e-300


@pytest.mark.parametrize("v", [0.3, -2.0, 1.0, 1e4, -1e-4])
def test_central_differences_are_right_within_their_estimate_and_the_estimate_is_small(v):
    d = central_difference(lambda t: t**3, {"t": v}, "t", v)
    exact = 3 * v**2
    assert d.method == "central differences"
    assert abs(d.value - exact) <= d.error
    assert d.error <= 1e-7 * max(exact, 1.0)  # tight enough to see an error of 1e-5


def test_the_steps_are_the_documented_ones():
    assert COMPLEX_STEP == 1e-20
    assert CENTRAL_STEP == pytest.approx((3 * np.finfo(float).eps) ** (1 / 3))
    assert 6e-6 < CENTRAL_STEP < 1e-5


def test_central_differences_see_truncation_where_the_loss_curves_fast():
    """exp(1000·t) at 0: the step h ≈ 6e-6 is not small beside 1/1000, so the estimate must
    be large enough to cover the truncation of the difference."""
    d = numeric_derivative(lambda t: np.exp(1000 * t), {"t": 0.0}, "t", "central")
    assert abs(d.value - 1000.0) <= d.error
    assert d.error > 1e-3


def test_the_method_is_chosen_by_what_the_loss_accepts():
    assert numeric_derivative(lambda t: t**2, {"t": 1.5}, "t").method == "complex step"
    assert numeric_derivative(lambda t: math.pow(t, 2), {"t": 1.5}, "t").method == "central differences"
    assert numeric_derivative(lambda t: abs(t), {"t": 1.5}, "t").method == "central differences"
    with pytest.raises(ValueError, match="use method='central'"):
        numeric_derivative(lambda t: abs(t), {"t": 1.5}, "t", "complex")
    with pytest.raises(ValueError, match="method must be"):
        numeric_derivative(lambda t: t, {"t": 1.5}, "t", "forward")


def test_an_array_input_is_differentiated_per_component():
    at = {"v": np.array([1.0, -2.0, 0.5]), "c": 3.0}
    for method in ("complex", "central"):
        d = numeric_derivative(lambda v, c: c * np.sum(v**2), at, "v", method)
        np.testing.assert_allclose(d.value, [6.0, -12.0, 3.0], rtol=1e-9)
        assert d.value.shape == d.error.shape == (3,)
        np.testing.assert_array_equal(at["v"], [1.0, -2.0, 0.5])  # the point is not modified
    with pytest.raises(ValueError, match="must return one number"):
        numeric_derivative(lambda v, c: v**2, at, "v", "central")


def test_the_input_scale_ignores_non_finite_and_empty_inputs():
    from derive.testing.numeric import _input_scale
    assert _input_scale({"a": 0.5, "b": np.array([])}) == 1.0
    assert _input_scale({"a": -7.0, "b": np.array([2.0, np.inf])}) == 7.0
    assert _input_scale({"a": np.array([[3.0, -40.0]])}) == 40.0


def test_a_comparison_reports_its_errors_and_label():
    row = Comparison("w", (1, 2), analytic=1.5, numeric=1.0, allowed=0.5)
    assert row.abs_error == 0.5 and row.rel_error == 0.5 and row.ok and row.label == "w[1,2]"
    assert not Comparison("w", (), 1.5, 1.0, 0.4999).ok
    assert Comparison("b", (), 0.0, 0.0, 0.0).rel_error == 0.0
    assert Comparison("b", (), 1e-9, 0.0, 0.0).rel_error == math.inf
    assert not Comparison("b", (), math.nan, 0.0, math.inf).ok
    assert Comparison("b", (), 1.0, 1.0, 0.0).label == "b"


def test_a_nan_gradient_is_the_worst_sample():
    point = {"w": 0.5, "b": 0.0, "x": np.array([1.0, 2.0, 3.0]), "y": np.array([1.0, 1.0, 1.0])}

    def with_a_nan(w, b, x, y):
        gw, gb = right(w, b, x, y)
        gw = gw.copy()
        gw[1] = np.nan
        return gw, gb

    with pytest.raises(GradientMismatch) as caught:
        check_gradient(half_se, with_a_nan, point, WRT)
    assert caught.value.rows[0].index == (1,)


def test_a_single_parameter_may_be_named_by_a_string_and_returned_bare():
    rows = check_gradient(half_se, lambda **p: right(**p)[0], dict(w=0.5, b=0.0, x=2.0, y=1.0), "w")
    assert [r.parameter for r in rows] == ["w"]


def test_shapes_that_do_not_broadcast_are_a_clear_error():
    point = {"w": 0.5, "b": 0.0, "x": np.array([1.0, 2.0, 3.0]), "y": np.array([1.0, 1.0, 1.0])}
    with pytest.raises(ValueError, match="has shape"):
        check_gradient(half_se, lambda **p: (np.ones(2), np.ones(3)), point, WRT)


def test_the_point_is_printed_exactly_enough_to_reproduce():
    assert format_point({"w": 0.1 + 0.2, "x": np.array([1.5, -2.0])}) == "w=0.30000000000000004, x=[1.5, -2.0]"
