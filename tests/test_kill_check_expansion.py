"""Derivatives taken through the notes' definitions (derive/check/expansion.py), called in
this process: the checker runs them in its worker, where mutation testing cannot see which
test reaches them. Expected values by hand (d/dw w³ = 3w², …). Each test names the bug it
catches."""
import sympy as sp

from derive.check.expansion import FORMULA, evaluate, opaque_derivative
from derive.check.expected import tidy
from derive.symbols import symbol

w, L, i, n, g = (symbol(s) for s in ("w", "L", "i", "n", "g"))
X, Y_HAT = sp.IndexedBase("x"), sp.IndexedBase("y_hat")


def test_a_plain_derivative_is_taken():
    """Catches the operand, the variable or the order dropped from the derivative."""
    assert evaluate(sp.Derivative(w ** 3, w), {}) == 3 * w ** 2
    assert evaluate(sp.Derivative(w ** 3, (w, 2)), {}) == 6 * w


def test_a_worked_examples_value_is_put_in_after_differentiating():
    """L = w², and w = 3 in a worked example (w also defined by a formula): dL/dw = 2w = 6, not
    d(9)/dw = 0. Catches the definitions dropped from the evaluation after the derivative."""
    assert evaluate(sp.Derivative(L, w), {L: w ** 2, w: sp.Integer(3)},
                    unknown=frozenset({symbol(FORMULA + "w")})) == 6


def test_the_derivative_of_an_undefined_indexed_name_is_opaque():
    """d x_i / dw with x never defined is not known to be 0. Catches the indexed entries
    looked up by a wrong name (or crashing)."""
    assert evaluate(sp.Derivative(X[i], w), {}) == opaque_derivative(X[i], w)


def test_one_entry_of_a_sum_is_mentioned_by_its_indexed_name():
    """∂/∂ŷ₁ of L = Σ ŷᵢ: ŷ₁ is one of the ŷᵢ, so the derivative is its term, 1 (until round 8 a
    hatted entry was not read, and this was the opaque "one term of the sum"), not a dependence
    the notes did not write. Catches the base name cut at the first _."""
    result = evaluate(sp.Derivative(L, symbol("y_hat_1")), {L: sp.Sum(Y_HAT[i], (i, 1, n))})
    assert result == 1
    # an entry of another name is not a term of the sum: opaque, neither 1 nor 0
    other = evaluate(sp.Derivative(L, symbol("y_bar_1")), {L: sp.Sum(Y_HAT[i], (i, 1, n))})
    assert other.is_Symbol and other.name.startswith("\u2202")


def test_an_indexed_definition_keeps_the_unknown_functions():
    """ŷᵢ = d(g·w)/dw with g an unknown function of w: g + w·∂g/∂w (product rule), not g.
    Catches the unknown names dropped when an indexed name is expanded."""
    got = evaluate(Y_HAT[i], {symbol("y_hat_i"): sp.Derivative(g * w, w)}, unknown=frozenset({g}))
    assert sp.expand(got - (g + w * opaque_derivative(g, w))) == 0


def test_a_sum_of_negated_terms_is_shown_negated():
    """Σ(−xᵢ) → −Σxᵢ. Catches the test on the notes' preferred brackets inverted."""
    assert str(tidy(sp.Sum(-X[i], (i, 1, n)))) == "-Sum(x[i], (i, 1, n))"
