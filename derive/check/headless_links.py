r"""The numeric links of a row whose head cannot be read.

Worked examples often begin a row with notation the reader refuses, then
compute with plain numbers: ``\sum x = 40 + 50 + 60 = 150`` (a sum over data
without an index), ``a_0 &=& \frac{3}{7} &\approx& 0.42857`` inside an
environment the reader does not split. The head's claim (that ``\sum x`` is
40 + 50 + 60) stays skipped, but a link between two neighbouring parts that
are both fully numeric is arithmetic, true or false whatever the head means:
each such link is checked as a chain of numbers is (printed decimals,
rounding of its inputs), and the verdict says that the head was not read.

Only parts written with numbers, ``+ - × ÷ /``, powers, brackets, fractions,
roots and functions of numbers whose meaning does not depend on the notes
(``e^{…}``, ``\exp``, ``\ln``, ``\tanh``) count: a part with a name, a comma,
a word, ``\log`` (of which base?), ``\sigma`` (a function or a number?),
spacing between two numbers (``1\,000`` may be a thousand), dots
(``40 + 50 + … = 300``) or any other relation stays unread, and no link is
compared across an unread part. A segment of several rows (``\\``, ``\cr``)
is read row by row; a row that begins with an operator, or follows one that
ends with one, goes on from the row above, so its first part is not read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

from .chain_links import _Chain
from .derivation import Step
from .latex import Expression
from .markdown import Segment
from .numeric_lists import ComponentStep, _number, _RELATION, _split

#: Row breaks of a display: ``\\`` (not ``\\[`` spacing) and plain TeX's ``\cr``.
_ROW_BREAK = re.compile(r"\\\\(?:\s*\[[^\]]*\]|\s*cr(?![A-Za-z]))?|\\cr(?![A-Za-z])")
#: ``\tag{1}``, ``\label{…}``, ``\nonumber``: not part of any value.
_LABELS = re.compile(r"\\(?:tag|label)\s*\*?\s*\{[^{}]*\}|\\nonumber(?![A-Za-z])|\\notag(?![A-Za-z])")
#: Everything a fully numeric part may be written with.
_NUMERIC = re.compile(r"(?:\d+\.?\d*|\.\d+|[-+−*/^×·⋅÷()\[\]{}²³\s]|e(?=\s*\^)"
                      r"|\\(?:cdot|times|div|frac|dfrac|tfrac|left|right|[bB]igg?[lr]?|sqrt|exp|ln|tanh|"
                      r"sin|cos|tan|pi)(?![A-Za-z]))+")
#: The end of an environment after a row's last part.
_END = re.compile(r"\\end\s*\{[A-Za-z]+\*?\}\s*$")
#: An operator that a row begins or ends with: the expression goes on across the row break.
_OPERATOR = r"(?:[-+−*/×·⋅÷]|\\(?:cdot|times|div|pm|mp)(?![A-Za-z]))"
_OPEN_START = re.compile(r"[\s&]*" + _OPERATOR)
_OPEN_END = re.compile(_OPERATOR + r"\s*$")
#: Two numbers side by side with only space between (``1 000``, ``2 3``): not one number, not a product.
_SPACED_DIGITS = re.compile(r"\d\s+\.?\d")


@dataclass(frozen=True)
class HeadlessStep(ComponentStep):
    """A link between two numeric parts of a row whose head was not read: ``where`` says so."""

    where: str = ""


def _numeric(latex: str, start: int, end: int) -> Expression | None:
    """The part ``latex[start:end]`` as a number (offsets within ``latex``),
    when it is written only with numbers and arithmetic; else None."""
    text = latex[start:end]
    core = text.strip().strip("&").strip()
    if not core or _NUMERIC.fullmatch(core) is None or _SPACED_DIGITS.search(core):
        return None
    value = _number(core)
    if value is None or not value.is_finite:
        return None
    at = start + text.index(core)
    return Expression(value, at, at + len(core), " ".join(core.split()))


def _rows(latex: str) -> list[tuple[int, int]]:
    """(start, end) of each row of ``latex``, cut at ``\\\\`` and ``\\cr``."""
    cuts = [(m.start(), m.end()) for m in _ROW_BREAK.finditer(latex)]
    starts = [0] + [b for _, b in cuts]
    ends = [a for a, _ in cuts] + [len(latex)]
    return list(zip(starts, ends))


def numeric_runs(latex: str) -> list[tuple[list[Expression], tuple[str, ...]]]:
    """The runs of two neighbouring numeric parts or more, in each row of
    ``latex``: (the parts, the relation before each part after the first)."""
    cleaned = _LABELS.sub(lambda m: " " * len(m.group(0)), latex)
    runs, open_end = [], False
    for row_start, row_end in _rows(cleaned):
        row = cleaned[row_start:row_end]
        continued, open_end = open_end, bool(_OPEN_END.search(row.rstrip().rstrip("&")))
        end = _END.search(row)  # the last row of an environment: 0.44 \end{pmatrix}
        row = row[:end.start()] if end is not None else row
        body = row.rstrip()
        if body.endswith((".", ",", ";")) and not body.endswith(".."):
            row = body[:-1]  # a full stop or comma after the row is prose
        parts, relations = [], []
        for start, end, before in _split(row, _RELATION):
            found = _numeric(cleaned, row_start + start, row_start + end)
            if not before and (continued or _OPEN_START.match(row, start)):
                found = None  # "+ 4 = 9" after "a = 2 + 3 \\": the row's first part goes on from the row above
            if found is not None and parts:
                parts.append(found)
                relations.append("=" if before == "=" else "≈")
                continue
            if len(parts) > 1:
                runs.append((parts, tuple(relations)))
            parts, relations = ([found] if found is not None else []), []
        if len(parts) > 1:
            runs.append((parts, tuple(relations)))
    return runs


def read_headless_links(reader, seg: Segment) -> int:
    """Add each link between numeric parts of the row ``seg`` (which the
    reader could not read whole) as a claim of its own; how many were added."""
    added = 0
    for parts, relations in numeric_runs(seg.latex):
        before = len(reader.claims)
        reader.add_steps(_Chain(parts[0], None, last=parts[0]), parts[1:], relations, seg)
        for order in range(before, len(reader.claims)):
            step = reader.claims[order]
            if type(step) is Step:
                reader.claims[order] = HeadlessStep(
                    **{f.name: getattr(step, f.name) for f in fields(Step)},
                    where="the row's head could not be read; this link between its numbers is checked on its own")
        added += len(reader.claims) - before
    return added
