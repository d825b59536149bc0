"""Bold names and number sets (issue 9, §2.9): a bold name that nothing in
its segment treats as a vector is read as a plain name; a domain such as
``x \\in \\mathbb{R}^n`` does not make the row unreadable. Anything that is
really vector or matrix algebra stays skipped as "matrix notation"."""
import pytest

from derive.check import check_text


def lines(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_a_domain_after_a_comma_leaves_the_claim_checked():
    right = "$$\\frac{d}{dt} t^3 = 3t^2, \\quad t \\in \\mathbb{R}$$\n"
    wrong = "$$\\frac{d}{dt} t^3 = 2t^2, \\quad t \\in \\mathbb{R}^{m \\times k}$$\n"
    assert lines(right)[0] == (1, "proved")
    assert lines(wrong)[0] == (1, "wrong")
    domain = check_text(right).verdicts[1]
    assert "lives" in domain.reason and "condition" not in domain.reason
    assert domain.latex == "t \\in \\mathbb{R}"


def test_a_real_condition_after_a_comma_still_makes_the_row_conditional():
    notes = "$$\\frac{d}{dt} t^3 = 2t^2, \\quad t \\neq 0$$\n"
    assert [v for _, v in lines(notes)] == ["skipped"]


@pytest.mark.parametrize("bold", ["\\mathbf{u}", "\\boldsymbol{u}", "\\bm{u}"])
def test_a_bold_name_used_only_as_a_scalar_is_read_as_one(bold):
    right = f"$$\\frac{{d}}{{d{bold}}} \\frac{{1}}{{2}}({bold} - 5)^2 = {bold} - 5$$\n"
    wrong = f"$$\\frac{{d}}{{d{bold}}} \\frac{{1}}{{2}}({bold} - 5)^2 = 2{bold} - 5$$\n"
    assert lines(right) == [(1, "proved")]
    assert lines(wrong) == [(1, "wrong")]


def test_a_bold_greek_name_and_a_subscript_are_read():
    notes = "$$\\frac{\\partial}{\\partial \\boldsymbol{\\beta}} (3\\boldsymbol{\\beta} + c_k) = 4$$\n"
    assert lines(notes) == [(1, "wrong")]


@pytest.mark.parametrize("claim", [
    "\\frac{d}{d\\mathbf{u}} (\\mathbf{u} \\mathbf{v}) = 2\\mathbf{v}",              # juxtaposed vectors
    "\\frac{d}{d\\mathbf{u}} (\\mathbf{u}_k \\mathbf{v}_k) = 2\\mathbf{v}",          # subscripted
    "\\frac{d}{d\\mathbf{u}} ((\\mathbf{u} + 1)(\\mathbf{v} - 1)) = 0",            # product of sums
    "\\frac{d}{d\\mathbf{u}} (\\mathbf{A} u) = 2",                                 # bold capital: a matrix
    "\\frac{\\partial \\mathbf{s}}{\\partial \\mathbf{u}} = 0",                    # a Jacobian
])
def test_vector_algebra_with_bold_names_stays_skipped(claim):
    result = check_text(f"$$\\mathbf{{s}} = 3\\mathbf{{u}}$$\n$${claim}$$\n")
    second = [v for v in result.verdicts if v.line == 2]
    assert result.wrong == []
    assert second and all(str(v.verdict) == "skipped" and "matrix notation" in v.reason for v in second)


@pytest.mark.parametrize("claim", [
    "\\frac{d}{d\\mathbf{u}} (\\mathbf{u} \\cdot \\mathbf{v}) = 2\\mathbf{v}",       # dot product: gradient v
    "\\frac{d}{d\\mathbf{u}} (\\mathbf{u}^T \\mathbf{u}) = \\mathbf{u}",           # transpose: gradient 2u
    "\\frac{d}{d\\mathbf{u}} (A\\mathbf{u}) = 2A",                                 # a Jacobian, A in its layout
])
def test_well_shaped_vector_algebra_is_judged_as_vectors_not_scalars(claim):
    """A dot product and uᵀu have one consistent reading (matrices.py): they are
    judged at random vectors, and these two are wrong as vector claims too."""
    result = check_text(f"$$\\mathbf{{s}} = 3\\mathbf{{u}}$$\n$${claim}$$\n")
    (second,) = [v for v in result.verdicts if v.line == 2]
    assert str(second.verdict) == "wrong"
    assert second.counterexample["point"] in ({"u": "3×1", "v": "3×1"}, {"u": "3×1"}, {"A": "3×2", "u": "2×1"})
