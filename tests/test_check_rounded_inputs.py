"""Arithmetic on rounded decimals is allowed the rounding of the decimals that were rounded
(decimals.rounded_inputs): ``-1.0 \\times 0.6225 + 0.5`` computes with 0.6225, printed to four
decimals; 1.0 and 0.5 are exact. The allowance was count·10⁻ᵏ with k the fewest decimals of
any number in the row, so one exact 0.5 made it 3·10⁻¹ and a slip of 0.03 passed. Now k is
the fewest decimals among the numbers of three significant digits or more (as
rounding_slack reads them); a row with none keeps the old allowance.

Notes written here; the numbers worked out by hand."""
import sympy as sp
from hypothesis import example, given, settings, strategies as st

from derive.check import check_text
from derive.check.decimals import rounded_inputs


def verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.reason) for v in check_text(notes).verdicts]


def test_exact_short_decimals_do_not_set_the_rounding():
    """Catches k taken over every decimal again (1 here) or the count taken over rounded ones only."""
    assert rounded_inputs("-1.0 \\times 0.6225 + 0.5") == (3, 4)
    assert rounded_inputs("0.552 \\times 0.4 + 0.547 \\times 0.5") == (4, 3)
    assert rounded_inputs("-0.0549 \\times 1.0") == (2, 4)   # 0.0549: three significant digits
    assert rounded_inputs("0.4 \\cdot 2.6 + 0.1") == (3, 1)  # none rounded: as before
    assert rounded_inputs("0.25 + 0.13") == (2, 2)
    assert rounded_inputs("2 \\cdot 3") is None


def test_a_slip_beside_an_exact_short_decimal_is_wrong():
    """σ(0.5) = 0.622459; -1.0 · 0.6225 + 0.53 is 0.03 off: within 3·10⁻¹, far beyond 3·10⁻⁴."""
    notes = ("$$a = \\sigma(0.5) \\approx 0.6225$$\n\n"
             "$$z = -1.0 \\cdot a + 0.5 = -1.0 \\times 0.6225 + 0.5$$\n\n"
             "$$z = -1.0 \\cdot a + 0.5 = -1.0 \\times 0.6225 + 0.53$$\n")
    rows = {line: verdict for line, verdict, _ in verdicts(notes) if line in (3, 5) and verdict != "definition"}
    assert rows == {3: "numeric", 5: "wrong"}


def arithmetic(q: sp.Rational) -> str:
    """x = 1/8 exactly; 2x + 0.5 = 0.75, worked with x printed as ``q``."""
    v = check_text(f"$$x = \\frac{{1}}{{8}}$$\n\n$$y = 2x + 0.5 = 2 \\times {float(q):.4f} + 0.5$$\n").verdicts
    (step,) = [s for s in v if s.line == 3 and str(s.verdict) != "definition"]
    return str(step.verdict)


@settings(max_examples=12, deadline=None)
@given(units=st.integers(-3, 3).filter(lambda u: u != 0))
@example(units=1)    # 2 · 0.1251 + 0.5 is 2·10⁻⁴ off: the edge, equal
@example(units=-1)
@example(units=2)    # 4·10⁻⁴ off: beyond 2·10⁻⁴ (two numbers, four decimals)
@example(units=-2)
def test_the_allowance_is_count_units_of_the_rounded_decimals_place(units):
    """Numeric when 2·|units|·10⁻⁴ ≤ 2·10⁻⁴, else wrong: catches < for ≤ and k from the 0.5.
    (Four units off, 0.1254 is no longer x as printed: skipped as another example.)"""
    q = sp.Rational(1, 8) + sp.Rational(units, 10**4)
    assert arithmetic(q) == ("numeric" if abs(units) <= 1 else "wrong")
