"""Jacobians and gradients written entry by entry (issue 9, §2.9):
``\\left(\\frac{\\partial \\mathbf u}{\\partial \\mathbf v}\\right)_{ij} = …`` is read as ∂u_i/∂v_j
and checked at every pair of indices at random small shapes, with Kronecker's δ_ij,
entries u_i, W_ij of the notes' vectors and matrices (derive/check/component_jacobians.py).
The notes here are our own."""
import pytest

from derive.check import check_text
from derive.check.component_jacobians import read_component_row
from derive.check.matrix_latex import read_matrix_row

LAYER = r"$$\mathbf{h} = \mathbf{Wv} + \mathbf{c}, \quad \mathbf{g} = \tanh(\mathbf{h}), \quad E = \tfrac{1}{2}\|\mathbf{h}\|^2$$"


def claim(row: str):
    v = {x.line: x for x in check_text(LAYER + "\n\n" + row + "\n").verdicts}
    return v[3]


@pytest.mark.parametrize("row", [
    r"$$\left( \frac{\partial \mathbf{h}}{\partial \mathbf{c}} \right)_{ij} = \delta_{ij}$$",
    r"$$\left( \frac{\partial \mathbf{h}}{\partial \mathbf{v}} \right)_{ij} = W_{ij}$$",
    r"$$\left( \frac{\partial \mathbf{g}}{\partial \mathbf{h}} \right)_{ij} = \delta_{ij} (1 - g_i^2)$$",
    r"\begin{aligned} \left( \frac{\partial \mathbf{g}}{\partial \mathbf{h}} \right)_{ij} &= \delta_{ij} (1 - g_i g_j) \\ \end{aligned}",
    r"$$\left( \frac{\partial E}{\partial \mathbf{h}} \right)_i = h_i$$",
    r"$$\left[ \frac{\partial E}{\partial \mathbf{c}} \right]_{k} = h_k$$",
])
def test_a_component_jacobian_is_checked_entry_by_entry(row):
    v = claim(row)
    assert str(v.verdict) == "numeric", v.reason
    assert "entry by entry" in v.reason and "3×1" in v.reason


@pytest.mark.parametrize("row, where", [
    (r"$$\left( \frac{\partial \mathbf{h}}{\partial \mathbf{c}} \right)_{ij} = 1$$", "i=1, j=2"),
    (r"$$\left( \frac{\partial \mathbf{g}}{\partial \mathbf{h}} \right)_{ij} = 1 - g_i^2$$", "i=1, j=2"),
    (r"$$\left( \frac{\partial \mathbf{g}}{\partial \mathbf{h}} \right)_{ij} = \delta_{ij} (1 + g_i^2)$$", "i=1, j=1"),
    (r"$$\left( \frac{\partial E}{\partial \mathbf{h}} \right)_i = 2 h_i$$", "i=1"),
])
def test_a_wrong_entry_is_named_with_the_shapes(row, where):
    v = claim(row)
    assert str(v.verdict) == "wrong", v.reason
    assert where in v.counterexample["left"]
    assert "3×1" in str(v.counterexample["point"].values())


# ------------------------------------------------------------------ near misses

def test_a_derivative_by_a_name_the_operand_does_not_hold_is_not_zero():
    notes = (r"$$\mathbf{s} = \sigma(\mathbf{Wv} + \mathbf{c})$$" "\n\n"
             r"$$\mathbf{h} = \mathbf{Wv} + \mathbf{c}$$" "\n\n"
             r"$$\left( \frac{\partial \mathbf{s}}{\partial \mathbf{h}} \right)_{ij} = \delta_{ij} s_i - s_i s_j$$" "\n")
    (v,) = [x for x in check_text(notes).verdicts if x.line == 5]
    assert str(v.verdict) == "skipped" and "in terms of h" in v.reason


def test_sigma_of_a_vector_may_be_the_softmax_so_no_wrong():
    notes = (r"$$\mathbf{s} = \sigma(\mathbf{h})$$" "\n\n"
             r"$$\left( \frac{\partial \mathbf{s}}{\partial \mathbf{h}} \right)_{ij} = \delta_{ij} s_i - s_i s_j$$" "\n")
    (v,) = [x for x in check_text(notes).verdicts if x.line == 3]
    assert str(v.verdict) == "skipped" and "softmax" in v.reason


def test_an_unknown_name_or_a_third_index_on_the_right_is_not_judged():
    for row in (r"$$\left( \frac{\partial \mathbf{h}}{\partial \mathbf{c}} \right)_{ij} = \lambda_{ij}$$",
                r"$$\left( \frac{\partial \mathbf{h}}{\partial \mathbf{c}} \right)_{ij} = \delta_{ik}$$",
                r"$$\left( \frac{\partial \mathbf{h}}{\partial \mathbf{v}} \right)_{ij} = W_{ji}$$"):
        assert str(claim(row).verdict) == "skipped", row


def test_the_row_reader_needs_the_brackets_and_distinct_indices():
    assert read_component_row(r"\left( \frac{\partial \mathbf{h}}{\partial \mathbf{c}} \right)_{ii} = 1") is None
    assert read_component_row(r"\frac{\partial \mathbf{h}}{\partial \mathbf{c}} = 1") is None
    deriv, indices, rhs, _ = read_component_row(r"\left( \frac{\partial \mathbf{h}}{\partial \mathbf{c}} \right)_{i,j} = 0")
    assert deriv[0] == "deriv" and indices == ("i", "j") and rhs == ("num", "0")


def test_a_bold_capital_and_letter_is_their_product_and_nothing_else_is():
    (chain,) = read_matrix_row(r"\mathbf{h} = \mathbf{Wv}")
    product = chain.sides[1].node
    assert product[0] == "mul" and product[1][1].key == "W" and product[2][1].key == "v"
    for unread in (r"\mathbf{h} = \mathbf{vw}", r"\mathbf{h} = \mathbf{WV}", r"\mathbf{h} = \mathbf{Wvx}"):
        with pytest.raises(ValueError):
            read_matrix_row(unread)
