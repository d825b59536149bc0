"""Values given right after a claim, for that claim (later_values.py): a second worked example
whose values follow its step ("…= 36, where now w = 2, x = 3") or a value after the claim on its
line ("tanh(u) ≈ 0.7616 for u = 1"). The names had an earlier example's values, at which the
claim was judged and called wrong. Notes written here; numbers by hand: ∂(wx)²/∂w = 2wx² is
2 · 2 · 3² = 36 at w = 2, x = 3 and 8 at w = 1, x = 2; tanh(1) = 0.761594, tanh(0) = 0.

Near misses keep their verdict: a slip is wrong at both readings; values that open the next
section (after a heading) or that come after another claim are not this claim's."""
from derive.check import check_text


def verdict_at(notes: str, line: int, latex: str) -> tuple[str, str]:
    (found,) = [(str(v.verdict), v.reason) for v in check_text(notes).verdicts if v.line == line and v.latex == latex]
    return found


STEP = "\\frac{\\partial}{\\partial w}(wx)^2"


def second_example(claim: str, between: str = "") -> str:
    return (f"# First example\n\nLet $w = 1$, $x = 2$: $(wx)^2 = 4$.\n\n# Second example\n\n"
            f"$${STEP} = 2wx^2 = {claim},$$\n\n{between}where now $w = 2$, $x = 3$.\n")


def test_the_values_after_the_step_are_its_values():
    """Catches the false alarm: 36 is right at w = 2, x = 3 (8 at the first example's values)."""
    verdict, reason = verdict_at(second_example("36"), 7, f"{STEP} = 36")
    assert verdict == "numeric"
    assert reason == ("equal after expanding both sides, at the values the notes give right after it "
                      "(line 9: w = 2, x = 3)")


def test_a_slip_is_wrong_at_both_readings():
    """35 is wrong at w = 2, x = 3 and at w = 1, x = 2: it stays wrong (one unit either side of 36)."""
    for claim in ("35", "37"):
        assert verdict_at(second_example(claim), 7, f"{STEP} = {claim}")[0] == "wrong", claim


def test_the_values_in_force_still_count():
    """8 is right at the first example's values: proved at them, as before, whatever follows."""
    assert verdict_at(second_example("8"), 7, f"{STEP} = 8") == ("proved", "equal after expanding both sides")


def test_values_opening_the_next_section_are_not_the_steps():
    """A heading between the step and the values: they belong to the next example, so the step
    is judged at the values in force and 36 stays wrong. Catches reading values across sections."""
    notes = ("Let $w = 1$, $x = 2$: $(wx)^2 = 4$.\n\n"
             f"$${STEP} = 2wx^2 = 36$$\n\n# Next example\n\n$w = 2$, $x = 3$.\n")
    assert verdict_at(notes, 3, f"{STEP} = 36")[0] == "wrong"


def test_values_after_another_claim_are_not_the_steps():
    """Another claim between the step and the values: the values are that claim's, not the step's."""
    notes = second_example("36", between="and $(wx)^2 = 4$ again, ")
    assert verdict_at(notes, 7, f"{STEP} = 36")[0] == "wrong"


def test_a_value_after_the_claim_on_its_line():
    """tanh(u) ≈ 0.7616 for u = 1 after u = 0 was given: right at u = 1."""
    notes = "At $u = 0$: $\\tanh(u) = 0$.\n\n$\\tanh(u) \\approx 0.7616$ for $u = 1$.\n"
    verdict, reason = verdict_at(notes, 3, "\\tanh(u) ≈ 0.7616")
    assert verdict == "numeric"
    assert reason == "equal to the 4 decimals printed, at the values the notes give right after it (line 3: u = 1)"


def test_a_wrong_value_after_the_claim_on_its_line_stays_wrong():
    """0.7716 is neither tanh(1) nor tanh(0): catches an excuse given for any value that follows."""
    notes = "At $u = 0$: $\\tanh(u) = 0$.\n\n$\\tanh(u) \\approx 0.7716$ for $u = 1$.\n"
    assert verdict_at(notes, 3, "\\tanh(u) ≈ 0.7716")[0] == "wrong"


def test_a_formula_is_not_read_at_other_values():
    """A claim that is a formula (2wx, wrong: it is 2wx²) is judged at test points, not at given
    values: values after it change nothing."""
    notes = "Let $w = 1$, $x = 2$.\n\n$$" + STEP + " = 2wx$$\n\nwhere now $w = 2$, $x = 1$.\n"
    assert verdict_at(notes, 3, f"{STEP} = 2wx")[0] == "wrong"
