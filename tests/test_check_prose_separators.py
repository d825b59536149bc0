"""Two equations set side by side in one formula, in notes written here:
``g(t) = t^3 \\quad \\text{where} \\quad t = …``.

Blanking the gap joined the two equations into one chain, multiplying the sides
that met there (t³·t), and the row was called wrong. A gap of space and the
words where / with / and between two equations now separates them; a gap
that states a condition (``for``, ``if``), an index range, or a continuation
(``\\quad = …``) is left as it was.
"""
import pytest

from derive.check import check_text
from derive.check.prose_separators import equations_apart

NOTES = """Two parts of a composition.

$$h(s) = s - 4$$

$$g(t) = t^3 \\quad \\text{where} \\quad t = h(s) = s - 4$$

Below, $t = s - 4$ again.

$$m = 2 \\quad v = 5$$

$$m + v = 8$$
"""


def verdicts(line: int) -> list[str]:
    return [str(v.verdict) for v in check_text(NOTES).verdicts if v.line == line]


def test_a_where_between_two_equations_separates_them():
    assert "wrong" not in verdicts(5)


def test_two_equations_side_by_side_are_two_definitions():
    assert verdicts(9) == ["definition", "definition"]
    assert verdicts(11) == ["wrong"]


@pytest.mark.parametrize("latex", [
    "g(w) = w^3 \\quad \\text{where} \\quad w = x + 1",
    "p = 1 \\text{ and } q = 2",
    "a = 3 \\qquad b = 4",
    "y = 2 \\quad with \\quad z = 1",
])
def test_the_gap_becomes_a_comma_in_place(latex):
    apart = equations_apart(latex)
    assert len(apart) == len(latex) and apart.count(",") == latex.count(",") + 1
    assert apart.replace(",", " ").split() != latex.split()


@pytest.mark.parametrize("latex", [
    "y = 2 \\quad \\text{for } x = 1",    # a condition
    "y = 2 \\quad \\text{if } x = 0",
    "L = a \\quad = b",                   # a continuation
    "J = a + b \\quad + c = d",           # the sum goes on
    "x = \\sum_{i} a_i \\quad i = 1",     # an index given a value
    "\\frac{a}{b \\quad c = d} = e",      # inside a bracket
    "a = b \\quad c",                     # no second equation
    "a = b \\\\ \\quad c = d",            # a row break, not a gap
])
def test_other_gaps_are_left_alone(latex):
    assert equations_apart(latex) == latex
