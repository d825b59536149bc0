"""A row in scalar notation about a name only a matrix row defines (issue 9, §2.9):
after ``z = w^Tx + b`` (shown as a definition by the matrix reader), ``∂z/∂b = 1``
is judged with that definition at random small shapes, not skipped as "a derivative
of something the notes do not define" (the two lines used to disagree). The notes
here are our own."""
from derive.check import check_text

NEURON = "$$s = u^T v + c$$\n\n"


def verdicts(notes: str) -> dict[int, object]:
    return {v.line: v for v in check_text(notes).verdicts}


def test_the_definition_and_the_step_after_it_agree():
    got = verdicts(NEURON + "$$\\frac{\\partial s}{\\partial c} = 1$$\n")
    assert str(got[1].verdict) == "definition"
    assert str(got[3].verdict) == "numeric"
    # the shapes drawn are said: u and v vectors of one length, c a scalar
    assert "u 3×1" in got[3].reason and "v 3×1" in got[3].reason and "c scalar" in got[3].reason


def test_the_gradient_by_the_vector_is_the_other_vector():
    got = verdicts(NEURON + "$$\\frac{\\partial s}{\\partial u} = v$$\n\n$$\\frac{ds}{dv} = u$$\n")
    assert str(got[3].verdict) == "numeric"
    assert str(got[5].verdict) == "numeric"


def test_real_errors_of_the_same_shape_are_wrong_with_a_counterexample():
    got = verdicts(NEURON + "$$\\frac{\\partial s}{\\partial c} = 0$$\n\n$$\\frac{\\partial s}{\\partial u} = u$$\n")
    for line in (3, 5):
        v = got[line]
        assert str(v.verdict) == "wrong", v
        assert v.counterexample["point"] == {"u": "3×1", "v": "3×1"}
        assert v.counterexample["left"] != v.counterexample["right"]


def test_a_row_beside_an_undefined_loss_stays_with_the_scalar_reader():
    # the chain rule of an undefined L is an identity of derivative symbols, proved as before
    got = verdicts(NEURON + "$$\\frac{\\partial L}{\\partial u} = \\frac{\\partial L}{\\partial s}"
                            "\\frac{\\partial s}{\\partial u}$$\n")
    assert str(got[3].verdict) == "proved"


def test_a_name_a_scalar_row_also_defines_stays_with_the_scalar_reader():
    # s is also s = u v + c in scalar notation: which one the step means is the scalar reader's call
    got = verdicts(NEURON + "$$s = u v + c$$\n\n$$\\frac{\\partial s}{\\partial u} = v$$\n")
    assert str(got[5].verdict) == "proved"


def test_a_vector_claimed_where_the_shapes_differ_is_skipped_never_wrong():
    # ∂s/∂u is a column; a row vector written for it is a layout question, not an error
    got = verdicts(NEURON + "$$\\frac{\\partial s}{\\partial u} = v^T$$\n")
    assert str(got[3].verdict) == "skipped"
    assert "matrix notation" in got[3].reason


def test_a_vector_output_with_a_scalar_claimed_is_skipped():
    # h = Wᵀx + k is a vector: ∂h/∂k is the identity, and "1" for it is not judged as a scalar
    got = verdicts("$$h = W^T x + k$$\n\n$$\\frac{\\partial h}{\\partial k} = 1$$\n")
    assert str(got[3].verdict) == "skipped"
    assert "matrix notation" in got[3].reason
