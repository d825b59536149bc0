r"""``\newline`` ends a row of equations, as ``\\`` does (issue 9, reach; derive/check/tex_rows.py).

Notes written here. A display that puts one equation a line with ``\newline`` was one
unparsable row: its definitions were lost and its claims skipped. Now each line is a row.
"""
from derive.check import check_text

NOTES = r"""$$
u = 3x \newline v = u^2
$$

$$\frac{dv}{dx} = 18x$$

$$
\frac{du}{dx} = 3, \newline \frac{dv}{du} = 2u
$$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_each_line_of_a_newline_display_is_a_row():
    found = verdicts(NOTES)
    assert found.count((2, "definition")) == 2
    assert (5, "proved") in found and (8, "proved") in found


def test_a_wrong_row_after_a_newline_is_wrong():
    assert [l for l, v in verdicts(NOTES.replace("= 2u", "= 3u")) if v == "wrong"] == [8]
    assert [l for l, v in verdicts(NOTES.replace("= 18x", "= 9x")) if v == "wrong"] == [5]


def test_a_command_that_only_begins_with_newline_is_not_a_row_end():
    r"""\newlinex is not \newline: the row stays one (and unparsable), never split."""
    assert verdicts("$$u = 3x \\newlinex v = 2$$\n") == [(1, "skipped")]
