"""Reach on worked numeric examples and report fixes (issue 9, round 6), in notes written here.

Each class: the values the notes give in a form the checker did not read are read, so the
numbers computed from them are checked (a planted error is flagged at its line), and a
variant the checker cannot be sure of is skipped, never called wrong.
"""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


# ------------------------------------------------ a skipped row shows its condition as written
def test_a_row_under_an_inequality_between_indices_shows_that_inequality():
    (v,) = check_text("$$\\frac{\\partial q_k}{\\partial u_m} = -q_m q_k, \\quad m < k$$\n").verdicts
    assert str(v.verdict) == "skipped"
    assert v.latex.endswith("m < k") and "m = k" not in v.latex
