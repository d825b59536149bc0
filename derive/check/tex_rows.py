r"""Rows of equations that TeX sets in other ways than ``aligned`` with ``\\``.

Real notes write a list of equations

* with plain TeX's row end ``\cr`` instead of ``\\`` (``\sum_i y_i &= … \cr``):
  outside braces it ends a row, as ``\\`` does (inside braces it belongs to a
  plain-TeX ``\matrix{…}`` and is left alone); LaTeX's ``\newline`` (``y = f(x)
  \newline f(x) = \sqrt{x}``, one equation a line in ``eqnarray`` or ``$$``)
  is read the same way;
* as a column set in a matrix, ``cases`` or ``array`` environment, the way
  ``eqnarray`` aligns them (``a_0 &=& \frac{3}{7} &\approx& 0.42857 \\``), or
  with a brace drawn beside a system (``\left. \begin{matrix} a = … \cr b = …
  \end{matrix} \right\}``). Such an environment is not a matrix and not a
  piecewise definition: every one of its rows is an equation (a relation
  ``=`` or ``\approx`` outside braces), and every ``&`` in a row sits next to a
  relation or an operator (``&=&``, ``&+&``, ``&= …``), so the cells joined are
  the row as written. A row whose ``&`` separates two things with nothing
  between them (``x & \text{if } x > 0``, ``1 & 2``) keeps the environment as
  it was (a piecewise definition, a matrix). A ``cases`` whose rows give one
  name two values (``y = 1 \\ y = 0``) lists alternatives and stays as it was.

An environment read as such a column has its ``\begin{…}``/``\end{…}`` (and a
``\left.``/``\right\}`` drawn around it) blanked, and each of them ends a row:
the equations are rows of their own, like ``aligned`` rows. It is opened only
where it stands alone (at the start of the math or of a row, maybe after a
size or style command such as ``\Large``, or after an arrow; before the end, a row end, an arrow or a ``\tag``), never as a side of
an equation (``f(x) = \begin{cases} …``).

A ``\boxed{…}`` (``\fbox{…}``) drawn around a whole aligned block has its brace
in the first row and its closing brace in the last: both are blanked before
the rows are cut (inside one row ``layout.py`` blanks them).

A backslash before the end of a line is TeX's control space (``\\\`` at the end
of a row: the row end, then a space), not a row of its own: it is blanked.

Blanking keeps every offset an offset in the notes (``markdown.py``).
"""
from __future__ import annotations

import bisect
import re

from .layout import closing_brace

_ENV = re.compile(r"\\(begin|end)\s*\{\s*(cases|[bpvBV]?matrix|smallmatrix|array)\s*\}")
#: An odd backslash at the end of a line: ``\\\`` is a row end and then a control space.
_CONTROL_SPACE = re.compile(r"(?<!\\)((?:\\\\)*)\\(?=[ \t]*\r?\n)")
#: A box or a colour (``\\color{#1F618D}{``) drawn around rows: opened when its braces hold a row end.
_BOX = re.compile(r"\\(?:boxed|fbox|(?:text)?color\s*\{\s*#?[A-Za-z0-9!.,\s]*\})\s*\{")
_ARRAY_SPEC = re.compile(r"\s*\{[^{}]*\}")
_CR = re.compile(r"\\(?:cr|newline)(?![A-Za-z])")
_ROW_END = re.compile(r"\\\\(?:\s*\[[^\]\[]*\]|\s*cr(?![A-Za-z]))?|\\(?:cr|newline)(?![A-Za-z])")
_LEFT = re.compile(r"\\(?:left|bigl|Bigl|biggl|Biggl)\s*(?:\\\{|\\lbrace(?![A-Za-z])|[.(\[])\s*$")
_RIGHT = re.compile(r"\s*\\(?:right|bigr|Bigr|biggr|Biggr)\s*(?:\\\}|\\rbrace(?![A-Za-z])|[.)\]])")
_ARROW = re.compile(r"(?:\\(?:Rightarrow|implies|therefore|to|Longrightarrow|longrightarrow|iff)|⇒|→|∴)\s*$")
_ARROW_AFTER = re.compile(r"\s*(?:\\(?:Rightarrow|implies|therefore|to|Longrightarrow|longrightarrow|iff)(?![A-Za-z])|⇒|→|∴)")
_TAG_AFTER = re.compile(r"\s*\\tag\*?\s*\{[^{}]*\}")
#: Commands that set only the style or size of what follows (``\Large \begin{array}{rcl}``): not visible.
_STYLE = re.compile(r"\\(?:displaystyle|textstyle|scriptstyle|tiny|scriptsize|footnotesize|small|normalsize"
                    r"|large|Large|LARGE|huge|Huge)(?![A-Za-z])")
#: A relation that makes a row an equation.
_RELATION = re.compile(r"(?<![<>!:\\])=(?!=)|\\approx(?![A-Za-z])|≈")
#: What may stand at either side of an ``&`` of an equation row: a relation or a binary operator.
_OPERATOR_END = re.compile(r"(?:=|\\approx|≈|\+|-|−|\\cdot|\\times|\\pm|\\mp)\s*$")
_OPERATOR_START = re.compile(r"\s*(?:=|\\approx(?![A-Za-z])|≈|\+|-|−|\\cdot(?![A-Za-z])|\\times(?![A-Za-z])|\\pm|\\mp)")
#: Relations that make a row a condition or an inequality, never one to open.
#: (Text in math, ``\\text{ if }``, is prose; a single letter in text, ``^\\text{T}``, is a transpose mark.)
_OTHER_RELATION = re.compile(r"\\(?:neq|ne|leq?|geq?|lt|gt|in|notin|quad|qquad|if|otherwise)(?![A-Za-z])|[<>≤≥≠]"
                             r"|\\(?:text|mbox|textrm)(?![A-Za-z])(?!\s*\{\s*[A-Za-z]?\s*\})")


def _depths(text: str) -> list[int]:
    """The brace depth before each character of ``text`` (``\\{`` is not a brace)."""
    out, depth = [], 0
    for i, ch in enumerate(text):
        out.append(depth)
        if ch in "{}" and not (i and text[i - 1] == "\\"):
            depth = max(depth + (1 if ch == "{" else -1), 0)
    return out


def _top_level_cuts(text: str, pattern: re.Pattern, depths: list[int]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text) if depths[m.start()] == 0]


def _cells(row: str) -> list[str]:
    depths, cells, pos = _depths(row), [], 0
    for i, ch in enumerate(row):
        if ch == "&" and depths[i] == 0 and not (i and row[i - 1] == "\\"):
            cells.append(row[pos:i])
            pos = i + 1
    return cells + [row[pos:]]


def _equation_row(row: str) -> bool:
    """Whether a row of an environment is one equation whose ``&`` are alignment only."""
    depths = _depths(row)
    if _OTHER_RELATION.search(row) or not any(depths[m.start()] == 0 for m in _RELATION.finditer(row)):
        return False
    cells = _cells(row)
    return all(_OPERATOR_END.search(left) or _OPERATOR_START.match(right)
               for left, right in zip(cells, cells[1:]))


def _a_head_repeats(rows: list[str]) -> bool:
    """Whether two rows have the same left side (``y = 1``, ``y = 0``)."""
    heads = [" ".join(_RELATION.split(r.replace("&", " "), 1)[0].split()) for r in rows]
    heads = [h for h in heads if h]
    return len(heads) != len(set(heads))


def _rows(inner: str) -> list[str]:
    depths = _depths(inner)
    rows, pos = [], 0
    for start, end in _top_level_cuts(inner, _ROW_END, depths):
        rows.append(inner[pos:start])
        pos = end
    rows.append(inner[pos:])
    return [r for r in rows if r.strip() and r.strip() != "\\hline"]


def _environments(body: str) -> list[tuple[re.Match, re.Match]]:
    """(begin, end) of each row-keeping environment not nested in another one."""
    pairs, stack = [], []
    for m in _ENV.finditer(body):
        if m.group(1) == "begin":
            stack.append(m)
        elif stack and stack[-1].group(2) == m.group(2):
            begin = stack.pop()
            if not stack:
                pairs.append((begin, m))
        else:
            return pairs  # unbalanced: leave the rest alone
    return pairs


class _Row:
    """Where rows end and where the visible characters are in one display, found once
    (each question about an environment is then a bisection: linear in the display)."""

    def __init__(self, body: str, depths: list[int]) -> None:
        self.body = body
        self.cut_ends = [e for _, e in _top_level_cuts(body, _ROW_END, depths)]
        shown = _STYLE.sub(lambda m: " " * len(m.group(0)), body)  # \Large \begin{array}: still alone
        self.visible = [m.start() for m in re.finditer(r"\S", shown)]

    def first_visible(self, start: int, stop: int) -> int | None:
        k = bisect.bisect_left(self.visible, start)
        return self.visible[k] if k < len(self.visible) and self.visible[k] < stop else None

    def alone(self, begin: re.Match, end: re.Match) -> tuple[int, int] | None:
        """The span to blank around the environment (with ``\\left.``/``\\right\\}``)
        when it stands alone in its row, else None."""
        body = self.body
        left = _LEFT.search(body, max(0, begin.start() - 24), begin.start())
        start = left.start() if left else begin.start()
        row_start = self.cut_ends[bisect.bisect_right(self.cut_ends, start) - 1] if self.cut_ends and \
            self.cut_ends[0] <= start else 0
        if self.first_visible(row_start, start) is not None and not _ARROW.search(body, max(row_start, start - 24), start):
            return None
        right = _RIGHT.match(body, end.end())
        stop = right.end() if right else end.end()
        tag = _TAG_AFTER.match(body, stop)
        after = self.first_visible(tag.end() if tag else stop, len(body))
        if after is None or _ARROW_AFTER.match(body, after) or _ROW_END.match(body, after):
            return start, stop
        if body[after] in ".,;" and self.first_visible(after + 1, len(body)) is None:
            return start, stop
        return None


def _boxes_opened(body: str) -> str:
    """``body`` with each box whose braces hold a row end blanked, box and braces (same length)."""
    found = list(_BOX.finditer(body))
    if not found:
        return body
    chars = list(body)
    for m in found:
        close = closing_brace(body, m.end() - 1)
        if close > 0 and _ROW_END.search(body, m.end(), close):
            chars[m.start():m.end()] = " " * (m.end() - m.start())
            chars[close] = " "
    return "".join(chars)


def rows_opened(body: str) -> tuple[str, list[tuple[int, int]]]:
    r"""``body`` (one display's math) with each column of equations opened (its
    environment markers blanked, same length), and the spans that end a row
    besides ``\\``: every ``\cr`` outside braces and the blanked markers."""
    body = _boxes_opened(_CONTROL_SPACE.sub(lambda m: m.group(1) + " ", body))
    depths = _depths(body)
    breaks = _top_level_cuts(body, _CR, depths)
    chars, rows_of = None, _Row(body, depths)
    for begin, end in _environments(body):
        inner_start = begin.end()
        if begin.group(2) == "array":
            spec = _ARRAY_SPEC.match(body, inner_start)
            inner_start = spec.end() if spec else inner_start
        rows = _rows(body[inner_start:end.start()])
        if not rows or not all(_equation_row(r) for r in rows):
            continue
        if begin.group(2) == "cases" and _a_head_repeats(rows):
            continue  # y = 1 \\ y = 0 in cases: alternatives, not a list of results
        around = rows_of.alone(begin, end) if depths[begin.start()] == 0 else None
        if around is None:
            continue
        chars = chars if chars is not None else list(body)
        for a, b in ((around[0], inner_start), (end.start(), around[1])):
            for i in range(a, b):
                if chars[i] != "\n":
                    chars[i] = " "
            breaks.append((a, b))
    return ("".join(chars) if chars is not None else body), sorted(set(breaks))

