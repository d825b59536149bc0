"""The numerical derivatives' error estimates (derive/testing/numeric.py) in closed form:
on a constant loss every term but the rounding vanishes, so the estimate is exactly
ε/h·(4·|f| + s·√(2|f|)) with s the inputs' scale; on a line, the complex step's estimate is
8·ε·|f'|. Then arrays per component, the inputs' scale, and the refusals. Each test names
the bug it catches (a rounding count changed, max for min, the scale ignoring an array)."""
import math

import numpy as np
import pytest

from derive.testing.numeric import (CENTRAL_STEP, EPS, NotComplexSafe, central_difference, complex_step,
                                    numeric_derivative)


def step_at(v: float) -> float:
    h = CENTRAL_STEP * max(abs(v), 1.0)
    return (v + h) - v


@pytest.mark.parametrize("v, others, scale", [
    (0.5, {}, 1.0),                                        # the scale is at least 1
    (3.0, {}, None),                                       # |v| + 2h: v itself
    (-3.0, {}, None),
    (0.5, {"big": np.array([1e3, -2e3])}, 2e3),            # the largest input, arrays included
    (0.5, {"big": 5e2, "bad": math.inf, "none": np.array([])}, 5e2),  # not finite or empty: ignored
])
def test_the_estimate_on_a_constant_loss_is_the_rounding_alone(v, others, scale):
    f = 5.0
    at = {"t": v, **others}
    d = central_difference(lambda **p: f, at, "t", v)
    h = step_at(v)
    s = scale if scale is not None else abs(v) + 2 * h
    assert d.value == 0.0
    assert d.error == pytest.approx(EPS / h * (4 * f + s * math.sqrt(2 * f)), rel=1e-12, abs=0)


def test_the_estimate_grows_with_the_slope_where_it_exceeds_the_square_root_term():
    """f = 1000·t at t = 0: slope 1000 ≫ √(2|f|) (f ≈ 0); d1 = d2 exactly for a line in binary steps."""
    d = central_difference(lambda t: 1000.0 * t, {"t": 0.0}, "t", 0.0)
    h = step_at(0.0)
    largest = 1000.0 * 2 * h
    expected = 4 * EPS * largest / h + EPS * (2 * h if 2 * h > 1 else 1.0) * 1000.0 / h
    assert d.value == pytest.approx(1000.0, rel=1e-12)
    assert d.error == pytest.approx(expected, rel=1e-6, abs=0)


def test_the_disagreement_of_two_steps_is_counted_twice():
    """f = t³ at 1: D(h) = 3 + h², D(2h) = 3 + 4h², so 2·|D(2h) − D(h)| = 6h² dominates the rounding."""
    d = central_difference(lambda t: t ** 3, {"t": 1.0}, "t", 1.0)
    h = step_at(1.0)
    assert d.value == pytest.approx(3 + h * h, rel=1e-9)
    largest, slope = (1 + 2 * h) ** 3, ((1 + 2 * h) ** 3 - (1 + h) ** 3) / h
    rounding = 4 * EPS * largest / h + EPS * (1 + 2 * h) * slope / h  # about 1.8e-10 beside 6h² ≈ 4.6e-10
    assert d.error == pytest.approx(6 * h * h + rounding, rel=0.1, abs=0)  # the difference itself is rounded


@pytest.mark.parametrize("v", [0.0, 2.0, -1e6, 1e-300])
def test_the_complex_step_estimate_is_eight_roundings_of_the_result(v):
    d = complex_step(lambda t: 3.0 * t + 1.0, {"t": v}, "t", v)
    assert d.value == 3.0
    assert d.error == 8 * EPS * 3.0


def test_the_complex_step_scales_its_step_with_the_input():
    """At v = 1e30 a step of 1e-20 vanishes beside v in the real part but not in the imaginary;
    the value must still be exact: catches h taken absolute and underflowing relative to v."""
    d = complex_step(lambda t: t * t, {"t": 1e30}, "t", 1e30)
    assert d.value == pytest.approx(2e30, rel=1e-15)


def test_a_loss_that_returns_a_real_number_for_complex_input_is_not_complex_safe():
    with pytest.raises(NotComplexSafe, match="returned a real value"):
        complex_step(lambda t: float(abs(t)), {"t": 1.0}, "t", 1.0)
    with pytest.raises(NotComplexSafe):
        complex_step(lambda t: math.exp(t), {"t": 1.0}, "t", 1.0)  # TypeError: math refuses complex


def test_a_loss_that_fails_during_central_differences_names_the_input():
    with pytest.raises(ValueError, match=r"the loss fails at t=-?[0-9.e-]+: math domain error"):
        central_difference(lambda t: math.log(t), {"t": 1e-7}, "t", 1e-7)
    with pytest.raises(ValueError, match="the loss fails at t="):
        central_difference(lambda t: 1 / (t - 1.0), {"t": 1.0 - step_at(1.0)}, "t", 1.0 - step_at(1.0))


def test_an_array_input_gets_one_derivative_and_one_estimate_per_component_by_either_method():
    at = {"v": np.array([[1.0, -2.0], [0.5, 3.0]]), "c": 2.0}
    loss = lambda v, c: np.sum(c * v ** 2)  # noqa: E731
    for method in ("complex", "central"):
        d = numeric_derivative(loss, at, "v", method)
        assert d.value.shape == (2, 2) and d.error.shape == (2, 2)
        np.testing.assert_allclose(d.value, 4 * at["v"], rtol=1e-8)
        assert np.all(np.abs(d.value - 4 * at["v"]) <= d.error + 1e-300)
    assert numeric_derivative(loss, at, "v").method == "complex step"
    assert numeric_derivative(loss, at, "v", "central").method == "central differences"
    # the other components stay at their values while one moves
    d = numeric_derivative(lambda v, c: v[0] * v[1] * c, {"v": np.array([2.0, 5.0]), "c": 1.0}, "v", "central")
    np.testing.assert_allclose(d.value, [5.0, 2.0], rtol=1e-9)


def test_an_array_input_needs_a_loss_that_returns_one_number():
    with pytest.raises(ValueError, match=r"v is an array, so the loss must return one number, not shape \(2,\)"):
        numeric_derivative(lambda v: v ** 2, {"v": np.array([1.0, 2.0])}, "v", "central")


def test_per_sample_data_give_one_derivative_per_sample_for_a_scalar_parameter():
    x = np.array([1.0, -2.0, 3.0])
    for method in ("complex", "central"):
        d = numeric_derivative(lambda w, x: (w * x) ** 2, {"w": 0.5, "x": x}, "w", method)
        np.testing.assert_allclose(d.value, 2 * 0.5 * x ** 2, rtol=1e-8)


def test_a_complex_point_is_differentiated_at_its_real_part():
    d = numeric_derivative(lambda t: t ** 2, {"t": 1.5 + 0j}, "t", "central")
    assert d.value == pytest.approx(3.0, rel=1e-9)
