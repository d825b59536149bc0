r"""Old-style TeX font switches (issue 9, reading): ``{\bf w}`` is ``\mathbf{w}``, ``{\rm d}`` is ``\mathrm{d}``.

Notes written for plain TeX set fonts with switches; the reader stopped at the
backslash. The notes here are written for these tests. Each form must read
exactly as the command it stands for, and what that command would make vector
notation must stay vector notation.
"""
import pytest

from derive.check import check_text
from derive.check.latex import parse_statement
from derive.check.latex_errors import LatexError


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def values(latex: str) -> list[list]:
    return [[e.value for e in piece.exprs] for piece in parse_statement(latex).pieces]


CROSS_ENTROPY = r"""$$E_{n}( { \bf w } ) = - ( t \log y + (1 - t) \log (1 - y) )$$

$$\frac{\partial E_{n}( { \bf w } ) }{\partial y} = - \frac{t}{y} + \frac{1 - t}{1 - y}$$

$$s = \frac{1}{1 + {\rm e}^{-a}}$$

$$\frac{{\rm d}s}{{\rm d}a} = s(1 - s)$$
"""


def test_notes_in_old_style_fonts_are_checked():
    assert verdicts(CROSS_ENTROPY) == [(1, "definition"), (3, "proved"), (5, "definition"), (7, "proved")]


@pytest.mark.parametrize("right, wrong", [
    (r"+ \frac{1 - t}{1 - y}$$", r"- \frac{1 - t}{1 - y}$$"),
    (r"= s(1 - s)$$", r"= s(1 + s)$$"),
])
def test_a_wrong_step_in_old_style_fonts_is_flagged(right, wrong):
    planted = CROSS_ENTROPY.replace(right, wrong)
    assert planted != CROSS_ENTROPY
    assert any(v == "wrong" for _, v in verdicts(planted))


@pytest.mark.parametrize("old, new", [
    (r"E({\bf w}) = 2", r"E(\mathbf{w}) = 2"),
    (r"E( { \bf w } ) = 2", r"E(\mathbf{w}) = 2"),
    (r"E({\bf{w}}) = 2", r"E(\mathbf{w}) = 2"),
    (r"a = \bf{w} + 1", r"a = \mathbf{w} + 1"),
    (r"a = {\bf\theta} + 1", r"a = \boldsymbol{\theta} + 1"),
    (r"\frac{{\rm d}y}{{\rm d}x} = 2x", r"\frac{\mathrm{d}y}{\mathrm{d}x} = 2x"),
    (r"a = {\rm e}^{x}", r"a = e^{x}"),  # the upright e is Euler's number
    (r"p = {\rm{logistic}}(a)", r"p = \mathrm{logistic}(a)"),
    (r"p = \rm{logistic}(a)", r"p = \mathrm{logistic}(a)"),
    (r"p = { \rm logit }(a)", r"p = \mathrm{logit}(a)"),
    (r"{\cal L} = (y - w)^2", r"\mathcal{L} = (y - w)^2"),
    (r"a = {\it ReLU}(x)", r"a = \mathrm{ReLU}(x)"),
    (r"M = {\rm MSE} + 1", r"M = \mathrm{MSE} + 1"),
    (r"a = {\bf 6.0}", r"a = \mathbf{6.0}"),
    (r"\frac{\rm d}{{\rm d}x} x^2 = 2x", r"\frac{d}{dx} x^2 = 2x"),  # the group is \frac's argument: its braces stay
    (r"\frac{\text{d}}{\text{d}w} w^3 = 3w^2", r"\frac{d}{dw} w^3 = 3w^2"),
])
def test_an_old_style_switch_reads_as_the_command_it_stands_for(old, new):
    assert values(old) == values(new)


def test_a_group_holding_only_an_upright_name_is_that_name_applied_not_a_product():
    assert values(r"q = {\mathrm{logit}}(p)") == values(r"q = \mathrm{logit}(p)")
    assert parse_statement(r"q = {\mathrm{logit}}(p)").applied == ("logit",)


def test_the_text_shown_for_an_expression_starts_at_its_switch():
    [piece] = parse_statement(r"a = {\rm e}^{x} + \rm{logistic}(b)").pieces
    assert piece.exprs[1].text == r"{\rm e}^{x} + \rm{logistic}(b)"


@pytest.mark.parametrize("latex", [
    r"z = {\bf x}^T {\bf w}",       # a transpose: vectors
    r"z = {\bf x} {\bf w} + 1",     # a product of two bold names
    r"z = {\bf W} x",               # a bold capital: a matrix
    r"z = {\bf x_n} + 1",           # a bold name with its subscript inside: as \mathbf{x_n}
])
def test_old_style_bold_that_means_vectors_stays_matrix_notation(latex):
    with pytest.raises(LatexError, match="matrix notation"):
        parse_statement(latex)


def test_a_short_word_that_would_read_as_a_product_is_refused_with_a_reason():
    with pytest.raises(LatexError, match="font switch"):
        parse_statement(r"w = w - {\rm lr} \cdot g")


def test_a_switch_inside_text_is_left_to_the_text():
    assert values(r"\text{{\bf Note}: } x = 2") == values("x = 2")
