r"""How a wrong step's expected value is written (derive/check/expected.py) and how much a
printed decimal may be off (rounding.py), with the numbers worked out by hand from the
docstrings: a slack of Σ|∂value/∂decimal|·½·10⁻ᵏ, three units of the last printed decimal.
Each test names the bug it catches."""
import sympy as sp

from derive.check import check_text
from derive.check.algebra import assess
from derive.check.expected import tidy, to_latex
from derive.check.rounding import ROUNDING_UNITS, printed_precision, rounding_slack
from derive.symbols import symbol

eta, y, y_hat, i, n = (symbol(s) for s in ("eta", "y", "y_hat", "i", "n"))
X = sp.IndexedBase("x")


def test_signs_move_out_of_brackets_as_notes_write_them():
    """η(ŷ − y) → −η(y − ŷ); a bracket the notes wrote as ŷ − y keeps that orientation.
    Catches the flip asked only when the notes preferred the other orientation."""
    assert str(tidy(eta * (y_hat - y))) == "-eta*(y - y_hat)"
    assert str(tidy(eta * (y - y_hat))) == "eta*(y - y_hat)"
    assert str(tidy(eta * (y - y_hat), frozenset({y_hat - y}))) == "-eta*(-y + y_hat)"


def test_a_negative_mean_keeps_one_minus_before_its_fraction():
    """−(1/n)Σxᵢ is written with the sign once, in front. Catches the rest's sign not removed."""
    assert to_latex(-sp.Sum(X[i], (i, 1, n)) / n, {}) == r"-\frac{1}{n} \sum_{i=1}^{n} x_{i}"
    assert to_latex(sp.Sum(X[i], (i, 1, n)) / n, {}) == r"\frac{1}{n} \sum_{i=1}^{n} x_{i}"


def test_the_slack_of_rounded_decimals_is_half_a_unit_times_the_derivative():
    """0.7514·2 moves by 2·½·10⁻⁴; 1.25 + 0.0125 by ½·10⁻² + ½·10⁻⁴; 0.7 (under three
    significant digits) and whole numbers are exact. Catches the digits counted from the wrong
    group, and a slack of 1 where there is none."""
    none = frozenset()
    assert rounding_slack(r"0.7514 \cdot 2", {}, none) == sp.Rational(1, 10000)
    assert rounding_slack(r"1.25 + 0.0125", {}, none) == sp.Rational(101, 20000)
    assert rounding_slack(r"0.7 \cdot 2", {}, none) == 0
    assert rounding_slack(r"2 \cdot 3", {}, none) == 0


def test_a_decimal_that_does_not_print_the_value_is_wrong_and_reports_the_exact_value():
    """1/3 printed 0.343 is 9.7 units off: wrong, expected 0.33333, and the counterexample has
    no point (there are no variables). Catches a key of the counterexample renamed. 0.333 is
    1/3 rounded; 0.334 and 0.332 are neither 1/3 rounded nor cut off, so they are wrong too."""
    assert ROUNDING_UNITS == 3  # only for recognising a value written again (_printed_as)
    out = printed_precision(sp.Rational(1, 3), sp.Rational("0.343"), 3)
    assert (out.verdict, out.expected) == ("wrong", "0.33333")
    assert out.counterexample == {"point": {}, "left": "1/3", "right": "343/1000"}
    assert printed_precision(sp.Rational(1, 3), sp.Rational("0.333"), 3).verdict == "numeric"
    assert printed_precision(sp.Rational(1, 3), sp.Rational("0.334"), 3).verdict == "wrong"
    assert printed_precision(sp.Rational(1, 3), sp.Rational("0.332"), 3).verdict == "wrong"


def test_a_number_claimed_for_letters_without_values_is_skipped_whatever_the_number():
    """= 1 and = 2 alike (only = 0 may be an equation). Catches 1 taken for 0."""
    reason = ("a number claimed for an expression in a, b, whose values the notes do not give where "
              "the checker could read them")
    for number in ("1", "2"):
        (v,) = check_text(f"$$a + b = {number}$$\n").verdicts
        assert (str(v.verdict), v.reason) == ("skipped", reason)


def test_a_number_claimed_for_letters_judged_in_this_process():
    """The same judgement by algebra.assess here, not in the checker's worker (where mutation
    testing cannot see it): = 1 and = 2 skipped, = 0 compared as an identity (wrong at the first
    point). Catches 1 taken for 0."""
    reason = ("a number claimed for an expression in a, b, whose values the notes do not give where "
              "the checker could read them")
    for number in (1, 2):
        out = assess(symbol("a") + symbol("b"), sp.Integer(number), {}, {}, False)
        assert (out.verdict, out.reason) == ("skipped", reason)
    assert assess(symbol("a") + symbol("b"), sp.Integer(0), {}, {}, False).verdict == "wrong"


def test_a_wrong_steps_expected_value_keeps_the_notes_names_and_brackets():
    """L = (ŷ − y)², ŷ = w x + b; the claim ∂L/∂w = 2(y − ŷ) is wrong, and the right value is
    shown as the claim writes its bracket, (y − ŷ), with ŷ folded back and the sign in front:
    −2(y − ŷ)x, worked out by hand. Catches the claim's brackets not passed to the printer."""
    notes = ("$$\\hat{y} = w x + b$$\n\n$$L = (\\hat{y} - y)^2$$\n\n"
             "$$\\frac{\\partial L}{\\partial w} = 2 (y - \\hat{y})$$\n")
    *_, step = check_text(notes).verdicts
    assert (step.line, str(step.verdict), step.expected) == (5, "wrong", "-2 (y - \\hat{y}) x")


def test_a_wrong_steps_expected_value_judged_in_this_process():
    """The same step by algebra.assess here (check_text judges it in its worker): at the first
    point w=2, b=1, x=3, y=0, ŷ = 7: ∂L/∂w = 2·7·3 = 42 and the claim 2(0 − 7) = −14."""
    w, b, x, y = (symbol(s) for s in "wbxy")
    out = assess(sp.Derivative(symbol("L"), w), 2 * (y - y_hat),
                 {y_hat: w * x + b, symbol("L"): (y_hat - y) ** 2}, {"y_hat": "\\hat{y}"}, False)
    assert (out.verdict, out.expected) == ("wrong", "-2 (y - \\hat{y}) x")
    assert out.counterexample == {"point": {"w": 2, "b": 1, "x": 3, "y": 0}, "left": 42, "right": -14}
