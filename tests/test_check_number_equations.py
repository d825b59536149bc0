"""A known number set equal to a formula in a name still to be found (``7 = q + 1.5 \\cdot 2``,
then ``q = 4``), in notes written here.

Worked examples find an intercept that way; read as an identity in q the row
was called wrong at q = 2. It is now skipped as an equation to solve. A row of
numbers only, a row whose name has a value, and a derivative whose variable is
left over on the other side are still wrong.
"""
import sympy as sp

from derive.check import check_text
from derive.check.number_equations import unknowns_solved_for
from derive.symbols import symbol

NOTES = """The fitted line goes through the point of means, and its slope is $m = 1.5$:

$$7 = q + 1.5 \\cdot 2$$

so $q = 4$.

In code, the same step:

`11 = c + 2(3)`

`c = 5`

Near misses:

$$\\frac{d}{dx}(5x) = 5x$$

$$7 = 4 + 1.5 \\cdot 3$$

With $k = 1$ given first:

$$9 = k + 2 \\cdot 3$$
"""


def verdicts(line: int) -> list:
    return [v for v in check_text(NOTES).verdicts if v.line == line]


def test_a_number_equal_to_a_formula_in_an_unknown_is_an_equation():
    for line, name in ((3, "q"), (9, "c")):
        (found,) = verdicts(line)
        assert str(found.verdict) == "skipped"
        assert f"an expression in {name}," in found.reason and "an equation to solve" in found.reason


def test_near_misses_stay_wrong():
    for line in (15, 17, 21):
        assert [str(v.verdict) for v in verdicts(line)] == ["wrong"], line


def test_which_rows_are_equations():
    q, x, k = symbol("q"), symbol("x"), symbol("k")
    assert unknowns_solved_for(sp.Rational(7), q + 3, {}, frozenset()) == ["q"]
    assert unknowns_solved_for(sp.Rational(7), q + 3, {q: sp.Integer(4)}, frozenset()) == []   # q has a value
    assert unknowns_solved_for(sp.Derivative(5 * x, x), 5 * x, {}, frozenset()) == []           # x is on the left
    assert unknowns_solved_for(sp.Integer(0), q + 3, {}, frozenset()) == []                     # "= 0": elsewhere
    assert unknowns_solved_for(k, q + 3, {}, frozenset()) == []                                 # k is no number
    assert unknowns_solved_for(k, q + 3, {k: sp.Integer(9)}, frozenset()) == ["q"]              # k is given
