r"""An inline span ``$= …$`` whose left side is said in the prose before it.

``the error $\hat y - y = 0.5$, so the gradient $= 0.5 \times 3 = 1.5$``: the
span starts with ``=``, so it read as a continuation of the chain before it,
``\hat y - y = 0.5 \times 3``, and was called wrong; a false ``= 0.5`` there
was passed the same way. The words between the two spans ("so the gradient")
name what the ``=`` is about; the checker cannot read them, so the span does
not continue the chain before it: it goes on from a barrier that says so
(chains.py skips its first link and checks the rest against each other).

Only inline spans (``$…$``, ``\(…\)``) are read so: a display row
``$$= …$$`` after a sentence ("which simplifies to") continues the display
before it, as notes write chains. Spans with only punctuation, list marks or
table bars before them (``| $\approx 0.62$ |``, a line ``$= …$`` under the
line before) keep continuing their chain.
"""
from __future__ import annotations

import re

#: Where the math before the span ended: a closing dollar or ``\)`` / ``\]``.
_MATH_END = re.compile(r"\$|\\\)|\\\]")
#: A word of two letters or more (any script: 따라서, 梯度 count).
_WORD = re.compile(r"[^\W\d_]{2,}")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def prose_head(text: str, start: int) -> str:
    """The words before the inline span whose math starts at ``start`` in ``text``
    (back to the math before it, within its paragraph), when they hold a word;
    "" for a display span, a span from plain-text math, or one with no words before it."""
    if start > len(text) or start < 1:
        return ""
    if text[start - 1] == "$":
        if start >= 2 and text[start - 2] == "$":
            return ""  # $$…$$: a display row
        opener = start - 1
    elif text[max(0, start - 2):start] == "\\(":
        opener = start - 2
    else:
        return ""
    before = text[:opener]
    paragraph = max((m.end() for m in _BLANK_LINE.finditer(before)), default=0)
    ends = [m.end() for m in _MATH_END.finditer(before, paragraph)]
    words = before[ends[-1] if ends else paragraph:]
    if not _WORD.search(words):
        return ""
    return " ".join(words.strip(" \t\n,;:").split())
