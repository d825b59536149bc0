r"""Where a link is reported when a chain goes on from a row that begins with
``=`` (notes written here). A left side alone on its row (``\frac{d}{dx} x^3``,
then ``= 3x^2`` below) is the claim's start, and the link is reported there.
But a row ``= 1(0.5) + 2(0.25)`` is a link of its own; the next row
``= 1.5`` was reported on it too, so a slip in 1.5 was flagged on the line
holding the right arithmetic."""
from derive.check import check_text

NOTES = r"""A product worked out.

$$
s = \begin{bmatrix} 1 & 2 \end{bmatrix} \begin{bmatrix} 0.5 \\ 0.25 \end{bmatrix}
$$

$$
= 1(0.5) + 2(0.25)
= 1.5
$$

$$
\frac{d}{dx} x^3
= 2x^2
$$
"""


def test_a_link_after_a_continued_row_is_reported_at_its_own_line():
    wrong = [v.line for v in check_text(NOTES).wrong]
    assert 9 in wrong and 8 not in wrong
    assert 13 in wrong and 14 not in wrong  # a lone left side: reported where the claim starts
