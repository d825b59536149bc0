r"""A row of an aligned block that begins with an operator goes on with the row above (issue 9: trust).

Notes written here. ``&= 12 + 15 \\ &+ 21 = 48`` splits one long expression over two rows; the
second row was read as a claim of its own, ``+ 21 = 48``, and called wrong. It is now joined to
the row above, so the whole sum is checked: right when it is right, wrong when it is wrong.
"""
from derive.check import check_text
from derive.check.markdown import math_segments

ROWS = r"""$$
\begin{aligned}
q &= 12 + 15 \\
  &\quad + 21 = 48
\end{aligned}
$$

$$
\begin{aligned}
L &= -y \log p \\
  &- (1 - y) \log(1 - p) \\
  &= -(y \log p + (1 - y) \log(1 - p))
\end{aligned}
$$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_a_row_that_begins_with_an_operator_goes_on_with_the_row_above():
    found = verdicts(ROWS)
    assert not [line for line, verdict in found if verdict == "wrong"]
    assert (3, "definition") in found and (4, "proved") in found  # q = 12 + 15 + 21, then = 48 on the row it is on
    assert (10, "definition") in found and (12, "proved") in found  # the loss over two rows, then its rearrangement


def test_a_wrong_sum_over_two_rows_is_still_wrong():
    planted = ROWS.replace("+ 21 = 48", "+ 21 = 47")
    assert [line for line, verdict in verdicts(planted) if verdict == "wrong"] == [4]
    planted = ROWS.replace(r"&= -(y \log p + (1 - y)", r"&= -(y \log p - (1 - y)")
    assert [line for line, verdict in verdicts(planted) if verdict == "wrong"] == [12]


def test_the_joined_row_keeps_its_offsets_and_other_rows_stay_apart():
    text = "$$\\begin{aligned} a &= 1 + 2 \\\\ &- 3 = 0 \\\\ b &= 4 \\end{aligned}$$\n"
    rows = math_segments(text)
    assert [" ".join(r.latex.split()) for r in rows] == ["a = 1 + 2 - 3 = 0", "b = 4"]
    joined = rows[0]
    assert joined.latex.index("- 3") == text.index("- 3") - joined.start  # offsets stay offsets
    # an operator after the first column (b &= -4) is no continuation
    assert len(math_segments("$$\\begin{aligned} a &= 1 \\\\ b &= -4 \\end{aligned}$$\n")) == 2
