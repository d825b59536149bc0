"""Markdown → math segments, each with the 1-based line it starts on.

Math is found in ``$…$``, ``$$…$$`` (one line or several), ``\\[…\\]`` and
``\\(…\\)``; fenced code blocks are skipped. A block holding ``aligned`` /
``align`` rows (or ``\\\\`` row breaks) becomes one segment per row.

Every segment is a slice of the file with layout characters (``&``,
``\\begin{aligned}``) blanked to spaces, never removed: an offset inside a
segment is an offset in the file, so ``--fix`` can replace text in place.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_MATH = re.compile(
    r"(?<!\\)\$\$(?P<display>.*?)(?<!\\)\$\$"
    r"|\\\[(?P<bracket>.*?)\\\]"
    r"|\\\((?P<paren>.*?)\\\)"
    r"|(?<![\\$])\$(?P<inline>[^$\n]+?)(?<!\\)\$",
    re.DOTALL,
)
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.DOTALL | re.MULTILINE)
_ENVIRONMENT = re.compile(
    r"\\(?:begin|end)\s*\{\s*(?:aligned|align\*?|split|gathered|gather\*?|equation\*?|eqnarray\*?)\s*\}"
)
_ROW_BREAK = re.compile(r"\\\\(?:\s*\[[^\]]*\])?")


@dataclass(frozen=True)
class Segment:
    """One piece of math: ``latex`` is ``text[start:start + len(latex)]`` with
    layout blanked; ``line`` is where its first visible character is."""

    line: int
    start: int
    latex: str
    block: int


def _blank(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def math_segments(text: str) -> list[Segment]:
    """All math segments of the Markdown ``text``, in reading order."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    scan = _blank(text, _FENCE)  # same length: offsets stay offsets in ``text``
    segments: list[Segment] = []
    for block, match in enumerate(_MATH.finditer(scan)):
        kind = match.lastgroup
        start, body = match.start(kind), match.group(kind)
        body = _blank(body, _ENVIRONMENT)
        rows = _split_rows(body)
        for offset, row in rows:
            row = row.replace("&", " ")
            stripped = row.lstrip()
            if not stripped.strip():
                continue
            first = start + offset + len(row) - len(stripped)
            line = bisect.bisect_right(line_starts, first)
            segments.append(Segment(line, start + offset, row, block))
    return segments


def _split_rows(body: str) -> list[tuple[int, str]]:
    """(offset, text) of each ``\\\\``-separated row of a math block."""
    rows, pos = [], 0
    for brk in _ROW_BREAK.finditer(body):
        rows.append((pos, body[pos:brk.start()]))
        pos = brk.end()
    rows.append((pos, body[pos:]))
    return rows
