r"""A row whose left side is a quantity named in words: ``\text{odds ratio} = \frac{a}{b} = …``.

Words in ``\text{…}`` are blanked as prose before parsing (layout.py), so such
a row reads ``= \frac{a}{b} = …``: it looks like a continuation, and the
chain it continued was whatever came last, often a worked number paragraphs
earlier, against which the row is then judged "wrong". A name written in words
is a left side the checker cannot read, not a continuation: the row goes on
from a barrier that says so (chains.py skips the first link and checks the
rest against each other). Prose words alone (``\text{so} = …``) keep the row a
continuation.
"""
from __future__ import annotations

import re

from .layout import _PROSE

#: ``\text{odds ratio}`` (optionally with a subscript) just before the row's ``=`` (or ``&=``).
_WORDS_BEFORE_EQUALS = re.compile(
    r"\\(?:text|textrm|textit|textsf|mbox|mathrm|operatorname)\s*\{([^{}]*)\}"
    r"(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*&?\s*(?:=|\\approx)\s*$")


def worded_head(latex: str, first: int) -> str:
    """The words naming the left side of a row whose first expression starts at
    ``first`` in ``latex`` (``odds ratio``); "" when no name in words stands there."""
    m = _WORDS_BEFORE_EQUALS.search(latex[:first])
    if not m:
        return ""
    words = re.findall(r"[A-Za-z]+", m.group(1))
    if not words or all(w.lower() in _PROSE for w in words):
        return ""
    return " ".join(m.group(1).split())
