"""The derivatives derive finds, against expressions written out by hand."""
import numpy as np
import pytest
import sympy as sp

from derive import gradient, losses, parse_expression

w, b, x, y = sp.symbols("w b x y", real=True)
y_hat = w * x + b


def is_zero(expr: sp.Expr) -> bool:
    return sp.simplify(expr) == 0


def test_squared_error_gradient_matches_the_lecture():
    g = gradient(losses.squared_error(), wrt=["w", "b"])
    assert is_zero(g.exprs["w"] - (-2 * (y - y_hat) * x))
    assert is_zero(g.exprs["b"] - (-2 * (y - y_hat)))


def test_half_squared_error_gradient_matches_the_lecture():
    g = gradient(losses.half_squared_error(), wrt=["w", "b"])
    assert is_zero(g.exprs["w"] - (-(y - y_hat) * x))
    assert is_zero(g.exprs["b"] - (-(y - y_hat)))


def test_the_lectures_boxed_gradient_is_not_the_half_squared_error_gradient():
    g = gradient(losses.half_squared_error(), wrt=["w"])
    assert not is_zero(g.exprs["w"] - (-(y - y_hat)))


def test_absolute_error_gradient_is_the_sign_of_the_residual():
    g = gradient(losses.absolute_error(), wrt=["w", "b"])
    assert is_zero(g.exprs["w"] - (-sp.sign(y - y_hat) * x))
    assert is_zero(g.exprs["b"] - (-sp.sign(y - y_hat)))


def test_logistic_cross_entropy_gradient_is_prediction_minus_label():
    g = gradient(losses.logistic_cross_entropy(), wrt=["w", "b"])
    a = 1 / (1 + sp.exp(-y_hat))
    written_out = [sp.simplify((e.rewrite(sp.exp) - want)) for e, want in
                   [(g.exprs["w"], (a - y) * x), (g.exprs["b"], a - y)]]
    assert written_out == [0, 0]


def test_two_features_have_one_partial_derivative_each():
    w1, w2, x1, x2 = sp.symbols("w_1 w_2 x_1 x_2", real=True)
    residual = y - (w1 * x1 + w2 * x2 + b)
    g = gradient(losses.squared_error(losses.linear(2)), wrt=["w_1", "w_2", "b"])
    assert list(g.exprs) == ["w_1", "w_2", "b"]
    assert is_zero(g.exprs["w_1"] + 2 * residual * x1)
    assert is_zero(g.exprs["w_2"] + 2 * residual * x2)
    assert is_zero(g.exprs["b"] + 2 * residual)


def test_results_come_in_wrt_order_and_arguments_are_params_then_sorted_symbols():
    g = gradient(losses.half_squared_error(), wrt=["b", "w"])
    assert g.wrt == ("b", "w")
    assert g.names == ("b", "w", "x", "y")
    db, dw = g(w=2.0, b=1.0, x=3.0, y=0.0)
    assert (dw, db) == (21.0, 7.0)  # residual 7, times x = 3


def test_numeric_evaluation_broadcasts_over_samples():
    g = gradient(losses.half_squared_error())
    xs, ys = np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 5.0])
    dw, db = g(w=1.0, b=0.5, x=xs, y=ys)
    np.testing.assert_allclose(db, xs + 0.5 - ys)
    np.testing.assert_allclose(dw, (xs + 0.5 - ys) * xs)


def test_constant_derivative_takes_the_shape_of_the_data():
    g = gradient(parse_expression("w*x + b"), wrt=["w", "b"])
    dw, db = g(w=0.0, b=0.0, x=np.arange(4.0), y=0.0) if "y" in g.names else g(w=0.0, b=0.0, x=np.arange(4.0))
    assert db.shape == (4,) and np.all(db == 1.0)


def test_scalar_fast_path_returns_python_floats():
    g = gradient(losses.half_squared_error())
    dw, db = g.scalar(2.0, 1.0, 3.0, 0.0)
    assert type(dw) is float and (dw, db) == (21.0, 7.0)


def test_deriving_the_same_loss_twice_returns_the_cached_gradient():
    first = gradient(losses.half_squared_error(), wrt=["w", "b"])
    again = gradient(parse_expression("(y - (w*x + b))**2 / 2"), wrt=["w", "b"])
    assert again is first


def test_missing_and_unknown_arguments_are_named():
    g = gradient(losses.half_squared_error())
    with pytest.raises(TypeError, match="missing y; unknown z"):
        g(w=1.0, b=1.0, x=1.0, z=2.0)


def test_a_parameter_absent_from_the_loss_is_refused_with_the_symbols_it_has():
    with pytest.raises(ValueError, match="no symbol v; its symbols are b, w, x, y"):
        gradient(losses.half_squared_error(), wrt=["v"])


def test_latex_names_each_partial_derivative():
    text = gradient(losses.half_squared_error()).latex()
    assert text.count(r"\frac{\partial L}{\partial") == 2 and r"\partial w}" in text


def test_a_derivative_too_costly_to_simplify_is_still_correct():
    loss = parse_expression("log(exp(sin(w*x)+cos(w*x))**7 + sqrt(w**3 + x*w))**3 * tanh(b*w*x)")
    g = gradient(loss, wrt=["w"])
    assert is_zero(g.exprs["w"] - sp.diff(loss, w)) or sp.N(
        (g.exprs["w"] - sp.diff(loss, w)).subs({w: 0.7, x: 1.3, b: 0.2})) == pytest.approx(0, abs=1e-9)
