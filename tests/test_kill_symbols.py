"""derive.symbols on its own: σ and log σ as each code printer writes them, evaluated here
and compared with formulas written in this file (NumPy's logaddexp, 1 / (1 + e^(−z))),
at points where a naive σ overflows or loses its accuracy; their derivatives against
finite differences; the helpers that rewrite σ and the Dirac delta.

Each test names the plausible bug it catches: a sign flipped inside the stable form, min
taken for max, the exponent of σ² dropped from its LaTeX, a delta replaced by 1."""
import math
import types

import mpmath

import numpy as np
import pytest
import sympy as sp
from sympy.printing.numpy import JaxPrinter, NumPyPrinter
from sympy.printing.pycode import PythonCodePrinter

from derive.symbols import (CONSTANTS, FUNCTIONS, almost_everywhere, log_sigmoid, numeric_form, sigmoid,
                            sort_key, symbol)

z = symbol("z")
#: both signs, zero, where e^(−z) overflows a double (z < −709), and where σ is within ε of 1
POINTS = [-800.0, -710.0, -40.0, -1.5, -1e-9, 0.0, 1e-9, 0.75, 40.0, 710.0, 800.0]


def reference_sigmoid(v: float) -> float:
    """σ(v) = 1 / (1 + e^(−v)) = e^(−logaddexp(0, −v)): no overflow on either side."""
    return math.exp(-np.logaddexp(0.0, -v))


def reference_log_sigmoid(v: float) -> float:
    return -float(np.logaddexp(0.0, -v))


def printed_function(printer, expr: sp.Expr, namespace: dict):
    """``lambda z: <expr as printer writes it>``, run with the modules in ``namespace``."""
    return eval("lambda z: " + printer.doprint(expr), namespace)


PRINTERS = {
    "math": (lambda: PythonCodePrinter({"fully_qualified_modules": True}), {"math": math}),
    "numpy": (lambda: NumPyPrinter(), {"numpy": np}),
    # the JAX printer writes jax.numpy.…; NumPy has the same functions, so it runs without JAX
    "jax": (lambda: JaxPrinter(), {"jax": types.SimpleNamespace(numpy=np)}),
}


@pytest.mark.parametrize("target", sorted(PRINTERS))
@pytest.mark.parametrize("v", POINTS)
def test_printed_sigmoid_is_sigmoid_to_rounding_even_where_it_is_tiny(target, v):
    """Catches a stable form with a sign, min/max or abs dropped: it overflows (math raises,
    NumPy gives nan) or is wrong on one side of 0."""
    make, namespace = PRINTERS[target]
    f = printed_function(make(), sigmoid(z), namespace)
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):  # the stable form takes exp of no positive number
        value = float(f(v if target == "math" else np.float64(v)))
    assert value == pytest.approx(reference_sigmoid(v), rel=1e-14, abs=0)


@pytest.mark.parametrize("target", sorted(PRINTERS))
@pytest.mark.parametrize("v", POINTS)
def test_printed_log_sigmoid_is_log_sigmoid_to_rounding(target, v):
    """Catches min(z, 0) written as max, the log1p's sign flipped, or abs dropped (overflow)."""
    make, namespace = PRINTERS[target]
    f = printed_function(make(), log_sigmoid(z), namespace)
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        value = float(f(v if target == "math" else np.float64(v)))
    assert value == pytest.approx(reference_log_sigmoid(v), rel=1e-14, abs=1e-300)


def test_c_code_of_sigmoid_and_log_sigmoid_is_the_stable_form():
    """C cannot be run here: the text is compared with the stable forms written out."""
    assert sp.ccode(sigmoid(z)) == "(exp(fmin(z, 0))/(1 + exp(-fabs(z))))"
    assert sp.ccode(log_sigmoid(z)) == "(fmin(z, 0) - log1p(exp(-fabs(z))))"


def test_printed_sigmoid_of_a_compound_argument_evaluates_the_argument():
    """Catches the argument printed as something else (the first arg of a different node)."""
    w, x = symbol("w"), symbol("x")
    f = eval("lambda w, x: " + PythonCodePrinter({"fully_qualified_modules": True}).doprint(sigmoid(w * x - 2)),
             {"math": math})
    assert f(1.5, 2.0) == pytest.approx(reference_sigmoid(1.0), rel=1e-15)


@pytest.mark.parametrize("v", [-30.0, -2.0, 0.0, 0.5, 3.0, 30.0])
def test_the_derivatives_of_sigmoid_and_log_sigmoid_match_finite_differences(v):
    """σ' = σ(1 − σ) and (log σ)'(z) = σ(−z): catches 1 + s for 1 − s, or σ(z) for σ(−z).
    The differences are taken in 50-digit arithmetic (mpmath), so σ near 1 loses nothing."""
    mpmath.mp.dps = 50
    h = mpmath.mpf("1e-20")
    references = {sigmoid: lambda t: 1 / (1 + mpmath.exp(-t)), log_sigmoid: lambda t: -mpmath.log(1 + mpmath.exp(-t))}
    for f, reference in references.items():
        value = float(numeric_form(sp.diff(f(z), z)).subs(z, v).evalf(30))
        numeric = (reference(mpmath.mpf(v) + h) - reference(mpmath.mpf(v) - h)) / (2 * h)
        assert value == pytest.approx(float(numeric), rel=1e-12)


def test_sigmoid_derivative_is_written_with_sigmoid():
    """The gradient reads x·(σ − y), not exponentials: σ' is σ(1 − σ) itself."""
    assert sp.diff(sigmoid(z), z) == sigmoid(z) * (1 - sigmoid(z))
    assert sp.diff(log_sigmoid(z), z) == sigmoid(-z)


def test_sigmoid_rewrites_as_exp_and_numeric_form_replaces_it():
    assert sigmoid(z).rewrite(sp.exp) == 1 / (1 + sp.exp(-z))
    w = symbol("w")
    assert numeric_form(sigmoid(w) * 3 + w) == 3 / (1 + sp.exp(-w)) + w
    assert numeric_form(w**2) == w**2


def test_sigmoid_of_a_real_is_real_and_positive_and_of_other_numbers_it_is_not_known():
    """Catches the assumption hooks answering for an argument they cannot vouch for."""
    assert sigmoid(symbol("w")).is_real is True
    assert sigmoid(symbol("w")).is_positive is True
    free = sp.Symbol("c")  # no assumptions: may be complex
    assert sigmoid(free).is_real is None and sigmoid(free).is_positive is None
    assert sigmoid(sp.I).is_real is False
    assert not sigmoid(sp.I).is_positive


def test_sigmoid_latex_carries_the_exponent_a_power_passes():
    assert sp.latex(sigmoid(symbol("x"))) == r"\sigma\left(x\right)"
    assert sp.latex(sigmoid(symbol("x")) ** 2) == r"\sigma^{2}\left(x\right)"
    assert sp.latex(sigmoid(symbol("x") + 1)) == r"\sigma\left(x + 1\right)"


def test_almost_everywhere_writes_every_delta_as_zero_and_keeps_the_rest():
    w, x, y = symbol("w"), symbol("x"), symbol("y")
    derivative = sp.diff(sp.sign(w * x) + w * y, w)  # 2·x·δ(w·x) + y
    assert derivative.has(sp.DiracDelta)
    assert almost_everywhere(derivative) == y
    assert almost_everywhere(sp.DiracDelta(x, 1) * x + w) == w  # a delta's derivative too
    plain = w * y + 3
    assert almost_everywhere(plain) is plain


def test_the_names_a_user_may_call_are_the_sympy_functions():
    assert FUNCTIONS["sigmoid"] is sigmoid
    assert FUNCTIONS["exp"] is sp.exp and FUNCTIONS["log"] is sp.log and FUNCTIONS["abs"] is sp.Abs
    assert CONSTANTS == {"pi": sp.pi, "e": sp.E}


def test_symbols_are_real_and_one_per_name():
    assert symbol("w").is_real is True
    assert symbol("w") is symbol("w")
    assert symbol("w") == sp.Symbol("w", real=True) != sp.Symbol("w")


def test_sort_key_orders_numbered_names_by_number():
    names = ["x_10", "x_2", "b", "x_1", "w_3", "x_9"]
    ordered = sorted((symbol(n) for n in names), key=sort_key)
    assert [s.name for s in ordered] == ["b", "w_3", "x_1", "x_2", "x_9", "x_10"]
    assert sort_key(symbol("x_10")) == ("x_", 10, "")
