"""Markdown → math segments, each with the 1-based line it starts on.

Math is found in ``$…$``, ``$$…$$`` (one line or several), ``\\[…\\]``,
``\\\\[…\\\\]`` (as some static sites escape it), ``\\(…\\)``, bare
``\\begin{align}`` / ``equation`` / ``gather`` environments, GitHub's
```` ```math ```` fences and ``[`` / ``]`` on lines of their own (a display
whose backslashes were lost); other fenced code blocks are skipped. Rows of
``cases`` and matrices stay in one segment. A block holding ``aligned`` /
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
    r"|\\\\\[(?P<escaped>.*?)\\\\\]"
    r"|\\\[(?P<bracket>.*?)\\\]"
    r"|\\\((?P<paren>.*?)\\\)"
    r"|\\begin\{(?P<envname>align\*?|equation\*?|gather\*?|aligned|eqnarray\*?|multline\*?)\}"
    r"(?P<environment>.*?)\\end\{(?P=envname)\}"
    r"|^[ \t]*\[[ \t]*\n(?P<square>(?:(?!^[ \t]*\[[ \t]*$).)*?)\n[ \t]*\][ \t]*$"
    r"|(?<![\\$])\$(?P<inline>[^$\n]+?)(?<!\\)\$",
    re.DOTALL | re.MULTILINE,
)
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.DOTALL | re.MULTILINE)
_MATH_FENCE = re.compile(r"^[ \t]*(```|~~~)[ \t]*math[ \t]*\n(?P<fenced>.*?)^[ \t]*\1[ \t]*$",
                         re.DOTALL | re.MULTILINE)
_ROW_KEEPING = re.compile(r"\\begin\s*\{\s*(?:cases|[bpvBV]?matrix|array)\s*\}.*?\\end\s*\{\s*(?:cases|[bpvBV]?matrix|array)\s*\}",
                          re.DOTALL)
_ENVIRONMENT = re.compile(
    r"\\(?:begin|end)\s*\{\s*(?:aligned|align\*?|split|gathered|gather\*?|equation\*?|eqnarray\*?)\s*\}"
)
_QUOTED_LINE = re.compile(r"[ \t]*>")
_BLOCKQUOTE_MARK = re.compile(r"(?<=\n)[ \t]*>")
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
    fenced = [(m.start("fenced"), m.group("fenced")) for m in _MATH_FENCE.finditer(text)]
    scan = _blank(text, _FENCE)  # same length: offsets stay offsets in ``text``
    found = sorted([(m.start(m.lastgroup), m.group(m.lastgroup)) for m in _MATH.finditer(scan)] + fenced)
    segments: list[Segment] = []
    for block, (start, body) in enumerate(found):
        body = _blank(body, _ENVIRONMENT)
        if _QUOTED_LINE.match(text, line_starts[bisect.bisect_right(line_starts, start) - 1]):
            body = _blank(body, _BLOCKQUOTE_MARK)  # a display inside a blockquote: "> " on each line
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
    kept = [m.span() for m in _ROW_KEEPING.finditer(body)]  # rows of cases and matrices stay together
    for brk in _ROW_BREAK.finditer(body):
        if any(a <= brk.start() < b for a, b in kept):
            continue
        rows.append((pos, body[pos:brk.start()]))
        pos = brk.end()
    rows.append((pos, body[pos:]))
    return rows
