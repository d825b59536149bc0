"""derive.linear: a loss of z = Σ w_i·x_i + b is differentiated once, with
respect to z, and its partials differ only in the index."""
import inspect

import numpy as np
import pytest
import sympy as sp

from derive import gradient, losses, parse_expression, symbol
from derive.linear import linear_model
from derive.symbols import sigmoid

D = 40


def params(d):
    return [f"w_{i}" for i in range(1, d + 1)] + ["b"]


def test_a_wide_logistic_loss_is_a_function_of_z_alone():
    loss = losses.logistic_cross_entropy(losses.linear(D))
    model = linear_model(loss, tuple(symbol(p) for p in params(D)))
    assert model is not None and model.outer.free_symbols == {model.z, symbol("y")}
    z = model.z
    assert sp.simplify(model.outer - (-(symbol("y") * sp.log(sigmoid(z)) + (1 - symbol("y")) * sp.log(1 - sigmoid(z))))) == 0


def test_each_partial_is_the_feature_times_one_derivative():
    g = gradient(losses.logistic_cross_entropy(losses.linear(D)), params(D))
    z = losses.linear(D)
    dz = sigmoid(z) - symbol("y")
    for i in (1, 17, D):
        assert sp.expand(g.exprs[f"w_{i}"] - symbol(f"x_{i}") * dz) == 0
    assert sp.expand(g.exprs["b"] - dz) == 0


def test_the_generated_function_computes_z_once():
    g = gradient(losses.logistic_cross_entropy(losses.linear(D)), params(D))
    source = inspect.getsource(g.scalar)
    assert source.count("w_17*x_17") == 1 and source.count("exp(") == 2  # σ(z) once, in its stable form


def test_the_wide_gradient_matches_numpy_written_by_hand():
    rng = np.random.default_rng(3)
    X, w, b = rng.normal(size=(25, D)), rng.normal(size=D), 0.3
    y = (rng.random(25) > 0.5).astype(float)
    g = gradient(losses.logistic_cross_entropy(losses.linear(D)), params(D))
    values = {f"w_{i + 1}": w[i] for i in range(D)} | {f"x_{i + 1}": X[:, i] for i in range(D)} | {"b": b, "y": y}
    result = np.array(g(**values))
    residual = 1 / (1 + np.exp(-(X @ w + b))) - y
    np.testing.assert_allclose(result[:D], (X * residual[:, None]).T, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(result[D], residual, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("text", ["w**2 + (y - (w*x + b))**2", "(y - (w*x + b))**2 * exp(w)", "sigmoid(w)*(y - b)**2"])
def test_a_loss_that_uses_a_weight_outside_z_is_differentiated_directly(text):
    loss = parse_expression(text)
    assert linear_model(loss, (symbol("w"), symbol("b"))) is None
    g = gradient(loss, ["w", "b"])
    for p in ("w", "b"):
        assert sp.simplify(g.exprs[p] - sp.diff(loss, symbol(p))) == 0


def test_the_book_loss_prints_as_before():
    g = gradient(losses.half_squared_error(), ["w", "b"])
    assert str(g.exprs["w"]) == "x*(b + w*x - y)" and str(g.exprs["b"]) == "b + w*x - y"
    assert str(gradient(losses.squared_error(), ["w", "b"]).exprs["b"]) == "2*(b + w*x - y)"


def test_z_used_once_is_inlined_as_cse_would():
    # one temporary z0 = b + w·x and then t0 = -y + z0 costs NumPy an extra pass over the data
    g = gradient(losses.half_squared_error(), ["w", "b"])
    source = inspect.getsource(g.numpy)
    assert "z0" not in source and "b + w*x - y" in source


def test_a_wide_logistic_loop_is_the_hand_written_per_sample_loop():
    """Past 8 features the generated loop steps the parameter vector (one dot,
    one axpy a sample): it must still be per-sample logistic SGD, x_i·(σ(z) − y)
    for each weight and σ(z) − y for the bias."""
    import math

    import numpy as np

    from derive import losses as named
    from derive.descent import sgd_loop

    d, n, lr = 12, 40, 0.3
    rng = np.random.default_rng(7)
    X, Y = rng.normal(size=(n, d)), rng.integers(0, 2, n).astype(float)
    theta = rng.normal(size=d + 1)
    loop = sgd_loop(named.logistic_cross_entropy(named.linear(d)), [f"w_{i}" for i in range(1, d + 1)] + ["b"])
    assert "row.dot(p)" in loop.source and "cse" not in loop.source
    assert loop.vector == ((*range(d), -1), (d,))  # rows are (x_1, …, x_d, 1); y follows
    after = loop.epoch(theta, np.column_stack([X, np.ones(n)]), Y.tolist(), lr)
    w, b = list(theta[:-1]), float(theta[-1])
    for xi, yi in zip(X.tolist(), Y.tolist()):
        z = sum(wj * xj for wj, xj in zip(w, xi)) + b
        g = 1 / (1 + math.exp(-z)) - yi
        w = [wj - lr * g * xj for wj, xj in zip(w, xi)]
        b -= lr * g
    np.testing.assert_allclose(after, w + [b], rtol=1e-12, atol=1e-14)
