r"""``frac{1.05}{3.24}``: a fraction whose backslash was lost.

Notes typed quickly (or converted by a tool that ate backslashes) write ``$frac{a}{b}
\approx 0.33$``. The reader took ``frac`` for a name of four letters, so the row was
"an expression in frac, whose values the notes do not give" and a slip in it went unseen.

Read as a fraction only where no other reading is possible: ``frac`` (or ``dfrac``,
``tfrac``) not glued to a letter or a backslash before it, followed at once by two
brace groups. It is rewritten in place, same length, as ``((a)/(b))`` (a space
before). A derivative written that way (``frac{d}{dx}``, ``frac{\partial L}{\partial w}``)
is left as it was: as brackets it would no longer be an operator.
"""
from __future__ import annotations

import re

from .layout import closing_brace

_BARE_FRAC = re.compile(r"(?<![\\A-Za-z])[dt]?frac\s*\{")
#: A numerator that makes the fraction an operator (d/dx, ∂/∂w): not rewritten.
_DIFFERENTIAL = re.compile(r"\s*(?:d(?![A-Za-z])|d\s*[A-Za-z\\]|\\partial|∂|\\mathrm\s*\{\s*d\s*\}|\\text\s*\{\s*d\s*\})")


def bare_fracs_read(latex: str) -> str:
    """``latex`` with each backslash-less ``frac{a}{b}`` written ``((a)/(b))`` (same length)."""
    if "frac" not in latex:
        return latex
    for m in reversed(list(_BARE_FRAC.finditer(latex))):
        top_open = m.end() - 1
        top_close = closing_brace(latex, top_open)
        if top_close < 0:
            continue
        gap = re.match(r"\s*\{", latex[top_close + 1:])
        if not gap:
            continue
        bottom_open = top_close + gap.end()
        bottom_close = closing_brace(latex, bottom_open)
        if bottom_close < 0 or _DIFFERENTIAL.match(latex, top_open + 1):
            continue
        head = " " * (top_open - m.start() - 3) + "(("  # frac{ is five characters, ((…)/(…)) takes three more
        middle = ")/" + " " * (bottom_open - top_close - 1) + "("
        latex = (latex[:m.start()] + head + latex[top_open + 1:top_close] + middle
                 + latex[bottom_open + 1:bottom_close] + "))" + latex[bottom_close + 1:])
    return latex
