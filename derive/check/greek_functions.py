r"""A capital Greek letter before a bracket is a function: ``\Phi(0)``, ``\Lambda(z)``.

Notes name functions with capital Greek letters: Φ the standard normal CDF
(``\Phi(0) = 0.5``), Λ the logistic function (``\Lambda(z) = \frac{e^z}{1 + e^z}``),
Ψ, Θ, Ω. The grammar read them as a factor, so ``\Phi(0)`` was Φ·0 = 0 and a
true value was called wrong. Here Γ, Θ, Λ, Ξ, Φ, Ψ and Ω (as commands or
Unicode letters) directly before ``(`` are read as capital Latin letters
are (``J(w)``): a head the notes define (``\Lambda(z) = …``) defines the
function, which is then read at numbers (``\Lambda(0)``, ``function_values.py``);
one they never define is an unknown function, whose values are not checked.

Kept as they were: Δ (an increment, ``\Delta(w)``), Σ (a covariance or a sum)
and Π (a product), a Greek letter with a power or a prime before the bracket
(``\Phi^{-1}(p)``), and lower-case Greek letters (``\eta(y - \hat{y})`` is a product).
"""
from __future__ import annotations

import re

from ..names import GREEK

#: The grammar's terminal for a capital Greek letter applied to arguments.
GREEK_FUNCTION = (r"/(?:\\(?:Gamma|Theta|Lambda|Xi|Phi|Psi|Omega)(?![A-Za-z])|[ΓΘΛΞΦΨΩ])(?=\s*\()/")

_NAMES = {letter: name for name, letter in GREEK.items()}


def greek_function_name(token: str) -> str:
    """The name a capital Greek function is kept under: ``\\Phi`` and ``Φ`` are ``Phi``."""
    token = token.strip()
    return token[1:] if token.startswith("\\") else _NAMES.get(token, token)
