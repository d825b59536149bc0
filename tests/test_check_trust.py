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
