r"""A slip between two rows of a chain whose first expression is unknown (issue 9, recall).

Notes written here. When a chain starts with a derivative of something the notes define only in
prose (∂L/∂z with the activation a named in words), each row is compared with the row before it.
Only a proof of that link used to be kept, so a slip in the last row of such a derivation
(a sign, a power) was skipped. It is now called wrong when both rows are written in exactly the
same names, with no derivative or undefined function, because no definition read in prose can
then explain the difference. A row that brings in new names or drops some (a value, σ(z) for
a) stays skipped, as before.
"""
import pytest

from derive.check import check_text

SIGMOID = r"""The activation $a$ is the sigmoid of $z$, and the loss is the cross-entropy of $a$ and $y$.

$$
\begin{align*}
\frac{\partial L}{\partial z} & = \frac{\partial L}{\partial a}\frac{\partial a}{\partial z} \\
& = \left(-\frac{y}{a} + \frac{1-y}{1-a}\right) a(1-a) \\
& = -y(1-a) + a(1-y) \\
& = -y + ay + a - ay \\
& = a - y
\end{align*}
$$
"""

POWERS = r"""By the chain rule, with $u = t - 2$ as the inner function:

$$\frac{dh}{dt} = 3(t - 2)^2 \cdot 4(t - 2)^3 = 12(t - 2)^5$$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def wrong_lines(notes: str) -> list[int]:
    return [line for line, verdict in verdicts(notes) if verdict == "wrong"]


def test_the_true_chains_have_no_wrong_row_and_their_links_are_proved():
    assert wrong_lines(SIGMOID) == [] and wrong_lines(POWERS) == []
    assert (6, "skipped") in verdicts(SIGMOID)  # ∂L/∂z itself: a is defined only in words
    assert {(7, "proved"), (8, "proved"), (9, "proved")} <= set(verdicts(SIGMOID))
    assert (3, "proved") in verdicts(POWERS)


@pytest.mark.parametrize("slip, fixed, line", [
    ("& = a - y\n", "& = a + y\n", 9),                          # a sign in the last row
    ("& = -y + ay + a - ay \\\\", "& = -y + ay + a + ay \\\\", 8),  # a sign in an expansion
])
def test_a_slip_between_rows_in_the_same_names_is_wrong(slip, fixed, line):
    planted = SIGMOID.replace(slip, fixed)
    assert planted != SIGMOID
    assert line in wrong_lines(planted)
    reason = [v for v in check_text(planted).verdicts if v.line == line and v.verdict == "wrong"][0]
    assert reason.counterexample  # a point where the two rows differ


def test_a_row_that_differs_from_an_unchecked_row_on_another_line_is_not_blamed():
    """Row 6 is compared with nothing (the head is unknown): when row 7 differs from it, either may hold
    the slip (a student may fix a wrong row on the next line), so neither line is called wrong."""
    planted = SIGMOID.replace("& = -y(1-a) + a(1-y) \\\\", "& = -y(1-a) - a(1-y) \\\\")
    assert planted != SIGMOID and wrong_lines(planted) == []
    assert (7, "skipped") in verdicts(planted)


def test_a_wrong_power_after_the_chain_rule_is_wrong():
    planted = POWERS.replace("12(t - 2)^5", "12(t - 2)^6")
    assert wrong_lines(planted) == [3]
    [v] = [v for v in check_text(planted).verdicts if v.verdict == "wrong"]
    t = v.counterexample["point"]["t"]  # the two rows really differ there (computed here, not by the checker)
    assert 3 * (t - 2) ** 2 * 4 * (t - 2) ** 3 != 12 * (t - 2) ** 6


@pytest.mark.parametrize("row", [
    "& = \\sigma(z) - y\n",     # a's prose definition substituted: a new name (z), a dropped one (a)
    "& = 0.7 - y\n",            # a value of a from the text: a name dropped
    "& = a - y + b\n",          # a name the row before does not have
    "& = a - y^2 \\frac{\\partial y}{\\partial z}\n",  # a derivative of something undefined
    "& = a - g(y)\n",          # a function the notes do not define
    "& = \\sqrt{a^2} - y\n",    # a root: equal to a - y only where a ≥ 0, which the notes may mean
])
def test_a_row_in_other_names_after_an_unknown_head_stays_skipped(row):
    notes = SIGMOID.replace("& = a - y\n", "& = a - y \\\\\n" + row)
    assert wrong_lines(notes) == []
    assert (10, "skipped") in verdicts(notes)


def test_a_chain_with_a_defined_head_is_judged_as_before():
    """The first expression is readable: the row is compared with it, and a slip is wrong there."""
    notes = "$$f(x) = x^2 + 2x + 1$$\n\n$$f(x) = (x + 1)^2 = x^2 + 2x + 2$$\n"
    assert wrong_lines(notes) == [3]
