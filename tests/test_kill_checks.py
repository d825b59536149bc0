"""check_gradient's report and its edges (derive/testing/checks.py): the failure table
character by character, the relative error where the numeric derivative is 0, the worst
component when one is NaN, a single ``wrt`` name, a SymPy loss with a kink (central
differences chosen), shapes that do not broadcast. Each test names the bug it catches."""
import math

import numpy as np
import pytest
import sympy as sp

from derive.symbols import symbol
from derive.testing import Comparison, GradientMismatch, check_gradient
from derive.testing.checks import format_point, format_table


def half_se(w, b, x, y):
    return 0.5 * (y - (w * x + b)) ** 2


def right(w, b, x, y):
    err = w * x + b - y
    return err * x, err


def test_the_table_is_laid_out_in_fixed_columns():
    """Written out by hand: catches a heading renamed, a column's width or alignment changed,
    or ok / MISMATCH swapped."""
    rows = [Comparison("w", (), 1.5, 2.0, 1e-6), Comparison("b", (1, 2), -3.0, -3.0, 2.5e-3)]
    table = format_table(rows, {"w": 0.5, "x": np.array([1.0, 2.0])}, "complex step")
    assert table.splitlines() == [
        "gradient does not match the loss's derivative (complex step) at",
        "  w=0.5, x=[1.0, 2.0]",
        "parameter           analytic         numeric   abs error   rel error     allowed",
        "w                        1.5               2    5.00e-01    2.50e-01    1.00e-06  MISMATCH",
        "b[1,2]                    -3              -3    0.00e+00    0.00e+00    2.50e-03  ok",
    ]


def test_relative_error_where_the_numeric_derivative_is_zero():
    """0 when both are 0, infinite when only the analytic one is not: catches the two swapped."""
    assert Comparison("w", (), 0.0, 0.0, 0.0).rel_error == 0.0
    assert Comparison("w", (), 1e-9, 0.0, 0.0).rel_error == math.inf
    assert Comparison("w", (), 3.0, -2.0, 0.0).rel_error == pytest.approx(2.5)
    assert Comparison("w", (), 3.0, -2.0, 0.0).abs_error == pytest.approx(5.0)


def test_ok_is_inclusive_and_false_for_nan():
    assert Comparison("w", (), 1.0, 1.5, 0.5).ok  # exactly the allowance
    assert not Comparison("w", (), 1.0, 1.5, 0.4999).ok
    assert not Comparison("w", (), math.nan, 1.5, 1e9).ok
    assert Comparison("w", (3,), 0, 0, 0).label == "w[3]" and Comparison("w", (), 0, 0, 0).label == "w"


def test_format_point_shows_floats_exactly_and_arrays_flat():
    assert format_point({"w": 0.1, "b": -2, "x": np.array([[1.0, 2.5]]), "z": 1 + 0j}) == \
        "w=0.1, b=-2.0, x=[1.0, 2.5], z=1.0"


def test_a_nan_component_is_the_worst_one():
    """Catches NaN compared as a number (never the worst, as argmax of NaN − allowed could miss it)."""
    point = {"w": np.array([1.0, 2.0, 3.0]), "x": 1.0}
    loss = lambda w, x: float(np.sum(w ** 2)) * x  # noqa: E731
    bad = lambda w, x: np.array([2.0, math.nan, 6.0]) * x  # noqa: E731
    with pytest.raises(GradientMismatch) as caught:
        check_gradient(loss, bad, point, "w", method="central")
    (row,) = caught.value.rows
    assert row.index == (1,) and math.isnan(row.analytic)


def test_the_worst_component_is_the_one_furthest_beyond_its_allowance():
    point = {"w": np.array([1.0, 2.0, 3.0]), "x": 1.0}
    loss = lambda w, x: float(np.sum(w ** 2)) * x  # noqa: E731
    off = lambda w, x: np.array([2.0 + 1e-3, 4.0, 6.0 + 1e-2]) * x  # noqa: E731
    with pytest.raises(GradientMismatch) as caught:
        check_gradient(loss, off, point, "w")
    (row,) = caught.value.rows
    assert row.index == (2,) and row.analytic == pytest.approx(6.01) and row.numeric == pytest.approx(6.0)


def test_a_single_wrt_name_and_a_bare_number_are_accepted():
    rows = check_gradient(lambda w, x: w ** 3 * x, lambda w, x: 3 * w ** 2 * x, {"w": 2.0, "x": 0.5}, "w")
    assert [r.parameter for r in rows] == ["w"] and rows[0].numeric == pytest.approx(6.0, rel=1e-14)


def test_the_mismatch_carries_the_rows_the_point_and_the_method():
    point = {"w": 0.5, "b": -1.0, "x": 2.0, "y": 1.0}
    wrong = lambda **p: (right(**p)[0] * 2, right(**p)[1])  # noqa: E731
    with pytest.raises(GradientMismatch) as caught:
        check_gradient(half_se, wrong, point, ["w", "b"])
    error = caught.value
    assert error.point == point and error.method == "complex step"
    assert [r.ok for r in error.rows] == [False, True]
    assert isinstance(error, AssertionError) and str(error).startswith("gradient does not match")


def test_a_sympy_loss_with_a_kink_is_checked_by_central_differences():
    """|y − w·x| is not analytic: the complex step would drop the sign. Catches the kink not
    seen (NOT_ANALYTIC) or the method forced anyway."""
    w, x, y = symbol("w"), symbol("x"), symbol("y")
    loss = sp.Abs(y - w * x)
    point = {"w": 0.5, "x": 2.0, "y": 3.0}  # y − w·x = 2 > 0: derivative −x = −2
    rows = check_gradient(loss, lambda w, x, y: -x * np.sign(y - w * x), point, ["w"])
    assert rows[0].numeric == pytest.approx(-2.0, rel=1e-9)
    with pytest.raises(GradientMismatch) as caught:
        check_gradient(loss, lambda w, x, y: x, point, ["w"])
    assert caught.value.method == "central differences"


def test_a_sympy_loss_without_a_kink_uses_the_complex_step():
    w, x = symbol("w"), symbol("x")
    with pytest.raises(GradientMismatch) as caught:
        check_gradient((w * x) ** 2, lambda w, x: 2 * w * x * x * (1 + 1e-5), {"w": 0.5, "x": 2.0}, ["w"])
    assert caught.value.method == "complex step"


def test_a_gradient_of_another_shape_is_a_clear_error():
    point = {"w": 1.0, "x": np.array([1.0, 2.0])}
    with pytest.raises(ValueError, match=r"the gradient for w has shape \(3,\), the loss's derivative \(2,\)"):
        check_gradient(lambda w, x: w * x, lambda w, x: np.ones(3), point, ["w"])


def test_a_non_finite_numeric_derivative_names_the_parameter_and_the_point():
    """w is fine, b sits where the loss is infinite: catches the check skipped or the wrong name given."""
    with np.errstate(all="ignore"):
        with pytest.raises(ValueError, match=r"numerical derivative for b is not finite at w=1.0, b=0.0"):
            check_gradient(lambda w, b: w + (np.inf if b != 0 else 0.0), lambda w, b: (1.0, 0.0),
                           {"w": 1.0, "b": 0.0}, ["w", "b"], method="central")
