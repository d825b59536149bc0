r"""How far ``\frac{\partial}{\partial v}`` reaches when no bracket says so.

``\frac{\partial}{\partial a} w a + b`` is read by the grammar as ∂(w a)/∂a + b,
yet notes that write it usually mean ∂(w a + b)/∂a.  The two readings give
different values, so neither may decide a verdict: a derivative operator followed
by a sum without a bracket around it makes the statement unreadable (skipped with
that reason).  An operator followed by a bracket, or by a single term up to the
next ``=``, reads the same both ways and is left alone."""
from __future__ import annotations

import re

from .latex_errors import LatexError
from .layout import closing_brace

#: ``\frac{d}{`` / ``\frac{\partial}{`` / ``\frac{∂}{`` (also ``\dfrac``, ``\tfrac``): the operator form.
_OPERATOR = re.compile(r"\\[dt]?frac\s*\{\s*(?:d|\\partial(?![A-Za-z])|∂|\\mathrm\s*\{\s*d\s*\})\s*\}\s*\{")
#: What opens an explicit operand.
_BRACKET = re.compile(r"\\(?:left|bigg?|Bigg?)\s*[(\[]|\\\{|[(\[{]")
#: Where one side of a chain ends.
_SIDE_END = re.compile(r"=|\\approx(?![A-Za-z])|≈|\\\\|&|\\(?:quad|qquad|text)(?![A-Za-z])|,|;")
_OPEN, _CLOSE = "({[\ue000", ")}]\ue001"
#: bracket commands that open and close a group: \lVert…\rVert, \lvert…\rvert, \langle…\rangle
_OPENING_COMMAND = re.compile(r"\\(?:lVert|lvert|langle)(?![A-Za-z])")
#: what a sign follows when it is the sign of a number or a power (``e^-2x``, ``\\cdot -x``), not a sum
_UNARY_BEFORE = re.compile(r"(?:[\^_({\[*/]|\\(?:cdot|times|ast|left)|\\[dt]?frac)\s*$")
_CLOSING_COMMAND = re.compile(r"\\(?:rVert|rvert|rangle)(?![A-Za-z])")


def _sum_follows(latex: str, start: int) -> bool:
    """Whether a ``+`` or ``-`` at bracket depth 0 comes after the operand's first
    character and before the side ends."""
    depth = 0
    bars = False  # inside |…| or \|…\| (an absolute value or a norm)
    index = start
    while index < len(latex) and latex[index].isspace():
        index += 1
    first = index
    while index < len(latex):
        char = latex[index]
        opening = _OPENING_COMMAND.match(latex, index)
        closing = _CLOSING_COMMAND.match(latex, index)
        if opening or closing:
            depth += 1 if opening else -1
            if depth < 0:
                return False
            index = (opening or closing).end()
            continue
        if char in "|‖":
            bars = not bars
        elif bars:
            pass
        elif char in _OPEN and latex[index - 1] != "\\":
            depth += 1
        elif char in _CLOSE and latex[index - 1] != "\\":
            depth -= 1
            if depth < 0:
                return False  # the operator sits inside a bracket that ends here
        elif depth == 0:
            if _SIDE_END.match(latex, index):
                return False
            if char in "+-−" and index > first and not _UNARY_BEFORE.search(latex, 0, index):
                return True
        index += 1
    return False


def operator_reach_checked(latex: str, written: str | None = None) -> str:
    r"""``latex`` unchanged, or a :class:`LatexError` (ambiguous) when a derivative
    operator is followed by an unbracketed sum; ``written`` is the text as the notes
    wrote it (same positions), shown in the message."""
    for match in _OPERATOR.finditer(latex):
        close = closing_brace(latex, match.end() - 1)
        if close < 0:
            continue
        after = close + 1
        rest = latex[after:].lstrip()
        if _BRACKET.match(rest):
            continue
        if _sum_follows(latex, after):
            shown = " ".join((written or latex)[match.start():after].split())
            raise LatexError(f"{shown} is followed by a sum without brackets: whether it applies to its first "
                             "term or to the whole sum is not clear; not checked",
                             match.start(), ambiguous=True)
    return latex
