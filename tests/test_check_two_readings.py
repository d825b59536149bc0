"""Rows that read two ways (issue 9, §1 "wrong only when certain"), in notes written here.

Three classes that gave false alarms on a never-read set of real notes:
``\\frac{\\delta L}{\\delta w}`` read as the product δL/(δw), a derivative operator
followed by an unbracketed sum, and ``p(x_k)`` read as p·x_k.  Each test says which
reading the checker takes, and that a real error in the same notation is still found.
"""
import pytest

from derive.check import check_text
from derive.check.delta_derivatives import delta_derivatives_as_partials
from derive.check.one_letter_calls import undefined_call
from derive.check.operator_reach import operator_reach_checked
from derive.check.latex_errors import LatexError


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def reasons(notes: str) -> list[str]:
    return [v.reason for v in check_text(notes).verdicts]


# ------------------------------------------------ \delta written for \partial
HALF_SQUARED = """A single input $x$ and target $t$:

$$E = \\frac{1}{2}(t - v x)^2$$

$$\\frac{\\delta E}{\\delta v} = -(t - v x) x$$

$$\\frac{\\delta}{\\delta v} \\left(\\frac{1}{2}(t - v x)^2\\right) = -(t - v x) x$$
"""


def test_a_fraction_of_deltas_is_a_derivative():
    assert verdicts(HALF_SQUARED) == [(3, "definition"), (5, "proved"), (7, "proved")]


def test_a_delta_derivative_that_drops_a_factor_is_still_wrong():
    planted = HALF_SQUARED.replace("$$\\frac{\\delta E}{\\delta v} = -(t - v x) x$$", "$$\\frac{\\delta E}{\\delta v} = -(t - v x)$$")
    assert (5, "wrong") in verdicts(planted)


@pytest.mark.parametrize("latex", [
    "\\frac{\\delta}{2} = 3",                 # a letter over a number
    "\\frac{\\delta_1}{\\delta_2} = 3",        # subscripted deltas are names
    "\\frac{\\delta^2 E}{\\delta v^2} = 3",   # a power of delta is not rewritten either
    "\\frac{\\delta E}{v} = 3",               # only the numerator starts with \\delta
])
def test_a_delta_that_is_not_a_derivative_sign_stays_a_letter(latex):
    assert delta_derivatives_as_partials(latex) == latex


def test_the_rewrite_keeps_every_position():
    latex = "a + \\dfrac{\\delta L}{\\delta \\hat{y}} = \\frac{\\delta}{\\delta z} s"
    rewritten = delta_derivatives_as_partials(latex)
    assert len(rewritten) == len(latex)
    assert rewritten.count("∂") == 4 and "\\delta" not in rewritten
    assert rewritten.index("=") == latex.index("=")


# ------------------------------------------------ how far \frac{\partial}{\partial a} reaches
def test_an_operator_before_an_unbracketed_sum_is_skipped_whichever_reading_holds():
    for right in ("w", "w + b"):  # the author's reading, and the grammar's
        notes = f"$$z = w a + b$$\n\n$$\\frac{{\\partial z}}{{\\partial a}} = \\frac{{\\partial}}{{\\partial a}} w a + b = {right}$$\n"
        got = check_text(notes).verdicts
        assert [str(v.verdict) for v in got[1:]] == ["skipped"]
        assert "not clear" in got[1].reason


def test_a_bracketed_operand_is_read_and_judged():
    notes = "$$z = w a + b$$\n\n$$\\frac{\\partial z}{\\partial a} = \\frac{\\partial}{\\partial a}(w a + b) = w$$\n"
    assert verdicts(notes) == [(1, "definition"), (3, "proved"), (3, "proved")]
    assert (3, "wrong") in verdicts(notes.replace("= w$$", "= 2 w$$"))


@pytest.mark.parametrize("latex", [
    "\\frac{d}{dx} e^{-2x} = -2 e^{-2x}",           # the sign sits inside the power's braces
    "\\frac{d}{dx} e^-2x = 3",                        # the sign of a bare power
    "\\frac{d}{dx} x \\cdot -x = 3",                  # a sign after \\cdot
    "\\frac{d}{dx} \\tfrac12 \\|x - y\\|^2 = 3",        # inside a norm
    "\\frac{d}{dx} |x - y| = 3",                      # inside an absolute value
    "\\frac{d}{dx} \\lVert x - y \\rVert = 3",
    "\\frac{d}{dx} x^2 = 2x + 1",                     # the sum is on the other side
    "\\frac{d}{dx}\\left(x + 1\\right) + 2 = 3",      # a bracket says how far it reaches
    "(\\frac{d}{dx} x) + y = 3",                       # the operator ends with its bracket
])
def test_signs_that_do_not_make_the_operand_a_sum(latex):
    assert operator_reach_checked(latex) == latex


@pytest.mark.parametrize("latex", [
    "\\frac{d}{dx} x^2 + 3 = 2x",
    "\\frac{\\partial}{\\partial a} w a - b = w",
    "\\dfrac{\\mathrm{d}}{\\mathrm{d}x} x^2 + x = 3",
])
def test_signs_that_do(latex):
    with pytest.raises(LatexError, match="not clear"):
        operator_reach_checked(latex)


# ------------------------------------------------ p(x_k): a function or a product
SOFTMAX_WORDS = """Let $p(x_i)$ be the softmax output for input $x_i$ (defined in words only).

$$\\frac{\\partial p(x_k)}{\\partial x_k} = p(x_k)(1 - p(x_k))$$
"""


def test_a_letter_applied_to_one_name_is_not_judged_as_a_product():
    got = check_text(SOFTMAX_WORDS).verdicts
    assert [str(v.verdict) for v in got] == ["skipped"]
    assert "p(x_k) may be a function" in got[0].reason


def test_a_letter_the_notes_define_as_a_value_is_still_a_factor():
    notes = "$$p = 3$$\n\n$$\\frac{\\partial p(x_k)}{\\partial x_k} = p(x_k)(1 - p(x_k))$$\n"
    assert (3, "wrong") in verdicts(notes)


def test_a_letter_before_a_sum_in_brackets_is_still_a_factor():
    assert (1, "wrong") in verdicts("$$w(x + 1) = w x + 1$$\n")


@pytest.mark.parametrize("latex, call", [
    ("\\log p(x_k) = 1", "p(x_k)"),
    ("q(\\hat{y}) = 1", "q(\\hat{y})"),
    ("a(z_{i}) = 1", "a(z_{i})"),
    ("f(x) + g(x) = 1", ""),        # f, g, h are read as functions already
    ("w(x + 1) = 1", ""),           # a bracket around more than a name
    ("\\exp(x) = 1", ""),           # a command, not a letter
    ("relu(x) = 1", ""),            # a word, not a letter
])
def test_which_calls_are_ambiguous(latex, call):
    assert undefined_call(latex, frozenset()) == call
