r"""Arithmetic written in prose, with no ``$`` and no backticks (issue 9, recall; prose_numbers.py).

Notes written here. Worked numbers are often done in running text or a list item: ``the
degrees of freedom are 6-2=4``, ``- **sin(0.5)** ≈ 0.4794``, ``b = 20 - 0.5 * 30 = 5``. Such
lines were never read, so a slip in them was never seen. A run of numbers alone, joined by
``=`` or ``≈`` and holding an operator or a function, standing apart from the words around
it, is now read; its links are checked like any worked number. Runs glued to letters, digit
groups or operators (``4x4 = 16``, ``1,5 + 1``, ``2y + 1 = 9``), labels (``step 2 = 0.5``),
``log`` (which base?), powers of e, code and HTML stay unread, and a row ``= …`` after a prose
sum still continues the chain before it.
"""
import pytest

from derive.check import check_text

WORKED = """# A line through the means

The sample has n = 6 points, so the degrees of freedom are 6-2=4.

- **sin(0.5)** ≈ 0.4794
- **x² + 2** = 0.09 + 2 = 2.09 (with x = 0.3)
- slope times mean: 0.5 * 30 = 15, so the intercept is b = 20 - 15 = 5
- 표본이 여섯 개이므로 자유도는 6-2=4이다.
- 12 - 3 × 2 = 6 and 3/8 = 0.375
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def wrong_lines(notes: str) -> list[int]:
    return sorted({line for line, verdict in verdicts(notes) if verdict == "wrong"})


def test_true_prose_sums_are_read_and_hold():
    found = verdicts(WORKED)
    assert wrong_lines(WORKED) == []
    for line in (3, 5, 6, 7, 8, 9):
        assert any(l == line and v in ("proved", "numeric") for l, v in found), line


@pytest.mark.parametrize("right, slip, line", [
    ("6-2=4.", "6-2=3.", 3),                    # in a sentence, before a full stop
    ("≈ 0.4794", "≈ 0.4974", 5),                 # a function of a number, in bold
    ("0.09 + 2 = 2.09", "0.09 + 2 = 2.9", 6),    # after a name's row in bold
    ("= 20 - 15 = 5", "= 20 - 15 = 6", 7),       # after "b =": a chain's next expressions
    ("6-2=4이다", "6-2=5이다", 8),                 # a particle glued to the number (Korean)
    ("12 - 3 × 2 = 6", "12 - 3 × 2 = 18", 9),    # a list item's dash is not a minus sign
])
def test_a_slip_in_a_prose_sum_is_wrong(right, slip, line):
    planted = WORKED.replace(right, slip)
    assert planted != WORKED
    assert wrong_lines(planted) == [line]


@pytest.mark.parametrize("sentence", [
    "We ran step 1 = 0.5 and then step 2 = 0.7.",            # a label and a value, not a sum
    "A 4x4 = 17 grid.",                                       # glued to a letter
    "In German notation 1,5 + 1 = 3,5 holds.",                # a decimal comma: part of a longer number
    "About 50% = 0.6 of them.",                               # a percentage
    "Solve 2y + 1 = 9 for y.",                                # the tail of an expression in names
    "Python writes 2**3 + 1 = 10 wrongly here.",              # a power written as code
    "The common log gives log(2 + 8) = 2.",                   # log: base 10 or e is not said
    "Then e^2 = 7.5 roughly.",                                # a power of e (a name in some notes)
    "Take -3 + 5 = 3 as given.",                              # a leading minus: the run is not read
    "Version 1.2 + 1 = 3.2.1 is out.",
    "Equation (1) = (a) + (b) from above.",
    "Three times four: 3 x 4 + 1 = 12 here.",                # x as a times sign before the run
    "So 12 = 3 x 5 in the grid.",                             # x as a times sign after it
    "The side is 2 + 3 = 6 m long.",                          # a unit after it
    "and 2 + 2 = 3 * x so",                                   # an operator after it
    "thus 2 + 4 = 3 (x + 1) holds",                           # a bracket of math after it
    "- 2 + 2 = 3 x 4",                                        # in a list item too                   # brackets around labels, not numbers
    "The inner part f (x) = sin(2x) again.",                  # a name in the brackets
    "and lim z -> 0(z) = 1/1 then",                           # a letter inside the bracket                        # a dotted version
    '<img alt="5-2=4" src="x.png">',                          # an HTML attribute
])
def test_runs_that_stay_unread(sentence):
    assert verdicts("Some notes.\n\n" + sentence + "\n") == []


def test_a_python_fence_is_not_prose():
    notes = "Code:\n\n```python\nx = 5 - 2  # 5-2=4\n```\n"
    assert verdicts(notes) == []


def test_a_row_after_a_prose_sum_continues_the_chain_before_it():
    notes = "$$a = 2 + 3$$\n\nand, by the way, 1 + 1 = 2.\n\n$$= 5$$\n"
    found = verdicts(notes)
    assert "wrong" not in {v for _, v in found}, found
    assert any(l == 5 and v == "proved" for l, v in found), found
