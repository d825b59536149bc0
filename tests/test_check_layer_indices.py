"""Layers numbered by bare superscripts (``z^1 = w^1 x + b^1``, ``a^2 = \\sigma(z^2)``), in notes written here.

Read as powers, every row about the second layer was called wrong. In notes
that raise a name to 1 or to the layer letter l, a wrong verdict on a row that
raises that name to a number is skipped with the reason; rows without such a
name, and notes without layer superscripts, are judged as before.
"""
import pytest

from derive.check import check_text
from derive.check.layer_indices import layer_index_bases

LAYERS = """Two layers, one unit each; the superscript is the layer.

$$z^1 = w^1 x + b^1$$

$$a^1 = \\sigma(z^1)$$

$$z^2 = w^2 a^1 + b^2$$

$$a^2 = \\sigma(z^2)$$

$$\\sigma'(z^2) = a^2(1 - a^2)$$

$$\\sigma'(t) = \\sigma(t)(1 + \\sigma(t))$$
"""

POWERS = """A square:

$$y = x^2$$

$$\\frac{dy}{dx} = x$$
"""


def verdicts(notes: str) -> dict[int, str]:
    return {v.line: str(v.verdict) for v in check_text(notes).verdicts}


def test_rows_about_the_second_layer_are_not_called_wrong():
    result = check_text(LAYERS).verdicts
    for line in (7, 9, 11):
        (row,) = [v for v in result if v.line == line]
        assert str(row.verdict) == "skipped" and "number layers" in row.reason


def test_a_row_without_a_layer_name_is_still_judged():
    assert verdicts(LAYERS)[13] == "wrong"


def test_powers_in_notes_without_layers_are_still_judged():
    assert verdicts(POWERS)[5] == "wrong"


@pytest.mark.parametrize("latex, base", [
    ("a^1 = 2", "a"), ("W^{1} x", "W"), ("z^l", "z"), ("\\delta^{l+1}", "\\delta"), ("W^{L - 1}", "W"),
])
def test_a_name_over_one_or_over_the_layer_letter_numbers_layers(latex, base):
    assert list(layer_index_bases([latex])) == [base]


@pytest.mark.parametrize("latex", ["x^2 + y^3", "e^1", "\\sum_{l=1}^{L} a", "x^{12}", "x^{10}", "q^{lr}"])
def test_powers_and_operators_do_not(latex):
    assert layer_index_bases([latex]) == {}
