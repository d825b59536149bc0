"""A name defined again for a side example, then used in its first meaning, in notes written here.

The notes define p as a logistic unit, explain two nodes of a graph with the
same names (``p = s^2``, ``p = \\ln(s)``) and go back to the unit: its derivative
was called wrong against the logarithm's p. It is now skipped, naming the line
whose p makes it hold; a row wrong under every formula of p, and a row computed
with a stale worked value, are still wrong.
"""
import sympy as sp

from derive.check import check_text
from derive.check.claims import read_derivation
from derive.check.derivation import Step
from derive.check.earlier_meanings import earlier_meaning

GRAPH = """Let $p = \\frac{1}{1 + e^{-s}}$ be the unit's output.

Each node on its own: the square, $p = s^2$, $\\frac{\\partial p}{\\partial s} = 2s$; the logarithm, $p = \\ln(s)$, $\\frac{\\partial p}{\\partial s} = \\frac{1}{s}$.

Back to the logistic unit:

$$\\frac{\\partial p}{\\partial s} = \\frac{e^{-s}}{(1 + e^{-s})^2} = p(1 - p)$$

$$\\frac{\\partial p}{\\partial s} = p(1 + p)$$

A worked value: $z = 2$, and for the next sample $z = 5$.

$$z + 1 = 3$$
"""


def verdicts(notes: str, line: int) -> list:
    return [v for v in check_text(notes).verdicts if v.line == line]


def test_a_row_that_holds_with_the_first_meaning_is_skipped_with_it():
    found = verdicts(GRAPH, 7)
    assert [str(v.verdict) for v in found] == ["skipped", "skipped"]
    assert all("holds with p = \\frac{1}{1 + e^{-s}} (line 1)" in v.reason and "again at line 3" in v.reason
               for v in found)


def test_the_side_examples_themselves_are_still_proved():
    assert [str(v.verdict) for v in verdicts(GRAPH, 3) if str(v.verdict) != "definition"] == ["proved", "proved"]


def test_a_row_wrong_with_every_meaning_is_still_wrong():
    assert [str(v.verdict) for v in verdicts(GRAPH, 9)] == ["wrong"]


def test_a_stale_worked_value_is_not_a_meaning():
    assert [str(v.verdict) for v in verdicts(GRAPH, 13)] == ["wrong"]


def test_a_name_with_one_definition_is_never_tried_again():
    once = GRAPH.replace("the square, $p = s^2$", "the square, $q = s^2$").replace(
        "the logarithm, $p = \\ln(s)$", "the logarithm, $r = \\ln(s)$")
    derivation = read_derivation(once)
    steps = [c for c in derivation.claims if isinstance(c, Step) and c.line == 9]
    calls = []
    assert earlier_meaning(steps[0], derivation, lambda defs: calls.append(defs) or True) == ""
    assert calls == []


def test_only_formulas_before_the_row_are_tried():
    derivation = read_derivation(GRAPH)
    steps = [c for c in derivation.claims if isinstance(c, Step) and c.line == 7]
    p, s = sp.Symbol("p", real=True), sp.Symbol("s", real=True)
    tried = []
    earlier_meaning(steps[0], derivation, lambda defs: tried.append(defs.get(p)) or False)
    assert tried and all(v is not None and v != sp.log(s) for v in tried)  # not the formula in force
    assert sp.simplify(tried[0] - 1 / (1 + sp.exp(-s))) == 0
