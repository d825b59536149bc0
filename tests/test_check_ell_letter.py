r"""``\ell`` and ``ℓ`` are the letter l (issue 9, reach; derive/check/ell_letter.py).

Notes written here. Every row holding ``\ell`` (a per-sample loss ``\ell(y, p)``, an index
``o_\ell``) was unparsable and skipped. Now it is read as the letter l; a wrong step in it is
wrong; a row that also writes a plain l is left unread (the two may be different names).
"""
import pytest

from derive.check import check_text

LOSS = r"""The loss of one sample is $\ell = (y - p)^2$, and

$$\frac{\partial \ell}{\partial p} = -2(y - p)$$

With ℓ written as one character: $\frac{\partial ℓ}{\partial y} = 2(y - p)$.

$$\frac{\partial}{\partial w_j} \sum_{\ell=1}^{3} w_\ell x_\ell = x_j$$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_rows_with_ell_are_read():
    found = verdicts(LOSS)
    assert (1, "definition") in found
    assert (3, "proved") in found and (5, "proved") in found and (7, "proved") in found


@pytest.mark.parametrize("slip, fixed, line", [("= -2(y - p)$$", "= 2(y - p)$$", 3),
                                               ("= 2(y - p)$.", "= -2(y - p)$.", 5)])
def test_a_wrong_step_with_ell_is_wrong(slip, fixed, line):
    assert [l for l, verdict in verdicts(LOSS.replace(slip, fixed)) if verdict == "wrong"] == [line]


def test_a_row_that_also_writes_a_plain_l_stays_skipped():
    """l and \\ell side by side may be two names: merged, l + \\ell = 2l would be proved."""
    assert verdicts("$$l + \\ell = 2l$$\n") == [(1, "skipped")]


def test_positions_and_text_keep_the_written_ell():
    found = [v for v in check_text(LOSS).verdicts if v.line == 3]
    assert "\\ell" in found[0].latex
