r"""A decimal times a power of ten is printed to a unit scaled by that power (powers_of_ten.py).

Notes written here. The allowance of arithmetic on printed decimals was taken from
the mantissa alone (one unit of 10⁻¹ for ``6.4 \times 10^{-5}``), so a false step off
by a factor of ten passed as "numeric". Now the unit is 10^(power − decimals): a
value within it of the printed number stays numeric, a value beyond it is wrong,
probed on both sides at several powers. Numbers written out (``0.000032``) were
already held to their own decimals; ``3.2e-5`` was read as 3.2·e − 5 and is now skipped.
"""
import pytest
import sympy as sp

from derive.check import check_text
from derive.check.decimals import rounded_inputs
from derive.check.powers_of_ten import printed_decimals
from derive.check.rounding import within_rounding


def verdict(latex: str) -> tuple[str, str]:
    (v,) = check_text(f"${latex}$\n").verdicts
    return str(v.verdict), v.reason


# (exact value written with a whole mantissa, printed claim, power): the claim's unit is 10^(power - 1)
EDGES = [
    ("643 \\times 10^{-7}", "6.4 \\times 10^{-5}", -5),
    ("2187 \\times 10^{-9}", "2.1 \\times 10^{-6}", -6),
    ("918 \\times 10^{-4}", "9.1 \\times 10^{-2}", -2),
    ("5083", "5.0 \\times 10^{3}", 3),
]


@pytest.mark.parametrize("exact, printed, power", EDGES)
def test_a_value_within_the_scaled_unit_stays_numeric(exact, printed, power):
    kind, reason = verdict(f"{exact} = {printed}")
    assert kind == "numeric" and f"times 10^{power}" in reason


@pytest.mark.parametrize("exact, printed, power", EDGES)
def test_a_value_just_beyond_the_scaled_unit_is_wrong(exact, printed, power):
    # the same claim, the exact value moved just past one unit of the claim's last place
    mantissa = sp.Rational(printed.split(" ")[0])
    beyond = (mantissa + sp.Rational(11, 100)) * sp.Integer(10) ** power
    whole = int(beyond * 10**9)
    assert verdict(f"{whole} \\times 10^{{-9}} = {printed}")[0] == "wrong"


def test_a_step_off_by_a_power_of_ten_is_wrong():
    assert verdict("6 \\times 10^{-3} \\cdot \\frac{16}{3000} = 3.2 \\times 10^{-4}")[0] == "wrong"  # 3.2e-5
    assert verdict("6 \\times 10^{-3} \\cdot \\frac{16}{3000} = 3.2 \\times 10^{-5}")[0] == "proved"
    assert verdict("2.7 \\cdot 10^{-8} = 8.1 \\cdot 10^{-8}")[0] == "wrong"
    assert verdict("2.7 \\times 10^-8 \\cdot 3 = 8.1 \\times 10^-8")[0] == "proved"


def test_numbers_written_out_keep_their_own_decimals():
    step = "6 \\times 10^{-3} \\cdot \\frac{16}{3000}"  # 0.000032
    assert verdict(f"{step} = 0.000032")[0] == "numeric"
    assert verdict(f"{step} = 0.00003")[0] == "numeric"
    assert verdict(f"{step} = 0.000033")[0] == "wrong"
    assert verdict(f"{step} = 0.00032")[0] == "wrong"


def test_e_notation_is_skipped_not_read_as_eulers_e():
    kind, reason = verdict("6 \\times 10^{-3} \\cdot \\frac{16}{3000} = 3.2e-5")
    assert kind == "skipped" and "3.2e-5" in reason
    assert verdict("\\frac{1}{e - 1} = 0.582")[0] == "numeric"  # e alone is still Euler's e
    assert verdict("2e^{0} - 1 = 1")[0] == "proved"


def test_the_unit_is_the_coarsest_printed_decimal():
    assert printed_decimals("1.25 \\times 10^{-3} + 0.5") == [("1", "25", -3), ("0", "5", 0)]
    assert rounded_inputs("1.25 \\times 10^{-3}") == (1, 2, -3)
    assert rounded_inputs("4.5 \\times 10^{2} + 0.25") == (2, 1, 2)
    assert rounded_inputs("0.4 \\cdot 2.6 + 0.1") == (3, 1)  # no power: as before
    # with a power the allowance is absolute: 1 unit of 10^(2 - 1), not relative to the value
    assert str(within_rounding(sp.Integer(461), sp.Integer(450), (1, 1, 2)).verdict) == "wrong"
    assert str(within_rounding(sp.Integer(459), sp.Integer(450), (1, 1, 2)).verdict) == "numeric"
