"""derive.names: one table for each list of names, read by every user."""
import subprocess
import sys

import sympy as sp

from derive import ExpressionError, losses, parse_expression
from derive.names import FUNCTION_LIST, FUNCTIONS, GREEK, LOSSES
from derive.symbols import FUNCTIONS as SYMPY_FUNCTIONS
from derive.symbols import sigmoid, symbol


def test_every_function_in_the_table_parses_to_its_sympy_function():
    x = symbol("x")
    expected = {"exp": sp.exp, "log": sp.log, "ln": sp.log, "sqrt": sp.sqrt, "abs": sp.Abs, "sign": sp.sign,
                "sigmoid": sigmoid, "sin": sp.sin, "cos": sp.cos, "tanh": sp.tanh}
    assert set(FUNCTIONS) == set(SYMPY_FUNCTIONS) == set(expected)
    for name, function in expected.items():
        assert parse_expression(f"{name}(x + 2)") == function(x + 2)


def test_the_refusal_names_every_function_once():
    try:
        parse_expression("erf(x)")
    except ExpressionError as err:
        assert str(err).endswith(f"the functions {FUNCTION_LIST}; got a call to erf")
    assert FUNCTION_LIST == "abs, cos, exp, log, sigmoid, sign, sin, sqrt, tanh"


def test_greek_letters_come_from_unicode_with_latex_names():
    assert GREEK["omega"] == "\u03c9" and GREEK["eta"] == "\u03b7" and GREEK["Sigma"] == "\u03a3"
    assert GREEK["lambda"] == "\u03bb"  # Unicode spells it LAMDA
    assert len(GREEK) == 48 and "sigmaf" not in GREEK and "final" not in " ".join(GREEK).lower()


def test_named_losses_are_one_table_for_derive_and_neuron():
    assert list(losses.BY_NAME) == list(LOSSES) == ["half-se", "se", "abs", "logistic"]
    y, yhat = symbol("y"), losses.linear()
    assert losses.BY_NAME["half-se"]() == (y - yhat) ** 2 / 2
    assert losses.BY_NAME["logistic"]() == -(y * sp.log(sigmoid(yhat)) + (1 - y) * sp.log(1 - sigmoid(yhat)))


def test_neuron_fit_help_lists_every_named_loss():
    result = subprocess.run([sys.executable, "-m", "neuron", "fit", "--help"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0
    assert "--loss half-se|se|abs|logistic|EXPR" in result.stdout
