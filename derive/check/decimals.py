"""How the numbers in a claim's text are written: the decimals a number is
printed with, the numbers of an arithmetic claim, rounded decimal inputs."""
from __future__ import annotations

import re

import sympy as sp

from .digit_groups import digit_groups_joined
from .powers_of_ten import printed_decimals as scaled_decimals


_DECIMAL = re.compile(r"^[-−]?\d*\.(\d+)$")


def printed_decimals(text: str) -> int | None:
    """How many decimals a number is printed with (``0.246`` → 3), or None."""
    m = _DECIMAL.match("".join(digit_groups_joined(text).split()))  # 0.000\,1: digit_groups.py
    return len(m.group(1)) if m else None


def written_numbers(text: str) -> tuple | None:
    """The numbers written in an arithmetic claim (``0.5 \\cdot 4 + 1``, ``e^{-1.93}``), or
    None when the claim is not arithmetic on numbers alone."""
    text = digit_groups_joined(text)
    # e^{…}, \exp, \ln, \log and \sqrt of numbers are arithmetic too (e^{-1.93}/(1 + e^{-1.93}))
    if re.search(r"[A-Za-z]", re.sub(r"\\(?:cdot|times|frac|left|right|dfrac|tfrac|exp|ln|log|sqrt)(?![A-Za-z])"
                                     r"|(?<![A-Za-z\\])e(?=\s*\^)", "", text)):
        return None
    numbers = re.findall(r"\d*\.\d+|\d+", text)
    return tuple(sp.Rational(n) for n in numbers) if len(numbers) > 1 else None


def rounded_inputs(text: str) -> tuple[int, int] | tuple[int, int, int] | None:
    """(how many decimal numbers, fewest decimals of a rounded one) in an expression such
    as ``0.5498 \\cdot 0.4502``: arithmetic on rounded values, or None. A decimal of fewer
    than three significant digits (1.0, 0.5 in ``-1.0 \\times 0.6225 + 0.5``) is exact, as
    ``rounding.rounding_slack`` reads it, and does not set the places (which made the
    allowance 3·10⁻¹ there); with no rounded decimal, the fewest decimals of any. When the
    coarsest decimal carries a power of ten (``7.5 \\times 10^{-4}``), a third number: that
    power, so the unit is 10^(power − decimals) (powers_of_ten.py)."""
    decimals = scaled_decimals(text)
    if not decimals:
        return None
    rounded = [d for d in decimals if len((d[0] + d[1]).lstrip("0")) >= 3]
    whole, places, power = max(rounded or decimals, key=lambda d: (d[2] - len(d[1]), -d[2]))
    return (len(decimals), len(places)) + ((power,) if power else ())
