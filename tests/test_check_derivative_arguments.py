r"""A derivative followed by its function's own parameters (issue 9, reading).

``\frac{\partial C}{\partial a}(a, c)`` after ``C(a, c) = …`` is the derivative
itself: the list repeats how C was written. Any other list stays as it was
("a list of values in brackets"). Notes written here.
"""
import pytest

from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def reasons(notes: str) -> list[str]:
    return [v.reason or "" for v in check_text(notes).verdicts]


COST = r"""$$C(a, c) = (a t + c - y)^2$$

$$\frac{\partial C}{\partial a}(a, c) = 2(a t + c - y) t$$

$$\dfrac{\partial C}{\partial c}(a,c) = 2(a t + c - y)$$

$$a := a - \eta \dfrac{\partial C}{\partial a}\left(a, c\right)$$
"""


def test_a_derivative_with_its_functions_own_parameters_is_checked():
    assert verdicts(COST) == [(1, "definition"), (3, "proved"), (5, "proved"), (7, "definition")]


def test_a_wrong_derivative_written_so_is_flagged():
    planted = COST.replace("= 2(a t + c - y)$$", "= 2(a t + c - y) t$$")
    assert verdicts(planted)[2] == (5, "wrong")


def test_one_parameter_is_the_derivative_not_a_product_with_it():
    notes = "$$E(u) = u^3$$\n\n$$\\frac{dE}{du}(u) = 3u^2$$\n"
    assert verdicts(notes) == [(1, "definition"), (3, "proved")]  # before: wrong, read as (dE/du)·u


@pytest.mark.parametrize("written", [
    r"\frac{\partial C}{\partial a}(c, a)",     # another order: not how C was written
    r"\frac{\partial C}{\partial a}(1, 2)",     # values
    r"\frac{\partial C}{\partial a}(a, c, t)",  # more names than C has
    r"\frac{\partial D}{\partial a}(a, c)",     # not the function defined with (a, c)
])
def test_any_other_list_after_a_derivative_stays_skipped(written):
    notes = COST.split("\n\n")[0] + f"\n\n$${written} = 2(a t + c - y) t$$\n"
    assert verdicts(notes)[-1] == (3, "skipped")
    assert "list of values" in reasons(notes)[-1]


def test_a_list_before_the_function_is_defined_stays_skipped():
    notes = "$$\\frac{\\partial C}{\\partial a}(a, c) = 2(a t + c - y) t$$\n\n$$C(a, c) = (a t + c - y)^2$$\n"
    assert verdicts(notes)[0] == (1, "skipped")


def test_a_function_defined_without_a_list_does_not_make_one_its_parameters():
    notes = "$$C = (a t + c - y)^2$$\n\n$$\\frac{\\partial C}{\\partial a}(a, c) = 2(a t + c - y) t$$\n"
    assert verdicts(notes)[-1] == (3, "skipped")
