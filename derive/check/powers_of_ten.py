r"""Decimals that carry a power of ten: ``7.5 \times 10^{-4}``, ``4.2 \cdot 10^{-6}``.

How far a printed decimal may be from what it stands for is a unit of its last
place, and for a mantissa times a power of ten that unit is scaled by the power:
7.5 × 10⁻⁴ is printed to 10⁻⁵, not to 10⁻¹. The allowance of arithmetic on
rounded decimals (``decimals.rounded_inputs``, ``rounding.within_rounding``) was
taken from the mantissa alone, so ``3 \times 10^{-4} \cdot \frac{500}{2000} =
7.5 \times 10^{-4}`` (the value is 7.5 × 10⁻⁵) passed as "equal within the rounding
of its 1-decimal numbers", a false step called right. :func:`printed_decimals`
gives each decimal with the power of ten written right after it (0 when none), so the
allowance is counted in units of 10^(power − decimals), as the number is printed.
"""
from __future__ import annotations

import re

from .digit_groups import digit_groups_joined
from .latex_errors import refuse_match

_DECIMAL_TIMES_POWER = re.compile(
    r"(?<![\w.])(\d*)\.(\d+)"
    r"(?:\s*(?:\\times|\\cdot|×|·)\s*10\s*\^\s*(?:\{\s*([-−+]?)\s*(\d{1,3})\s*\}|([-+]?)(\d)))?")


def printed_decimals(text: str) -> list[tuple[str, str, int]]:
    """(whole part, decimals, power of ten) of each decimal written in ``text``:
    ``7.5 \\times 10^{-4}`` → ("7", "5", -4); ``0.25`` → ("0", "25", 0)."""
    found = []
    for m in _DECIMAL_TIMES_POWER.finditer(digit_groups_joined(text)):
        sign, digits = (m.group(3), m.group(4)) if m.group(4) is not None else (m.group(5), m.group(6))
        power = 0 if digits is None else int(digits) * (-1 if sign in ("-", "−") else 1)
        found.append((m.group(1), m.group(2), power))
    return found


#: ``7.5e-5``, ``1e-4``, ``2.0E3``: a decimal (or 1) written at once with e and a whole exponent.
_E_NOTATION = re.compile(r"(?<![\w.\\])(?:\d+\.\d+|1)[eE][-+−]?\d+(?![\w.^{(])")


def e_notation_refused(latex: str) -> str:
    """``latex`` unchanged, or :class:`LatexError` at ``7.5e-5``: read as written it is
    7.5·e − 5 (Euler's e), and a true ``3 \\times 10^{-4} / 4 = 7.5e-5`` was called wrong;
    the programmers' scientific notation is not read, so the claim is skipped."""
    return refuse_match(_E_NOTATION, latex, lambda m: f"the number {m.group(0)} in scientific e-notation is not read")
