r"""Implicit differentiation on a curve just stated: ``x^2 y = 2``, so ``y' = -\frac{2y}{x} = -\frac{4}{x^3}``.
Notes written here.

The slope written in x alone uses the curve (y = 2/x² there); read with x and
y independent the true step was called wrong. Now a wrong step about y' or
dy/dx, with a curve tying y to x stated on its line or just before, is skipped
with the curve named. A definition ``y = …`` keeps its reading, so a slip in
its derivative is still wrong.
"""
from derive.check import check_text

CURVE = r"""On the curve $x^2 y = 2$ we differentiate: $2xy + x^2 y' = 0$, hence $y' = -\frac{2y}{x} = -\frac{4}{x^3}$.

On the ellipse $x^2 + 4y^2 = 4$ (upper half): $y' = -\frac{x}{4y} = -\frac{x}{2\sqrt{4 - x^2}}$.
"""


def _verdicts(notes: str) -> list:
    return [v for v in check_text(notes).verdicts]


def test_a_slope_written_with_the_curve_is_not_called_wrong():
    got = _verdicts(CURVE)
    assert not [v for v in got if str(v.verdict) == "wrong"], [(v.line, v.latex) for v in got]
    skipped = {v.line: v.reason for v in got if str(v.verdict) == "skipped" and "implicit differentiation" in v.reason}
    assert "x^2 y = 2" in skipped[1] and "x^2 + 4y^2 = 4" in skipped[3]


def test_a_defined_y_keeps_its_reading():
    notes = CURVE + "\n" + r"Let $y = x^3$. Then $\frac{dy}{dx} = 3x^2 = 3x^3$." + "\n"
    got = [(v.line, str(v.verdict), v.latex) for v in _verdicts(notes)]
    assert (5, "wrong", r"\frac{dy}{dx} = 3x^3") in got


def test_a_curve_far_before_or_in_other_names_does_not_excuse_a_step():
    far = "On the curve $x^2 y = 2$.\n\n\n\n\nLater $y' = -\\frac{2y}{x} = -\\frac{4}{x^3}$.\n"
    assert [v for v in _verdicts(far) if str(v.verdict) == "wrong"]
    other = "With $a b = 2$: $y' = -\\frac{2y}{x} = -\\frac{4}{x^3}$.\n"
    assert [v for v in _verdicts(other) if str(v.verdict) == "wrong"]


def test_a_function_defined_by_its_formula_is_no_curve():
    """``\\ell(w) = …`` defines a function of w (letter_functions.py); read as the product l·w it looked
    like a curve tying l to w, and a slip in ``\\ell'(w)`` on the next line was excused."""
    notes = "The loss is $\\ell(w) = (w - 3)^2 + 2w$.\n\n$$\\ell'(w) = 2(w - 3) + 1$$\n"
    (slope,) = [v for v in check_text(notes).verdicts if v.line == 3]
    assert str(slope.verdict) == "wrong"
    assert [str(v.verdict) for v in check_text(notes.replace("+ 1$$", "+ 2$$")).verdicts if v.line == 3] == ["proved"]
    # a curve whose left side is a call of another letter still excuses the slope
    curve = "On the curve $g(x) y = 2$ with $g(x) = x^2$: $y' = -\\frac{2y}{x}$.\n"
    assert "wrong" not in [str(v.verdict) for v in check_text(curve).verdicts]
