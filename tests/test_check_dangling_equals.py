r"""A row ending in ``=`` continued by the next row (issue 9, layout): ``$$A = B =$$`` then ``$$= C$$``.

Notes written here. The trailing ``=`` says the chain goes on in the next math
row; when that row starts with ``=``, ``A = B`` is a claim and the next row
continues the chain. Before, the first row was "the math ends too early".
"""
from derive.check import check_text
from derive.check.markdown import math_segments


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def reasons(notes: str) -> list[str]:
    return [v.reason or "" for v in check_text(notes).verdicts]


SEPARATE_ROWS = r"""$$u = 3 v + c$$

$$\frac{\partial u^2}{\partial v} = 2 u \frac{\partial u}{\partial v} =$$

$$= 6 u$$
"""


def test_a_row_ending_in_equals_is_continued_by_the_next_display():
    assert verdicts(SEPARATE_ROWS) == [(1, "definition"), (3, "proved"), (5, "proved")]


def test_a_wrong_continuation_is_flagged_at_its_own_line():
    planted = SEPARATE_ROWS.replace("$$= 6 u$$", "$$= 3 u$$")
    assert verdicts(planted) == [(1, "definition"), (3, "proved"), (5, "wrong")]


def test_a_wrong_first_link_is_flagged_at_the_row_that_ends_in_equals():
    planted = SEPARATE_ROWS.replace(r"= 2 u \frac", r"= u \frac")
    assert (3, "wrong") in verdicts(planted)


ONE_DISPLAY = r"""$$r = (p - q)^2 =
= p^2 - 2 p q + q^2$$
"""


def test_a_line_ending_in_equals_inside_one_display_is_continued_by_the_next_line():
    assert verdicts(ONE_DISPLAY) == [(1, "definition"), (2, "proved")]
    assert verdicts(ONE_DISPLAY.replace("- 2 p q", "+ 2 p q"))[-1] == (2, "wrong")


ALIGNED = r"""$$
\begin{aligned}
k &= (a + 1)(a - 1) = \\
  &= a^2 - 1
\end{aligned}
$$
"""


def test_an_aligned_row_ending_in_equals_is_continued_by_the_next_row():
    assert verdicts(ALIGNED) == [(3, "definition"), (4, "proved")]


def test_a_trailing_equals_before_a_row_that_does_not_continue_stays_unread():
    notes = "$$m = 2 n =$$\n\n$$n = 4$$\n"
    assert verdicts(notes)[0] == (1, "skipped")
    assert "ends too early" in reasons(notes)[0]


def test_a_trailing_equals_on_the_last_row_stays_unread():
    assert verdicts("$$m = 2 n =$$\n")[0] == (1, "skipped")


def test_only_the_trailing_equals_is_blanked_and_offsets_stay():
    text = "$$a := b =$$\n$$= c$$\n$$d :=$$\n$$= e$$\n"
    rows = [s.latex for s in math_segments(text)]
    assert rows == ["a := b  ", "= c", "d :=", "= e"]
    for seg in math_segments(text):
        assert len(seg.latex) == len(text[seg.start:seg.start + len(seg.latex)])
