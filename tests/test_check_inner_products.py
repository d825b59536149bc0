r"""Inner products inside scalar rows (issue 9, §2.9): ``\theta^T x^{(i)}`` in a
logistic-regression row is one number per sample; such rows are read at
vectors of length 1 when nothing else in the row could tie the product to
its parts. The notes here are our own."""
import pytest

from derive.check import check_text
from derive.check.inner_products import inner_products_as_scalars


def verdicts(notes: str) -> dict[int, str]:
    return {v.line: str(v.verdict) for v in check_text(notes).verdicts}


SIGMOID_SUM = ("$$\\frac{1}{m}\\sum_{i=1}^{m}\\frac{e^{\\theta^T x^{(i)}}}{1+e^{\\theta^T x^{(i)}}}x_j^{(i)} = "
               "\\frac{1}{m}\\sum_{i=1}^{m}\\frac{x_j^{(i)}}{1+e^{%s\\theta^T x^{(i)}}}$$\n")


def test_a_sum_over_samples_of_inner_products_is_proved():
    # e^s/(1+e^s) = 1/(1+e^{-s}) for the score s = θᵀx⁽ⁱ⁾ of every sample
    assert verdicts(SIGMOID_SUM % "-") == {1: "proved"}


def test_a_lost_minus_sign_in_the_exponent_is_wrong():
    # 1/(1+e^{s}) is σ(−s), not σ(s): wrong at vectors of length 1, hence wrong
    assert verdicts(SIGMOID_SUM % "") == {1: "wrong"}


def test_continuation_rows_of_inner_products_are_checked():
    # rows with a sum: the matrix reader does not read them, the scalar reader does
    notes = ("$$\\sum_{i=1}^{m}\\log\\frac{1+e^{-\\theta^T x^{(i)}}}{1+e^{\\theta^T x^{(i)}}}"
             " = \\sum_{i=1}^{m}\\log\\left(e^{-\\theta^T x^{(i)}}\\right)$$\n"
             "$$= -\\sum_{i=1}^{m}\\theta^T x^{(i)}$$\n"
             "$$= \\sum_{i=1}^{m}\\theta^T x^{(i)}$$\n")
    assert verdicts(notes) == {1: "proved", 2: "proved", 3: "wrong"}


def test_the_rewrite_keeps_every_position():
    row = "= y^{(i)}\\log(1+e^{-{\\theta^T}{{x}^{(i)}}}) + \\boldsymbol{\\theta}^{T}\\mathbf{x}^{(i)}"
    out = inner_products_as_scalars(row)
    assert out is not None and len(out) == len(row)
    assert "^T" not in out and "\\boldsymbol" not in out and "\\mathbf" not in out
    assert out.index("\\log") == row.index("\\log")


@pytest.mark.parametrize("row", [
    # a derivative: θᵀx depends on θ_j
    "= \\frac{\\partial}{\\partial \\theta_j} \\log(1+e^{-\\theta^T x^{(i)}})",
    # θ's components: θᵀx = Σ θ_j x_j is about the parts
    "= \\theta^T x - \\theta_1 x_1",
    # a vector x outside the product: a sum of vectors
    "= (\\theta^T x^{(i)} - y^{(i)}) x^{(i)}",
    # θ itself outside the product
    "= J(\\theta) + e^{\\theta^T x}",
    # two transposed vectors: at length 1 θx and wz would be tied to each other
    "= e^{\\theta^T x} + e^{w^T z}",
    # a capital is a matrix: Xᵀy is a vector
    "= X^T y + 1",
    # something other than a name after the transpose
    "= \\theta^T (x - z)",
    # a definition: a later ∂/∂θ_j of ℓ must not see θ as one number
    "\\ell = \\log(1+e^{-\\theta^T x})",
    # a vector times itself: eᵀe ≥ 0, which two independent names at length 1 would forget
    "= \\sqrt{(e^T e)^2}",
    # no inner product at all
    "= e^{x} + 1",
])
def test_rows_where_the_product_could_matter_stay_matrix_notation(row):
    assert inner_products_as_scalars(row) is None
