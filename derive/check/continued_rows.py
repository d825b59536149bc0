r"""Rows of a display that go on with the row above (``markdown.py`` joins them).

A long right side is broken over several rows of an ``eqnarray``, ``align``,
``split`` or ``multline``::

    \frac{\partial q}{\partial w} &=& 3 \left( w + \sin[x] \right)\nonumber \\
    &&\hspace{0.5cm}\cdot x \cdot \cos\biggl[b + x\biggr].

The second row's first content, after its ``&`` (one or two, as ``eqnarray``
writes them) and layout that sets no mathematics (``\hspace{…}``, ``\quad``,
``\;``, ``\nonumber``, ``\notag``, ``\phantom{…}``, ``\left.``), is a binary
operator (``\cdot``, ``\times``, ``+``, ``-``, ``\pm``): the product or sum of
the row above goes on over it. Judging the first row alone would drop the
factors of the next ones, so the rows are joined and the whole side is judged.

A row that begins with an operator after an ``&`` goes on with the row above
even when it ends with a relation of its own (``&+ 21 = 48``: 12 + 15 + 21 is
48). A row without ``&`` (``multline``, or ``\\`` in ``$$…$$``) goes on only
when it has no relation at all: ``-a = -3`` under ``a = 3`` is an equation of
its own. The first row of a display that follows another display with nothing
between them (``$$\n$$``) goes on with the last row of that one only when that
row is an equation not closed by ``,``, ``.`` or ``;`` (a list of expressions,
one a display, stays a list). A row that begins with ``=`` is a new link of the chain, never a
continuation (``chains.py`` reads it).
"""
from __future__ import annotations

import re

#: Layout that may stand before the operator: alignment, spacing, numbering, an empty ``\left.``.
_LEAD = re.compile(
    r"(?:\s|&|\\(?:quad|qquad|enspace|nonumber|notag|displaystyle|[,;:! ])(?![A-Za-z])"
    r"|\\(?:hspace\*?|hphantom|phantom)\s*\{[^{}]*\}"
    r"|\\(?:hskip|kern|mkern)\s*-?\d*\.?\d*\s*(?:cm|mm|pt|em|ex|in|mu)"
    r"|\\left\s*\.)*"
)
_OPERATOR = re.compile(r"\+|-|−|·|×|\\(?:cdot|times|pm|mp)(?![A-Za-z])")
#: A relation outside braces makes a row without ``&`` an equation of its own.
_RELATION = re.compile(r"=|<|>|≈|≤|≥|≠|\\(?:approx|neq?|leq?|geq?|lt|gt|equiv|sim|simeq|propto|in|to|Rightarrow|implies)"
                       r"(?![A-Za-z])")


def _top_level_relation(row: str) -> bool:
    depth = 0
    for i, ch in enumerate(row):
        if ch == "{" and not (i and row[i - 1] == "\\"):
            depth += 1
        elif ch == "}" and not (i and row[i - 1] == "\\"):
            depth = max(depth - 1, 0)
        elif depth == 0 and _RELATION.match(row, i):
            return True
    return False


def continues_row_above(row: str) -> bool:
    r"""Whether ``row`` (one ``\\``-row of a display, ``&`` not yet blanked) goes on
    with the expression of the row above: its first content is a binary operator."""
    lead = _LEAD.match(row)
    if not _OPERATOR.match(row, lead.end()):
        return False
    if "&" in lead.group(0):
        return True
    return not _top_level_relation(row)


#: What may close a row after its last content: labels and numbering.
_TRAILING = re.compile(r"(?:\s|\\(?:nonumber|notag)(?![A-Za-z])|\\(?:label|tag\*?)\s*\{[^{}]*\})*$")


def display_goes_on(previous: str) -> bool:
    """Whether the last row ``previous`` of a display may go on in the display right after it:
    an equation whose last content is no full stop, comma or semicolon."""
    body = previous[:_TRAILING.search(previous).start()]
    return _top_level_relation(body) and not body.rstrip().endswith((",", ".", ";"))
