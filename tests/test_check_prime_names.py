"""A primed name used as a quantity (``p'`` the prediction), in notes written here.

``p'`` is read as a name of its own, for the whole notes, once the notes give it a
value, define it, or differentiate by it; a prime on a name used no such way, or
on a name the notes define by a formula (``y' = 2x`` after ``y = x^2``), stays a
skipped derivative whose variable is not said.
"""
from derive.check import check_text

PREDICTION = """The neuron predicts $p' = 0.7$ for the target $p = 1$.

$$p'(1 - p') = 0.21$$

$$E = \\frac{1}{2}(p - p')^2$$

$$\\frac{\\partial E}{\\partial p'} = p' - p = 0.7 - 1 = -0.3$$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_a_primed_name_given_a_value_is_a_name_and_its_rows_are_checked():
    assert verdicts(PREDICTION) == [(1, "definition"), (1, "definition"), (3, "numeric"), (5, "definition"),
                                    (7, "proved"), (7, "proved"), (7, "numeric")]


def test_errors_in_rows_with_the_primed_name_are_found():
    # p'(1 - p') is the product 0.7 · 0.3, not p' applied to 1 - p'
    planted = PREDICTION.replace("= 0.21", "= 0.27")
    assert (3, "wrong") in verdicts(planted)
    planted = PREDICTION.replace("= p' - p =", "= p - p' =")
    assert (7, "wrong") in verdicts(planted)


def test_a_primed_name_only_differentiated_by_is_a_variable():
    notes = "$$E = (t - o')^2$$\n$$\\frac{\\partial E}{\\partial o'} = 2(o' - t)$$\n"
    assert verdicts(notes) == [(1, "definition"), (2, "proved")]
    assert verdicts(notes.replace("2(o' - t)", "2(t - o')")) == [(1, "definition"), (2, "wrong")]


def test_a_primed_name_defined_by_a_formula_is_a_name():
    notes = "$$a' = \\sigma(z)$$\n$$\\frac{d a'}{d z} = a'(1 - a')$$\n"
    assert verdicts(notes) == [(1, "definition"), (2, "proved")]
    assert verdicts(notes.replace("a'(1 - a')$$", "a'(1 + a')$$")) == [(1, "definition"), (2, "wrong")]


def skipped_as_a_prime(notes: str) -> list[int]:
    return [v.line for v in check_text(notes).verdicts
            if str(v.verdict) == "skipped" and "a prime on" in v.reason]


def test_a_prime_on_a_name_the_notes_define_by_a_formula_stays_a_derivative():
    # y' = 2x is y's derivative by x (not said): skipped, not a definition of a name y'
    assert skipped_as_a_prime("$$y = x^2$$\n$$y' = 2x$$\n$$y'(1 - y') = 2x(1 - 2x)$$\n") == [2, 3]
    assert skipped_as_a_prime("$$J(w) = (w - 2)^2$$\n$$J' = 0$$\n") == [2]


def test_a_primed_name_used_no_way_as_a_variable_stays_skipped():
    assert skipped_as_a_prime("$$q'(1 - q') = 0.21$$\n$$r = q' + 1$$\n") == [1, 2]
    # an update's new value is no reason to read another primed name as a name
    assert skipped_as_a_prime("$$w = 1$$\n$$w' = w - 0.5$$\n$$v'(1 - v') = 0.2$$\n") == [3]


def test_a_primed_name_defined_once_and_used_nowhere_else_may_be_a_derivative():
    # e' = 2t may be e's derivative by t: with no other row using e' it stays skipped
    assert skipped_as_a_prime("$$e' = 2t$$\n") == [1]
    assert skipped_as_a_prime("$$e' = 2t$$\n$$k = 3 e'$$\n") == []


def test_a_primed_name_written_before_a_bracket_of_one_value_is_applied_not_a_name():
    # y'(x), y'(3): the derivative at a point, so y' is no factor (read as y'·x, y'(x) = 2x would be wrong)
    notes = "$$y' = 2x$$\n$$y'(x) = 2x$$\n$$y'(3) = 6$$\n"
    assert [v for _, v in verdicts(notes)] == ["skipped"] * 3
    assert skipped_as_a_prime(notes) == [1, 2, 3]
    # a bracket holding an expression with y' itself stays a product
    assert verdicts(PREDICTION.replace("$$p'(1 - p') = 0.21$$", "$$p'(1 - p') = 0.21 = p' - p'^2$$"))[2:4] == \
        [(3, "numeric"), (3, "proved")]
