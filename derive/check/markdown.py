"""Markdown → math segments, each with the 1-based line it starts on.

Math is found in ``$…$``, ``$$…$$`` (one line or several), ``\\[…\\]``,
``\\\\[…\\\\]`` (as some static sites escape it), ``\\(…\\)``, bare
``\\begin{align}`` / ``equation`` / ``gather`` environments, GitHub's
```` ```math ```` fences, Hugo's ``{{< katex >}}…{{< /katex >}}`` shortcode,
``$`` alone on a line before and after a display (no blank line inside), and
``[`` / ``]`` on lines of their own (a display whose backslashes were lost);
other fenced code blocks are skipped. A line
``= $…$`` (the ``=`` written outside the math) is a row continuing a chain. Rows of
``cases`` and matrices stay in one segment. A block holding ``aligned`` /
``align`` rows (or ``\\\\`` row breaks) becomes one segment per row. A row
ending in ``=`` whose next row starts with ``=`` has that ``=`` blanked: the next
row continues its chain.

Every segment is a slice of the file with layout characters (``&``,
``\\begin{aligned}``) blanked to spaces, never removed: an offset inside a
segment is an offset in the file, so ``--fix`` can replace text in place.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .continued_rows import continues_row_above, display_goes_on
from .delimited import NextMatch, Work, paired_spans
from .image_formulas import image_math
from .myst_directives import directive_fences_blanked
from .markdown_escapes import escapes_read
from .tex_rows import rows_opened

#: Where a piece of math may begin: a line holding only "$" (tried before a dollar), a dollar, a
#: backslash, a line holding only "[", or Hugo's ``{{< katex >}}`` shortcode (``{{< katex display >}}``,
#: ``{{% katex %}}``).
_CANDIDATE = re.compile(r"^[ \t]*\$[ \t]*\n|[$\\]|^[ \t]*\[[ \t]*\n"
                        r"|\{\{[<%][ \t]*katex(?![A-Za-z/])[^{}\n]*?[>%]\}\}", re.MULTILINE)
_ENVIRONMENT_BEGIN = re.compile(r"\\begin\{(align\*?|equation\*?|gather\*?|aligned|eqnarray\*?|multline\*?)\}")
#: The closer each opener needs, searched for from the end of the opener.
_CLOSERS = {
    "display": re.compile(r"(?<!\\)\$\$"),
    "escaped": re.compile(r"\\\\\]"),
    "bracket": re.compile(r"\\\]"),
    "paren": re.compile(r"\\\)"),
    "square": re.compile(r"\n[ \t]*\][ \t]*$", re.MULTILINE),
    "square opener": re.compile(r"^[ \t]*\[[ \t]*$", re.MULTILINE),  # a "[" line before the "]" one: no pair
    "inline": re.compile(r"[$\n]"),
    "dollar line": re.compile(r"\n[ \t]*\$[ \t]*$", re.MULTILINE),
    "katex": re.compile(r"\{\{[<%][ \t]*/katex[ \t]*[>%]\}\}"),
}
_FENCE_OPEN = re.compile(r"^[ \t]*(```|~~~)", re.MULTILINE)
_MATH_FENCE_OPEN = re.compile(r"^[ \t]*(```|~~~)[ \t]*(?:math|\{math\})[ \t]*\n", re.MULTILINE)  # MyST's {math} too
_ROW_KEEPING_OPEN = re.compile(r"\\begin\s*\{\s*(?:cases|[bpvBV]?matrix|array)\s*\}")
_ROW_KEEPING_CLOSE = re.compile(r"\\end\s*\{\s*(?:cases|[bpvBV]?matrix|array)\s*\}")
_ENVIRONMENT = re.compile(
    r"\\(?:begin|end)\s*\{\s*(?:aligned|align\*?|split|gathered|gather\*?|equation\*?|eqnarray\*?)\s*\}"
)
_QUOTED_LINE = re.compile(r"[ \t]*>")
_BLOCKQUOTE_MARK = re.compile(r"(?<=\n)[ \t]*>")
#: Nothing but the end of one display and the start of the next (``$$\n$$``, ``\end{align}\n\begin{align}``).
_BETWEEN_DISPLAYS = re.compile(r"(?:\s|\$\$|\\\[|\\\]|\\(?:begin|end)\s*\{(?:align|equation|gather|multline|eqnarray)\*?\})*")
#: ``\\``, ``\\[4pt]``, and ``\\cr`` (a row end as Hugo pages escape TeX's ``\cr``); [^][]: no reading ahead past "["
_ROW_BREAK = re.compile(r"\\\\(?:\s*\[[^\]\[]*\]|\s*cr(?![A-Za-z]))?")


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


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    pieces, pos = [], 0
    for start, end in spans:
        pieces += [text[pos:start], " " * (end - start)]
        pos = end
    return "".join(pieces) + text[pos:]


def _fence_closer(fence: str, rest: str) -> tuple[str, re.Pattern]:
    return fence, re.compile(rf"^[ \t]*{re.escape(fence)}{rest}$", re.MULTILINE)


def math_segments(text: str, work: Work | None = None) -> list[Segment]:
    """All math segments of the Markdown ``text``, in reading order; ``work``,
    when given, counts the characters the scan read (linear in ``text``)."""
    work = Work() if work is None else work
    text = directive_fences_blanked(text)  # ```{prf:example} … ```: Markdown inside (myst_directives.py)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    fenced = [(start.end(), text[start.end():end.start()]) for start, end in
              paired_spans(text, _MATH_FENCE_OPEN, lambda m: _fence_closer(m.group(1), r"[ \t]*"), work)]
    code = paired_spans(text, _FENCE_OPEN, lambda m: _fence_closer(m.group(1), r"[^\n]*"), work)
    scan = _blank_spans(text, [(start.start(), end.end()) for start, end in code])  # offsets stay offsets
    found = [_with_leading_equals(text, line_starts, start, body)
             for start, body in sorted(_math_spans(scan, work) + fenced + image_math(scan))]  # image_formulas.py
    segments: list[Segment] = []
    for block, (start, body) in enumerate(found):
        body = escapes_read(_blank(body, _ENVIRONMENT))  # \_ and GitLab's $`…`$ (markdown_escapes.py)
        if _QUOTED_LINE.match(text, line_starts[bisect.bisect_right(line_starts, start) - 1]):
            body = _blank(body, _BLOCKQUOTE_MARK)  # a display inside a blockquote: "> " on each line
        body, breaks = rows_opened(body)  # \cr rows, a column of equations in a matrix (tex_rows.py)
        rows = _split_rows(body, work, breaks)
        last = None  # index in segments of this block's last row
        for offset, row in rows:
            if segments and continues_row_above(row) and (last is not None or _BETWEEN_DISPLAYS.fullmatch(
                    text, segments[-1].start + len(segments[-1].latex), start + offset)
                    and display_goes_on(segments[-1].latex)):
                # &+ 21 = 48, &&\hspace{1cm}\cdot x, or a display right after one: continued_rows.py
                seg = segments[-1]
                row = seg.latex + " " * (start + offset - seg.start - len(seg.latex)) + row.replace("&", " ")
                segments[-1] = Segment(seg.line, seg.start, row, seg.block)
                last = len(segments) - 1
                continue
            row = row.replace("&", " ")
            stripped = row.lstrip()
            if not stripped.strip():
                continue
            first = start + offset + len(row) - len(stripped)
            line = bisect.bisect_right(line_starts, first)
            segments.append(Segment(line, start + offset, row, block))
            last = len(segments) - 1
    return _dangling_equals_continued(segments)


#: A row's last ``=`` (``A = B =``), maybe followed by spacing; not ``:=``, ``<=``, ``==``.
_DANGLING_EQUALS = re.compile(r"(?<![:<>!=\\])=(?=\s*(?:\\(?:quad|qquad|nonumber|notag|[,;:!])(?![A-Za-z])\s*)*$)")


def dangling_equals_blanked(row: str) -> str | None:
    """``row`` with its last ``=`` blanked when it ends in one (``A = B =``), else None."""
    m = _DANGLING_EQUALS.search(row)
    return None if m is None else row[:m.start()] + " " + row[m.end():]


def _dangling_equals_continued(segments: list[Segment]) -> list[Segment]:
    """``$$A = B =$$`` then ``$$= C$$``: the next math row, which starts with
    ``=``, continues the chain; the trailing ``=`` is blanked so that ``A = B``
    is read, and the next row continues it. A trailing ``=`` before any other
    row stays (the row cannot be read)."""
    for k in range(len(segments) - 1):
        if segments[k + 1].latex.lstrip().startswith("="):
            blanked = dangling_equals_blanked(segments[k].latex)
            if blanked is not None and blanked.strip():
                segments[k] = Segment(segments[k].line, segments[k].start, blanked, segments[k].block)
    return segments


_EQUALS_BEFORE_MATH = re.compile(r"([ \t]*)=([ \t]*(?:\$\$?|\\\(|\\\[))")


def _with_leading_equals(text: str, line_starts: list[int], start: int, body: str) -> tuple[int, str]:
    """``= $-2x(y - wx)$`` on a line of its own: the ``=`` written before the
    math is part of it, so the row continues the chain above (the dollar
    between them is blanked; offsets stay offsets)."""
    if body.lstrip().startswith("="):
        return start, body
    line_start = line_starts[bisect.bisect_right(line_starts, start) - 1]
    before = _EQUALS_BEFORE_MATH.fullmatch(text, line_start, start)
    if before is None:
        return start, body
    equals = line_start + len(before.group(1))
    return equals, "=" + " " * (start - equals - 1) + body


def _math_spans(text: str, work: Work) -> list[tuple[int, str]]:
    """(offset, body) of each ``$…$``, ``$$…$$``, ``\\[…\\]``, ``\\\\[…\\\\]``,
    ``\\(…\\)``, environment and ``[``-line display in ``text``, left to right."""
    searches: dict[str, NextMatch] = {}

    def first(key: str, pos: int) -> re.Match | None:
        if key not in searches:
            pattern = _CLOSERS.get(key) or re.compile(r"\\end\{" + re.escape(key) + r"\}")
            searches[key] = NextMatch(pattern, text, work)
        return searches[key].at(pos)

    found, pos = [], 0
    for candidate in _CANDIDATE.finditer(text):
        work.characters += 1
        if candidate.start() < pos:
            continue
        span = _math_at(text, candidate, first)
        if span is not None:
            body_start, body_end, pos = span
            found.append((body_start, text[body_start:body_end]))
    return found


def _math_at(text: str, candidate: re.Match, first) -> tuple[int, int, int] | None:
    """(body start, body end, end) of the math that begins at ``candidate``, or None."""
    p = candidate.start()
    before = text[p - 1] if p else ""
    if candidate.group(0).startswith("{{"):  # {{< katex >}} … {{< /katex >}}
        close = first("katex", candidate.end())
        return None if close is None else (candidate.end(), close.start(), close.end())
    if candidate.group(0).endswith("\n") and candidate.group(0).strip() == "$":  # "$" alone on a line: a display
        line_start = text.rfind("\n", 0, p) + 1
        previous = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1:line_start]
        if len(re.findall(r"(?<!\\)\$", previous)) % 2:
            return None  # "$x = 1" on the line before: this "$" closes that math
        close = first("dollar line", candidate.end())
        if close is None or re.search(r"\n[ \t]*\n", text[candidate.end() - 1:close.start() + 1]):
            return None  # no closer, or a blank line before it: not one display
        return candidate.end(), close.start(), close.end()
    if candidate.group(0) not in ("$", "\\"):  # a line holding only "["
        close = first("square", candidate.end())
        if close is None:
            return None
        blocked = first("square opener", candidate.end())
        if blocked is not None and blocked.start() < close.start():
            return None
        return candidate.end(), close.start(), close.end()
    for opener, key in (("$$", "display"), ("\\\\[", "escaped"), ("\\[", "bracket"), ("\\(", "paren")):
        if text.startswith(opener, p):
            if key == "display" and before == "\\":
                return None
            close = first(key, p + len(opener))
            return None if close is None else (p + len(opener), close.start(), close.end())
    if text[p] == "\\":
        begin = _ENVIRONMENT_BEGIN.match(text, p)
        close = begin and first(begin.group(1), begin.end())
        return None if not close else (begin.end(), close.start(), close.end())
    if before in ("\\", "$"):
        return None
    close = first("inline", p + 1)  # one line, not empty, closed by an unescaped $
    if close is None or close.start() == p + 1 or close.group(0) == "\n" or text[close.start() - 1] == "\\":
        return None
    return p + 1, close.start(), close.end()


def _split_rows(body: str, work: Work, breaks: list[tuple[int, int]] = ()) -> list[tuple[int, str]]:
    """(offset, text) of each ``\\\\``-separated row of a math block; ``breaks``
    are more (start, end) spans that end a row (``\\cr``)."""
    rows, pos = [], 0
    kept = [(start.start(), end.end()) for start, end in  # rows of cases and matrices stay together
            paired_spans(body, _ROW_KEEPING_OPEN, lambda m: ("end", _ROW_KEEPING_CLOSE), work)]
    kept_starts = [a for a, _ in kept]
    for start, end in sorted({(m.start(), m.end()) for m in _ROW_BREAK.finditer(body)} | set(breaks)):
        k = bisect.bisect_right(kept_starts, start) - 1
        if (k >= 0 and start < kept[k][1]) or start < pos:
            continue
        rows.append((pos, body[pos:start]))
        pos = end
    rows.append((pos, body[pos:]))
    return rows
