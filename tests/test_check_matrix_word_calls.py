r"""A function named by a word around matrices, ``\mathrm{rk}(A^T A) = \mathrm{rk}(A)``
(notes written here): the matrix reader took rk for a matrix and multiplied,
and the true statement about ranks was called wrong. A word in ``\mathrm``,
``\operatorname``, ``\text`` or ``\mathit`` before a bracket is now refused by
the matrix reader (skipped); the functions it knows (exp, log, tanh,
sigmoid, softmax, ReLU) are untouched."""
import pytest

from derive.check import check_text
from derive.check.matrix_latex import read_matrix_row
from derive.check.matrix_tokens import MatrixSyntax

NOTES = r"""Ranks.

$$\mathrm{rk}(A^T A) = \mathrm{rk}{A}$$

$$\operatorname{rank}(A^\top) = \operatorname{rank}(A)$$

$$\mathit{dim}(B^T) = \mathit{dim}(B)$$
"""


def test_a_word_function_of_matrices_is_skipped_not_multiplied():
    got = {v.line: str(v.verdict) for v in check_text(NOTES).verdicts}
    assert got == {3: "skipped", 5: "skipped", 7: "skipped"}


@pytest.mark.parametrize("row", [r"\mathrm{rk}(X^TX) = 1", r"\operatorname{rank} {A^T} = 1",
                                 r"\text{diag}\left(A^T\right) = 1", r"\mathit{vec}(A^T) = 1"])
def test_the_matrix_reader_refuses_word_functions(row):
    with pytest.raises(MatrixSyntax, match="a function named by a word"):
        read_matrix_row(row)


@pytest.mark.parametrize("row", [r"\text{softmax}(z)^T = s^T", r"\mathrm{tanh}(W^T x) = a",
                                 r"\operatorname{ReLU}(W^T x) = a", r"\mathrm{Tx}^T = B", r"\mathrm{A}(B^T) = C"])
def test_known_functions_and_single_letters_are_not_refused_as_word_functions(row):
    try:
        read_matrix_row(row)
    except MatrixSyntax as err:
        assert "a function named by a word" not in str(err)
