r"""Two equations set side by side in one formula: ``g(t) = t^2 \quad \text{where} \quad t = s + 1``.

Layout and prose are blanked to spaces before parsing (layout.py), so the
formula above reads ``g(t) = t^2 t = s + 1``: the two sides that meet at the
gap become one product (t²·t) and a chain runs through both equations. When a
gap made only of space (``\quad``, ``\qquad``) and the words "where", "with"
or "and" stands, outside any bracket, between an equation and another
equation, it separates them as a comma does: each is read on its own. A gap
that holds any other word (``\text{for } x = 1`` states a condition, not a
definition), or that a row break, an operator or a relation touches, is left as
it is.
"""
from __future__ import annotations

import re

from .latex_errors import LatexError
from .layout import _PROSE as _PROSE_WORDS

_WORD = r"(?:where|with|and)"
#: One part of a gap: space commands, a comma, the joining words (in ``\text{…}`` or bare).
_PART = (r"\\q?quad(?![A-Za-z])|\\[,;: ]|~|,|\s+"
         rf"|\\(?:text|textrm|mathrm|mbox)\s*\{{\s*(?:,\s*)?{_WORD}\s*(?:,\s*)?\}}"
         rf"|(?<![\\A-Za-z]){_WORD}(?![A-Za-z])")
_GAP = re.compile(rf"(?:{_PART})+")
_JOINING = re.compile(rf"\\q?quad(?![A-Za-z])|{_WORD}")
_OPERATOR_END = re.compile(r"(?:[+\-*/=<>&^_]|\\(?:cdot|times|pm|mp|approx|leq?|geq?|neq))\s*$")
_OPERATOR_START = re.compile(r"\s*(?:[+\-*/=<>&^_)\]}]|\\(?:cdot|times|pm|mp|approx|leq?|geq?|neq|right)(?![A-Za-z]))")
#: Other words next to the gap (``\text{for } x = 1``, ``\text{if}``): a condition, not a second equation.
_WORDS_NEXT = re.compile(r"\s*(?:\\(?:text|textrm|mathrm|mbox|forall|exists)(?![A-Za-z])"
                         r"(?!\s*\{\s*[A-Za-z]+[0-9]*\s*\}\s*(?:['′]\s*)*\()"  # \mathrm{relu}'(z): a function, not words
                         r"|(?:for|if|when|all|each|every"
                         r"|otherwise|else|some|any)(?![A-Za-z]))")
_WORDS_BEFORE = re.compile(r"\\(?:text|textrm|mathrm|mbox)\s*\{[^{}]*\}\s*$")
#: ``i = 1``, ``k = 0``: an index given a value (the range of a sum), not an equation.
_INDEX_SET = re.compile(r"\s*[ijkn]\s*=")
_RELATION = re.compile(r"(?<![<>!\\])=|\\approx(?![A-Za-z])")


def _depths(latex: str) -> list[int]:
    """The bracket depth before each character (``\\{`` and ``\\}`` are not brackets)."""
    depth, out = 0, []
    for i, ch in enumerate(latex):
        out.append(depth)
        if i > 0 and latex[i - 1] == "\\":
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
    return out


def _has_relation(text: str, depths: list[int], offset: int) -> bool:
    return any(depths[offset + m.start()] == 0 for m in _RELATION.finditer(text))


def equations_apart(latex: str) -> str:
    """``latex`` with each gap that joins two equations replaced by a comma and
    spaces (same length), so the parser reads two statements."""
    depths = _depths(latex)
    out = latex
    for m in _GAP.finditer(latex):
        gap = m.group(0)
        inside_break = latex[m.start() - 1:m.start()] == "\\"  # the second \ of a row break \\
        if not _JOINING.search(gap) or depths[m.start()] != 0 or "\\\\" in gap or inside_break:
            continue
        row_start = latex.rfind("\\\\", 0, m.start())
        row_start = 0 if row_start < 0 else row_start + 2
        row_end = latex.find("\\\\", m.end())
        row_end = len(latex) if row_end < 0 else row_end
        before, after = latex[row_start:m.start()], latex[m.end():row_end]
        if not before.strip() or not after.strip() or _OPERATOR_END.search(before) or _OPERATOR_START.match(after):
            continue
        if not (_has_relation(before, depths, row_start) and _has_relation(after, depths, m.end())):
            continue
        if _WORDS_NEXT.match(after) or _WORDS_BEFORE.search(before) or _INDEX_SET.match(after):
            continue
        out = out[:m.start()] + "," + " " * (len(gap) - 1) + out[m.end():]
    return _worded_joins(out, depths)


#: "and" in the languages of the notes: a word in ``\text{…}`` that joins two equations like a comma.
_AND = {"et", "und", "y", "e", "i", "ve", "dan", "và", "и", "oraz", "og", "och", "en", "ja", "ed",
        "且", "和", "及", "与", "並且", "并且", "그리고", "및", "かつ", "および", "また"}
_TEXT = re.compile(r"\\(?:text|textrm|mbox)\s*\{([^{}]*)\}")
_LETTER = re.compile(r"[^\W\d_]")


def _worded_joins(latex: str, depths: list[int]) -> str:
    r"""Words in ``\text{…}`` between two equations of a row, in any language
    (``E(X_i) = E(X) \text{ et } V(X_i) = V(X)``): blanked, they would join the
    sides next to them into one product. "And" separates the equations as a
    comma does; any other word (a condition, "therefore", …) leaves the row
    unread, with the reason. English prose words are left to the rules above,
    and ``\text{MSE}`` (one word, no spaces, ASCII) is a name."""
    out = latex
    for m in _TEXT.finditer(latex):
        words = m.group(1)
        plain = words.strip().strip(",;:").strip()
        if depths[m.start()] != 0 or not _LETTER.search(plain) or plain.lower() in _PROSE_WORDS:
            continue
        if words == words.strip() and plain.isascii() and plain.lower() not in _AND:
            continue  # \text{MSE}, \text{ReLU}: a name
        row_start = latex.rfind("\\\\", 0, m.start())
        row_start = 0 if row_start < 0 else row_start + 2
        row_end = latex.find("\\\\", m.end())
        row_end = len(latex) if row_end < 0 else row_end
        if not (_has_relation(latex[row_start:m.start()], depths, row_start)
                and _has_relation(latex[m.end():row_end], depths, m.end())):
            continue
        if plain.lower() in _AND:
            out = out[:m.start()] + "," + " " * (m.end() - m.start() - 1) + out[m.end():]
            continue
        raise LatexError(f"words between two relations (\\text{{{words}}}): how they join the equations is not read",
                         m.start())
    return out
