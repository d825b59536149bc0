"""Trust: "wrong" only when the checker is sure what both sides mean. Each
test is a false alarm seen on real notes, rewritten here in our own words;
the notes must get no "wrong" verdict, and the reason for a skip must say
what was not understood."""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_a_continuation_after_an_unreadable_row_is_skipped_not_attached_further_up():
    notes = ("$$\\frac{d}{dx}(x^2)=2x$$\n"
             "$$\\frac{\\partial \\zzz{L}}{\\partial w}=4w$$\n"
             "$$= 4w$$\n")
    result = check_text(notes)
    assert result.wrong == []
    third = [v for v in result.verdicts if v.line == 3]
    assert [str(v.verdict) for v in third] == ["skipped"]
    assert "line 2 could not be read" in third[0].reason


def test_a_continuation_after_a_skipped_approximation_is_not_attached_further_up():
    notes = "$$a = 2x$$\n$$b \\approx 3$$\n$$= 7$$\n"
    assert ("skipped" in dict(verdicts(notes)).get(3, "")) and check_text(notes).wrong == []


def test_sums_of_constant_terms_give_n_the_same_value_on_both_sides():
    notes = ("$$\\sum_{i=1}^{n} b = n b$$\n$$\\sum_{i=1}^{n} 1 = n$$\n"
             "$$\\sum_{i=1}^{n} (b + x_i) = n b + \\sum_{i=1}^{n} x_i$$\n$$\\sum_{i=1}^{n} b = (n + 1) b$$\n")
    assert all(v in ("proved", "numeric") for _, v in verdicts(notes)[:3])
    assert [v.line for v in check_text(notes).wrong] == [4]


def test_the_derivative_of_an_undefined_loss_is_a_symbol_of_its_own_never_0():
    notes = ("$$\\frac{\\partial L}{\\partial \\hat{y}} = \\hat{y} - y$$\n"
             "$$\\frac{\\partial L}{\\partial z} = \\frac{\\partial L}{\\partial a} \\cdot \\frac{\\partial a}{\\partial z}$$\n"
             "$$\\frac{\\partial z}{\\partial w} = x$$\n")
    result = check_text(notes)
    assert result.wrong == []
    assert [str(v.verdict) for v in result.verdicts] == ["skipped"] * 3
    assert "∂L/∂y" in result.verdicts[0].reason


def test_chain_rule_with_undefined_names_is_an_identity_of_their_derivatives():
    notes = ("$$\\frac{\\partial L}{\\partial z} = \\frac{\\partial L}{\\partial a} \\frac{\\partial a}{\\partial z}"
             " = \\frac{\\partial a}{\\partial z} \\cdot \\frac{\\partial L}{\\partial a}$$\n")
    (first, second) = check_text(notes).verdicts
    assert str(first.verdict) == "skipped" and str(second.verdict) == "skipped"
    notes = "$$\\frac{\\partial L}{\\partial a} \\frac{\\partial a}{\\partial z} = \\frac{\\partial a}{\\partial z} \\frac{\\partial L}{\\partial a}$$\n"
    assert [str(v.verdict) for v in check_text(notes).verdicts] == ["proved"]


def test_an_undefined_prediction_is_an_unknown_function_in_the_chain_rule():
    notes = ("$$L = \\frac{1}{2}(y - \\hat{y})^2$$\n"
             "$$\\frac{\\partial L}{\\partial w} = -(y - \\hat{y}) \\frac{\\partial \\hat{y}}{\\partial w}$$\n"
             "$$\\frac{\\partial L}{\\partial w} = -(y - \\hat{y}) x$$\n")
    lines = dict(verdicts(notes))
    assert lines[2] == "proved" and lines[3] == "skipped"


def test_a_definition_that_could_not_be_read_makes_its_name_unknown():
    notes = ("$$\\hat{y} = \\unreadable{w} x$$\n$$E = (y - \\hat{y})^2$$\n"
             "$$\\frac{dE}{dw} = -2(y - \\hat{y}) x$$\n")
    assert check_text(notes).wrong == []
