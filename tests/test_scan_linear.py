"""The Markdown math scanner reads each part of the notes a bounded number
of times (issue 16): an opener with no closer (100 KB of ``\\[``) no longer
makes it read to the end once per opener. Work is counted, not timed: the
characters the scanner's searches read must stay within a constant times the
length of the notes, however the notes are built.

The scanner must find what the regular expressions it replaced found;
``_reference_segments`` below is that former scanner, kept as the oracle."""
from __future__ import annotations

import bisect
import re

import pytest
from hypothesis import example, given, settings, strategies as st

from derive.check.delimited import Work
from derive.check.markdown import Segment, math_segments
from derive.check.markdown_escapes import escapes_read
from derive.check.tex_rows import rows_opened

# ---- the former scanner (regular expressions, quadratic on unclosed openers) ----
_MATH = re.compile(
    r"(?<!\\)\$\$(?P<display>.*?)(?<!\\)\$\$"
    r"|\\\\\[(?P<escaped>.*?)\\\\\]"
    r"|\\\[(?P<bracket>.*?)\\\]"
    r"|\\\((?P<paren>.*?)\\\)"
    r"|\\begin\{(?P<envname>align\*?|equation\*?|gather\*?|aligned|eqnarray\*?|multline\*?)\}"
    r"(?P<environment>.*?)\\end\{(?P=envname)\}"
    r"|^[ \t]*\[[ \t]*\n(?P<square>(?:(?!^[ \t]*\[[ \t]*$).)*?)\n[ \t]*\][ \t]*$"
    r"|^[ \t]*\$[ \t]*\n(?P<dollarline>.*?)\n[ \t]*\$[ \t]*$"
    r"|\{\{[<%][ \t]*katex(?![A-Za-z/])[^{}\n]*?[>%]\}\}(?P<katex>.*?)\{\{[<%][ \t]*/katex[ \t]*[>%]\}\}"
    r"|(?<![\\$])\$(?P<inline>[^$\n]+?)(?<!\\)\$",
    re.DOTALL | re.MULTILINE,
)


def _math_matches(scan: str) -> list[re.Match]:
    """``_MATH``'s matches, left to right; a ``$``-line display is not one when a blank line
    comes before its closing line, or when the line before it holds an odd number of ``$``."""
    found, pos = [], 0
    while (m := _MATH.search(scan, pos)) is not None:
        if m.lastgroup == "dollarline":
            line_start = scan.rfind("\n", 0, m.start()) + 1
            previous = scan[scan.rfind("\n", 0, max(line_start - 1, 0)) + 1:line_start]
            body = scan[scan.index("\n", m.start()):m.end()]
            if len(re.findall(r"(?<!\\)\$", previous)) % 2 or re.search(r"\n[ \t]*\n", body):
                pos = m.start() + 1
                continue
        found.append(m)
        pos = m.end()
    return found


def _dangling_equals_continued(segments: list[Segment]) -> list[Segment]:
    """A row ending in ``=`` (not ``:=``, ``<=``, ``==``, ``\\=``) before a row starting with ``=``: blanked."""
    for k in range(len(segments) - 1):
        m = re.search(r"(?<![:<>!=\\])=\s*$", segments[k].latex)
        if m and segments[k + 1].latex.lstrip().startswith("=") and segments[k].latex[:m.start()].strip():
            latex = segments[k].latex[:m.start()] + " " + segments[k].latex[m.start() + 1:]
            segments[k] = Segment(segments[k].line, segments[k].start, latex, segments[k].block)
    return segments
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.DOTALL | re.MULTILINE)
_MATH_FENCE = re.compile(r"^[ \t]*(```|~~~)[ \t]*math[ \t]*\n(?P<fenced>.*?)^[ \t]*\1[ \t]*$",
                         re.DOTALL | re.MULTILINE)
_ROW_KEEPING = re.compile(r"\\begin\s*\{\s*(?:cases|[bpvBV]?matrix|array)\s*\}.*?"
                          r"\\end\s*\{\s*(?:cases|[bpvBV]?matrix|array)\s*\}", re.DOTALL)
_ENVIRONMENT = re.compile(
    r"\\(?:begin|end)\s*\{\s*(?:aligned|align\*?|split|gathered|gather\*?|equation\*?|eqnarray\*?)\s*\}")
_QUOTED_LINE = re.compile(r"[ \t]*>")
_BLOCKQUOTE_MARK = re.compile(r"(?<=\n)[ \t]*>")
_ROW_BREAK = re.compile(r"\\\\(?:\s*\[[^\]\[]*\])?")


def _blank(text, pattern):
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _reference_segments(text: str) -> list[Segment]:
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    fenced = [(m.start("fenced"), m.group("fenced")) for m in _MATH_FENCE.finditer(text)]
    scan = _blank(text, _FENCE)
    found = sorted([(m.start(m.lastgroup), m.group(m.lastgroup)) for m in _math_matches(scan)] + fenced)
    segments = []
    for block, (start, body) in enumerate(found):
        body = escapes_read(_blank(body, _ENVIRONMENT))  # what is done to a body once found is shared
        if _QUOTED_LINE.match(text, line_starts[bisect.bisect_right(line_starts, start) - 1]):
            body = _blank(body, _BLOCKQUOTE_MARK)
        body, breaks = rows_opened(body)
        rows, pos = [], 0
        kept = [m.span() for m in _ROW_KEEPING.finditer(body)]
        for brk_start, brk_end in sorted({m.span() for m in _ROW_BREAK.finditer(body)} | set(breaks)):
            if any(a <= brk_start < b for a, b in kept) or brk_start < pos:
                continue
            rows.append((pos, body[pos:brk_start]))
            pos = brk_end
        rows.append((pos, body[pos:]))
        for offset, row in rows:
            row = row.replace("&", " ")
            stripped = row.lstrip()
            if not stripped.strip():
                continue
            first = start + offset + len(row) - len(stripped)
            segments.append(Segment(bisect.bisect_right(line_starts, first), start + offset, row, block))
    return _dangling_equals_continued(segments)


# ---- pieces notes are made of, delimiters above all ----
PIECES = ["$", "$$", "\\", "\\[", "\\]", "\\\\[", "\\\\]", "\\(", "\\)", "\\begin{align}", "\\end{align}",
          "\\begin{aligned}", "\\end{aligned}", "\\begin{align*}", "\\end{align*}", "\\begin{equation}",
          "\\end{equation}", "[\n", "\n]\n", " [ \n", "\n", " ", "x", "a = b", "```\n", "```math\n", "~~~\n",
          "```python\n", "\\begin{cases}", "\\end{cases}", "\\begin{pmatrix}", "\\end{pmatrix}", "\\\\",
          "\\\\[2pt]", "&", "> ", "\\$", "{{< katex >}}", "{{< /katex >}}", "\n$\n"]
notes = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300)
@given(notes)
@example("$$a$$ $b$ \\[c\\] \\\\[d\\\\] \\(e\\) \\begin{align}f\\\\g\\end{align}\n[\nh\n]\n```math\ni\n```\n")
@example("[\n[\nx\n]\n")                         # a "[" line before the "]": the first "[" pairs with nothing
@example("\\$$a$$ $$\\$$ $x\\$ $")               # escaped dollars open and close nothing
@example("$$\\begin{cases}a\\\\b\\end{cases}\\\\c$$")  # rows of cases stay together
@example("```\n$a$\n```\n```math\nb\n```\n~~~\n$c$\n")
@example("x\n$\na = b\n$\n$x\n$\nc\n$\n")          # "$" lines: a display, then a "$" that closes "$x"
@example("$\n\na\n$\n{{< katex >}}a = b{{< /katex >}}")  # a blank line: no display; a katex shortcode
@example("$$a = b =$$\n$$= c$$\n$$d =$$ $$e$$")          # a trailing "=" continued by the next row only
@example("$$$$$$\\\n]\n$$")                             # a backslash before a line break is a control space
def test_the_linear_scanner_finds_what_the_regular_expressions_found(text):
    assert math_segments(text) == _reference_segments(text)


#: Notes of one repeated opener (or opener-like text) and nothing that closes it.
PATHOLOGICAL = ["\\[", "\\\\[", "\\(", "$$", "$", "$x", "```math\n", "\\begin{align}", "\\begin{equation}x",
                "\n$\n", "\n$\n\n", "{{< katex >}}",
                "[\n", "```\n~~~\n", "$$\\begin{cases}", "$$\\\\[", "\\\\[\\\\", "$\\$", "$$\\\\[x"]


#: Each kind of closer (a dozen) reads the notes at most once, and each candidate opener costs one.
PER_CHARACTER = 16


def _work(text: str) -> int:
    work = Work()
    math_segments(text, work)
    return work.characters


@pytest.mark.parametrize("piece", PATHOLOGICAL)
def test_the_scanner_reads_a_bounded_number_of_characters_per_character(piece):
    """200 KB of each: the former scanner read about n²/2 characters here."""
    text = piece * (200_000 // len(piece))
    assert _work(text) <= PER_CHARACTER * len(text)


@settings(max_examples=100)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join), st.integers(50, 400))
@example("\\[", 400)
@example("```math\n", 400)
def test_work_grows_linearly_with_the_notes_for_any_repeated_piece(unit, copies):
    """Twice the notes, at most about twice the work: a quadratic scanner doubles it twice."""
    once, twice = _work(unit * copies), _work(unit * (2 * copies))
    assert twice <= 2 * once + PER_CHARACTER * len(unit) + 64
    assert once <= PER_CHARACTER * len(unit * copies) + 64
