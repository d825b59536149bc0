r"""A second example worked with the same formula and other numbers (notes
written here): after ``b = -2`` and ``q = e^b/(1 + e^b)``, a row
``q = \frac{e^{0.5}}{1 + e^{0.5}} = 0.622`` is about another b. With ``e^{…}``
in it the row did not count as arithmetic on numbers, and when the chain
restated its head (``Q = … = Q = …``) the given value sat one definition
deep: both were called wrong. Such a link is skipped (another example?);
the same numbers as given, or a computed value, are still checked."""
import pytest

from verdict_lines import verdicts_by_line
from derive.check.decimals import written_numbers

NOTES = r"""Two examples of one formula.

$b = -2$

$q = \frac{e^{b}}{1 + e^{b}}$

$q = \frac{e^{0.5}}{1 + e^{0.5}} = 0.622$

$Q = \frac{e^{b}}{1 + e^{b}} = Q = \frac{e^{0.5}}{1 + e^{0.5}} = 0.622$

$r = \frac{e^{b}}{1 + e^{b}} = \frac{e^{-2}}{1 + e^{-2}} = 0.119$

$u = \frac{e^{b}}{1 + e^{b}} = \frac{e^{-2}}{1 - e^{-2}}$

$w = 0.5$, $x = 2$, $z = w x$, $s = \frac{1}{1 + e^{-z}}$

$s = \frac{1}{1 + e^{-1}} = 0.731$

$s = \frac{1}{1 + e^{-1}} = 0.75$

$v = \frac{e^{b}}{1 + e^{b}} = \frac{e^{0.5}}{1 + e^{0.5}} = 0.622$
"""


@pytest.mark.parametrize("line, verdicts", [
    (7, ["definition", "numeric"]),  # q worked again with other numbers: a new q, not a claim about b = -2
    (9, ["definition", "proved", "skipped", "numeric"]),  # Q restated, then another b: skipped, not wrong
    (11, ["definition", "proved", "numeric"]),  # the same b: checked
    (13, ["definition", "wrong"]),  # the same b with a slip
    (17, ["proved", "numeric"]),  # z's value: computed, not given, still checked (s restated at it: restatements.py)
    (19, ["definition", "wrong"]),
    (21, ["definition", "skipped", "numeric"]),  # another b right after the formula: skipped, not wrong
])
def test_another_example_is_skipped_and_the_given_one_checked(line, verdicts):
    assert verdicts_by_line(NOTES)[line] == verdicts


@pytest.mark.parametrize("text, numbers", [
    (r"\frac{e^{-1.93}}{1 + e^{-1.93}}", (1.93, 1, 1.93)),
    (r"\exp(2) \cdot 3", (2, 3)),
    (r"\ln 4 - \sqrt{9}", (4, 9)),
    (r"0.5 \cdot 4 + 1", (0.5, 4, 1)),
])
def test_functions_of_numbers_are_arithmetic(text, numbers):
    assert [float(n) for n in written_numbers(text)] == list(numbers)


@pytest.mark.parametrize("text", [r"e^{x} + 1", r"\exp(w) \cdot 2", r"x e^{2} + 1", r"be^{2} + 1"])
def test_names_keep_a_claim_out_of_arithmetic(text):
    assert written_numbers(text) is None
