"""How the numbers in a claim's text are written: the decimals a number is
printed with, the numbers of an arithmetic claim, rounded decimal inputs."""
from __future__ import annotations

import re

import sympy as sp


_DECIMAL = re.compile(r"^[-−]?\d*\.(\d+)$")


def printed_decimals(text: str) -> int | None:
    """How many decimals a number is printed with (``0.246`` → 3), or None."""
    m = _DECIMAL.match("".join(text.split()))
    return len(m.group(1)) if m else None


def written_numbers(text: str) -> tuple | None:
    """The numbers written in an arithmetic claim (``0.5 \\cdot 4 + 1``), or
    None when the claim is not arithmetic on numbers alone."""
    if re.search(r"[A-Za-z]", re.sub(r"\\(?:cdot|times|frac|left|right|dfrac|tfrac)", "", text)):
        return None
    numbers = re.findall(r"\d*\.\d+|\d+", text)
    return tuple(sp.Rational(n) for n in numbers) if len(numbers) > 1 else None


def rounded_inputs(text: str) -> tuple[int, int] | None:
    """(how many decimal numbers, fewest decimals) in an expression such as
    ``0.5498 \\cdot 0.4502``: arithmetic on rounded values, or None."""
    decimals = re.findall(r"(?<![\w.])\d*\.(\d+)", text)
    return (len(decimals), min(len(d) for d in decimals)) if decimals else None
