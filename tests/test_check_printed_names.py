"""A name the notes printed rounded and then reused by name (printed_names.py): h = tanh(0.5)
printed 0.46, then 1 − h² printed 0.7884 = 1 − 0.46². With the exact h (0.462117…) 1 − h² is
0.786448…, so a right row was called wrong. Notes written here; numbers worked by hand:
1 − 0.46² = 0.7884 exactly; σ(1) = 0.731059 printed 0.73; 0.73 · 0.27 = 0.1971 printed 0.197;
3 · 0.197 = 0.591, where the exact 3σ(1)(1 − σ(1)) is 0.589836.

The allowance is probed on both sides of its edge: the claim must print as the value computed
from the printed numbers (or from the exact ones), not anything between or beside them."""
from derive.check import check_text


def verdict_at(notes: str, line: int, latex: str) -> tuple[str, str]:
    (found,) = [(str(v.verdict), v.reason) for v in check_text(notes).verdicts if v.line == line and v.latex == latex]
    return found


def tanh_notes(printed: str, claim: str) -> str:
    return f"$h = \\tanh(0.5) \\approx {printed}$\n\n$1 - h^2 \\approx {claim}$\n"


def test_a_row_computed_from_the_printed_value_is_right():
    """Catches the false alarm: 1 − 0.46² is 0.7884, which the notes print."""
    verdict, reason = verdict_at(tanh_notes("0.46", "0.7884"), 3, "1 - h^2 ≈ 0.7884")
    assert verdict == "numeric"
    assert reason == ("equal to the 4 decimals printed, computed from the values the notes printed rounded: "
                      "h = 0.46 (line 1)")


def test_the_exact_reading_still_holds():
    """0.786448 prints 0.7864: right at the exact h, as before (no reason about printed values)."""
    assert verdict_at(tanh_notes("0.46", "0.7864"), 3, "1 - h^2 ≈ 0.7864") == ("numeric",
                                                                               "equal to the 4 decimals printed")


def test_a_slip_on_either_side_of_the_printed_reading_stays_wrong():
    """0.7883 and 0.7885 are one unit off 0.7884; 0.7874 lies between the two readings and is
    neither; 0.7984 is a plain slip. Catches an allowance widened to an interval or a bound."""
    for claim in ("0.7883", "0.7885", "0.7874", "0.7984", "0.7865"):
        verdict, _ = verdict_at(tanh_notes("0.46", claim), 3, f"1 - h^2 ≈ {claim}")
        assert verdict == "wrong", claim


def test_a_value_printed_wrong_is_not_carried():
    """h ≈ 0.48 is wrong (tanh 0.5 = 0.4621); 1 − 0.48² = 0.7696 computed from it stays wrong:
    catches taking any printed decimal, right or not, as the name's value."""
    notes = tanh_notes("0.48", "0.7696")
    assert verdict_at(notes, 1, "h ≈ 0.48")[0] == "wrong"
    assert verdict_at(notes, 3, "1 - h^2 ≈ 0.7696")[0] == "wrong"


def test_a_name_redefined_since_it_was_printed_is_read_with_its_new_value():
    """After h = tanh(1), the printed 0.46 belongs to the old h: 1 − h² ≈ 0.7884 is wrong for
    tanh(1) (0.419974). Catches printed values outliving their definition."""
    notes = "$h = \\tanh(0.5) \\approx 0.46$\n\n$h = \\tanh(1)$\n\n$1 - h^2 \\approx 0.7884$\n"
    assert verdict_at(notes, 5, "1 - h^2 ≈ 0.7884")[0] == "wrong"


def test_a_backward_pass_reuses_a_rounded_product():
    """s = a(1 − a) ≈ 0.197 (exact 0.196612); g = 3s ≈ 0.591 is 3 · 0.197. The exact 3s is
    0.589836, which prints 0.590 (right too); 0.592 and 0.597 are slips at both readings."""
    notes = ("$a = \\sigma(1) \\approx 0.73$, $s = a(1 - a) \\approx 0.197$, $g = 3s \\approx 0.591$ "
             "and $3s \\approx 0.597$ and $3s \\approx 0.590$ and $3s \\approx 0.592$.\n")
    found = [(v.latex, str(v.verdict)) for v in check_text(notes).verdicts if "3s" in v.latex or v.latex.startswith("g")]
    assert found == [("g = 3s", "definition"), ("g ≈ 0.591", "numeric"), ("3s ≈ 0.597", "wrong"),
                     ("3s ≈ 0.590", "numeric"), ("3s ≈ 0.592", "wrong")]


def test_rounded_values_deeper_in_the_chain_count():
    """g = 3a(1 − a) with a printed 0.73: 3 · 0.73 · 0.27 = 0.5913, printed 0.591; the exact
    value is 0.589836. Catches following only the names written in the row itself."""
    notes = "$a = \\sigma(1) \\approx 0.73$ and $g = 3a(1 - a) \\approx 0.591$.\n"
    verdict, reason = verdict_at(notes, 1, "g ≈ 0.591")
    assert verdict == "numeric" and reason.endswith("a = 0.73 (line 1)")
