"""What gradient(), linear() and a Gradient's call refuse, and the small promises the
other tests take for granted: parameter order, one name or a symbol for wrt, the
argument order of generated functions, and a derivative too long to tidy."""
import numpy as np
import pytest
import sympy as sp

from derive import InputError, gradient, losses, parse_expression, symbol
from derive.gradient import SIMPLIFY_MAX_OPS, _tidied

w, b, x, y = (symbol(n) for n in "wbxy")


@pytest.mark.parametrize("features", [0, -1])
def test_a_linear_model_needs_at_least_one_feature(features):
    with pytest.raises(InputError, match=f"at least one feature, got {features}"):
        losses.linear(features)


def test_a_linear_model_of_one_and_of_three_features():
    assert losses.linear() == losses.linear(1) == w * x + b
    w1, w2, w3, x1, x2, x3 = (symbol(n) for n in ("w_1", "w_2", "w_3", "x_1", "x_2", "x_3"))
    assert losses.linear(3) == w1 * x1 + w2 * x2 + w3 * x3 + b
    assert losses.linear(2) == w1 * x1 + w2 * x2 + b


def test_the_named_losses_are_the_formulas_of_the_lecture():
    assert losses.squared_error() == (y - (w * x + b)) ** 2
    assert losses.half_squared_error() == (y - (w * x + b)) ** 2 / 2
    assert losses.absolute_error() == sp.Abs(y - (w * x + b))
    z = w * x + b
    a = 1 / (1 + sp.exp(-z))
    expected = -(y * sp.log(a) + (1 - y) * sp.log(1 - a))
    got = losses.logistic_cross_entropy().rewrite(sp.exp)
    assert all(abs(complex(sp.N((got - expected).subs({w: wv, b: 0.3, x: 1.7, y: yv})))) < 1e-12
               for wv in (-2.0, 0.5) for yv in (0, 1))
    assert losses.squared_error(losses.linear(2)) == (y - losses.linear(2)) ** 2
    assert set(losses.BY_NAME) >= {"se", "half-se"}


@pytest.mark.parametrize("wrt", [["w", "w"], ["w", "b", "w"], [w, "w"]])
def test_a_parameter_named_twice_is_refused(wrt):
    with pytest.raises(InputError, match="named twice"):
        gradient(losses.half_squared_error(), wrt=wrt)


def test_no_parameter_is_refused():
    with pytest.raises(InputError, match="at least one parameter"):
        gradient(losses.half_squared_error(), wrt=[])


def test_text_is_not_a_loss():
    with pytest.raises(TypeError, match="parse_expression"):
        gradient("(y - (w*x + b))**2", wrt=["w"])


def test_wrt_may_be_one_name_or_one_symbol():
    for wrt in ("w", w, [w]):
        g = gradient(losses.half_squared_error(), wrt=wrt)
        assert g.wrt == ("w",)
        assert sp.simplify(g.exprs["w"] - (w * x + b - y) * x) == 0


def test_the_default_parameters_are_w_then_b_and_arguments_put_data_after_them():
    g = gradient(losses.half_squared_error())
    assert g.wrt == ("w", "b") and g.names == ("w", "b", "x", "y")
    g = gradient(losses.half_squared_error(), wrt=["b", "w"])
    assert g.wrt == ("b", "w") and g.names == ("b", "w", "x", "y")
    assert [sp.simplify(d - e) for d, e in zip(g.derivatives, (w * x + b - y, (w * x + b - y) * x))] == [0, 0]


@pytest.mark.parametrize("values, words", [
    (dict(w=1.0, b=1.0, x=1.0, y=1.0, z=2.0), "unknown z"),
    (dict(w=1.0, b=1.0, x=1.0, y=1.0, lr=0.1, epochs=3), "unknown epochs, lr"),
    (dict(w=1.0, x=1.0, y=1.0), "missing b"),
    (dict(), "missing w, b, x, y"),
])
def test_unknown_and_missing_keyword_arguments_are_named(values, words):
    g = gradient(losses.half_squared_error())
    with pytest.raises(TypeError, match=words):
        g(**values)
    with pytest.raises(TypeError, match=words):
        g.loss_value(**values)


def test_a_missing_and_an_unknown_argument_are_both_named_in_one_message():
    with pytest.raises(TypeError, match=r"the gradient takes w, b, x, y: missing x; unknown v$"):
        gradient(losses.half_squared_error())(w=1.0, b=1.0, y=1.0, v=0.0)


def test_the_loss_value_and_the_gradient_at_a_point():
    g = gradient(losses.half_squared_error())
    assert g.loss_value(w=2.0, b=1.0, x=3.0, y=4.0) == pytest.approx(4.5)
    assert g(w=2.0, b=1.0, x=3.0, y=4.0) == pytest.approx((9.0, 3.0))
    gw, gb = g(w=2.0, b=1.0, x=np.array([3.0, 0.0]), y=np.array([4.0, 1.0]))
    np.testing.assert_allclose(gw, [9.0, 0.0])
    np.testing.assert_allclose(gb, [3.0, 0.0])


def test_a_loss_that_is_not_a_linear_model_is_differentiated_directly():
    loss = parse_expression("(y - w**2*x - b)**2")
    g = gradient(loss, wrt=["w", "b"])
    assert g.model is None
    assert sp.simplify(g.exprs["w"] - 2 * (y - w**2 * x - b) * (-2 * w * x)) == 0
    assert g(w=1.5, b=0.5, x=2.0, y=1.0) == pytest.approx((2 * (1 - 4.5 - 0.5) * (-6.0), -2 * (1 - 4.5 - 0.5)))


def test_tidying_picks_the_shortest_form_and_stops_past_its_bound():
    expanded = sp.expand((w + b) * x - w * x)
    assert sp.count_ops(_tidied(expanded)) <= sp.count_ops(expanded)
    assert _tidied(2 * w * x + 2 * w * y) == 2 * w * (x + y)
    big = sp.Add(*(symbol(f"a_{i}") * w for i in range(SIMPLIFY_MAX_OPS)))
    assert sp.count_ops(big) > SIMPLIFY_MAX_OPS
    assert _tidied(big) is big
    small = sp.Add(*(symbol(f"a_{i}") * w for i in range(SIMPLIFY_MAX_OPS // 2 - 1)))
    assert sp.count_ops(small) <= SIMPLIFY_MAX_OPS
    assert _tidied(small) == w * sp.Add(*(symbol(f"a_{i}") for i in range(SIMPLIFY_MAX_OPS // 2 - 1)))


def test_repr_and_latex_name_every_parameter():
    g = gradient(losses.half_squared_error())
    assert repr(g).startswith("Gradient(w: ") and ", b: " in repr(g)
    assert g._repr_latex_().startswith("$\\displaystyle \\begin{aligned}") and "&=" in g._repr_latex_()
