r"""``\lim_{h \to 0} …``: limits worked out (issue 9, reach; derive/check/limits.py).

Notes written here. First-principles notes derive each rule as the limit of a difference
quotient; every ``\lim`` row was skipped as unparsable. Now a limit is worked out once the
notes' definitions are in its body; a wrong value is wrong with a counterexample; a limit
that is infinite, of an undefined function or increment, or whose reach is unclear, is
skipped with a reason; a limit compared with a derivative is never called wrong.
"""
import pytest

from derive.check import check_text

POWER_RULE = r"""The derivative of $x^3$ from its definition.

$$\lim_{h \to 0} \frac{(x + h)^3 - x^3}{h} = \lim_{h \to 0} \left(3x^2 + 3xh + h^2\right) = 3x^2$$

Two limits we use:

$$\lim_{t \rightarrow 0} \frac{\sin t}{t} = 1$$

$$e^x \lim_{h \to 0} \frac{e^h - 1}{h} = e^x$$

$$\lim\limits_{u \to 0} \frac{\ln(1 + u)}{u} = 1$$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def reasons(notes: str) -> list[str]:
    return [v.reason for v in check_text(notes).verdicts]


def test_limits_are_worked_out_and_proved():
    found = verdicts(POWER_RULE)
    assert found.count((3, "proved")) == 2
    assert (7, "proved") in found and (9, "proved") in found and (11, "proved") in found
    assert not [line for line, verdict in found if verdict != "proved"]


@pytest.mark.parametrize("slip, fixed, line", [
    ("= 3x^2$$", "= 3x$$", 3),
    (r"\frac{\sin t}{t} = 1$$", r"\frac{\sin t}{t} = 2$$", 7),
    (r"\frac{\ln(1 + u)}{u} = 1$$", r"\frac{\ln(1 + u)}{u} = 2$$", 11),
])
def test_a_wrong_limit_is_wrong_with_a_counterexample(slip, fixed, line):
    found = check_text(POWER_RULE.replace(slip, fixed)).verdicts
    wrong = [v for v in found if str(v.verdict) == "wrong"]
    assert [v.line for v in wrong] == [line]
    assert wrong[0].counterexample or wrong[0].expected


def test_a_limit_of_a_function_the_notes_define_uses_the_definition():
    notes = "Let $g(x) = 5x^2$.\n\n$$\\lim_{h \\to 0} \\frac{g(x+h) - g(x)}{h} = 10x$$\n"
    assert (3, "proved") in verdicts(notes)
    assert (3, "wrong") in verdicts(notes.replace("= 10x$$", "= 5x$$"))


@pytest.mark.parametrize("row, why", [
    (r"$$\lim_{h \to 0} \frac{1}{h} = 0$$", "infinite"),
    (r"$$\lim_{h \to 0} \frac{q(x+h) - q(x)}{h} = 0$$", ""),
    (r"$$\lim_{h \to 0} x^2 + h = x^2$$", "whether the limit covers it"),
    (r"$$\frac{dy}{dx} = \lim_{\Delta x \to 0} \frac{\Delta y}{\Delta x}$$", "Δ_y"),  # reasons show Greek names as letters
])
def test_limits_that_cannot_be_worked_out_are_skipped(row, why):
    """Near misses: each would be wrong or meaningless if worked out blindly."""
    found = check_text(row + "\n").verdicts
    assert [str(v.verdict) for v in found] == ["skipped"]
    assert why in found[0].reason


def test_a_limit_compared_with_a_derivative_of_a_redefined_name_is_not_called_wrong():
    """y is redefined in a row the checker cannot read (z = ?): dy/dx keeps the old y."""
    notes = ("$$y = x^2 + 1$$\n\n$$y=x^3 \\quad z = ?$$\n\n"
             "$$\\frac{dy}{dx} = \\lim_{h \\to 0} \\frac{(x+h)^3 - x^3}{h}$$\n")
    found = check_text(notes).verdicts
    row = [v for v in found if v.line == 5]
    assert [str(v.verdict) for v in row] == ["skipped"] and "not called wrong" in row[0].reason
