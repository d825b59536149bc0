"""Names a worked example gives numeric matrices, and functions of a whole matrix (issue 9).

Notes written here. After ``q = \\begin{bmatrix}…\\end{bmatrix} \\begin{bmatrix}…\\end{bmatrix}``
the name q is a known matrix: a row that writes q again is checked when it agrees, and
``e^{q}``, ``\\sigma(q)``, ``\\text{ReLU}(q)``, ``\\text{softmax}(q)`` are computed entry by entry.
Near misses stay unjudged: a restatement with another value (an update?), a name assigned
again by a row the checker cannot compute, e^ of a square matrix (the matrix exponential?),
softmax of a matrix (by rows or columns?), functions the checker does not know.
"""
from derive.check import check_text

LAYER = r"""A layer and its activations, by hand.

$$
q = \begin{bmatrix} 0.4 & -0.3 \\ 0.2 & 0.6 \end{bmatrix} \begin{bmatrix} 1 \\ 2 \end{bmatrix}
$$

$$
q = \begin{bmatrix} -0.2 \\ 1.4 \end{bmatrix}
$$

$$
e^{q} \approx \begin{bmatrix} 0.8187 \\ 4.0552 \end{bmatrix}
$$

$$
\sigma(q) = \begin{bmatrix} 0.4502 \\ 0.8022 \end{bmatrix}
$$

$$
\text{ReLU}(q) = \begin{bmatrix} 0 \\ 1.4 \end{bmatrix}
$$

$$
\text{softmax}(q) \approx \begin{bmatrix} 0.1680 \\ 0.8320 \end{bmatrix}
$$
"""


def rows(notes: str):
    return check_text(notes).verdicts


def at(notes: str, line: int):
    return [(str(v.verdict), v.reason) for v in rows(notes) if v.line == line]


def verdicts(notes: str, line: int):
    return {verdict for verdict, _ in at(notes, line)}


def test_a_named_matrix_restated_with_its_value_is_checked():
    assert "numeric" in verdicts(LAYER, 8) and "wrong" not in verdicts(LAYER, 8)


def test_functions_of_a_named_matrix_are_computed_entry_by_entry():
    assert verdicts(LAYER, 12) == {"skipped", "numeric"}  # e^{q}, both entries
    assert [v for v, _ in at(LAYER, 16)].count("numeric") == 2
    assert [v for v, _ in at(LAYER, 20)].count("numeric") + [v for v, _ in at(LAYER, 20)].count("proved") == 2
    assert "numeric" in verdicts(LAYER, 24)
    assert not [1 for v in rows(LAYER) if str(v.verdict) == "wrong"]


def test_a_wrong_entry_of_a_function_of_a_matrix_is_wrong_and_named():
    planted = LAYER.replace("4.0552", "4.0525")
    (wrong,) = [v for v in rows(planted) if str(v.verdict) == "wrong"]
    assert wrong.line == 12 and wrong.reason.startswith("component 2 of 2")
    planted = LAYER.replace("0.4502", "0.5502")
    (wrong,) = [v for v in rows(planted) if str(v.verdict) == "wrong"]
    assert wrong.line == 16 and wrong.reason.startswith("component 1 of 2")
    planted = LAYER.replace(r"\text{ReLU}(q) = \begin{bmatrix} 0 \\", r"\text{ReLU}(q) = \begin{bmatrix} -0.2 \\")
    (wrong,) = [v for v in rows(planted) if str(v.verdict) == "wrong"]
    assert wrong.line == 20
    planted = LAYER.replace("0.1680", "0.1860")
    (wrong,) = [v for v in rows(planted) if str(v.verdict) == "wrong"]
    assert wrong.line == 24


def test_a_restatement_with_another_value_is_not_judged_and_forgets_the_name():
    notes = LAYER.replace(r"-0.2 \\ 1.4", r"-0.5 \\ 1.4")
    assert "wrong" not in verdicts(notes, 8)
    assert any("another value" in reason for _, reason in at(notes, 8))
    assert verdicts(notes, 12) == {"skipped"}  # which q? neither is used


def test_an_update_that_uses_the_name_gives_it_the_new_value():
    notes = LAYER + r"""
$$
q = q - 0.5 \begin{bmatrix} 0.2 \\ 0.4 \end{bmatrix} = \begin{bmatrix} -0.3 \\ 1.2 \end{bmatrix}
$$

$$
e^{q} \approx \begin{bmatrix} 0.7408 \\ 3.3201 \end{bmatrix}
$$
"""
    assert "numeric" in verdicts(notes, 28) and "wrong" not in verdicts(notes, 28)
    assert "numeric" in verdicts(notes, 32) and "wrong" not in verdicts(notes, 32)


def test_a_name_assigned_again_by_an_unread_row_is_forgotten():
    notes = LAYER.replace("$$\ne^{q}", "$$\nq = W x\n$$\n\n$$\ne^{q}").replace("0.8187", "0.9999")
    assert not [v for v in rows(notes) if str(v.verdict) == "wrong"]


def test_near_misses_stay_skipped():
    square = r"""$$
M = \begin{bmatrix} 0.1 & 0 \\ 0 & 0.2 \end{bmatrix}
$$

$$
e^{M} = \begin{bmatrix} 1.1052 & 1 \\ 1 & 1.2214 \end{bmatrix}
$$

$$
\text{softmax}(M) = \begin{bmatrix} 0.5 & 0.5 \\ 0.5 & 0.5 \end{bmatrix}
$$

$$
\tanh(M) = \begin{bmatrix} 0.3 & 0 \\ 0 & 0.2 \end{bmatrix}
$$

$$
f(M) = \begin{bmatrix} 9 & 9 \\ 9 & 9 \end{bmatrix}
$$
"""
    assert all(verdicts(square, line) == {"skipped"} for line in (6, 10, 14, 18))
    assert "matrix exponential" in " ".join(r for _, r in at(square, 6))
    assert "by rows or by columns" in " ".join(r for _, r in at(square, 10))


def test_e_is_not_exp_when_the_notes_name_a_matrix_e():
    notes = LAYER.replace("$$\ne^{q}", "$$\ne = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}\n$$\n\n$$\ne^{q}").replace(
        "0.8187", "0.9999")
    assert not [v for v in rows(notes) if str(v.verdict) == "wrong"]
    assert "wrong" in {str(v.verdict) for v in rows(LAYER.replace("0.8187", "0.9999"))}
