r"""A time or sample index in square brackets: ``w[t + 1]``, ``x[n]``, ``g[0]``.

Signal-processing and code-style notes write the t-th value of a sequence as
``w[t]``: ``w[t + 1] = w[t] - \eta\,g[t]``, ``s[2] = 7``. The grammar read a
name before a square bracket as a factor, so the update became
(t + 1)·w = t·w − η·g·t and the given value ``g[0] = 0.4`` became g·0 = 0.4,
and both were called wrong.

A name (one Latin or Greek letter, maybe under ``\hat``, ``\bar`` or ``\tilde``)
directly followed (no space) by a square bracket that holds an integer, an
index letter (i, j, k, l, m, n, t, τ) or such a letter plus or minus an integer, is
read as the name with that subscript: ``w[t + 1]`` is the name ``w_{t+1}``,
``g[0]`` is ``g_0`` (a distinct symbol per index, as subscripts are), so
the update is an assignment, as ``w_{t+1} = w_t - η g_t`` is. The two brackets
become private characters the grammar reads as a subscript's braces (same
length, so positions stay the notes' positions).

Two index letters (``x[n - k]``) are refused with that reason (the reader has
no subscript of two letters). Kept as they were: a number before a bracket
(``2[w - 1]``), a bracket holding anything else (``s[1 - s]``, ``x[x + 1]`` with
the name's own letter), ``E[X]`` (refused as an expectation first,
``expectations.py``), ``\sqrt[3]{x}`` and ``a^{[l]}`` (no bare letter before ``[``).
"""
from __future__ import annotations

import re

from .latex_errors import LatexError

#: Stand for the ``[`` and ``]`` of an index (``grammar.py`` reads them as a subscript's braces).
INDEX_OPEN, INDEX_CLOSE = "\ue006", "\ue007"

_LETTER = r"(?<![A-Za-z\\^_])(?!E\s*\[)(?P<letter>[A-Za-z])"
_GREEK = (r"\\(?P<greek>alpha|beta|gamma|delta|epsilon|varepsilon|eta|theta|lambda|mu|nu|xi|rho|phi|varphi|psi"
          r"|omega|Gamma|Theta|Lambda|Phi|Psi|Omega)(?![A-Za-z])")
_ACCENTED = r"\\(?:hat|bar|tilde)\s*\{\s*(?P<accented>[A-Za-z]|\\[A-Za-z]+)\s*\}"
_INDEX_LETTER = r"(?:[ijklmnt]|\\tau(?![A-Za-z]))"
#: A name, then at once ``[`` index ``]``: an integer, an index letter, or one plus or minus an integer.
_BRACKET_INDEX = re.compile(r"(?:" + _ACCENTED + "|" + _GREEK + "|" + _LETTER + r")(?P<open>\[)\s*"
                            r"(?P<index>\d+|" + _INDEX_LETTER + r"(?:\s*[+-]\s*\d+)?)\s*(?P<close>\])")
#: ``x[n - k]``: two index letters in one bracket after a name.
_TWO_LETTERS = re.compile(r"(?:" + _ACCENTED + "|" + _GREEK + "|" + _LETTER + r")\[\s*" + _INDEX_LETTER
                          + r"\s*[+-]\s*" + _INDEX_LETTER + r"\s*\]")


def bracket_indices_read(latex: str) -> str:
    """``latex`` with each ``name[index]`` bracket turned into subscript marks
    (same length); :class:`LatexError` for an index of two letters."""
    m = _TWO_LETTERS.search(latex)
    if m:
        raise LatexError(f"an index of two letters in square brackets ({' '.join(m.group(0).split())}) is not "
                         "read", m.start())

    def marked(m: re.Match) -> str:
        name = m.group("letter") or m.group("greek") or m.group("accented")
        index = m.group("index")
        if re.sub(r"[^A-Za-z\\]", "", index).lstrip("\\") == name.lstrip("\\"):
            return m.group(0)  # x[x + 1]: the name's own letter, a product
        text = m.group(0)
        cut = m.start("open") - m.start()
        close = m.start("close") - m.start()
        return text[:cut] + INDEX_OPEN + text[cut + 1:close] + INDEX_CLOSE + text[close + 1:]

    return _BRACKET_INDEX.sub(marked, latex)
