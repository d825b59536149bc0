"""Row vectors (issue 9, §2.9): a claim whose shapes fit no reading with column
vectors (``X\\theta^T`` with X one sample and θ a row of parameters, as array code
writes them) is read with the vectors as rows (1×n) and judged at random shapes,
with the shapes and the row reading said; it used to be skipped as "a vector or
matrix would need a size of 1". A claim with a column reading never gets here.
The notes here are our own."""
import pytest

from derive.check import check_text
from derive.check.shapes import readings
from derive.check.matrix_latex import read_matrix_row


def verdicts(notes: str) -> list:
    return check_text(notes).verdicts


def test_the_logistic_score_of_a_sample_row_is_checked_with_rows():
    (v,) = verdicts("$$\\frac{1}{1 + e^{-A \\beta^T}} = \\frac{e^{A \\beta^T}}{1 + e^{A \\beta^T}}$$\n")
    assert str(v.verdict) == "numeric"
    assert "A 1×3" in v.reason and "β 1×3" in v.reason and "vectors read as rows" in v.reason


def test_a_chain_of_such_rows_is_checked_link_by_link():
    notes = ("$$\\begin{aligned}\n\\frac{1}{1 + e^{-A \\beta^T}}"
             " &= \\frac{1}{1 + e^{-A \\beta^T}} \\cdot \\frac{e^{A \\beta^T}}{e^{A \\beta^T}} \\\\\n"
             "&= \\frac{e^{A \\beta^T}}{e^{A \\beta^T} + e^{0}} \\\\\n"
             "&= \\frac{e^{A \\beta^T}}{e^{A \\beta^T} + 2}\n\\end{aligned}$$\n")
    got = {v.line: str(v.verdict) for v in verdicts(notes)}
    assert got == {2: "numeric", 3: "numeric", 4: "wrong"}


@pytest.mark.parametrize("claim", [
    "\\frac{1}{1 + e^{-A \\beta^T}} = \\frac{e^{A \\beta^T}}{2 + e^{A \\beta^T}}",   # a 2 for the 1
    "\\frac{1}{1 + e^{-A \\beta^T}} = \\frac{e^{-A \\beta^T}}{1 + e^{-A \\beta^T}}",  # the complement
])
def test_real_errors_of_the_same_shape_are_wrong_with_row_shapes(claim):
    (v,) = verdicts(f"$${claim}$$\n")
    assert str(v.verdict) == "wrong"
    assert v.counterexample["point"] == {"A": "1×3", "beta": "1×3"}


def test_a_claim_with_a_column_reading_keeps_it():
    # X^T(Xw - y) reads with columns: no row reading is tried, the shapes are as before
    (r,) = readings([node for c in read_matrix_row("X^T X w = X^T y") for node in (s.node for s in c.sides)],
                    {}, frozenset())
    assert dict(r.shapes)["w"][1] == 1 and dict(r.shapes)["X"][0] > 1


@pytest.mark.parametrize("claim", [
    "\\mathbf{X}^T\\mathbf{X} = \\mathbf{X}\\mathbf{X}^T",   # different shapes in rows too
    "(A B)^T = A^T B^T",                                      # the order of a transpose of a product
    "\\frac{1}{1 + e^{-A \\beta^T}} = \\frac{e^{A \\beta^T}}{1 + e^{0 A}}",  # e^{0A} of a row: not a number
])
def test_near_misses_stay_skipped(claim):
    (v,) = verdicts(f"$${claim}$$\n")
    assert str(v.verdict) == "skipped"
    assert "matrix notation" in v.reason


def test_without_a_transposed_or_bold_name_rows_are_not_tried():
    # nothing here says the notes use vectors: a plain product of capitals stays unread as rows
    from derive.check.shape_inference import Inconsistent
    nodes = [s.node for c in read_matrix_row("A^{-1} B = B A^{-1}") for s in c.sides]
    try:
        found = readings(nodes, {}, frozenset())
    except Inconsistent:
        return
    assert all(kind != "row" for r in found for _, kind in r.kinds)


def test_a_claim_with_a_derivative_is_never_read_with_rows():
    # after z = W x + c, ∂L/∂W = x δᵀ has a row reading with W a number; the notes do not mean it
    notes = ("$$z = W x + c$$\n\n$$\\delta = \\frac{\\partial L}{\\partial z}$$\n\n"
             "$$\\frac{\\partial L}{\\partial W} = x \\delta^T$$\n")
    v = {v.line: v for v in verdicts(notes)}[5]
    assert str(v.verdict) == "skipped" and "rows" not in v.reason


def test_a_name_defined_by_a_derivative_is_never_read_with_rows():
    notes = ("$$z = W x + c$$\n\n$$\\delta = \\frac{\\partial L}{\\partial z}$$\n\n"
             "$$G = x \\delta^T$$\n\n$$G = \\delta x^T$$\n")
    v = {v.line: v for v in verdicts(notes)}[7]
    assert "rows" not in v.reason
