r"""An entry index with a comma and a layer superscript, ``W_{j,i}^{[2]}``
(notes written here): ``W_{ji}^{[2]}`` was read but the comma form stopped the
whole row ("unexpected '_'"). Both now read as one name, as ``W_{j,i}`` does."""
import pytest

from derive.check import check_text
from derive.check.latex import parse_statement

NOTES = r"""Second layer.

$$z_j^{[2]} = W_{j,1}^{[2]} h_1 + W_{j,2}^{[2]} h_2$$

$$\frac{\partial z_j^{[2]}}{\partial W_{j,1}^{[2]}} = h_1$$

$$\frac{\partial z_j^{[2]}}{\partial W_{j,2}^{[2]}} = 2 h_2$$
"""


def test_a_comma_index_with_a_layer_is_read():
    got = {v.line: str(v.verdict) for v in check_text(NOTES).verdicts}
    assert got == {3: "definition", 5: "proved", 7: "wrong"}


@pytest.mark.parametrize("written", [r"W_{j,i}^{[2]}", r"W_{j, i}^{[2]}", r"W^{[2]}_{j,i}", r"W_{ji}^{(2)}"])
def test_the_forms_name_the_same_entry(written):
    (piece,) = parse_statement(f"a = {written}").pieces
    assert str(piece.exprs[1].value) == "W_ji_2"
