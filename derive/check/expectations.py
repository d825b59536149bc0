r"""An expectation written with square brackets: ``E[X]``, ``E[X^2] - E[X]^2``, ``E_{x}[f(x)]``.

Probability notes write the mean of a random variable as ``E[X]``. The grammar
reads a capital E before a bracket as the name E times the bracket, so
``\mathrm{Var}(X) = E[X^2] - E[X]^2`` became E·X² − E·X² = 0 and a true
variance was called wrong. The checker has no random variables, so a row with
E right before a square bracket is refused with that reason (skipped), never
judged as a product. ``E = …``, ``E(w)`` (a function the notes define) and a
bracket after any other letter keep their readings.
"""
from __future__ import annotations

import re

from .latex_errors import refuse_match

#: E, \mathrm{E}, \operatorname{E}, \mathbf{E} (\mathbb{E} too), an optional subscript, then ``[``.
_EXPECTATION = re.compile(r"(?<![A-Za-z\\])(?:E|\\(?:mathrm|operatorname|mathbf|mathbb|text)\s*\{\s*E\s*\})"
                          r"(?:\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z]+))?\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\[")


def expectations_refused(latex: str) -> str:
    """``latex`` unchanged; :class:`LatexError` when it takes an expectation ``E[…]``."""
    return refuse_match(_EXPECTATION, latex, "an expectation E[…] of a random variable is not checked")
