r"""``f^2(x)``, ``\sigma^2(z)``: a function's square, its second iterate, or a product?

The reader takes a letter or ``\sigma`` raised to a power before a bracket as a
power times the bracket, which is right for ``\sigma^2 (x - \mu)`` with σ a
standard deviation. Around a single name, though, ``f^2(x)`` is f(x)² or
f(f(x)), and ``\sigma^2(z)`` the square of the sigmoid, as ``\sin^2 x`` is
(sin x)². Read as a product such a step can come out wrong when it is right,
so a "wrong" verdict on a step that holds one is not kept (``verdicts.py``).
A prime before the power (``f'^{2}(x)``, TeX's ``f^{'2}(x)``) is read as the
square of the derivative (``superscript_primes.py``), not here.
"""
from __future__ import annotations

import re

_POWERED_CALL = re.compile(
    r"(?:(?<![A-Za-z\\])[fghFGH]|\\sigma(?![A-Za-z])|σ)\s*\^\s*(?:\{\s*\d+\s*\}|\d)\s*(?:\\left\s*)?\(\s*"
    r"(?:\\(?:hat|bar|tilde)\s*\{\s*)?\\?[A-Za-z]+\s*\}?\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*(?:\\right\s*)?\)")


def powered_call(latex: str) -> str:
    """The reason a wrong verdict on ``latex`` is not kept, or "" when it holds no ``f^2(x)``."""
    m = _POWERED_CALL.search(latex)
    if m is None:
        return ""
    shown = " ".join(m.group(0).split())
    return (f"{shown} may be a function's square (f(x)^2), its second iterate (f(f(x))) or a power times a "
            "bracket; read as a product the step does not hold, so it is not judged")
