r"""A display between two lines holding only ``$`` (issue 9, layout).

Some notes write display math as ``$`` on a line, the math, ``$`` on a line.
A ``$`` cannot close on the next line as inline math, so these rows were never
found. Notes written here; the near misses (a blank line inside, a ``$`` that
closes math begun on the line before, ``$$`` lines) keep their old reading.
"""
from derive.check import check_text
from derive.check.markdown import math_segments


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


LONE_DOLLARS = """The model:
$
p = 4 q + 1
$
and its slope:
$
\\frac{dp}{dq} = 4
$
"""


def test_math_between_lines_holding_only_a_dollar_is_read():
    assert verdicts(LONE_DOLLARS) == [(3, "definition"), (7, "proved")]
    assert verdicts(LONE_DOLLARS.replace("= 4\n", "= 3\n")) == [(3, "definition"), (7, "wrong")]


def test_the_rows_are_slices_of_the_file():
    for seg in math_segments(LONE_DOLLARS):
        assert LONE_DOLLARS[seg.start:seg.start + len(seg.latex)] == seg.latex


def test_a_blank_line_before_the_next_dollar_line_is_not_one_display():
    text = "cost:\n$\n\np = 4 q + 1\n$\n"
    assert math_segments(text) == []


def test_a_dollar_line_that_closes_math_begun_on_the_line_before_opens_nothing():
    text = "here $x = 1\n$\nprose that is not math\n$\n"
    assert math_segments(text) == []


def test_displays_with_double_dollars_on_their_own_lines_are_unchanged():
    text = "$$\na = 2 b\n$$\n$\nc = 3\n$\n"
    assert [s.latex.strip() for s in math_segments(text)] == ["a = 2 b", "c = 3"]
