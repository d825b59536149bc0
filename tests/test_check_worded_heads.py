"""A row whose left side is a quantity named in words (``\\text{odds ratio} = …``), in notes written here.

The words were blanked as prose, so the row read as ``= …`` and continued the
last chain of the notes, a worked number paragraphs before, and was called
wrong against it. The row now starts afresh; a claim between numbers only,
soon after an equation between unrelated names, is still judged on its own.
"""
import pytest

from derive.check import check_text
from derive.check.worded_heads import worded_head

DICE = """A fair die: a six comes up with chance $\\frac{1}{6} = 0.167$, no six with chance $\\frac{5}{6} = 0.833$.

The odds of a six: $\\frac{1/6}{5/6} = 0.2$.

A loaded die shows a six half the time, so its odds are 1.

$$\\text{odds ratio} = \\frac{o_2}{o_1} = \\frac{1}{0.2} = 5$$

The odds of a five on the fair die are the same: $\\frac{1/6}{5/6} = 2$.
"""

LOG_ODDS = """The log-odds are linear in the input:

$$\\frac{p}{1 - p} = e^{a}$$

With a chance of 0.3 the odds are $\\frac{0.3}{0.7} = 0.34$.
"""


def verdicts(notes: str, line: int) -> list[str]:
    return [str(v.verdict) for v in check_text(notes).verdicts if v.line == line]


def test_a_worded_left_side_does_not_continue_an_earlier_chain():
    result = check_text(DICE).verdicts
    assert not [v for v in result if v.line == 7 and str(v.verdict) == "wrong"]
    assert any(v.line == 7 and "named in words (odds ratio)" in v.reason for v in result)


def test_a_false_number_after_it_is_still_found():
    assert verdicts(DICE, 9) == ["wrong"]


def test_a_false_claim_between_numbers_is_judged_even_after_an_equation():
    assert verdicts(LOG_ODDS, 3) == ["skipped"]
    assert verdicts(LOG_ODDS, 5) == ["wrong"]


@pytest.mark.parametrize("latex, words", [
    ("\\text{odds ratio} = \\frac{a}{b}", "odds ratio"),
    ("\\textrm{new weight} &= w - 1", "new weight"),
    ("\\mathrm{total\\ loss}_{2} = 3", "total\\ loss"),
])
def test_words_before_the_equals_sign_name_the_left_side(latex, words):
    first = latex.index("=") + 1
    assert worded_head(latex, first + 1) == words


@pytest.mark.parametrize("latex", ["\\text{so } = 3", "\\text{and hence} &= 4", "x = 3", "\\text{} = 2"])
def test_prose_words_or_no_words_leave_a_continuation(latex):
    assert worded_head(latex, latex.index("=") + 2) == ""
