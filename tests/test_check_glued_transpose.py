r"""A transpose glued to the next name: ``w^Tx``, ``w^{T}x`` (issue 9: a false alarm on main).

Notes written here. In TeX a superscript without braces is one character, so ``w^Tx`` is wᵀ x;
the rewrite that refuses matrix notation only knew ``^T`` followed by something other than a
letter, so ``z = w^Tx + b`` was read as the power w^T times x and the true ∂z/∂w = x was wrong.
A T superscript followed by a name is a transpose now, with or without braces; a braced
exponent that merely begins with T (``e^{Tx}``) is still a power.
"""
import pytest

from derive.check import check_text
from derive.check.latex_rewrites import _MATRIX


def verdicts(notes: str) -> dict[int, str]:
    return {v.line: str(v.verdict) for v in check_text(notes).verdicts}


@pytest.mark.parametrize("glued", ["w^Tx", "w^{T}x", "w^T x", "w^{ T }\\mathbf{x}", "w^T\\mathbf{x}"])
def test_a_transpose_before_a_name_is_never_judged_as_a_power(glued):
    notes = f"$z = {glued} + b$\n\n$$\\frac{{\\partial z}}{{\\partial w}} = x$$\n"
    assert verdicts(notes)[3] != "wrong"


@pytest.mark.parametrize("text, matrix", [
    ("w^Tx", True), ("w^{T}x", True), ("w^T\\mathbf{x}", True), ("w^T", True), ("w^T)", True),
    ("e^{Tx}", False), ("e^{Tab}", False), ("x^{2T}", False), ("w^T2", False)])
def test_what_counts_as_a_transpose(text, matrix):
    assert bool(_MATRIX.search(text)) is matrix


def test_a_power_whose_exponent_begins_with_t_is_still_judged():
    assert verdicts("$$e^{Tx} e^{Tx} = e^{3Tx}$$\n")[1] == "wrong"
