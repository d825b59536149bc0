r"""``\hat{y} = a = wx + b`` defines both names (issue 9, reach; derive/check/alias_chains.py).

Notes written here. A row that gives one quantity two names at once defined only the first
(by the second), and every derivative of either name after it was skipped as "a derivative of
something the notes do not define". Now both are defined; a wrong derivative of them is wrong;
a second name used before, or inside its own formula, is read as before.
"""
import pytest

from derive.check import check_text

NOTES = r"""Let $\hat{y} = a = w x + b$ be the output of the neuron.

$$\frac{\partial \hat{y}}{\partial w} = x$$

$$\frac{\partial a}{\partial b} = 1$$

The loss $L = E = (a - t)^2$ gives

$$\frac{\partial E}{\partial w} = 2(a - t) x$$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_both_names_are_defined_and_their_derivatives_checked():
    found = verdicts(NOTES)
    assert found.count((1, "definition")) == 2 and found.count((7, "definition")) == 2
    assert (3, "proved") in found and (5, "proved") in found and (9, "proved") in found


@pytest.mark.parametrize("slip, fixed, line", [("w} = x$$", "w} = 2x$$", 3), ("= 2(a - t) x$$", "= 2(a - t)$$", 9)])
def test_a_wrong_derivative_of_either_name_is_wrong(slip, fixed, line):
    assert [l for l, v in verdicts(NOTES.replace(slip, fixed)) if v == "wrong"] == [line]


@pytest.mark.parametrize("row", [
    "Given $x$ and $t$, let $\\hat{y} = x = 2t$.",   # x was used before: not a new name
    "Let $\\hat{y} = a = a^2 - 2$.",                   # a inside its own formula: an equation, not a name
    "Let $\\hat{y} = a \\approx 2t$.",                # not two equal signs
])
def test_a_second_name_that_is_not_new_is_not_defined(row):
    found = check_text(row + "\n\n$$\\frac{\\partial \\hat{y}}{\\partial t} = 2$$\n").verdicts
    assert "proved" not in [str(v.verdict) for v in found if v.line == 3]
    assert "wrong" not in [str(v.verdict) for v in found if v.line == 3]
