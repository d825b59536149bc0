r"""``\Delta x``: the change of x, one name, as difference quotients
(``\frac{\Delta y}{\Delta x}``), limits (``\Delta x \to 0``) and updates
(``\Delta w = -\eta g``) write it.

Read letter by letter it is the product Δ·x, so Δy/Δx reads as y/x and every
difference quotient is called wrong (issue 9: a symbol read as a product of
letters). ``\Delta`` followed by a name (a letter or a Greek letter, after a
space or in braces) becomes the one name ``\Delta_x`` (same length: the space
or the braces make room for the ``_``). An increment the notes never define,
such as Δy beside a defined y, then puts different names on the two sides,
and the step is skipped with that reason instead of judged.

An increment with a subscript of its own (``\Delta w_1``) or written without
a gap (``\Delta\theta``) has no room for that, and ``\Delta xy`` may be the change
of x times y or the change of xy; such a row is refused with a
reason (skipped), never read as a product. A bare ``\Delta`` (a name of its
own: ``\Delta = b^2 - 4ac``) and ``\Delta(…)`` are left as they are."""
from __future__ import annotations

import re

from .latex_errors import LatexError

_GREEK = (r"alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|rho|"
          r"sigma|tau|upsilon|phi|varphi|chi|psi|omega")
_NAME = r"(?:\\(?:" + _GREEK + r")(?![A-Za-z])|[A-Za-z](?![A-Za-z]))"
#: ``\Delta`` (or ``Δ``), its gap (spaces, or nothing before a brace), then a name, maybe braced.
_INCREMENT = re.compile(r"(?P<delta>\\Delta(?![A-Za-z])|Δ)(?P<gap>\s*)"
                        r"(?:\{(?P<braced>\s*" + _NAME + r"\s*)\}|(?P<bare>" + _NAME + r")|(?P<word>[A-Za-z]{2,}))(?P<script>\s*_)?")


def increments_read(latex: str) -> str:
    """``latex`` with each increment ``\\Delta x`` written as the one name ``\\Delta_x``
    (same length); raises LatexError for an increment that cannot be written so."""
    def name(m: re.Match) -> str:
        delta = m.group("delta")
        if m.group("word") is not None:  # \Delta xy: the change of x times y, or of xy?
            raise LatexError(f"an increment of several letters ({' '.join(m.group(0).split())}) is not read",
                             m.start())
        if m.group("script") is not None:
            raise LatexError(f"an increment with a subscript ({' '.join(m.group(0).split())}…) is not read "
                             "(the change of one entry, or the entry of a change?)", m.start())
        if m.group("braced") is not None:  # \Delta{x} -> \Delta_x  : the braces make room
            inner = m.group("braced").strip()
            return delta + m.group("gap") + "_" + inner + " " * (len(m.group("braced")) + 1 - len(inner))
        if not m.group("gap"):
            if delta == "Δ":  # Δx: the Unicode letter is read as \Delta; "Δx" -> "Δ_x" needs one more place
                raise LatexError("an increment written Δx is not read as one name here", m.start())
            raise LatexError(f"an increment written without a gap ({m.group(0)}) is not read", m.start())
        return delta + "_" + m.group("gap")[1:] + m.group("bare")
    return _INCREMENT.sub(name, latex)
