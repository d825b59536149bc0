"""A perceptron worked in plain text, with bracket vectors, in notes written here (issue 9).

``[ 0.5  -1  2 ]`` (blanks between signed numbers) is a row of numbers, ``ᵗ`` a transpose,
``⋅`` between two rows set equal to a number their dot product, ``sgn`` of a nonzero number
its sign; the example sits in an indented code block. Near misses stay unread or skipped:
``sgn(0)`` (bipolar units take 1 or -1), ``[ 1 - 1 ]`` (a blank inside a number), a column
times a row set equal to a number (the matrix product is a matrix), an indented block that
continues a list item.
"""
from derive.check import check_text

PERCEPTRON = """# A perceptron by hand

Take:

    η = 1
    w₁ = [ 0.5  -1  2 ]ᵗ
    x₁ = [ 1  2  0.5 ]ᵗ, t₁ = 1

Then:

    net₁ = w₁ᵗx₁ = [ 0.5  -1  2 ] ⋅ [ 1  2  0.5 ] = -0.5
    sgn(-0.5) = -1
    w₂ = [ 0.5  -1  2 ] + 2 ⋅ [ 1  2  0.5 ] = [ 2.5  3  3 ]
    sgn(0) = -1
"""


def rows(notes: str):
    return check_text(notes).verdicts


def verdicts(notes: str, line: int) -> set:
    return {str(v.verdict) for v in rows(notes) if v.line == line}


def test_the_rows_of_a_plain_text_perceptron_are_checked():
    assert verdicts(PERCEPTRON, 11) == {"skipped", "proved", "numeric"}  # w₁ᵗx₁, the dot, = -0.5
    assert verdicts(PERCEPTRON, 12) == {"proved"}  # sgn(-0.5) = -1
    assert "wrong" not in verdicts(PERCEPTRON, 13) and len(verdicts(PERCEPTRON, 13) - {"skipped"}) >= 1
    assert not [v for v in rows(PERCEPTRON) if str(v.verdict) == "wrong"]


def test_planted_errors_are_wrong_at_their_line():
    planted = PERCEPTRON.replace("= -0.5\n", "= 0.5\n")
    assert [v.line for v in rows(planted) if str(v.verdict) == "wrong"] == [11]
    planted = PERCEPTRON.replace("[ 2.5  3  3 ]", "[ 2.5  3  4 ]")
    (wrong,) = [v for v in rows(planted) if str(v.verdict) == "wrong"]
    assert wrong.line == 13 and wrong.reason.startswith("component 3 of 3")
    planted = PERCEPTRON.replace("sgn(-0.5) = -1", "sgn(-0.5) = 1")
    assert [v.line for v in rows(planted) if str(v.verdict) == "wrong"] == [12]


def test_sgn_of_zero_is_not_read():
    assert verdicts(PERCEPTRON, 14) == set()
    assert verdicts(PERCEPTRON.replace("sgn(0) = -1", "sgn(0) = 1"), 14) == set()


def test_a_blank_inside_a_number_and_a_column_times_a_row_are_not_judged():
    notes = PERCEPTRON.replace("[ 1  2  0.5 ] = -0.5", "[ 1 - 2  0.5 ] = 9")
    assert "wrong" not in verdicts(notes, 11)
    outer = "Then:\n\n    d = [ 1  2 ]ᵗ ⋅ [ 3  4 ] = 11\n"
    assert "wrong" not in verdicts(outer, 3) and "numeric" not in verdicts(outer, 3)


def test_an_indented_block_in_a_list_is_not_read():
    listed = "- a step of the example:\n\n    s = [ 1  2 ] ⋅ [ 3  4 ] = 12\n"
    assert verdicts(listed, 3) == set()
    block = "Code:\n\n    s = [ 1  2 ] ⋅ [ 3  4 ] = 12\n"
    assert [v.line for v in rows(block) if str(v.verdict) == "wrong"] == [3]


def test_an_indented_block_of_code_is_not_read():
    code = "Code:\n\n    def f(x):\n        return x\n    s = [ 1  2 ] ⋅ [ 3  4 ] = 12\n"
    assert [v for v in rows(code) if str(v.verdict) != "skipped"] == []
