"""Reach on worked numeric examples and report fixes (issue 9, round 6), in notes written here.

Each class: the values the notes give in a form the checker did not read are read, so the
numbers computed from them are checked (a planted error is flagged at its line), and a
variant the checker cannot be sure of is skipped, never called wrong.
"""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


# ------------------------------------------------ a skipped row shows its condition as written
def test_a_row_under_an_inequality_between_indices_shows_that_inequality():
    (v,) = check_text("$$\\frac{\\partial q_k}{\\partial u_m} = -q_m q_k, \\quad m < k$$\n").verdicts
    assert str(v.verdict) == "skipped"
    assert v.latex.endswith("m < k") and "m = k" not in v.latex


# ------------------------------------------------ values given entry by entry in a matrix
MATRIX_OF_VALUES = """Inputs and weights:

\\( X = \\begin{pmatrix} x_1 & x_2 \\end{pmatrix} = \\begin{pmatrix} 0.5 & 0.25 \\end{pmatrix},\\quad V = \\begin{bmatrix} v_1 & v_2 \\\\ v_3 & v_4 \\end{bmatrix} = \\begin{bmatrix} 0.1 & 0.4 \\\\ 0.3 & 0.2 \\end{bmatrix},\\quad t = 1 \\)

\\( h_1 = v_1 x_1 + v_3 x_2 = 0.125 \\)

\\( h_2 = v_2 x_1 + v_4 x_2 = 0.25 \\)

$$E = \\frac{1}{2}(t - h_1 - h_2)^2 = \\frac{1}{2}(0.625)^2 \\approx 0.195$$
"""


def test_values_given_in_a_matrix_of_names_are_the_values_of_those_names():
    found = verdicts(MATRIX_OF_VALUES)
    assert (5, "numeric") in found and (7, "numeric") in found and (9, "proved") in found
    assert not [line for line, verdict in found if verdict in ("wrong", "skipped")]
    planted = MATRIX_OF_VALUES.replace("= 0.125", "= 0.135")
    assert [line for line, verdict in verdicts(planted) if verdict == "wrong"] == [5]
    for changed in (MATRIX_OF_VALUES.replace("0.1 & 0.4 \\\\ 0.3 & 0.2", "0.1 & 0.4 \\\\ 0.3"),  # an entry missing
                    MATRIX_OF_VALUES.replace("v_3 & v_4", "v_1 & v_4"),  # v_1 given two values
                    MATRIX_OF_VALUES.replace("V = \\begin{bmatrix}", "V^{[1]} = \\begin{bmatrix}")):  # V^{[1]}: not read
        found = verdicts(changed)
        assert (5, "skipped") in found and not [line for line, verdict in found if verdict == "wrong"]


def test_the_definitions_read_from_a_matrix_keep_the_lines_of_what_follows():
    notes = MATRIX_OF_VALUES.replace("\\quad V =", "\\quad\nV =")  # the segment now spans two lines
    found = check_text(notes).verdicts
    assert {v.latex: v.line for v in found if str(v.verdict) == "definition"}["v_1 = 0.1"] == 4
    assert {(v.line, str(v.verdict)) for v in found} >= {(6, "numeric"), (8, "numeric"), (10, "proved")}


# ------------------------------------------------ values given by substituting them: x·v = 2.0·0.25
SUBSTITUTED_VALUES = """$$
z = x \\cdot v = 2.0 \\cdot 0.25 = 0.5
$$

$$
h = \\text{ReLU}(z) = 0.5
$$

$$
\\frac{dh}{dz} = 1
$$

$$
q = \\frac{1}{1 + e^{-h}} \\approx 0.622
$$
"""


def test_a_row_substituting_numbers_for_inputs_gives_their_values():
    found = verdicts(SUBSTITUTED_VALUES)
    assert {(6, "numeric"), (10, "proved"), (14, "numeric")} <= set(found)
    assert not [line for line, verdict in found if verdict in ("wrong", "skipped")]
    assert [line for line, verdict in verdicts(SUBSTITUTED_VALUES.replace("\\approx 0.622", "\\approx 0.652"))
            if verdict == "wrong"] == [14]
    # the values read are shown as definitions, with where they come from
    given = {v.latex: v.reason for v in check_text(SUBSTITUTED_VALUES).verdicts if str(v.verdict) == "definition"}
    assert given["x = 2.0"] == "x = 2.0, the value this row substitutes for it"
    for row in ("z = x \\cdot v = 2.0 + 0.25 = 2.25",  # another operation: no values read
                "z = x \\cdot v = (2.0 \\cdot 0.25) \\cdot 3 = 1.5",  # more numbers than names
                "z = x \\cdot x = 2.0 \\cdot 0.25 = 0.5"):  # one name, two numbers
        found = verdicts(SUBSTITUTED_VALUES.replace("z = x \\cdot v = 2.0 \\cdot 0.25 = 0.5", row))
        assert (6, "skipped") in found and not [line for line, verdict in found if verdict == "wrong"], row


def test_a_claim_written_in_names_with_given_values_is_not_compared_with_the_row_before():
    # E holds a term in an output r̂ the notes never define, so ∂E/∂y is not known; the middle row
    # drops the sign, and the last row (right about the derivative) is not blamed for that
    notes = ("$$t = 0.5, \\quad y = 2$$\n\n$$E = \\frac{1}{2}(t - y)^2 + \\frac{1}{2}(u - \\hat{r})^2$$\n\n"
             "$$\n\\begin{aligned}\n\\frac{\\partial E}{\\partial y} &= (t - y) \\\\\n&= -(t - y)\n\\end{aligned}\n$$\n")
    found = verdicts(notes)
    assert (7, "skipped") in found and (8, "skipped") in found


def test_the_expected_value_of_a_wrong_worked_number_is_a_number_not_a_name_with_that_value():
    notes = "$$x = 1$$\n\n$$f = x^2 - x + 1$$\n\n$$\\frac{df}{dx} = 3$$\n"
    (v,) = [v for v in check_text(notes).verdicts if v.line == 5]
    assert str(v.verdict) == "wrong" and v.expected == "1"


def test_an_update_of_a_weight_is_neither_a_formula_for_it_nor_compared_with_its_old_value():
    # w = w - η·g is the new value of w: dL/dv through w = 0.5 is still taken, and the numbers
    # of the update are the new w (η is not given: not checked), never compared with the old 0.5
    notes = ("$$z = w \\cdot v = 0.5 \\cdot 3 = 1.5$$\n\n$$L = z^2$$\n\n$$\\frac{dL}{dv} = 2 z w = 1.5$$\n\n"
             "$$w = w - \\eta \\frac{dL}{dw} = 0.5 - 0.1 \\cdot 3 = 0.2$$\n")
    found = verdicts(notes)
    assert [verdict for line, verdict in found if line == 5] == ["proved", "numeric"]
    assert not [line for line, verdict in found if verdict == "wrong"]


# ------------------------------------------------ the expected value in the notes' names
def test_the_expected_gradient_of_a_sum_of_squares_keeps_the_prediction_inside_the_sum():
    notes = ("$$\\hat{y}_i = w x_i + b$$\n\n$$L = \\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2$$\n\n"
             "$$\\frac{\\partial L}{\\partial b} = -2 \\sum_{i=1}^{n} (y_i + \\hat{y}_i)$$\n")
    (v,) = [v for v in check_text(notes).verdicts if v.line == 5]
    assert str(v.verdict) == "wrong"
    assert v.expected == "- 2 \\sum_{i=1}^{n} \\left(y_i - \\hat{y}_i\\right)"


# ------------------------------------------------ a claim whose left side sits on the line above
def test_a_claim_written_over_two_lines_is_reported_from_its_left_side_to_its_end():
    notes = ("$$\n\\begin{aligned}\n\\frac{d}{dx} (x^2 + 3x)\n&= 2x + 2 \\\\\n&= 2(x + 1)\n\\end{aligned}\n$$\n")
    first, second = check_text(notes).verdicts
    assert (first.line, first.end_line, str(first.verdict)) == (3, 4, "wrong")
    assert (second.line, second.end_line) == (5, None)  # a later row: its own line, as before
    import json
    from derive.check.report import json_report
    steps = json.loads(json_report("n.md", [first, second], []))["steps"]
    assert steps[0]["end_line"] == 4 and "end_line" not in steps[1]


# ------------------------------------------------ a defined value substituted as printed (rounded)
def test_a_computed_value_substituted_as_printed_is_checked_not_taken_for_another_example():
    notes = "$$p = \\sigma(0.39) \\approx 0.596$$\n\n$$r = p - 1 = 0.596 - 1 = -0.404$$\n"
    assert ("3", "numeric") in [(str(v.line), str(v.verdict)) for v in check_text(notes).verdicts
                                if v.latex.endswith("0.596 - 1")]
    planted = verdicts(notes.replace("0.596 - 1 = -0.404", "0.569 - 1 = -0.431"))  # another value of p
    assert not [line for line, verdict in planted if verdict == "wrong"] and (3, "skipped") in planted


def test_a_row_substituting_another_value_for_a_known_name_gives_no_values_at_all():
    # w is 0.5 from the first row; the second example uses w = 0.7, so its c = 3 is that example's
    notes = ("$$z = w x = 0.5 \\cdot 2 = 1$$\n\n$$p = w x + c = 0.7 \\cdot 2 + 3 = 4.4$$\n\n"
             "$$r = p - 1 = 3.4$$\n")
    found = verdicts(notes)
    assert not [line for line, verdict in found if verdict == "wrong"]
    assert dict(verdicts(notes))[5] == "skipped"
