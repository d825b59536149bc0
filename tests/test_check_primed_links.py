r"""The links after a primed head (primed_links.py), in notes written here.

``R' = 0.3 + 0.4 = 0.7`` (a worked example after ``R(w) = …``) and ``y' = 2\cos(2x)\cdot 2 = …``
(after ``y = \sin(2x)``) were skipped whole: by which variable R' or y' is differentiated is
not said. The links after the head are claims of their own and are now checked; the link with
the head stays skipped, and a row whose other sides hold a prime too is skipped whole.
"""
from derive.check import check_text

NOTES = r"""# Penalty at a point

$P(w) = 0.3|w| + 0.2 w^2$. For $w > 0$, $P'(w) = 0.3 + 0.4 w$.

With $w = 1$: $P' = 0.3 + 0.4 = 0.7$.

$$y = \sin(2x), \quad y' = \cos(2x) \cdot 2 = 2\cos(2x)$$

$$q' = q'(1 - q') = 0.24$$
"""


def _verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, v.latex, str(v.verdict)) for v in check_text(notes).verdicts]


def test_the_links_after_a_primed_head_are_checked():
    got = _verdicts(NOTES)
    assert (5, "0.3 + 0.4 = 0.7", "numeric") in got
    assert (7, "\\cos(2x) \\cdot 2 = 2\\cos(2x)", "proved") in got
    (head,) = [v for v in check_text(NOTES).verdicts if v.latex == "P' = 0.3 + 0.4"]
    assert str(head.verdict) == "skipped" and "a prime on P" in head.reason


def test_a_slip_after_a_primed_head_is_wrong_at_its_line():
    wrong = [(v.line, v.latex) for v in check_text(NOTES.replace("= 0.7$", "= 0.8$")).verdicts if v.verdict == "wrong"]
    assert wrong == [(5, "0.3 + 0.4 = 0.8")]
    wrong = [(v.line, v.latex) for v in check_text(NOTES.replace("= 2\\cos(2x)$$", "= 4\\cos(2x)$$")).verdicts
             if v.verdict == "wrong"]
    assert wrong == [(7, "\\cos(2x) \\cdot 2 = 4\\cos(2x)")]


def test_a_row_whose_other_sides_hold_a_prime_is_skipped_whole():
    got = [g for g in _verdicts(NOTES) if g[0] == 9]
    assert got == [(9, "q' = q'(1 - q') = 0.24", "skipped")]
