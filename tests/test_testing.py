"""derive.testing: the check passes right gradients at every magnitude and
catches wrong ones wherever they differ; its strategy drives @given tests.

The loss and the gradients here are written by hand from the lecture, not
produced by derive, so the checker is tested against independent code.
"""
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from derive import gradient, losses
from derive.testing import GradientMismatch, check_gradient, gradient_cases, gradient_test

NAMES = ["w", "b", "x", "y"]
WRT = ["w", "b"]
METHODS = ["auto", "central"]


def half_se(w, b, x, y):
    """½SE = ½(y − ŷ)² with ŷ = w·x + b."""
    return 0.5 * (y - (w * x + b)) ** 2


def right(w, b, x, y):
    """dSE/dw = −(y − ŷ)·x, dSE/db = −(y − ŷ)."""
    err = -(y - (w * x + b))
    return err * x, err


def boxed(w, b, x, y):
    """The lecture's boxed dSE/dw = −(y − ŷ): the factor x is missing."""
    err = -(y - (w * x + b))
    return err, err


def off_by_a_thousandth(w, b, x, y):
    w_grad, b_grad = right(w, b, x, y)
    return w_grad * 1.001, b_grad


class Neuron:
    """The book's neuron, as the lecture writes it."""

    def __init__(self, w=1.0, b=1.0):
        self.w, self.b = w, b

    def forpass(self, x):
        return x * self.w + 1 * self.b

    def backprop(self, x, err):
        w_grad = x * err
        b_grad = 1 * err
        return w_grad, b_grad


def backprop(w, b, x, y):
    """The hand-written gradient: the neuron's backprop of err = −(y − ŷ)."""
    neuron = Neuron(w, b)
    return neuron.backprop(x, -(y - neuron.forpass(x)))


def differs(wrong, right, by=1e-4):
    return any(abs(a - r) > by * abs(r) for a, r in zip(wrong, right))


# --- the right gradient passes ------------------------------------------------------------------------------------

@pytest.mark.parametrize("method", METHODS)
@given(point=gradient_cases(NAMES))
def test_right_gradient_passes_at_ordinary_points(method, point):
    check_gradient(half_se, right, point, WRT, method=method)


@pytest.mark.parametrize("method", METHODS)
@given(point=gradient_cases(NAMES, smallest=1e-8, largest=1e6))
def test_right_gradient_passes_at_extreme_magnitudes(method, point):
    check_gradient(half_se, right, point, WRT, method=method)


@pytest.mark.parametrize("method", METHODS)
@given(point=gradient_cases(["w", "b", "x"], smallest=1e-8, largest=1e6))
def test_right_gradient_passes_where_it_is_zero(method, point):
    point["y"] = point["w"] * point["x"] + point["b"]  # ŷ = y exactly: both partials are 0
    assert right(**point) == (0.0, 0.0)
    check_gradient(half_se, right, point, WRT, method=method)


@pytest.mark.parametrize("method", METHODS)
@given(point=gradient_cases(WRT, data=["x", "y"]))
def test_right_gradient_passes_per_sample_on_arrays_of_data(method, point):
    check_gradient(half_se, right, point, WRT, method=method)


@pytest.mark.parametrize("magnitude", [1e-8, 1e-4, 1.0, 1e3, 1e6])
def test_right_gradient_passes_at_each_magnitude(magnitude):
    point = {"w": 0.75 * magnitude, "b": -0.5 * magnitude, "x": 1.5 * magnitude, "y": 2.25 * magnitude}
    for method in METHODS:
        check_gradient(half_se, right, point, WRT, method=method)


# --- wrong gradients are caught -----------------------------------------------------------------------------------

@given(point=gradient_cases(NAMES, smallest=1e-8, largest=1e6))
def test_boxed_gradient_is_caught_wherever_it_differs(point):
    if differs(boxed(**point), right(**point)):
        with pytest.raises(GradientMismatch):
            check_gradient(half_se, boxed, point, WRT)
    elif boxed(**point) == right(**point):  # x = 1 or ŷ = y: the boxed form is right there
        check_gradient(half_se, boxed, point, WRT)


@given(point=gradient_cases(NAMES, smallest=1e-8, largest=1e6))
def test_gradient_off_by_a_thousandth_is_caught_wherever_it_differs(point):
    if right(**point)[0] != 0:
        with pytest.raises(GradientMismatch):
            check_gradient(half_se, off_by_a_thousandth, point, WRT)


@given(point=gradient_cases(NAMES, smallest=1e-3))
def test_central_differences_catch_a_gradient_off_by_a_thousandth(point):
    residual = point["y"] - (point["w"] * point["x"] + point["b"])
    if point["x"] != 0 and abs(residual) > 1e-6:  # a gradient well above the rounding of ŷ
        with pytest.raises(GradientMismatch):
            check_gradient(half_se, off_by_a_thousandth, point, WRT, method="central")


def test_a_loss_without_complex_input_is_checked_by_central_differences():
    def se_with_math(w, b, x, y):  # math.pow refuses complex numbers
        return 0.5 * math.pow(y - (w * x + b), 2)

    point = {"w": 0.5, "b": -1.25, "x": 2.0, "y": 3.0}
    check_gradient(se_with_math, right, point, WRT)
    with pytest.raises(GradientMismatch, match="central differences"):
        check_gradient(se_with_math, boxed, point, WRT)


@given(point=gradient_cases(NAMES))
def test_a_kinked_loss_is_not_trusted_to_the_complex_step(point):
    def absolute_error(w, b, x, y):  # abs of a complex number is real: the complex step would read 0
        return abs(y - (w * x + b))

    def its_gradient(w, b, x, y):
        s = -np.sign(y - (w * x + b))
        return s * x, s

    r = point["y"] - (point["w"] * point["x"] + point["b"])
    if abs(r) > 1e-3 * max(1.0, abs(point["w"]), abs(point["b"])) * max(1.0, abs(point["x"])):  # away from the kink
        check_gradient(absolute_error, its_gradient, point, WRT)


# --- it works on every kind of gradient ---------------------------------------------------------------------------

@given(point=gradient_cases(NAMES))
def test_the_lectures_backprop_passes(point):
    check_gradient(half_se, backprop, point, WRT)


@given(point=gradient_cases(NAMES))
def test_a_derive_gradient_passes_against_a_derive_loss(point):
    loss = losses.half_squared_error()
    check_gradient(loss, gradient(loss, WRT), point, WRT)


test_backprop_in_one_line = gradient_test(losses.half_squared_error(), backprop, wrt=WRT)
test_backprop_in_one_line_against_a_python_loss = gradient_test(half_se, backprop, wrt=WRT)


def test_the_one_line_test_fails_for_the_boxed_gradient():
    with pytest.raises(GradientMismatch):
        gradient_test(half_se, boxed, wrt=WRT)()


# --- the strategy ---------------------------------------------------------------------------------------------------

@given(point=gradient_cases(WRT, data=["x", "y"], largest=1e3, smallest=1e-2, length=(2, 5)))
def test_cases_are_bounded_named_floats_and_data_arrays_of_one_length(point):
    assert list(point) == ["w", "b", "x", "y"]
    assert isinstance(point["w"], float) and isinstance(point["b"], float)
    assert point["x"].shape == point["y"].shape and 2 <= len(point["x"]) <= 5
    values = np.concatenate([[point["w"], point["b"]], point["x"], point["y"]])
    magnitudes = np.abs(values)
    assert np.all((magnitudes == 0) | ((magnitudes >= 1e-2) & (magnitudes <= 1e3)))


@given(point=gradient_cases(NAMES, values={"y": st.sampled_from([0.0, 1.0])}))
def test_a_name_can_have_its_own_strategy(point):
    assert point["y"] in (0.0, 1.0)


def test_values_for_unknown_names_are_refused():
    with pytest.raises(ValueError, match="z"):
        gradient_cases(NAMES, values={"z": st.just(1.0)})


# --- the failure message ------------------------------------------------------------------------------------------

def test_the_failure_table_names_each_parameter_with_both_values_and_the_point():
    point = {"w": 0.5, "b": -1.25, "x": 2.0, "y": 3.0}
    with pytest.raises(GradientMismatch) as caught:
        check_gradient(half_se, boxed, point, WRT)
    message = str(caught.value)
    lines = message.splitlines()
    wrong_w, right_w = boxed(**point)[0], right(**point)[0]  # −3.25 written, −6.5 true
    w_row = next(line for line in lines if line.startswith("w "))
    b_row = next(line for line in lines if line.startswith("b "))
    assert w_row.split()[1:3] == [f"{wrong_w:.8g}", f"{right_w:.8g}"] and w_row.endswith("MISMATCH")
    assert b_row.endswith("ok")
    assert "w=0.5, b=-1.25, x=2.0, y=3.0" in message
    header = next(line for line in lines if line.startswith("parameter"))
    assert all(heading in header for heading in ("analytic", "numeric", "abs error", "rel error"))
    assert [r.parameter for r in caught.value.rows] == WRT


def test_the_failure_table_points_at_the_worst_sample():
    point = {"w": 0.5, "b": -1.25, "x": np.array([1.0, 1.0, 4.0]), "y": np.array([3.0, 0.0, 1.0])}
    with pytest.raises(GradientMismatch) as caught:
        check_gradient(half_se, boxed, point, WRT)
    assert caught.value.rows[0].label == "w[2]"  # x = 1 in samples 0 and 1, where the boxed form is right


# --- bad input --------------------------------------------------------------------------------------------------------

def test_a_parameter_missing_from_the_point_is_a_clear_error():
    with pytest.raises(ValueError, match="wrt names v"):
        check_gradient(half_se, right, {"w": 1.0, "b": 0.0, "x": 1.0, "y": 1.0}, ["v"])


def test_a_gradient_of_the_wrong_length_is_a_clear_error():
    with pytest.raises(ValueError, match="returned 1 values for 2 parameters"):
        check_gradient(half_se, lambda **p: (1.0,), {"w": 1.0, "b": 0.0, "x": 1.0, "y": 1.0}, WRT)


def test_a_loss_that_is_not_finite_at_the_point_is_a_clear_error():
    point = {"w": 0.0, "b": 0.0, "x": 1.0, "y": 1.0}
    with pytest.raises(ValueError, match="not finite at w=0.0"):
        check_gradient(lambda w, b, x, y: np.log(np.abs(w)), lambda **p: (0.0, 0.0), point, WRT)


def test_a_loss_that_raises_at_the_point_is_a_clear_error():
    point = {"w": -1e-9, "b": 0.0, "x": 1.0, "y": 1.0}
    with pytest.raises(ValueError, match="the loss fails at w=.*math domain error"):
        check_gradient(lambda w, b, x, y: math.log(w), lambda **p: (0.0, 0.0), point, WRT)


def test_check_gradient_imports_without_hypothesis():
    import subprocess
    import sys

    script = ("import sys; sys.modules['hypothesis'] = None\n"  # importing hypothesis now fails
              "from derive import losses\n"
              "from derive.testing import check_gradient\n"
              "check_gradient(losses.half_squared_error(), lambda w, b, x, y: (x * (w*x + b - y), w*x + b - y),\n"
              "               {'w': 2.0, 'b': 1.0, 'x': 3.0, 'y': 0.0}, wrt=['w', 'b'])\n"
              "print('ok')")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr
