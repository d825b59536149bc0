"""A name defined by an expression in one name, then called at a number, in notes written here (issue 9).

Notes that fit a line write ``y = 1.25 + 0.5x`` and then ``y(4) = 3.25``: y is read as a function
of x for that call (x has no value anywhere in the notes, so the product y·4 could never be a
number). The notes did not write ``y(x)``, so a value that disagrees is skipped with the value
read, never called wrong; a name that has a value, two names in the expression, or a prime on the
name leave the row as it was.
"""
from derive.check import check_text

FIT = r"""The fitted line:

$$y = 1.25 + 0.5x$$

At four hours: $y(4) = 3.25$, and at ten, $y(10) = 1.25 + 0.5 \cdot 10 = 6.25$.

A second fit, with a square term:

$$y = 0.8 + 0.6x - 0.02x^2$$

$$y(4) = 2.88$$
"""


def verdicts(notes: str):
    return [(v.line, str(v.verdict), v.latex, v.reason) for v in check_text(notes).verdicts]


def test_a_call_at_a_number_of_a_name_defined_by_an_expression_in_x_is_checked():
    found = [(line, verdict, latex) for line, verdict, latex, _ in verdicts(FIT) if verdict != "definition"]
    assert found == [(5, "numeric", "y(4) = 3.25"), (5, "proved", r"y(10) = 1.25 + 0.5 \cdot 10"),
                     (5, "numeric", "y(10) = 6.25"), (11, "numeric", "y(4) = 2.88")]  # line 11: the second y
    (reason,) = [r for line, _, _, r in verdicts(FIT) if line == 11 and "y(4)" in r]
    assert reason.startswith("y(4) read as y at x = 4")


def test_a_value_that_disagrees_is_skipped_with_the_value_read_not_called_wrong():
    planted = FIT.replace("$$y(4) = 2.88$$", "$$y(4) = 2.96$$")
    rows = [v for v in verdicts(planted) if v[0] == 11]
    assert [v[1] for v in rows] == ["skipped"]
    assert "it is 2.88" in rows[0][3] and "not called wrong" in rows[0][3]
    assert not [v for v in verdicts(planted) if v[1] == "wrong"]


def test_a_name_with_a_value_in_the_notes_is_not_read_as_a_function():
    notes = "$y = 2x$\n\n$x = 4$\n\n$y(3) = 24$\n"  # x is 4: y(3) is the product 8 · 3, as before
    assert [(v[0], v[1]) for v in verdicts(notes)] == [(1, "definition"), (3, "definition"), (5, "proved")]
    assert "read as" not in verdicts(notes)[2][3]


def test_an_expression_in_two_names_is_not_a_function_of_one():
    notes = "$y = a x + 1$\n\n$y(3) = 7$\n"
    assert [v[1] for v in verdicts(notes)] == ["definition", "skipped"]
    assert "read as" not in verdicts(notes)[1][3]


def test_a_name_given_a_number_afterwards_is_not_that_function_any_more():
    notes = "$y = 2x + 1$\n\n$y = 5$\n\n$y(3) = 15$\n"  # y is 5 here: y(3) is 5 · 3
    assert [v[1] for v in verdicts(notes)][-1] == "proved"
    assert "read as" not in verdicts(notes)[-1][3]


def test_a_prime_on_the_name_is_not_read():
    notes = "$y = 2x + 1$\n\n$y'(3) = 2$\n"  # by which name? the notes do not say
    assert [v[1] for v in verdicts(notes)] == ["definition", "skipped"]


def test_a_function_defined_with_its_argument_is_read_as_before():
    notes = "$J(w) = w^2$\n\n$J(3) = 10$\n"  # written with its argument: certain, so wrong
    assert [v[1] for v in verdicts(notes)] == ["definition", "wrong"]
