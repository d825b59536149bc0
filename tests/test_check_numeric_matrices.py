"""Worked examples with numeric matrices, checked entry by entry, in notes written here (issue 9).

``h = V u + c = \\begin{bmatrix} … \\end{bmatrix} \\begin{bmatrix} … \\end{bmatrix} + … = …``:
the links between sides built only of numbers and matrices of numbers are computed with
SymPy and compared entry by entry at the printed precision; a wrong entry is wrong and
named. Names, shapes that do not fit, ambiguous vector products and determinants are
left skipped.
"""
from derive.check import check_text

FORWARD = r"""A small layer, by hand.

$$
h = V u + c = \begin{bmatrix} 0.5 & -0.2 \\ 0.1 & 0.3 \end{bmatrix} \begin{bmatrix} 2 \\ 1 \end{bmatrix} + \begin{bmatrix} 0.05 \\ -0.1 \end{bmatrix} = \begin{bmatrix} 0.85 \\ 0.4 \end{bmatrix}
$$

$$
r = \begin{bmatrix} \max(0, 0.85) \\ \max(0, -0.4) \end{bmatrix} = \begin{bmatrix} 0.85 \\ 0 \end{bmatrix}
$$

$$
g = -0.25 \cdot \begin{bmatrix} 0.85 & 0.4 \end{bmatrix} = \begin{bmatrix} -0.2125 & -0.1 \end{bmatrix}
$$
"""


def rows(notes: str):
    return check_text(notes).verdicts


def real(notes: str):
    return [(v.line, str(v.verdict), v.latex) for v in rows(notes) if str(v.verdict) != "skipped"]


def test_each_entry_of_a_numeric_matrix_link_is_checked():
    found = real(FORWARD)
    assert (4, "numeric", r"0.5 \cdot 2 + (-0.2) \cdot 1 + 0.05 = 0.85") in found
    assert (4, "numeric", r"0.1 \cdot 2 + 0.3 \cdot 1 + (-0.1) = 0.4") in found
    assert [line for line, _, _ in found].count(8) == 2  # \max(0, 0.85) = 0.85, \max(0, -0.4) = 0
    assert [line for line, _, _ in found].count(12) == 2
    assert not [1 for _, verdict, _ in found if verdict == "wrong"]
    skipped = [v for v in rows(FORWARD) if str(v.verdict) == "skipped"]
    assert all("entry by entry" in v.reason for v in skipped)


def test_a_wrong_entry_is_wrong_and_the_verdict_names_it():
    planted = FORWARD.replace(r"\begin{bmatrix} 0.85 \\ 0.4 \end{bmatrix}", r"\begin{bmatrix} 0.85 \\ 0.5 \end{bmatrix}")
    (wrong,) = [v for v in rows(planted) if str(v.verdict) == "wrong"]
    assert wrong.line == 4 and wrong.reason.startswith("component 2 of 2")
    assert wrong.expected.startswith("0.4")
    planted = FORWARD.replace(r"-0.2125 & -0.1", r"-0.2125 & -0.01")
    (wrong,) = [v for v in rows(planted) if str(v.verdict) == "wrong"]
    assert wrong.line == 12 and wrong.reason.startswith("component 2 of 2")


def test_a_two_by_two_result_names_row_and_column():
    notes = r"""$$
D = \begin{bmatrix} 0.2 \\ -0.3 \end{bmatrix} \begin{bmatrix} 1 & 4 \end{bmatrix} = \begin{bmatrix} 0.2 & 0.8 \\ -0.3 & -2.1 \end{bmatrix}
$$
"""
    (wrong,) = [v for v in rows(notes) if str(v.verdict) == "wrong"]
    assert wrong.reason.startswith("entry (2, 2) of the 2×2 matrix")
    assert len([1 for v in rows(notes) if str(v.verdict) in ("numeric", "proved")]) == 3


def test_a_transpose_and_a_continued_row_are_read():
    notes = r"""$$
M = \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}^T \begin{bmatrix} 0.5 \\ 0.25 \end{bmatrix}
$$

$$
= \begin{bmatrix} 1.25 \\ 2.0 \end{bmatrix}
$$
"""
    assert [str(v.verdict) for v in rows(notes) if str(v.verdict) != "skipped"] == ["numeric", "numeric"]
    planted = notes.replace("1.25", "1.75")  # 0.5 + 3 * 0.25 = 1.25: without ^T it would be 1.0
    assert [v.line for v in rows(planted) if str(v.verdict) == "wrong"] == [6]


def test_a_list_next_to_a_matrix_is_a_row_vector_and_odot_needs_equal_shapes():
    notes = r"$$q = [1, 2] \cdot \begin{bmatrix} 0.5 & 0.6 \\ 0.7 & 0.8 \end{bmatrix} + [0.1, 0.2] = [2.0, 2.4]$$" + "\n"
    assert [str(v.verdict) for v in rows(notes) if str(v.verdict) != "skipped"] == ["numeric", "numeric"]
    odot = r"$$\begin{bmatrix} 0.3 \\ -0.2 \end{bmatrix} \odot \begin{bmatrix} 1 \\ 0 \end{bmatrix} = \begin{bmatrix} 0.3 \\ 0 \end{bmatrix}$$" + "\n"
    assert len(real(odot)) == 2 and not [1 for _, v, _ in real(odot) if v == "wrong"]


# ---- near misses: must stay skipped


def test_shapes_that_do_not_fit_are_skipped_with_the_reason():
    notes = r"$$\begin{bmatrix} 1 & 2 \end{bmatrix} \begin{bmatrix} 1 & 2 \end{bmatrix} = \begin{bmatrix} 5 \end{bmatrix}$$" + "\n"
    found = rows(notes)
    assert [str(v.verdict) for v in found] == ["skipped"]
    assert "a product of a 1×2 and a 1×2 matrix" in found[0].reason
    sums = r"$$\begin{bmatrix} 1 \\ 2 \end{bmatrix} + \begin{bmatrix} 1 & 2 \end{bmatrix} = \begin{bmatrix} 2 \\ 4 \end{bmatrix}$$" + "\n"
    assert [str(v.verdict) for v in rows(sums)] == ["skipped"]


def test_a_name_inside_a_matrix_is_not_computed():
    notes = r"$$\begin{bmatrix} w_1 & 0.2 \end{bmatrix} \begin{bmatrix} 1 \\ 1 \end{bmatrix} = 0.7$$" + "\n"
    assert [str(v.verdict) for v in rows(notes)] == ["skipped"]


def test_a_vmatrix_is_a_determinant_and_is_skipped():
    notes = r"$$\begin{vmatrix} 1 & 2 \\ 3 & 4 \end{vmatrix} = \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}$$" + "\n"
    found = rows(notes)
    assert [str(v.verdict) for v in found] == ["skipped"] and "determinant" in found[0].reason


def test_a_dot_between_two_vectors_is_ambiguous():
    # a dot product would give 1.1, an outer product a 2×2 matrix: neither is assumed
    notes = r"$$\begin{bmatrix} 1 \\ 2 \end{bmatrix} \cdot \begin{bmatrix} 0.3 & 0.4 \end{bmatrix} = 1.1$$" + "\n"
    found = rows(notes)
    assert [str(v.verdict) for v in found] == ["skipped"] and "dot" in found[0].reason
    cols = r"$$\begin{bmatrix} 1 \\ 2 \end{bmatrix} \cdot \begin{bmatrix} 0.3 \\ 0.4 \end{bmatrix} = 9$$" + "\n"
    assert [str(v.verdict) for v in rows(cols)] == ["skipped"]


def test_a_function_of_a_whole_matrix_and_a_number_plus_a_matrix_are_skipped():
    notes = r"$$\sigma\left(\begin{bmatrix} 0 \\ 0 \end{bmatrix}\right) = \begin{bmatrix} 0.5 \\ 0.5 \end{bmatrix}$$" + "\n"
    assert [str(v.verdict) for v in rows(notes)] == ["skipped"]
    plus = r"$$1 + \begin{bmatrix} 1 \\ 2 \end{bmatrix} = \begin{bmatrix} 9 \\ 9 \end{bmatrix}$$" + "\n"
    assert [str(v.verdict) for v in rows(plus)] == ["skipped"]


def test_a_list_times_a_transposed_list_is_a_number_and_the_numbers_after_it_are_checked():
    notes = r"$$s = [0.5, 0.25] \cdot [2, 4]^T + 0.1 = 0.5 \times 2 + 0.25 \times 4 + 0.1 = 2.1$$" + "\n"
    assert len(real(notes)) == 2 and not [1 for _, v, _ in real(notes) if v == "wrong"]
    planted = notes.replace("= 2.1", "= 2.6")
    assert [v.line for v in rows(planted) if str(v.verdict) == "wrong"] == [1]


def test_only_the_row_right_after_a_matrix_row_continues_it():
    notes = r"""$$
M = \begin{bmatrix} 1 & 2 \end{bmatrix}^T
$$

$$\nabla_{\mathbf w} L = X^T (X \mathbf w - \mathbf y)$$

$$
= \begin{bmatrix} 5 \\ 7 \end{bmatrix}
$$
"""
    assert not [v for v in rows(notes) if "component" in v.reason or str(v.verdict) == "wrong"]
