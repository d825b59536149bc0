"""Numbers a link printed rounded, computed on as printed (carried_values.py): u = 0.7/0.3
printed 2.33, v = 0.3/0.7 printed 0.42, then r = 2.33/0.42 printed 5.44. The notes mean the
exact 7/3 and 3/7, and (7/3)/(3/7) = 49/9 = 5.444; at the printed operands 2.33/0.42 is
5.548, so the last link was called wrong. Notes written here; numbers worked by hand:
4/(1/3) = 12 while 4/0.33 = 12.12; 1/(3/7) = 2.333 while 1/0.42 = 2.381;
70 · (3/7) = 30 while 70 · 0.43 = 30.1."""
from derive.check import check_text


def verdicts(notes: str) -> dict[tuple[int, str], tuple[str, str]]:
    return {(v.line, v.latex): (str(v.verdict), v.reason) for v in check_text(notes).verdicts}


RATIO = ("# Odds\n\n"
         "$u = \\frac{0.7}{0.3} = 2.33$, $v = \\frac{0.3}{0.7} = 0.42$, so $r = \\frac{2.33}{0.42} = 5.44$.\n\n"
         "$A = \\frac{0.8}{0.2} = 4$, $B = \\frac{0.2}{0.6} = 0.33$, so $R = \\frac{4}{0.33} = 12$.\n")


def test_a_quotient_of_carried_results_is_not_wrong():
    """Catches the false alarm: 5.44 is (7/3)/(3/7), the figure the notes mean."""
    found = verdicts(RATIO)
    assert found[(3, "r = 5.44")] == (
        "numeric", "equal to the 2 decimals printed, computed with the exact values of the numbers printed "
                   "rounded before it: 2.33 as 7/3 (line 3), 0.42 as 3/7 (line 3)")
    verdict, reason = found[(5, "R = 12")]
    assert verdict == "numeric" and reason.endswith("0.33 as 1/3 (line 5)")
    assert found[(5, "A = 4")][0] == "proved"  # an exact result carries nothing


def test_a_slip_wrong_both_ways_stays_wrong():
    """6.1 is neither 5.548 nor 5.444; 5.45 is one unit off the exact reading, 5.52 just outside the printed one (with its rounding); 13 is neither
    12.12 nor 12. Catches accepting any claim once a carried number is seen."""
    for claim in ("6.1", "5.45", "5.52"):
        found = verdicts(RATIO + f"\n$r = \\frac{{2.33}}{{0.42}} = {claim}$\n")
        assert found[(7, f"r = {claim}")][0] == "wrong", claim
    found = verdicts(RATIO + "\n$R = \\frac{4}{0.33} = 13$\n")
    assert found[(7, "R = 13")][0] == "wrong"


def test_the_printed_reading_still_holds_without_a_reason():
    """5.55 is 2.33/0.42 to two decimals: right as before, no carried values named."""
    found = verdicts(RATIO + "\n$r = \\frac{2.33}{0.42} = 5.55$\n")
    assert found[(7, "r = 5.55")] == ("numeric", "equal to the 2 decimals printed")


def test_a_number_printed_in_another_section_keeps_its_value():
    """0.42 was printed as 3/7 under "Odds"; under a new heading 0.42 is typed fresh, and
    1/0.42 = 2.381 does not print 2.33. In the same section it does (the control)."""
    same = verdicts("# Odds\n\n$v = \\frac{0.3}{0.7} = 0.42$, so $s = \\frac{1}{0.42} = 2.33$.\n")
    assert same[(3, "s = 2.33")][0] == "numeric"
    other = verdicts("# Odds\n\n$v = \\frac{0.3}{0.7} = 0.42$\n\n# Another\n\n$s = \\frac{1}{0.42} = 2.33$\n")
    assert other[(7, "s = 2.33")][0] == "wrong"


def test_a_given_number_is_not_a_carried_result():
    """v = 0.42 given (a definition, not the printed result of 0.3/0.7): 1/0.42 is 2.381."""
    found = verdicts("# Odds\n\n$v = 0.42$, so $s = \\frac{1}{0.42} = 2.33$.\n")
    assert found[(3, "s = 2.33")][0] == "wrong"


def test_the_digits_must_be_the_ones_printed():
    """3/7 printed 0.4286; a later 0.43 is not that number: 70 · 0.43 = 30.1, not 30.0, though
    70 · 3/7 = 30. Catches matching a number by value instead of by its printed digits."""
    found = verdicts("$v = \\frac{0.3}{0.7} = 0.4286$, so $s = 70 \\cdot 0.43 = 30.0$.\n")
    assert found[(1, "s = 30.0")][0] == "wrong"
    control = verdicts("$v = \\frac{0.3}{0.7} = 0.4286$, so $s = 70 \\cdot 0.4286 = 30.0$.\n")
    assert control[(1, "s = 30.0")][0] == "numeric"


def test_a_result_printed_wrong_is_not_carried():
    """v printed 0.47 is wrong (3/7 = 0.4286); 1/0.47 = 2.128 stays wrong, as the exact 2.333
    would not print 2.13 either; catches carrying a wrong result's exact value."""
    found = verdicts("$v = \\frac{0.3}{0.7} = 0.47$, so $s = \\frac{1}{0.47} = 2.33$.\n")
    assert found[(1, "v = 0.47")][0] == "wrong"
    assert found[(1, "s = 2.33")][0] == "wrong"
