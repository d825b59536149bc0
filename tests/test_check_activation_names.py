"""σ written for the activation a layer uses (``\\sigma(u) = \\max(0, u)``), in notes written here.

The reader takes ``\\sigma(…)`` for the logistic function, so a list of the
activations σ may stand for was called wrong row by row. A row whose body is
a common activation other than the logistic one is now skipped as a
definition of σ; a body that is no common activation (a slip in the
logistic formula) is still wrong.
"""
import sympy as sp

from derive.check import check_text
from derive.check.activations import other_activation
from derive.symbols import sigmoid, symbol

NOTES = """The activation $\\sigma$ of a layer is one of:

- logistic: $\\sigma(u) = \\frac{1}{1 + e^{-u}}$
- rectifier: $\\sigma(u) = \\max(0, u)$
- hyperbolic tangent: $\\sigma(u) = \\frac{e^{u} - e^{-u}}{e^{u} + e^{-u}}$
- softplus: $\\sigma(u) = \\log(1 + e^{u})$
- leaky rectifier: $\\sigma(u) = \\max(0.1u, u)$

Near misses:

- $\\sigma(u) = \\frac{1}{1 + e^{u}}$
- $\\sigma(u) = \\max(0, u) + 1$
- $\\sigma(u) = \\frac{e^{u}}{1 - e^{u}}$
"""


def by_line() -> dict:
    return {v.line: v for v in check_text(NOTES).verdicts}


def test_other_activations_define_sigma():
    found = by_line()
    assert str(found[3].verdict) != "wrong"  # the logistic function itself
    for line, name in ((4, "ReLU"), (5, "tanh"), (6, "softplus"), (7, "leaky ReLU")):
        assert str(found[line].verdict) == "skipped", line
        assert f"as the {name} function" in found[line].reason


def test_slips_in_the_logistic_formula_stay_wrong():
    found = by_line()
    for line in (11, 12, 13):
        assert str(found[line].verdict) == "wrong", line


def test_which_bodies_are_activations():
    u, v = symbol("u"), symbol("v")
    assert other_activation(sigmoid(u), sp.Max(0, u)) == "ReLU"
    assert other_activation(sigmoid(u), sp.tanh(u)) == "tanh"
    assert other_activation(sigmoid(u), u) == "identity (linear)"
    assert other_activation(sigmoid(u), sp.Max(u / 5, u)) == "leaky ReLU"
    assert other_activation(sigmoid(u), sp.Max(2 * u, u)) == ""            # a slope above 1 is no leaky ReLU
    assert other_activation(sigmoid(u), 2 * u) == ""
    assert other_activation(sigmoid(u), sp.Max(0, v)) == ""                # another variable
    assert other_activation(sigmoid(2 * u), sp.Max(0, 2 * u)) == ""        # σ at an expression: a claim
    assert other_activation(sp.tanh(u), sp.Max(0, u)) == ""                # only σ is read this way
