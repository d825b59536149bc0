r"""A value the prose sets as a case ("If $\bar x = 0$ …", "$\bar x = 0$인
경우", notes written here) held for the rest of the notes, and a step in a later
paragraph came out wrong at it. Such a step is skipped when it is not wrong
without the case; in the case's own paragraph, and for steps wrong anyway,
nothing changes."""
import pytest

from derive.check import check_text

NOTES = r"""Let $q = 2 s$.

{case}

For the other case the estimate is

$$\hat p = \bar x = \frac{{1}}{{n}}\sum_{{i=1}}^n x_i$$

and $q - s = 2 s$, and $\bar x + 2 = \bar x + 3$.
"""

CASES = [
    r"If $\bar x = 0$, the estimate is zero, and $\bar x + 1 = 2$.",
    r"$\bar x = 0$인 경우, 추정값은 0이고 $\bar x + 1 = 2$.",
    r"当$\bar x = 0$时, $\bar x + 1 = 2$.",
]


def _at(notes, line):
    return [(str(v.verdict), v.reason) for v in check_text(notes).verdicts if v.line == line]


@pytest.mark.parametrize("case", CASES)
def test_a_case_set_in_an_earlier_paragraph_does_not_make_a_later_step_wrong(case):
    notes = NOTES.format(case=case)
    verdicts = [v for v, _ in _at(notes, 7) if v != "definition"]
    assert "wrong" not in verdicts
    assert any("sets as a case in an earlier paragraph" in why for _, why in _at(notes, 7))


@pytest.mark.parametrize("case", CASES)
def test_steps_in_the_cases_paragraph_and_steps_wrong_anyway_are_still_wrong(case):
    notes = NOTES.format(case=case)
    assert "wrong" in [v for v, _ in _at(notes, 3)]  # x̄ + 1 = 2 in the case x̄ = 0: wrong there
    assert [v for v, _ in _at(notes, 9)] == ["wrong", "wrong"]  # q - s = s, not 2s; 2 ≠ 3 whatever x̄ is


def test_a_value_given_without_a_case_is_used_as_before():
    notes = NOTES.format(case=r"Take $\bar x = 0$.")
    assert "wrong" in [v for v, _ in _at(notes, 7)]
