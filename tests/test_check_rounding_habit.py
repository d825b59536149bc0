"""Notes that round, held to rounding (rounding_habit.py): a value that only cutting off
prints as claimed is a slip in notes that round every other such value. Notes written
here; each number worked out by hand (σ(0.5) = 0.622459, σ(1) = 0.731059, σ(2) = 0.880797).

Each test says which bug it catches; the edges (how many values show the habit, one or
two cut off, half a unit exactly) are tested on both sides."""
import sympy as sp

from derive.check import check_text
from derive.check.rounding_habit import SHOWN, how_printed


def verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.reason) for v in check_text(notes).verdicts]


ROUNDS = ("$$a = \\sigma(0.5) \\approx 0.6225$$\n\n"   # cut off: 0.6224
          "$$b = \\sigma(1) \\approx 0.7311$$\n\n")     # cut off: 0.7310
SLIP = "$$a(1 - a) = 0.6225 \\times 0.3775 \\approx 0.2349$$\n"  # 0.23499375: rounded 0.2350


def test_a_value_cut_off_in_notes_that_round_is_wrong():
    """0.6225 · 0.3775 = 0.23499375 prints 0.2350 rounded; a(1 − a) is 0.235004 exactly.
    Catches the slip passed as cut off (the verdict before this module)."""
    checked = check_text(ROUNDS + SLIP).verdicts
    (slip,) = [v for v in checked if v.line == 5 and "0.2349" in v.latex and "times" not in v.latex]
    assert str(slip.verdict) == "wrong"
    assert slip.expected == "0.2350"
    assert slip.reason == ("prints 0.2350 rounded to the 4 decimals printed; cut off it would print as "
                           "claimed, but these notes round (lines 1, 3)")
    assert slip.counterexample == {"point": {}, "left": "37599/160000", "right": "2349/10000"}


def test_the_rounded_value_is_right_in_the_same_notes():
    """Catches the rule turned the wrong way (the rounded print called wrong)."""
    notes = ROUNDS + SLIP.replace("0.2349", "0.2350")
    assert "wrong" not in [v[1] for v in verdicts(notes)]


def test_one_value_rounded_is_not_yet_a_habit():
    """SHOWN = 2: with only σ(0.5) printed rounded, the cut-off value stays right (edge)."""
    assert SHOWN == 2
    notes = "$$a = \\sigma(0.5) \\approx 0.6225$$\n\n$$b = 0.7311$$\n\n" + SLIP
    assert "wrong" not in [v[1] for v in verdicts(notes)]


def test_notes_that_also_cut_off_elsewhere_are_not_held_to_rounding():
    """A second value printed cut off (0.7311 · 0.2689 = 0.19659279 as 0.1965): the notes do
    both, so neither is wrong. Catches a habit read from a count that ignores cut-off values."""
    notes = ROUNDS + SLIP + "\n$$b(1 - b) = 0.7311 \\times 0.2689 \\approx 0.1965$$\n"
    assert "wrong" not in [v[1] for v in verdicts(notes)]


def test_a_value_worked_from_unrounded_numbers_is_right():
    """c = σ(1.13) = 0.755839 prints 0.7558; 0.7558 · 0.2442 = 0.18456636 cut off is 0.1845, and
    c(1 − c) = 0.1845465 exactly rounds to 0.1845 too: the notes worked with c unrounded.
    Catches the exact value of the chain's first expression left unchecked."""
    notes = ROUNDS + "$$c = \\sigma(1.13) \\approx 0.7558$$\n\n$$c(1 - c) = 0.7558 \\times 0.2442 \\approx 0.1845$$\n"
    assert "wrong" not in [v[1] for v in verdicts(notes)]


def test_how_a_value_is_printed_at_the_edges():
    """Half a unit exactly is rounded (both ways when cutting off agrees); a unit up is
    neither. Catches < for ≤ in the rounded test and a closed cut-off interval."""
    r = sp.Rational
    assert how_printed(r("0.2505"), r("0.250"), 3) == "both"
    assert how_printed(r("0.2495"), r("0.250"), 3) == "rounded"
    assert how_printed(r("0.2495"), r("0.249"), 3) == "both"
    assert how_printed(r("0.24951"), r("0.249"), 3) == "cut off"
    assert how_printed(r("0.251"), r("0.250"), 3) == "neither"
    assert how_printed(r("-0.24951"), r("-0.249"), 3) == "cut off"
    assert how_printed(r("-0.24949"), r("-0.249"), 3) == "both"
    assert how_printed(r("-0.2499"), r("-0.250"), 3) == "rounded"


def test_a_value_computed_from_a_given_decimal_printed_rounded_is_not_judged_by_habit():
    """p = σ(0.39) = 0.59628 prints 0.596; −log(0.596) = 0.51751 cut off is 0.517, but
    −log(σ(0.39)) = 0.51704 rounds to 0.517: the notes worked with p unrounded. L's value
    is known only through the printed 0.596, so it is not called wrong (a false alarm on
    real notes before this guard)."""
    notes = ROUNDS + "$$p = \\sigma(0.39) \\approx 0.596$$\n\n$$L = -\\log(0.596) \\approx 0.517$$\n"
    assert "wrong" not in [v[1] for v in verdicts(notes)]
