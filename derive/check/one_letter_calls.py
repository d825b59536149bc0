r"""``p(x_k)``: the function p at x_k, or the product p·x_k?

The reader takes a lower-case letter other than f, g, h before a bracket as a
factor, which is right for ``w(x + 1)``.  Around a single name, though —
``p(x_k)``, ``q(x)``, ``a(\hat{y})`` — notes nearly always mean a function they
named in words ("p(x_i) is the softmax of x_i").  Read as a product such a step
can come out wrong when it is right, so a "wrong" verdict on a step that holds
one is not kept unless the notes define the letter as a value.

A Greek letter other than σ (which is read as the logistic function) applied to
one name is the same case: ``\Theta(z) = \frac{1}{1 + e^{-z}}`` names the
function Θ, ``\phi(x_i)`` is a feature map at x_i."""
from __future__ import annotations

import re

from .greek_names import normalize_name

#: one name in brackets (maybe hatted, subscripted).
_ONE_NAME = r"\s*\(\s*(?:\\(?:hat|bar|tilde)\s*\{\s*)?\\?[A-Za-z]+\s*\}?\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*\)"
#: a letter, not part of a word or a command, applied to one name.
_CALL = re.compile(r"(?<![A-Za-z\\])([a-df-z])" + _ONE_NAME)
_FUNCTIONS = frozenset("fgh")
#: a Greek letter (as a command or a Unicode letter), not σ, applied to one name as above.
_GREEK_CALL = re.compile(
    r"(?<![A-Za-z\\])(?:\\(alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu"
    r"|xi|rho|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Phi|Psi|Omega)(?![A-Za-z])"
    r"|([α-ρτ-ωΓΔΘΛΞΦΨΩ]))" + _ONE_NAME)


def undefined_call(latex: str, defined: frozenset) -> str:
    """The first ``p(x)`` in ``latex`` whose letter ``defined`` (the names the notes
    define) does not hold, as written; "" when there is none."""
    for match in _CALL.finditer(latex):
        if match.group(1) not in _FUNCTIONS and match.group(1) not in defined:
            return " ".join(match.group(0).split())
    for match in _GREEK_CALL.finditer(latex):
        if normalize_name(match.group(1) or match.group(2)) not in defined:
            return " ".join(match.group(0).split())
    return ""
