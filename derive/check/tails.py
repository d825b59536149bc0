"""The readable end of a row that could not be read as a whole.

``A = B`` where A holds notation the checker cannot read (``e_i' \\sum - …``)
but B is plain: a row ``= C`` after it still claims C = B, so B is where the
chain goes on. Only a plain expression after the row's last top-level ``=``
counts: no prose, no because-clause, no matrix notation, nothing after it."""
from __future__ import annotations

import re

from .latex import Expression, parse_statement
from .latex_errors import LatexError

_LABELS = re.compile(r"\\(?:tag|label)\s*\*?\s*\{[^{}]*\}")
#: Words and commands that make the end of a row more than one expression.
_NOT_PLAIN = re.compile(r"\\(?:quad|qquad|text|mathrm\s*\{\s*[a-z]{3,}|because|therefore|Rightarrow|implies|to|iff|"
                        r"approx|leq?|geq?|neq?|in|forall|mbox|hbox|cases|begin|end)(?![A-Za-z])|[,;:]|\\[,;:!]|&")


#: Anywhere in the row: a clause (``\because c = 2``, ``, i = j``) whose ``=`` may be the last one.
_CLAUSE = re.compile(r"\\(?:because|therefore|quad|qquad|text|mbox|hbox|Rightarrow|implies|iff|to|forall|"
                     r"[Ll]ongrightarrow|rightarrow|mathrm\s*\{\s*[a-z]{3,})(?![A-Za-z])|\\[,;:!]|[,;:]|∵|∴|⇒|→")


def _last_top_level_equals(latex: str) -> int:
    depth, last = 0, -1
    for i, ch in enumerate(latex):
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        elif ch == "=" and depth == 0:
            last = i
    return last


def readable_tail(latex: str) -> Expression | None:
    """The expression after the last top-level ``=`` of ``latex``, when it is
    plain and reads as one expression (offsets within ``latex``); else None."""
    cleaned = _LABELS.sub(lambda m: " " * len(m.group(0)), latex)
    cut = _last_top_level_equals(cleaned)
    if cut < 0 or _CLAUSE.search(cleaned):
        return None
    tail = cleaned[cut + 1:].rstrip().rstrip(".")
    if not tail.strip() or _NOT_PLAIN.search(tail):
        return None
    try:
        pieces = parse_statement(tail).pieces
    except (LatexError, ValueError, RecursionError):
        return None
    if len(pieces) != 1 or len(pieces[0].exprs) != 1 or pieces[0].continues:
        return None
    (e,) = pieces[0].exprs
    return Expression(e.value, cut + 1 + e.start, cut + 1 + e.end, e.text)
