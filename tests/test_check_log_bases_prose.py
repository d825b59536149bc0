r"""A bare ``\log`` in notes that count in bits or decibels (notes written
here): ``\log 8 = 3`` holds in base 2 and was called wrong. A step that holds
in base 2 or 10 is skipped, saying so; ``\ln`` stays natural."""
from derive.check import check_text

NOTES = r"""Logarithms are base 2 here. $\log 8 = 3$ and $H = -2 \cdot \frac{1}{2}\log\frac{1}{2} = 1$.

In decibels, $\log 100 = 2$.

$$\log 8 = 4$$

$$\ln 8 = 3$$
"""


def _at(line):
    return [(str(v.verdict), v.latex, v.reason) for v in check_text(NOTES).verdicts if v.line == line]


def test_a_step_that_holds_in_base_2_or_10_is_skipped_with_the_base():
    got = {latex: (v, why) for v, latex, why in _at(1)}
    for latex in (r"\log 8 = 3", "H = 1"):
        assert got[latex][0] == "skipped" and "holds when log is read in base 2" in got[latex][1]
    (verdict, _, why), = _at(3)
    assert verdict == "skipped" and "base 10" in why


def test_a_step_wrong_in_every_base_and_a_natural_log_stay_wrong():
    assert [v for v, _, _ in _at(5)] == ["wrong"]
    assert [v for v, _, _ in _at(7)] == ["wrong"]


def test_a_natural_log_elsewhere_in_the_notes_does_not_stop_the_other_reading():
    notes = "Here $u = \\ln 2$.\n\nIn bits, $H = -2 \\cdot \\frac{1}{2}\\log\\frac{1}{2} = 1$.\n"
    got = [(str(v.verdict), v.reason) for v in check_text(notes).verdicts if v.line == 3 and v.latex == "H = 1"]
    assert got and got[0][0] == "skipped" and "base 2" in got[0][1]
