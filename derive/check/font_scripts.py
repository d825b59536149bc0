r"""A script written inside a calligraphic letter's braces: ``\mathcal{L^{(i)}}``.

TeX sets ``\mathcal{L^{(i)}}`` as a calligraphic L with the superscript (i),
as it sets ``\mathcal{L}^{(i)}``; notes write either. The reader knows only the
second (``\mathcal{L}`` is one name), so the closing brace is moved to just
after the letter: same length, and every other character stays where it was.
Only ``\mathcal`` and ``\mathscr`` (a name's font, never a vector's, unlike
``\mathbf``) with one letter and then ``_`` or ``^``.
"""
from __future__ import annotations

import re

from .layout import closing_brace

_FONT_SCRIPT = re.compile(r"\\(?:mathcal|mathscr)\s*\{\s*[A-Za-z](?=\s*[_^])")


def font_scripts_read(latex: str) -> str:
    """``latex`` with ``\\mathcal{L^{…}}`` as ``\\mathcal{L}^{…}`` (same length)."""
    if "\\math" not in latex:
        return latex
    chars = list(latex)
    for m in _FONT_SCRIPT.finditer(latex):
        close = closing_brace(latex, latex.index("{", m.start()))
        if close < 0:
            continue
        chars[m.end():close + 1] = ["}"] + chars[m.end():close]
    return "".join(chars)
