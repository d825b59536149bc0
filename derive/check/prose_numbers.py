"""Arithmetic written in prose, outside math and code → plain statements.

Notes often do small sums in running text or in a list item, with no ``$``:
``the degrees of freedom are 5-2=3``, ``- **cos(1.25)** ≈ 0.3153``,
``b0 = 100 - 0.417 * 300 = -25.1``. Only a run made of numbers alone is read,
and only when it is unmistakably arithmetic: two or more numeric expressions
joined by ``=`` or ``≈``, with an operator or a function (``sin``, ``cos``,
``tan``, ``ln``, ``exp``) in it, standing apart from the words around it.
Not read (the run is left alone, silently):

- a run touching a letter, a digit group or a sign that may belong to it
  (``3x3 = 9``, ``x_1 + 2 = 3``, ``2x + 1 = 7``'s ``1 = 7``, ``1,5 + 1 = 2,5``,
  ``50% = 0.5``, ``1.2.3``, ``2^{10}``);
- a run with a lone letter or an operator just before or after it (``3 x 4 + 1 = 13``,
  ``12 = 3 x 4``, ``= 6 m``): a times sign, a name or a unit goes on past the numbers;
- a run whose first expression is a bare number not after ``=``: a label
  (``step 1 = 0.5``), not a computation; after ``=`` it is a chain's next row;
- ``log`` (base 10 or e?), a constant ``e`` or ``π``, a name, a unit.

Only the links between numbers are claimed, so no name is defined or used, and
a later row starting with ``=`` never continues one of these (``claims.py``).
The runs go to ``plain_math.py`` as LaTeX, with their own blocks.
"""
from __future__ import annotations

import re

from .latex import parse_statement
from .markdown import math_segments

#: One number or a call of a function on a bracket, with an optional power.
_NUM = r"\d+(?:\.\d+)?"
_FUN = r"(?:sin|cos|tan|ln|exp)"
_INNER = r"[\d.\s+\-×·*/−^²³]"  # a bracket holds numbers and operators only: (a), (x), (2x) are not read
_ATOM = rf"(?:{_NUM}|{_FUN}?\((?:{_INNER}|\({_INNER}*\))*\))(?:\s*\^\s*(?:{_NUM}|\({_INNER}*\))|[²³])?"
_OP = r"\s*(?:[-+×·*/−]|\*\*)\s*"
_TERMS = rf"{_ATOM}(?:(?:{_OP}|(?=\())?{_ATOM})*"
_EXPR = rf"(?:[-−]\s*)?{_TERMS}"
_REL = r"\s*[=≈]\s*"
#: A chain of two or more numeric expressions (the first unsigned: ``- 10 - 6 = 4`` is a list
#: item); where it starts and ends is checked apart.
_RUN = re.compile(rf"{_TERMS}(?:{_REL}{_EXPR})+")
_LIST_MARK = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]*")
_LATIN = re.compile(r"[A-Za-zα-ωΑ-Ω_0-9]")
_BEFORE_OK = set(" \t([:|=≈,;>*") | {""}
_AFTER_OK = set(" \t)]:|*;,.!?") | {""}
_OPERATOR = re.compile(rf"[-+×·*/−^²³]|{_FUN}\(")
_HTML = re.compile(r"<[^<>\n]*>")
_CODE_SPAN = re.compile(r"`[^`\n]*`")


PROSE_BLOCKS = 4 * 10**6  # the block numbers of prose runs start here


def from_prose(block: int) -> bool:
    """Whether a segment of this block is a run read from prose (a row ``= …`` never continues it)."""
    return block >= PROSE_BLOCKS


def _masked(text: str, covered: list[tuple[int, int]]) -> str:
    """``text`` with math, code and HTML tags replaced by ``\\x00`` (same length)."""
    chars = list(text)
    spans = list(covered) + [(s.start, s.start + len(s.latex)) for s in math_segments(text)]
    spans += [m.span() for m in _HTML.finditer(text)] + [m.span() for m in _CODE_SPAN.finditer(text)]
    for a, b in spans:
        chars[a:b] = "\x00" * (b - a)
    masked = "".join(chars)
    return re.sub(r"\$+", lambda m: "\x00" * len(m.group()), masked)


def _stands_apart(line: str, start: int, end: int) -> bool:
    """Nothing glued to the run: a word, a digit, a sign or a bracket of something else."""
    before = line[start - 1] if start else ""
    after = line[end] if end < len(line) else ""
    non_latin = lambda c: c.isalpha() and not _LATIN.match(c) and ord(c) > 0x2E80  # 자유도는, 3이다
    if not (before in _BEFORE_OK or non_latin(before)) or not (after in _AFTER_OK or non_latin(after)):
        return False
    if after in ".,;:" and end + 1 < len(line) and line[end + 1].isdigit():
        return False  # 1,5 or 1.2.3: the run is part of a longer number
    right = line[end:].lstrip()  # a remark in brackets after it, "(with x = 0.3)", is prose
    if right and not re.match(r"\([^\W\d_]{2,}", right) and (right[0] in "-+×·*/−^(=≈<>\x00" or right[0].isdigit()
                                                          or re.match(r"[A-Za-z](?![A-Za-z])", right)):
        return False  # 12 = 3 x 4, = 3 * x, = 6 m: the run goes on in something it does not hold
    left = line[:start].rstrip()
    if _LIST_MARK.fullmatch(line[:start]):
        return True  # - 10 - 2 × 3 = 4: the dash marks a list item
    if left and (left[-1] in "-+×·*/−^.\x00" or left[-1].isdigit()):
        return False  # 2x + 1 = 7, 2**3 + 1: the run would be the tail of something longer
    if re.search(r"(?:^|[^A-Za-z])[A-Za-z]$", left):
        return False  # 3 x 4 + 1 = 13, a 2 + 1 = 3: a lone letter (a times sign, a name) before it
    return True


def _as_latex(run: str) -> str | None:
    """The LaTeX of a run, or None when the LaTeX reader does not take it whole."""
    latex = re.sub(r"\s+", " ", run.replace("−", "-"))
    latex = re.sub(rf"\^\s*({_NUM})", r"^{\1}", latex).replace("²", "^{2}").replace("³", "^{3}")
    latex = re.sub(r"\^\s*(\([^()]*\))", r"^{\1}", latex)
    latex = re.sub(rf"(?<![A-Za-z])({_FUN})\(", r"\\\1(", latex)
    latex = latex.replace("×", r" \times ").replace("·", r" \cdot ").replace("*", r" \cdot ")
    try:
        parse_statement(latex)
    except Exception:  # noqa: BLE001 - any refusal of the reader leaves the run unread
        return None
    return latex


def prose_runs(text: str, covered: list[tuple[int, int]]) -> list[tuple[int, str, int]]:
    """(offset, plain statement, block) of each numeric run in the prose of ``text``;
    ``covered`` are spans already read as code (fences)."""
    masked = _masked(text, covered)
    masked = re.sub(r"\*\*|__", lambda m: "  ", masked)  # **cos(1.25)** ≈ 0.3153: bold marks
    found, offset = [], 0
    for line in masked.split("\n"):
        at = 0
        while (m := _RUN.search(line, at)) is not None:
            run, at = m.group(), m.start() + 1  # a run refused here may hold one that stands apart
            if not _stands_apart(line, m.start(), m.end()) or not _OPERATOR.search(run):
                continue
            first = re.split(_REL, run)[0].strip()
            if re.fullmatch(_NUM, first) and not line[:m.start()].rstrip().endswith(("=", "≈")):
                continue  # step 1 = 0.5: a label, not a computation
            latex = _as_latex(run)
            if latex is not None:
                found.append((offset + m.start(), latex, PROSE_BLOCKS + len(found)))
            at = m.end()
        offset += len(line) + 1
    return found
