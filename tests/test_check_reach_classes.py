"""Reach on notation classes of real notes (issue 9, round 3), in notes written here.

Each class: a note in the notation is checked (its true rows proved), a planted
error in it is flagged wrong at its line, and a variant the checker cannot be
sure of is skipped with a reason, never called wrong.
"""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


# ------------------------------------------------ "= $…$": the = outside the math
SQUARED_ERROR_ROWS = """# one sample

$E = (t - wx)^2$

$\\frac{\\partial E}{\\partial w} = \\frac{\\partial (t - wx)^2}{\\partial w}$

= $2(t - wx)\\frac{\\partial (t - wx)}{\\partial w}$

=  $-2x(t - wx)$
"""


def test_a_row_whose_equals_sign_is_written_before_the_dollar_continues_the_chain():
    assert verdicts(SQUARED_ERROR_ROWS) == [(3, "definition"), (5, "proved"), (7, "proved"), (9, "proved")]
    planted = SQUARED_ERROR_ROWS.replace("$-2x(t", "$-2(t")
    assert (9, "wrong") in verdicts(planted)


def test_an_equals_sign_inside_a_sentence_is_not_a_continuation():
    notes = "$$a = 2b$$\n\nwith x = $3$ for the example.\n"
    assert [line for line, verdict in verdicts(notes) if verdict == "wrong"] == []


def test_a_derivative_written_out_whose_value_is_a_constant_is_checked_symbolically():
    notes = ("$E = (t - wx - c)^2$\n\n"
             "$\\frac{\\partial E}{\\partial c} = \\frac{\\partial (t - wx - c)}{\\partial c}$\n")
    assert verdicts(notes) == [(1, "definition"), (3, "wrong")]  # the square was dropped: -1 is not -2(t-wx-c)
    right = notes.replace("\\frac{\\partial (t - wx - c)}{\\partial c}", "-2(t - wx - c)")
    assert verdicts(right) == [(1, "definition"), (3, "proved")]


def test_a_number_claimed_in_a_worked_example_with_values_elsewhere_stays_skipped():
    # d stands for a value the notes compute elsewhere: -1 = d·x is a worked example, not an identity
    notes = "$E = (t - wx)^2$\n\n$d = 0.5$\n\n$\\frac{\\partial E}{\\partial w} = d \\cdot 2$\n"
    assert all(verdict != "wrong" for _, verdict in verdicts(notes))
