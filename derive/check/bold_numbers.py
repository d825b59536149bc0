r"""A bold number is emphasis, not a vector: ``= \mathbf{6.0}``, ``\approx \mathbf{-0.079}``.

Worked examples set the result of a step in bold (``\mathbf``, ``\textbf``,
``\boldsymbol``, ``\bm``). A bold group that holds only a number, maybe signed,
is read as that number, so the step is checked rather than refused as matrix
notation. Bold letters are not touched (``latex_rewrites.py`` decides on them).

Left as written (still matrix notation):

* ``\mathbf{0}`` and ``\mathbf{1}``: by convention the vector of zeros or ones;
* a bold number with a subscript (``\mathbf{1}_n``, an indicator ``\mathbf{1}_{i=j}``);
* a bold number touching a digit or a point (``2\mathbf{5}`` is set as "25").

Positions are kept: the command and its braces become spaces. A signed number
right after an operand (``2 \mathbf{-3}``) keeps its braces as brackets, so it
multiplies rather than subtracts.
"""
from __future__ import annotations

import re

_BOLD_NUMBER = re.compile(
    r"\\(?:mathbf|textbf|boldsymbol|bm)\s*\{\s*(?P<number>(?P<sign>[-−+]\s*)?(?:\d+(?:\.\d*)?|\.\d+))\s*\}")
#: What may stand before a number that is a whole operand: a relation, an operator, an opening bracket.
_OPERAND_START = re.compile(
    r"(?:^|[=<>(\[{+\-−*/,&:≈≠≤≥·×]|\\(?:approx|neq|ne|leq?|geq?|cdot|times|ast|quad|qquad|to|implies|"
    r"Rightarrow|rightarrow|left[(\[]?|[,;:!]))\s*$")


def bold_numbers_read(latex: str) -> str:
    """``latex`` with each bold number read as the plain number (same length)."""
    if "\\" not in latex:
        return latex
    chars = list(latex)
    for m in _BOLD_NUMBER.finditer(latex):
        number = m.group("number")
        if re.fullmatch(r"[01]", number):
            continue
        after = latex[m.end():].lstrip()
        before = latex[:m.start()].rstrip()
        if after[:1] in ("_", ".") or after[:1].isdigit() or before[-1:].isdigit() or before.endswith("."):
            continue
        for i in range(m.start(), m.end()):
            chars[i] = " "
        start = m.start("number")
        chars[start:m.end("number")] = list(number)
        if m.group("sign") and not _OPERAND_START.search(before):
            brace_open = latex.index("{", m.start())
            chars[brace_open], chars[m.end() - 1] = "(", ")"
    return "".join(chars)
