r"""Layer letters written as superscripts (``b^l_j``, ``\delta^{l+1}``, ``a^{l-1}_k``). Notes written here.

A derivative by ``b^l_j`` was a derivative by a power and the row was not read; in notes
that clearly number layers (a shifted ``l+1`` / ``l-1``, or both ``l`` and ``L``) each such
superscript now makes one name. A lone ``x^l`` (a power series) stays a power, and a name
applied to a bracket (``g^l(x)``) is left alone.
"""
import pytest

from derive.check import check_text
from derive.check.layer_names import LAYER_MARK, layer_letters_used, layer_names_marked

LAYERS = r"""# One unit of layer l

Unit j of layer l adds the weighted outputs of layer l-1:

$$u^l_j = \sum_k v^l_{jk} o^{l-1}_k + c^l_j$$

$$\frac{\partial u^l_j}{\partial c^l_j} = 1$$

$$\frac{\partial E}{\partial c^l_j} = \frac{\partial E}{\partial u^l_j}\frac{\partial u^l_j}{\partial c^l_j}$$

The next layer is $u^{l+1}_i = r\, o^l_i$ with $o^l_i = 3 u^l_i$.

$$\frac{\partial u^{l+1}_i}{\partial u^l_i} = 3 r$$
"""

POWERS = r"""# A power series

$$s = \sum_l c_l x^l$$

$$q = x^l \cdot x$$

$$\frac{d q}{d x} = (l + 1) x^l$$
"""


def _verdicts(notes):
    got: dict[int, list[str]] = {}
    for v in check_text(notes).verdicts:
        got.setdefault(v.line, []).append(str(v.verdict))
    return got


def test_derivatives_by_layered_names_are_read():
    got = _verdicts(LAYERS)
    assert got[5] == ["definition"]
    assert got[7] == ["proved"]
    assert got[9] == ["proved"]
    assert got[13] in (["proved"], ["numeric"])


def test_a_power_series_keeps_its_powers():
    got = _verdicts(POWERS)
    assert layer_letters_used([r"s = \sum_l c_l x^l", r"q = x^l \cdot x"]) == frozenset()
    assert got[7] in (["proved"], ["numeric"])  # d(x^{l+1})/dx, read as powers


def test_layer_letters_need_a_shift_or_both_cases():
    assert layer_letters_used([r"z^l = w^l a^{l-1}"]) == {"z", "w", "a"}
    assert layer_letters_used([r"\delta^L = C", r"z^l = 1"]) == {"\\delta", "z"}
    assert layer_letters_used([r"z^l = w^l a"]) == frozenset()
    assert layer_letters_used([r"z^{l+1} = g^l(z^l)", r"e^{l+1}"]) == {"z"}


@pytest.mark.parametrize("latex, read", [
    (r"b^l_j", "b_j" + LAYER_MARK + "l"),
    (r"w^{l+1}_{kj}", "w_{kj}" + LAYER_MARK + "{l+1}"),
    (r"a_k^{l-1}", "a_k" + LAYER_MARK + "{l-1}"),
    (r"\delta ^L", "\\delta" + LAYER_MARK + "L"),
])
def test_layered_names_are_marked_in_place(latex, read):
    got = layer_names_marked(latex, frozenset({"b", "w", "a", "\\delta"}))
    assert got.rstrip() == read and len(got) == len(latex)


@pytest.mark.parametrize("latex", [r"g^l(x)", r"y^l", r"e^{l+1}", r"b^2", r"b^{l+2}", r"b^{lr}", r"b^{(l)}"])
def test_near_misses_are_not_marked(latex):
    assert layer_names_marked(latex, frozenset({"g", "x", "e", "b"})) == latex
