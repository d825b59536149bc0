"""A link judged at values the notes gave rounded (given_rounding.py): σ'(u) = p(1 − p)
with p given as σ(0.1488), where 0.1488 is u = 2σ(0.3) − 1 printed after rounding. The
link is right; exactly, its sides differ by the rounding of the given 0.1488, so it was
called wrong. Notes written here; the numbers worked out by hand (and with SymPy).

Each test says which bug it catches; the allowance (three units of a given decimal's last
place, as for a value written again) is probed just inside and just outside its edge."""
import sympy as sp
from hypothesis import example, given, settings, strategies as st

from derive.check import check_text
from derive.check.given_rounding import given_rounding_outcome, rounded_decimal, rounded_givens
from derive.symbols import symbol


def verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.reason) for v in check_text(notes).verdicts]


WORKED = ("$$h = \\sigma(0.3) \\approx 0.5744$$\n\n"
          "$$u = 2h - 1 = 2 \\times 0.5744 - 1 = 0.1488$$\n\n"
          "$$p = \\sigma(0.1488) \\approx 0.5371$$\n\n"
          "$$\\sigma'(u) = {claim}$$\n")


def test_a_right_link_at_a_given_value_printed_rounded_is_not_called_wrong():
    """σ'(u) is 0.2486197 exactly, p(1 − p) at p = σ(0.1488) is 0.2486213: 1.6·10⁻⁶ apart,
    all of it from 0.1488 (2σ(0.3) − 1 is 0.148885). Catches the old false alarm."""
    (link,) = [v for v in verdicts(WORKED.format(claim="p(1 - p)")) if v[0] == 7]
    assert link[1] == "numeric"
    assert link[2] == ("equal within the rounding of the values the notes give for p "
                       "(exactly, the sides differ by 1.6e-06)")


def test_a_wrong_link_at_the_same_values_stays_wrong():
    """p(1 + p) and p² are far beyond any rounding: catches an allowance that hides real errors."""
    for claim in ("p(1 + p)", "p^2", "p(1 - p) + 0.001"):
        (link,) = [v for v in verdicts(WORKED.format(claim=claim)) if v[0] == 7]
        assert link[1] == "wrong", claim


def test_a_link_in_names_at_test_points_is_not_excused_by_rounding():
    """A formula wrong at a test point (no values given for x) stays wrong even when a rounded
    value is given for another name: catches the allowance applied outside given values."""
    notes = "$$c = 0.1234$$\n\n$$(x + c)^2 = x^2 + c^2$$\n"
    assert [v[1] for v in verdicts(notes) if v[0] == 3] == ["wrong"]


def test_the_allowance_is_three_units_of_the_given_decimals_last_place():
    """m = 1/4 exactly; q given to 4 decimals may be 3·10⁻⁴ off. 0.2503 is at the edge (equal,
    the ends count), 0.2504 beyond; 0.25031 has 5 decimals, so only 3·10⁻⁵ is allowed.
    Catches < for ≤, a half-unit or a whole-unit allowance, and places counted wrong."""
    def link(q: str) -> str:
        notes = f"$$m = \\frac{{1}}{{4}}$$\n\n$$q = {q}$$\n\n$$4m = 4q$$\n"
        (v,) = [v for v in verdicts(notes) if v[0] == 5]
        return v[1]
    assert link("0.2503") == "numeric"
    assert link("0.2497") == "numeric"
    assert link("0.2504") == "wrong"
    assert link("0.2496") == "wrong"
    assert link("0.25031") == "wrong"
    assert link("0.25003") == "numeric"


def test_short_decimals_are_exact_values():
    """0.26 or 0.3 (fewer than three significant digits) are given exactly, as rounding_slack
    reads them: catches every decimal taken as rounded."""
    assert rounded_decimal(sp.Rational("0.26")) is None
    assert rounded_decimal(sp.Rational("0.3")) is None
    assert rounded_decimal(sp.Integer(2)) is None
    assert rounded_decimal(sp.Rational(1, 3)) is None
    assert rounded_decimal(sp.Rational("0.1225")) == sp.Rational(3, 10**4)
    assert rounded_decimal(sp.Rational("-0.1225")) == sp.Rational(3, 10**4)
    assert rounded_decimal(sp.Rational("1.19")) == sp.Rational(3, 100)
    notes = "$$m = \\frac{1}{4}$$\n\n$$q = 0.26$$\n\n$$4m = 4q$$\n"
    assert [v[1] for v in verdicts(notes) if v[0] == 5] == ["wrong"]  # 0.26 is 0.01 off, given exactly


def test_only_values_given_as_numbers_are_followed():
    """A formula in names (z = w x + b) is no given value, even with a decimal in it."""
    w, x, z, p = (symbol(n) for n in ("w", "x", "z", "p"))
    defs = {z: sp.Rational("0.125") * w * x, p: sp.Rational("0.5371")}
    assert rounded_givens(defs) == [(p, sp.Rational("0.5371"), sp.Rational(3, 10**4))]


def test_a_difference_at_a_test_point_is_left_as_it_was():
    w = symbol("w")
    assert given_rounding_outcome(w, w + 1, {}, frozenset(), ({w: 2}, 2, 3)) is None


@settings(max_examples=25, deadline=None)
@given(k=st.integers(1, 6), units=st.integers(-6, 6))
@example(k=1, units=3)    # 1/7 = 0.142857: 0.1431 is 2.4·10⁻⁴ off, inside
@example(k=1, units=4)    # 0.1432 is 3.4·10⁻⁴ off, outside
@example(k=3, units=-3)   # 3/7 = 0.428571: 0.4283 is 2.7·10⁻⁴ off, inside
@example(k=3, units=-4)   # 0.4282, 3.7·10⁻⁴ off, outside
@example(k=3, units=4)    # 0.4290: its last 0 is not kept in the value, so it has 3 decimals (3·10⁻³)
def test_a_link_at_a_given_decimal_is_equal_exactly_when_within_three_units(k, units):
    """For m = k/7 and q its 4-decimal print moved by ``units``, 7m = 7q is numeric when
    |k/7 − q| ≤ 3 units of q's last decimal and wrong otherwise: the allowance, both ways."""
    q = sp.Rational(round(k / 7 * 10**4) + units, 10**4)
    notes = f"$$m = \\frac{{{k}}}{{7}}$$\n\n$$q = {float(q):.4f}$$\n\n$$7m = 7q$$\n"
    (v,) = [v for v in verdicts(notes) if v[0] == 5]
    places = next(p for p in range(5) if (q * 10**p).is_Integer)
    inside = abs(sp.Rational(k, 7) - q) <= sp.Rational(3, 10**places)
    assert v[1] == ("numeric" if inside else "wrong"), (k, units, float(q))
