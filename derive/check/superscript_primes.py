r"""Primes written as a superscript: ``f^{\prime}``, ``f^{'}``, ``f^{''}``, ``f^{'2}``.

TeX spells ``f'`` as ``f^{\prime}``, and notes that fear the apostrophe write
``f^{'}(x)`` (the same glyph). Each is read as apostrophes, padded with spaces
to the same length so that positions in the text stay put. A prime and a
power in one superscript, ``f^{'2}(x)``, is how TeX writes f′²(x), the square
of the derivative: it becomes ``f'^{2}(x)``, which the grammar reads as
(f'(x))² (``FNAME PRIME+ ^ script arguments``, ``primed_call_power``), as ``\sin^2 x`` is (sin x)².
"""
from __future__ import annotations

import re

#: A prime written as a superscript (``f^{\prime}``, ``f^\prime``, ``f^{\prime\prime}``, ``f^{'}``).
SUPERSCRIPT_PRIME = re.compile(r"\^\s*(?:\{\s*((?:(?:\\prime(?![A-Za-z])|')\s*)+)\}|(\\prime)(?![A-Za-z]))")
#: Primes and a whole power in one superscript: ``f^{'2}``, ``f^{\prime 2}``.
_PRIMED_POWER = re.compile(r"\^\s*\{\s*((?:(?:\\prime(?![A-Za-z])|')\s*)+)(\d+)\s*\}")


def _count(primes: str) -> int:
    return primes.count("\\prime") + primes.count("'")


def superscript_primes_read(latex: str) -> str:
    """``latex`` with superscript primes as apostrophes (same length)."""
    def powered(m: re.Match) -> str:
        return ("'" * _count(m.group(1)) + "^{" + m.group(2) + "}").ljust(len(m.group(0)))

    def apostrophes(m: re.Match) -> str:
        return ("'" * _count(m.group(1) or m.group(2))).ljust(len(m.group(0)))

    return SUPERSCRIPT_PRIME.sub(apostrophes, _PRIMED_POWER.sub(powered, latex))
