"""A superscript holding a layer index and a transpose at once (``V^{(2)T}``), in notes written here.

Read as scalars, ``V^{(2)T}`` was V raised to the power 2·T, so a true backward
step through the second layer was called wrong. It is matrix notation, like
``(V^{(2)})^T``, and is read (or skipped) as such; the layer index alone stays an index.
"""
import pytest

from derive.check import check_text
from derive.check.index_transpose import index_transpose_refused
from derive.check.latex_errors import LatexError

TWO_LAYERS = """A two-layer net on one sample:

$$h = \\sigma(V^{(1)} u + c^{(1)})$$

$$q = V^{(2)} h + c^{(2)}$$

$$E = \\frac{1}{2}(q - t)^2$$

$$\\frac{\\partial E}{\\partial h} = V^{(2)T} (q - t)$$

$$\\frac{\\partial E}{\\partial h} = V^{(2)} (q - t)$$

$$\\frac{\\partial E}{\\partial h} = V^{(2)} (q + t)$$
"""


def by_line(notes: str) -> dict[int, list]:
    out: dict[int, list] = {}
    for v in check_text(notes).verdicts:
        out.setdefault(v.line, []).append(v)
    return out


def test_an_index_with_a_transpose_is_matrix_notation_not_a_power():
    (row,) = by_line(TWO_LAYERS)[9]
    assert str(row.verdict) == "skipped" and "matrix notation" in row.reason


def test_the_layer_index_alone_is_still_read_and_a_real_error_still_found():
    rows = by_line(TWO_LAYERS)
    assert [str(v.verdict) for v in rows[11]] == ["proved"]
    assert [str(v.verdict) for v in rows[13]] == ["wrong"]


@pytest.mark.parametrize("latex", ["W^{(2)T} d", "W^{[l]\\top} d", "a^{( k ) \\mathsf{T}}", "h^{(t)\\intercal} g"])
def test_index_then_transpose_is_refused(latex):
    with pytest.raises(LatexError, match="matrix notation") as err:
        index_transpose_refused(latex)
    assert err.value.notation


@pytest.mark.parametrize("latex", ["W^{(2)} d", "e^{2T}", "x^{(i)}_T", "W^{T}", "a^{(l)} T"])
def test_near_misses_are_left_alone(latex):
    assert index_transpose_refused(latex) == latex
