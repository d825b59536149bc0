"""Plain-text math (no LaTeX) in code spans and untagged code blocks → LaTeX segments.

Students often write a derivation as plain lines in a fence with no language
(```` ``` ````, ```` ```text ````) or in a backtick span: ``dy/dx = 3u² × 2x``,
``dL/dw = -0.538 × 0.392 = -0.211``. Code is not math, so a line is read only
when all of it converts: ``d…/d…`` and ``∂…/∂…`` of one name each become
``\\frac``, ``×``/``·``/``*`` products, ``₀``-``₉`` subscripts, ``^(…)`` powers.
Anything left over (Python: ``==``, ``+=``, ``**``, ``np.``, ``def``, ``#``;
prose words; colons) leaves the line unread, silently. A leading label ending
in ``:`` without ``=`` (``Step 2:``) is dropped, and ``→`` splits two statements.
Fences tagged with a language (```` ```python ````) are never read.

A converted segment is longer than its source, so it is placed at virtual
offsets past the end of the file (see ``plain_segments``).
"""
from __future__ import annotations

import bisect
import re

from .latex import parse_statement
from .latex_errors import LatexError
from .delimited import Work, paired_spans
from .markdown import Segment
from .markdown_escapes import gitlab_math_span
from .prose_numbers import from_prose, prose_runs
from .plain_vectors import VECTOR, indented_blocks, placeholders, restore

_FENCE_OPEN = re.compile(r"^[ \t]*(```|~~~)[ \t]*([^\n`]*?)[ \t]*\n", re.MULTILINE)
_PLAIN_TAGS = {"", "text", "plain", "txt"}
_CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_NAME = r"(?:[A-Z]{2,4}(?![A-Za-z(])|[A-Za-zα-ωΑ-Ω][₀-₉0-9]*)"
#: An upper-case name of a few letters (``SSE``, ``MSE``), not called like a function: one name.
_CAPITALS = re.compile(r"(?<![A-Za-z\\])[A-Z]{2,4}(?![A-Za-z(])")
_SLASH_DERIVATIVE = re.compile(rf"(?<![A-Za-z0-9_])([d∂])((?:\\mathrm\{{[A-Z]+\}})|{_NAME})\s*/\s*([d∂])({_NAME})(?![A-Za-z0-9_₀-₉])")
_SUBSCRIPT = re.compile(r"([A-Za-zα-ωΑ-Ω])([₀-₉]+)")
_SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_SUPERSCRIPT = str.maketrans({"ⁿ": "^{n}", "⁻": "^{-1}" if False else "⁻"})
_LABEL = re.compile(r"^(?:#+[ \t]+)?([^=:\n]{1,30}):[ \t]+(?=\S)")
#: Code, not math: comparison/update operators, Python power, calls of methods, comments, keywords.
_CODE = re.compile(r"==|!=|\+=|-=|\*=|/=|\*\*|//|#|;|\[|\]|\{|\}|\\|`|\$|&|\||<|>|"
                   r"\b(?:def|return|import|print|for|while|if|else|np|lambda|in|is|and|or|not)\b|\w\.\w*[A-Za-z]")
_FUNCTIONS = {"sin", "cos", "tan", "tanh", "ln", "log", "exp", "sigmoid"}
_WORD = re.compile(r"[A-Za-z]{2,}")
_ALLOWED = re.compile(r"[A-Za-z0-9α-ωΑ-Ω∂₀-₉ⁿ\s+\-=()/.,^_'²³≈×·⋅*]*")
_SUBSCRIPTED = re.compile(r"[₀-₉]")


def _power_groups(line: str) -> str | None:
    """``e^(x²)`` → ``e^{(x²)}``: the bracket after ``^`` is the exponent."""
    out, i = [], 0
    while i < len(line):
        if line.startswith("^(", i):
            depth, j = 0, i + 1
            while j < len(line):
                depth += {"(": 1, ")": -1}.get(line[j], 0)
                if depth == 0:
                    break
                j += 1
            if depth:
                return None
            out.append("^{" + line[i + 1:j + 1] + "}")
            i = j + 1
        else:
            out.append(line[i])
            i += 1
    return "".join(out)


#: ``a(t+1) =``: a name at a step or an index, not a function of plain names (``f(u) =``).
_INDEXED_HEAD = re.compile(r"^[^=]*[A-Za-zα-ω]'?\((?![A-Za-zα-ω](?:\s*,\s*[A-Za-zα-ω])*\))")


def _after_value_head(body: str) -> str | None:
    """``f'(4.4) = 2*4.4 - 4 = 8.8 - 4 = 4.8`` without its head, when the head is a name at a
    value or a step (``f'(4.4)``, ``a(t+1)``, refused as a head by ``_INDEXED_HEAD``) and two
    or more expressions follow it: their links are read on their own, the head is not."""
    head, _, rest = body.partition("=")
    if not _INDEXED_HEAD.match(head + "=") or "=" not in rest or not re.fullmatch(r"\s*[^\W\d_]'*\([^()=]*\)\s*", head):
        return None
    return rest.lstrip()


def plain_to_latex(text: str) -> str | None:
    """The LaTeX of one plain statement, or None when any of it is not math."""
    text, vectors = placeholders(text)  # [ 0  1 -1 ]ᵗ, sgn(2): plain_vectors.py
    if _CODE.search(text) or not _ALLOWED.fullmatch(text) or _INDEXED_HEAD.match(text.split("=")[0] + "="):
        return None
    for word in _WORD.finditer(_CAPITALS.sub(" ", _SLASH_DERIVATIVE.sub(" ", text))):
        if word.group() not in _FUNCTIONS and len(word.group()) > 2 and not _SUBSCRIPTED.match(word.string, word.end()):
            return None  # a word, unless it is a name with a subscript (net₁)
    if re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", text):
        return None  # two words in a row: prose
    frac = lambda m: (rf"\frac{{{_differential(m.group(1))}{m.group(2)}}}"
                      rf"{{{_differential(m.group(3))}{m.group(4)}}}") if (m.group(1) == m.group(3)) else m.group(0)
    latex = _SLASH_DERIVATIVE.sub(frac, _CAPITALS.sub(lambda m: rf"\mathrm{{{m.group(0)}}}", text))
    if "/d" in latex or "/∂" in latex:
        return None
    latex = _SUBSCRIPT.sub(lambda m: f"{m.group(1)}_{{{m.group(2).translate(_SUBSCRIPT_DIGITS)}}}", latex)
    latex = latex.replace("×", r" \times ").replace("·", r" \cdot ").replace("⋅", r" \cdot ").replace("*", r" \cdot ")
    latex = latex.replace("ⁿ", "^{n}")
    latex = _power_groups(latex)
    return restore(latex, vectors) if latex is not None else None


def _differential(mark: str) -> str:
    return "d " if mark == "d" else r"\partial "


def _statement_parts(line: str) -> list[tuple[int, str]] | None:
    """(column, LaTeX) of each statement on a plain line, or None unless all read."""
    label = _LABEL.match(line)
    if label is not None and "=" in line[label.end():]:
        start = label.end()
    else:
        start = 0
    parts = []
    between = _STATEMENTS_WITH_VECTORS if VECTOR.search(line) else _STATEMENTS
    for m in re.finditer(rf"(?:(?!{between.pattern}).)+", line[start:]):
        piece = m.group()
        column = start + m.start() + (len(piece) - len(piece.lstrip()))
        body = piece.strip()
        if not body:
            return None
        if (rest := _after_value_head(body)) is not None:  # f'(4.4) = 2*4.4 - 4 = 4.8: the links after f'(4.4)
            column, body = column + len(body) - len(rest), rest
        latex = plain_to_latex(body)
        if latex is None or ("=" not in body and "≈" not in body):
            return None
        try:
            parse_statement(latex)
        except (LatexError, Exception):
            if "\\begin{bmatrix}" not in latex:
                return None  # a row with numeric vectors is numeric_matrices.py's
        parts.append((column, latex))
    return parts or None


_STATEMENTS = re.compile(r"→")
#: with vectors (which the scalar reader's comma lists do not take), ``x₁ = [ 2  1 ]ᵗ, t₁ = -1`` is two statements
_STATEMENTS_WITH_VECTORS = re.compile(r"→|,[ \t]+(?=[A-Za-zα-ω][₀-₉0-9]*[ \t]*=)")


def _candidates(text: str) -> list[tuple[int, str, int]]:
    """(offset, text, block) of each line of an untagged fence and each code span."""
    found, covered = [], []
    closer = lambda m: (m.group(1), re.compile(rf"^[ \t]*{re.escape(m.group(1))}[ \t]*$", re.MULTILINE))
    for k, (fence, close) in enumerate(paired_spans(text, _FENCE_OPEN, closer, Work())):  # linear in the text
        covered.append((fence.start(), close.end()))
        if fence.group(2).strip().lower() not in _PLAIN_TAGS:
            continue
        offset = fence.end()
        for line in text[fence.end():close.start()].split("\n"):
            found.append((offset, line, 10**6 + k))
            offset += len(line) + 1
    indented = indented_blocks(text, covered)  # plain_vectors.py
    found += indented
    found += prose_runs(text, covered + [(at, at + len(line)) for at, line, _ in indented])  # prose_numbers.py
    for n, span in enumerate(_CODE_SPAN.finditer(text)):
        k = bisect.bisect_right(covered, (span.start(), len(text) + 1)) - 1
        if (k >= 0 and span.start() < covered[k][1]) or gitlab_math_span(text, span.start(), span.end()):
            continue  # in a fence, or GitLab's $`…`$, which is LaTeX (markdown_escapes.py)
        found.append((span.start(1), span.group(1), 2 * 10**6 + n))
    return found


def plain_segments(text: str) -> list[tuple[int, Segment]]:
    """(offset in the file, segment) of each plain-text statement of ``text``
    that reads completely. A converted segment is longer than its source, so
    its ``start`` is a virtual offset past the end of ``text`` (regions apart,
    in reading order): ``--fix`` never edits it, and ``plain_lines`` finds its line."""
    segments, virtual = [], len(text) + 1
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for offset, line, block in _candidates(text):
        if not line.strip():
            continue
        for column, latex in [(0, line)] if from_prose(block) else _statement_parts(line) or ():
            start = offset + column
            segments.append((start, Segment(bisect.bisect_right(line_starts, start), virtual, latex, block)))
            virtual += len(latex) + 1
    return segments


def plain_lines(segments: list[tuple[int, Segment]]):
    """A function giving the line of a virtual offset inside one of ``segments``."""
    starts = [seg.start for _, seg in segments]

    def line(offset: int) -> int:
        k = bisect.bisect_right(starts, offset) - 1
        return segments[max(k, 0)][1].line if segments else 1
    return line
