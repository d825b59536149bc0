"""A name given a new meaning as a function of one variable (``r(s) = 1 + e^{-s}`` after ``r = 2s + 1``),
in notes written here.

The row was read as the product r·s with the old r and called wrong, and so were
the later rows that use r in its new meaning. It now defines r anew; a name the
notes never defined is now a function defined there (letter_functions), and a real error with the new r is found.
"""
import sympy as sp

from derive.check import check_text
from derive.check.reused_names import redefined_name
from derive.symbols import symbol

NOTES = """First example: $r = 2s + 1$, so $\\frac{dr}{ds} = 2$.

Second example, with a new inner function $r(s) = 1 + e^{-s}$ and the outer function $q = r^{-1}$:

$$\\frac{dq}{ds} = -r^{-2} \\cdot (-e^{-s}) = \\frac{e^{-s}}{(1 + e^{-s})^2}$$

$$\\frac{dq}{ds} = \\frac{e^{-s}}{(1 + e^{-s})^3}$$
"""


def verdicts(notes: str, line: int) -> list[str]:
    return [str(v.verdict) for v in check_text(notes).verdicts if v.line == line]


def test_a_name_written_as_a_function_is_defined_anew():
    assert "wrong" not in verdicts(NOTES, 3)
    assert verdicts(NOTES, 5) == ["proved", "proved"]


def test_a_real_error_with_the_new_meaning_is_still_found():
    assert verdicts(NOTES, 7) == ["wrong"]


def test_a_name_never_defined_is_a_function_defined_here():
    """Without the first example, ``r(s) = …`` is a small-letter function definition
    (letter_functions.py), no longer a product: the rows that use it are read and its
    slip is still found."""
    fresh = NOTES.replace("First example: $r = 2s + 1$, so $\\frac{dr}{ds} = 2$.\n", "")
    assert [v.reason for v in check_text(fresh).verdicts if v.line == 2][0] == "defines r"
    assert verdicts(fresh, 4) == ["proved", "proved"]
    assert verdicts(fresh, 6) == ["wrong"]


def test_only_a_product_of_the_name_and_a_variable_of_the_body_is_taken():
    r, s = symbol("r"), symbol("s")
    defined = {r}
    assert redefined_name("r(s)", r * s, 1 + sp.exp(-s), defined) == r
    assert redefined_name("r(s)", r * s, 1 + sp.exp(-s), set()) is None        # r never defined
    assert redefined_name("r(s)", r * s, r + s, defined) is None               # an update of r
    assert redefined_name("r(s)", r * s, sp.Integer(3), defined) is None       # the body does not use s
    assert redefined_name("r(s)", 2 * r * s, 1 + s, defined) is None           # not a bare product
