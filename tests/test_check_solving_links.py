r"""A wrong link inside a row taken as a step in solving an equation (issue 9, recall).

Notes written here. A row soon after an equation (``7a = 2``, or a relation in names the notes
never tie together, ``\frac{\Delta y}{\Delta x} = …``) is taken as a step in solving it and is
not judged as an identity. A row like ``a = \frac{3}{7} \approx 0.4286`` also links two numbers,
and ``\frac{6x\Delta x + 3\Delta x^2}{\Delta x} = 6x + 3\Delta x`` two expressions in the same
names: such a link holds or fails whatever the equation says. It is now judged, and a slip there
is called wrong. Whether a value solves the equation is still not judged (a wrong root stays
skipped), and a link whose sides are in different names stays a step in solving.
"""
from fractions import Fraction

import pytest

from derive.check import check_text

SYSTEM = r"""Normal equations of the straight-line fit, from the sums of the table:

$$\begin{cases}
  2 &=& 7a &+& 0b \\
  30 &=& 0a &+& 14b
\end{cases}$$

so that

$$\begin{pmatrix}
  a &=& \frac{2}{7} &\approx& 0.28571 \\
  b &=& \frac{15}{7} &\approx& 2.14286
\end{pmatrix}$$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def wrong_lines(notes: str) -> list[int]:
    return [line for line, verdict in verdicts(notes) if verdict == "wrong"]


def test_the_true_solution_has_no_wrong_row():
    assert wrong_lines(SYSTEM) == []
    assert (11, "numeric") in verdicts(SYSTEM) and (12, "numeric") in verdicts(SYSTEM)


@pytest.mark.parametrize("slip, fixed, line", [
    ("0.28571", "0.28751", 11),      # digits swapped
    ("2.14286", "2.41286", 12),
    ("\\frac{2}{7} &\\approx& 0.28571", "\\frac{3}{7} &\\approx& 0.28571", 11),  # fraction and decimal disagree
])
def test_a_wrong_decimal_of_a_fraction_in_a_solution_is_wrong(slip, fixed, line):
    planted = SYSTEM.replace(slip, fixed)
    assert planted != SYSTEM
    assert wrong_lines(planted) == [line]
    [v] = [v for v in check_text(planted).verdicts if v.verdict == "wrong"]
    left, right = v.counterexample["left"], v.counterexample["right"]
    assert abs(Fraction(left) - Fraction(right)) > Fraction(1, 1000)  # they really differ (not a rounding)


def test_a_wrong_root_is_still_not_judged():
    """2/7 ≈ 0.28571 holds: that 5/7 does not solve 7a = 2 is the solving, which is not checked."""
    planted = SYSTEM.replace("\\frac{2}{7} &\\approx& 0.28571", "\\frac{5}{7} &\\approx& 0.71429")
    assert wrong_lines(planted) == []


def test_a_step_in_solving_with_a_name_in_its_link_stays_skipped():
    notes = "Solve the fit:\n\n$$30 = 2a + 14b$$\n\n$$b = \\frac{30 - 2a}{14} = 2.5$$\n"
    assert wrong_lines(notes) == []
    assert (5, "skipped") in verdicts(notes)


def test_a_root_alone_is_a_definition_not_a_link():
    notes = "Solve the fit:\n\n$$30 = 0a + 14b$$\n\n$$b = 2.5$$\n"
    assert verdicts(notes) == [(3, "skipped"), (5, "definition")]


QUOTIENT = r"""The slope of $y = 3x^2$ from its definition:

$$\frac{\Delta y}{\Delta x} = \frac{3(x + \Delta x)^2 - 3x^2}{\Delta x}$$

$$\frac{3(x + \Delta x)^2 - 3x^2}{\Delta x} = \frac{6x\Delta x + 3\Delta x^2}{\Delta x} = 6x + 3\Delta x$$
"""


def test_a_slip_after_a_relation_in_other_names_is_wrong():
    """The Δy row is a relation in names the notes do not tie (kept as an equation to solve)."""
    assert wrong_lines(QUOTIENT) == []
    assert (3, "skipped") in verdicts(QUOTIENT)
    planted = QUOTIENT.replace("= 6x + 3\\Delta x$$", "= 6x + \\Delta x$$")
    assert planted != QUOTIENT and wrong_lines(planted) == [5]


def test_a_link_that_drops_a_name_after_such_a_relation_stays_skipped():
    """6x·Δx/Δx → 6x as Δx → 0 is a limit taken in words, not an identity: not called wrong."""
    notes = QUOTIENT.replace("= 6x + 3\\Delta x$$", "= 6x$$")
    assert notes != QUOTIENT and wrong_lines(notes) == []


def test_a_link_with_roots_after_such_a_relation_stays_skipped():
    """√(x+Δx)·√x = √(x² + xΔx) holds for the x > 0 the notes mean and fails only off that domain."""
    notes = ("Let $y = \\sqrt{x}$.\n\n"
             "$$\\frac{\\Delta y}{\\Delta x} = \\frac{\\sqrt{x + \\Delta x} - \\sqrt{x}}{\\Delta x}$$\n\n"
             "$$\\frac{\\Delta y}{\\Delta x} \\cdot y = \\frac{\\sqrt{x + \\Delta x} - \\sqrt{x}}{\\Delta x}\\cdot\\sqrt{x}"
             " = \\frac{\\sqrt{x + \\Delta x}\\cdot\\sqrt{x} - x}{\\Delta x} = \\frac{\\sqrt{x^2 + x\\Delta x} - x}{\\Delta x}$$\n")
    assert wrong_lines(notes) == []
    assert (5, "skipped") in verdicts(notes)
