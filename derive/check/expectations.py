r"""An expectation written with square brackets: ``E[X]``, ``E[X^2] - E[X]^2``, ``E_{x}[f(x)]``.

Probability notes write the mean of a random variable as ``E[X]``. The grammar
reads a capital E before a bracket as the name E times the bracket, so
``\mathrm{Var}(X) = E[X^2] - E[X]^2`` became E·X² − E·X² = 0 and a true
variance was called wrong. The checker has no random variables, so a row with
E right before a square bracket is refused with that reason (skipped), never
judged as a product. ``E = …``, ``E(w)`` (a function the notes define) and a
bracket after any other letter keep their readings.

Round brackets too: ``E(X)``, ``E(X^2) - E(X)^2``, a capital letter (a random
variable) first inside, were read as a name E given a value (``E(X) = 3.5``, then
``E(Y) = 2`` redefined it, and ``E(X) + E(Y)`` was 2E). They are refused the same
way, unless that letter is an argument of a function E the notes define
(``E(W) = \frac{1}{2}\|W\|^2``: letter_functions.py says which); only for the rows of a
whole note (``round_expectations_refused``), whose definitions are known.
"""
from __future__ import annotations

import re

from .latex_errors import LatexError, refuse_match

#: E, \mathrm{E}, \operatorname{E}, \mathbf{E} (\mathbb{E} too), an optional subscript, then ``[``.
_EXPECTATION = re.compile(r"(?<![A-Za-z\\])(?:E|\\(?:mathrm|operatorname|mathbf|mathbb|text)\s*\{\s*E\s*\})"
                          r"(?:\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z]+))?\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\[")


def expectations_refused(latex: str) -> str:
    """``latex`` unchanged; :class:`LatexError` when it takes an expectation ``E[…]``."""
    return refuse_match(_EXPECTATION, latex, "an expectation E[…] of a random variable is not checked")


#: E (upright or bold as above) before a round bracket whose content starts with a capital letter, a
#: random variable; not W, the weights of an error E(W) in network notes.
_ROUND = re.compile(r"(?<![A-Za-z\\])(?:E|\\(?:mathrm|operatorname|mathbf|mathbb|text)\s*\{\s*E\s*\})"
                    r"(?:\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z]+))?\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\(\s*[(\[]?\s*(?P<variable>[A-VX-Z])(?![a-z])")


def round_expectations_refused(latex: str, e_params: frozenset[str] | None) -> str:
    """``latex`` unchanged; :class:`LatexError` when it takes an expectation ``E(X…)``: X is not
    an argument of a function E the notes define (``e_params``; None: not known, nothing refused)."""
    if e_params is None:
        return latex
    for m in _ROUND.finditer(latex):
        if m.group("variable") not in e_params:
            raise LatexError("an expectation E(…) of a random variable is not checked", m.start())
    return latex
