r"""Normal equations rewritten row by row (equation_chains.py), in notes written here.

Each row after a gradient set to 0 relates names the notes never tie together,
so it was skipped as "written in different names". A row that is the equation
before it times a nonzero constant is now a rearrangement of it (numeric); any
other row stays skipped, and none is called wrong.
"""
import pytest

from derive.check import check_text

HEAD = r"""# Least squares by hand

$$E(a, b) = \sum_{i=1}^{n} (y_i - a x_i - b)^2$$

$$\frac{\partial E}{\partial b} = -2\sum_{i=1}^{n} (y_i - a x_i - b) = 0$$

"""


def _at(notes: str, line: int) -> list[tuple[str, str]]:
    return [(str(v.verdict), v.reason) for v in check_text(notes).verdicts if v.line == line]


def test_each_rearranged_row_is_checked_against_the_row_before_it():
    notes = HEAD + ("$$\\sum_{i=1}^{n} y_i = a\\sum_{i=1}^{n} x_i + n b$$\n\n"
                    "$$n b = \\sum_{i=1}^{n} y_i - a \\sum_{i=1}^{n} x_i$$\n")
    assert _at(notes, 7) == [("numeric", "a rearrangement of the equation at line 5")]
    assert _at(notes, 9) == [("numeric", "a rearrangement of the equation at line 7")]


@pytest.mark.parametrize("slip", [
    "n b = \\sum_{i=1}^{n} y_i + a \\sum_{i=1}^{n} x_i",       # a sign lost
    "b \\sum_{i=1}^{n} y_i = a b\\sum_{i=1}^{n} x_i + n b",     # times b: a factor that is not a constant
])
def test_a_row_that_is_not_the_equation_times_a_constant_is_skipped_not_wrong(slip):
    notes = HEAD + f"$${slip}$$\n"
    (verdict, reason), = _at(notes, 7)
    assert verdict == "skipped" and "rearrangement" not in reason


def _with_fillers(count: int) -> str:
    fillers = "".join(f"$$c_{k} = {k + 2}$$\n\n" for k in range(count))
    return HEAD + fillers + "$$\\sum_{i=1}^{n} y_i = a\\sum_{i=1}^{n} x_i + n b$$\n"


def test_an_equation_reaches_six_claims_on_and_no_further():
    near, far = _with_fillers(5), _with_fillers(6)  # the equation 6 and 7 claims before
    assert _at(near, near.count("\n"))[0][0] == "numeric"
    assert _at(far, far.count("\n"))[0][0] == "skipped"


def test_a_row_with_a_derivative_is_not_read_as_a_rearrangement():
    notes = HEAD + "$$\\frac{\\partial E}{\\partial a} = 2\\sum_{i=1}^{n} (y_i - a x_i - b)$$\n"
    assert all(v != "numeric" or "rearrangement" not in why for v, why in _at(notes, 7))
