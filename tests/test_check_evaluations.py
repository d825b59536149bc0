"""``L(y, \\hat{y}) = <numbers>`` after ``L(y, \\hat{y}) = <formula>`` (issue 9), in notes written here.

A worked example that evaluates a loss it defined as a function of its arguments
is a claim about that function at the example's values, not a new definition of
the loss as a constant: the derivatives written after it are still of the formula.
"""
from derive.check import check_text

LOSS_AT_AN_EXAMPLE = """$$L(y, \\hat{y}) = \\frac{1}{2}(y - \\hat{y})^2$$

With $y = 1$ and $\\hat{y} = 0.5$ the loss is

$$L(y, \\hat{y}) = \\frac{1}{2}(1 - 0.5)^2 = 0.125$$

and its derivative is

$$\\frac{\\partial L}{\\partial \\hat{y}} = -(y - \\hat{y})$$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_an_evaluation_is_checked_and_the_formula_stays_in_force():
    got = verdicts(LOSS_AT_AN_EXAMPLE)
    assert (5, "numeric") in got and (9, "proved") in got
    assert not any(verdict == "wrong" for _, verdict in got)


def test_a_wrong_value_of_the_evaluation_is_flagged_at_its_line():
    assert (5, "wrong") in verdicts(LOSS_AT_AN_EXAMPLE.replace("= 0.125$$", "= 0.25$$"))


def test_an_evaluation_at_other_values_than_those_given_is_skipped_not_judged():
    notes = LOSS_AT_AN_EXAMPLE.replace("$y = 1$", "$y = 3$").replace("(1 - 0.5)^2 = 0.125", "(1.5 - 0.5)^2 = 0.5")
    got = check_text(notes).verdicts
    assert not any(str(v.verdict) == "wrong" for v in got)
    assert any("another example" in v.reason for v in got if v.line == 5)


def test_a_name_without_arguments_set_to_a_number_is_still_a_new_value():
    # E = 0.3 after E = (t - o)^2 in another block names a value, as before: no claim is made of it
    notes = "$$E = (t - o)^2$$\n\nLater, for a new run:\n\n$$E = 0.3$$\n"
    assert verdicts(notes) == [(1, "definition"), (5, "definition")]
