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
                    MATRIX_OF_VALUES.replace("v_3 & v_4", "v_1 & v_4")):  # v_1 given two values
        found = verdicts(changed)
        assert (5, "skipped") in found and not [line for line, verdict in found if verdict == "wrong"]


def test_the_definitions_read_from_a_matrix_keep_the_lines_of_what_follows():
    notes = MATRIX_OF_VALUES.replace("\\quad V =", "\\quad\nV =")  # the segment now spans two lines
    found = check_text(notes).verdicts
    assert {v.latex: v.line for v in found if str(v.verdict) == "definition"}["v_1 = 0.1"] == 4
    assert {(v.line, str(v.verdict)) for v in found} >= {(6, "numeric"), (8, "numeric"), (10, "proved")}
