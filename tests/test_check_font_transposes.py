"""A transpose written as T in a font (issue 9, §2.9): ``X^\\mathsf{T}``,
``X^{\\mathrm{T}}``, ``X^{\\text{T}}`` are read as Xᵀ by the matrix reader, so
least-squares notes in that style get their gradients checked at random small
shapes. The notes here are our own."""
import pytest

from derive.check import check_text
from derive.check.matrix_latex import read_matrix_row
from derive.check.matrix_tokens import MatrixSyntax

LOSS = r"$$J(\theta) = \frac{1}{2}\left(X\theta - \vec{y}\right)^\mathsf{T}\left(X\theta - \vec{y}\right)$$"


def verdicts(notes: str) -> dict[int, object]:
    return {v.line: v for v in check_text(notes).verdicts}


@pytest.mark.parametrize("t", [r"^\mathsf{T}", r"^{\mathsf{T}}", r"^{\mathrm{T}}", r"^{\text{T}}"])
def test_the_gradient_of_least_squares_with_a_font_transpose_is_checked(t):
    row = rf"$$\nabla_\theta J(\theta) = X{t}X\theta - X{t}\vec{{y}}$$"
    v = verdicts(LOSS + "\n" + row + "\n")
    assert str(v[2].verdict) == "numeric", v[2].reason
    assert "X 3×2" in v[2].reason


def test_a_flipped_sign_is_wrong_at_stated_shapes():
    row = r"$$\nabla_\theta J(\theta) = {X}^\mathsf{T}X\theta + {X}^\mathsf{T}\vec{y}$$"
    v = verdicts(LOSS + "\n" + row + "\n")
    assert str(v[2].verdict) == "wrong"
    assert v[2].counterexample["point"]["X"] == "3×2"


def test_a_word_in_a_superscript_is_still_not_read():
    with pytest.raises(MatrixSyntax):
        read_matrix_row(r"w^{\text{new}} = w - X^T y")
    with pytest.raises(MatrixSyntax):
        read_matrix_row(r"w^{\mathsf{S}} = X^T y")
    (chain,) = read_matrix_row(r"g = X^{\mathsf{T}} y")
    transposed = chain.sides[1].node[1]
    assert transposed[0] == "T" and transposed[1][1].key == "X"
