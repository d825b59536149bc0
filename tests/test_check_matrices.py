"""Vector and matrix claims (issue 9, §2.9): read with their shapes and judged
at random small shapes, or skipped as "matrix notation" when the shapes do
not fit — never judged as scalars. The notes here are our own."""
import pytest

from derive.check import check_text
from derive.check.matrix_latex import MatrixSyntax, read_matrix_row
from derive.check.shape_inference import Inconsistent
from derive.check.shapes import readings


def verdicts(notes: str) -> dict[int, object]:
    return {v.line: v for v in check_text(notes).verdicts}


def only(notes: str):
    (v,) = check_text(notes).verdicts
    return v


HALF_NORM = "\\nabla_{\\mathbf w} \\tfrac{1}{2}\\lVert \\mathbf{X}\\mathbf{w} - \\mathbf{y}\\rVert^2"


def test_the_least_squares_gradient_is_checked_at_shapes_it_names():
    v = only(f"$${HALF_NORM} = \\mathbf{{X}}^\\top(\\mathbf{{X}}\\mathbf{{w}} - \\mathbf{{y}})$$\n")
    assert str(v.verdict) == "numeric"
    # X is 3×2 and w 2×1: a reader of the report sees what was drawn
    assert "X 3×2" in v.reason and "w 2×1" in v.reason and "y 3×1" in v.reason


def test_a_dropped_transpose_is_wrong_with_the_shapes_in_the_counterexample():
    # X(Xw − y) only fits a square X; there it differs from Xᵀ(Xw − y)
    v = only(f"$${HALF_NORM} = \\mathbf{{X}}(\\mathbf{{X}}\\mathbf{{w}} - \\mathbf{{y}})$$\n")
    assert str(v.verdict) == "wrong"
    assert v.counterexample["point"] == {"X": "3×3", "w": "3×1", "y": "3×1"}
    assert v.counterexample["left"] != v.counterexample["right"]


def test_a_lost_factor_of_two_is_wrong():
    v = only("$$\\nabla_{\\mathbf w} \\lVert \\mathbf{X}\\mathbf{w} - \\mathbf{y}\\rVert^2 = "
             "\\mathbf{X}^T(\\mathbf{X}\\mathbf{w} - \\mathbf{y})$$\n")
    assert str(v.verdict) == "wrong"


@pytest.mark.parametrize("claim", [
    "\\mathbf{X}^T\\mathbf{X} = \\mathbf{X}\\mathbf{X}^T",    # q×q against p×p
    "(A B)^T = A^T B^T",                                      # the order of a transpose of a product
    "\\frac{\\partial}{\\partial w} (w^\\top x) = x^\\top",    # a row where the gradient is a column
])
def test_sides_of_different_shapes_are_skipped_never_wrong(claim):
    v = only(f"$${claim}$$\n")
    assert str(v.verdict) == "skipped"
    assert "matrix notation" in v.reason and "shapes" in v.reason


def test_a_plain_letter_next_to_a_transpose_is_a_vector_not_a_scalar():
    # read as scalars, d/dw (w x) = x would hold for any reading; as vectors it does too,
    # but the wrong version 2x must be wrong, not skipped as a scalar identity
    assert str(only("$$\\nabla_{w} w^\\top x = x$$\n").verdict) == "numeric"
    assert str(only("$$\\nabla_{w} w^\\top x = 2x$$\n").verdict) == "wrong"


def test_definitions_are_followed_into_gradients():
    notes = ("$$\\hat{\\mathbf y} = X\\mathbf{w}$$\n"
             "$$J(\\mathbf{w}) = \\frac{1}{2n}\\|\\hat{\\mathbf y} - \\mathbf{y}\\|^2$$\n"
             "$$\\nabla_{\\mathbf w} J = \\frac{1}{n} X^T(\\hat{\\mathbf y} - \\mathbf{y})$$\n"
             "$$\\nabla_{\\mathbf w} J = \\frac{1}{n} X^T(\\mathbf{y} - \\hat{\\mathbf y})$$\n")
    v = verdicts(notes)
    assert [str(v[k].verdict) for k in (1, 2, 3, 4)] == ["definition", "definition", "numeric", "wrong"]


def test_a_chain_compares_each_row_with_its_first_expression():
    notes = ("\\begin{aligned}\n"
             "\\nabla_{\\boldsymbol\\theta} (\\boldsymbol\\theta^T A^T A \\boldsymbol\\theta) "
             "&= 2 A^T A \\boldsymbol\\theta \\\\\n"
             "&= A^T A \\boldsymbol\\theta\n"
             "\\end{aligned}\n")
    v = verdicts(f"$$\n{notes}$$\n")
    assert str(v[3].verdict) == "numeric" and str(v[4].verdict) == "wrong"


def test_a_symmetry_the_notes_state_is_assumed():
    claim = "$$\\nabla_{\\mathbf x} \\mathbf{x}^T \\mathbf{S} \\mathbf{x} = 2 \\mathbf{S} \\mathbf{x}$$\n"
    assert str(only(claim).verdict) == "wrong"  # true only for a symmetric S
    # a plain S may also be a scalar, for which the claim holds: no verdict then
    assert str(only(claim.replace("\\mathbf{S}", "S")).verdict) == "skipped"
    v = verdicts("$$\\mathbf{S} = \\mathbf{S}^T$$\n" + claim)
    assert "symmetric" in v[1].reason
    assert str(v[2].verdict) == "numeric"


def test_a_derivative_of_an_undefined_loss_is_unknown_not_zero():
    v = only("$$\\frac{\\partial L}{\\partial \\mathbf{W}} = 0$$\n")
    assert str(v.verdict) == "skipped" and "do not define" in v.reason
    v = only("$$\\frac{\\partial L}{\\partial W} = \\delta \\mathbf{x}^T$$\n")
    assert str(v.verdict) == "skipped"


def test_a_derivative_through_a_scalar_row_is_not_taken_as_constant():
    # L is defined in a row the scalar reader reads; to the matrix reader L would be
    # a constant input, and ∂L/∂w would come out 0 against a nonzero right side
    notes = ("$$L = (y - p)^2$$\n"
             "$$\\frac{\\partial L}{\\partial \\mathbf{w}} = 2(p - y)\\mathbf{x}^T$$\n")
    v = verdicts(notes)
    assert str(v[2].verdict) == "skipped" and "scalars" in v[2].reason


def test_a_jacobian_is_judged_in_the_layout_its_other_side_has():
    # W is 3×2: ∂(Wx)/∂x is W (3×2) in numerator layout, Wᵀ (2×3) in denominator layout
    v = only("$$\\nabla_{\\mathbf x} \\mathbf{W}\\mathbf{x} = \\mathbf{W}$$\n")
    assert str(v.verdict) == "numeric" and "numerator layout" in v.reason
    v = only("$$\\nabla_{\\mathbf x} \\mathbf{W}\\mathbf{x} = \\mathbf{W}^T$$\n")
    assert str(v.verdict) == "numeric" and "denominator layout" in v.reason
    v = only("$$\\nabla_{\\mathbf x} \\mathbf{W}\\mathbf{x} = 2\\mathbf{W}$$\n")
    assert str(v.verdict) == "wrong"


def test_a_jacobian_inside_an_expression_is_skipped_because_its_layout_is_not_fixed():
    v = only("$$\\nabla_{\\mathbf x} (2\\mathbf{W}\\mathbf{x}) = 2\\nabla_{\\mathbf x}\\mathbf{W}\\mathbf{x}$$\n")
    assert str(v.verdict) == "skipped" and "Jacobian" in v.reason


def test_a_solution_for_a_parameter_is_not_a_definition():
    notes = ("$$\\nabla_{\\mathbf w} \\|X\\mathbf w - \\mathbf y\\|^2 = 2X^T(X\\mathbf w - \\mathbf y)$$\n"
             "$$\\mathbf{w} = (X^T X)^{-1} X^T \\mathbf{y}$$\n")
    v = verdicts(notes)
    assert str(v[1].verdict) == "numeric"
    assert str(v[2].verdict) == "skipped" and "solves for w" in v[2].reason


def test_a_continuation_from_another_display_is_not_blamed():
    # the second display's row continues the first display's chain; it differs from it,
    # but it is not certain that the notes meant that chain
    notes = ("$$\\nabla_{\\mathbf w} (\\mathbf{y}^T\\mathbf{y}) = 0$$\n\ntext\n\n"
             "$$\n\\begin{aligned}\n&= 2X^T X\\mathbf{w}\n\\end{aligned}\n$$\n")
    result = check_text(notes)
    assert result.wrong == []
    assert [str(v.verdict) for v in result.verdicts if v.line == 7] == ["skipped"]
    # the same row with the names of the chain it continues: still not blamed across displays
    notes = notes.replace("&= 2X^T X\\mathbf{w}", "&= 2\\mathbf{y}^T\\mathbf{y}\\mathbf{w}")
    result = check_text(notes)
    assert result.wrong == []
    assert "earlier display" in [v for v in result.verdicts if v.line == 7][0].reason


def test_a_number_claimed_for_vector_names_is_skipped():
    v = only("$$\\|\\mathbf{t} - \\mathbf{o}\\| = \\|0.5 - 0.25\\|$$\n")
    assert str(v.verdict) == "skipped"


def test_elementwise_products_and_a_number_minus_a_vector():
    right = ("$$\\frac{\\partial}{\\partial \\mathbf z} \\tfrac12 \\|\\sigma(\\mathbf z) - \\mathbf y\\|^2 = "
             "(\\sigma(\\mathbf z) - \\mathbf y) \\odot \\sigma(\\mathbf z) \\odot (1 - \\sigma(\\mathbf z))$$\n")
    assert str(only(right).verdict) == "numeric"
    assert str(only(right.replace("(1 - \\sigma", "(1 + \\sigma")).verdict) == "wrong"


def test_the_reader_keeps_the_order_of_a_product():
    (chain,) = read_matrix_row("A B = B A")
    left, right = (s.node for s in chain.sides)
    assert left != right  # a commutative reading would make both A·B


def test_the_reader_refuses_what_it_does_not_know():
    with pytest.raises(MatrixSyntax):
        read_matrix_row("\\sum_{i=1}^{n} \\mathbf{x}_i = X^T \\mathbf{1}")


def test_readings_keep_only_consistent_shapes():
    (chain,) = read_matrix_row("\\mathbf{X}^T\\mathbf{X} = \\mathbf{X}\\mathbf{X}^T")
    with pytest.raises(Inconsistent):
        readings([s.node for s in chain.sides], {}, frozenset())
    (chain,) = read_matrix_row("(\\mathbf{A}\\mathbf{B})^T = \\mathbf{B}^T\\mathbf{A}^T")
    (reading,) = readings([s.node for s in chain.sides], {}, frozenset())
    shapes = dict(reading.shapes)
    assert shapes["A"][1] == shapes["B"][0] and shapes["A"][0] != shapes["B"][1]


def test_a_name_defined_twice_is_not_blamed_through_either_definition():
    # notes reuse a name (a loss and then its double); a step that differs under the latest
    # definition may mean the other one: skipped, not wrong
    notes = ("$$J = \\tfrac12\\|X\\mathbf{w} - \\mathbf{y}\\|^2$$\n"
             "$$J = \\|X\\mathbf{w} - \\mathbf{y}\\|^2$$\n"
             "$$\\nabla_{\\mathbf w} J = X^T(X\\mathbf{w} - \\mathbf{y})$$\n")
    v = verdicts(notes)
    assert str(v[2].verdict) == "definition" and "redefines" in v[2].reason
    assert str(v[3].verdict) == "skipped" and "one of several" in v[3].reason
    # with one definition the same step is judged
    assert str(verdicts(notes.replace("$$J = \\|X\\mathbf{w} - \\mathbf{y}\\|^2$$\n", ""))[2].verdict) == "numeric"


def test_a_definition_read_ahead_does_not_make_a_step_wrong():
    notes = ("$$\\nabla_{\\mathbf w} E = 2X^T(X\\mathbf{w} - \\mathbf{y})$$\n"
             "$$E = \\|X\\mathbf{w} - \\mathbf{y}\\|^2$$\n")
    assert str(verdicts(notes)[1].verdict) == "numeric"  # read ahead, and equal
    v = verdicts(notes.replace("X\\mathbf{w} - \\mathbf{y}\\|", "X\\mathbf{w} + \\mathbf{y}\\|"))[1]
    assert str(v.verdict) == "skipped" and "read ahead" in v.reason


def test_a_name_from_a_row_nobody_read_is_not_a_constant_under_a_derivative():
    # a = softmax(z) is not read; without the guard L = -yᵀ log a would not depend on z
    # and ∂L/∂z would come out 0 against a − y: a false alarm
    notes = ("$$\\mathbf{a} = \\operatorname{softmax}(\\mathbf{z})$$\n"
             "$$L = -\\mathbf{y}^T \\log \\mathbf{a}$$\n"
             "$$\\nabla_{\\mathbf z} L = 2\\mathbf{a} - \\mathbf{y}$$\n")
    result = check_text(notes)
    assert result.wrong == []
    assert "not at all" in verdicts(notes)[3].reason


def test_data_written_out_entry_by_entry_stays_data():
    notes = ("$$\\mathbf{y} = (y_1, y_2, y_3)$$\n"
             "$$\\nabla_{\\mathbf w} \\|X\\mathbf{w} - \\mathbf{y}\\|^2 = 2X^T(X\\mathbf{w} - \\mathbf{y})$$\n")
    assert str(verdicts(notes)[2].verdict) == "numeric"


@pytest.mark.parametrize("hidden", ["\\hat{\\mathbf y}", "\\mathbf{z}^{[1]}"])
def test_an_undefined_output_or_a_scalar_row_name_is_not_a_constant_under_a_derivative(hidden):
    notes = ("$$z = w x + b$$\n"   # read by the scalar reader
             f"$$\\nabla_{{\\mathbf b}} \\tfrac12\\|{hidden}\\|^2 = 0$$\n")
    v = verdicts(notes)[2]
    assert str(v.verdict) == "skipped" and "may depend on the variable" in v.reason



def test_a_layer_output_defined_in_matrix_form_is_followed():
    # the same claim with z defined by a matrix row: ∇_b ½‖z‖² = z, not 0
    notes = ("$$\\mathbf{z}^{[1]} = W\\mathbf{x} + \\mathbf{b}$$\n"
             "$$\\nabla_{\\mathbf b} \\tfrac12\\|\\mathbf{z}^{[1]}\\|^2 = 0$$\n"
             "$$\\nabla_{\\mathbf b} \\tfrac12\\|\\mathbf{z}^{[1]}\\|^2 = \\mathbf{z}^{[1]}$$\n")
    v = verdicts(notes)
    assert [str(v[k].verdict) for k in (1, 2, 3)] == ["definition", "wrong", "numeric"]


def test_random_draws_decide_only_on_agreement_or_three_disagreements():
    """One or two odd draws (a near-singular inverse, a rounding) are no counterexample;
    a single agreeing draw among disagreements makes the claim unclear, not wrong."""
    from derive.check.matrix_values import draws_verdict
    assert draws_verdict(5, 0) == "equal" and draws_verdict(1, 0) == "equal"
    assert draws_verdict(0, 3) == "differ" and draws_verdict(0, 5) == "differ"
    assert draws_verdict(0, 2) == "unclear" and draws_verdict(1, 4) == "unclear"
    assert draws_verdict(4, 1) == "unclear" and draws_verdict(0, 0) == "unclear"
