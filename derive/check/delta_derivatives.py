r"""``\frac{\delta L}{\delta w}``: some notes write a derivative with ``\delta`` where
others write ``\partial``.  Read as letters it would be the product δ·L ÷ (δ·w) = L/w,
and every chain rule written that way would be called wrong.  A fraction whose
numerator and denominator both begin with a bare ``\delta`` (no subscript, no power)
followed by a name, or whose numerator is ``\delta`` alone (the operator
``\frac{\delta}{\delta w}``), is a derivative: each such ``\delta`` becomes ``∂``
padded to the same length, so positions in the text stay put."""
from __future__ import annotations

import re

from .layout import closing_brace

#: ``\frac{`` (also ``\dfrac``, ``\tfrac``) with its numerator opening on a bare ``\delta``.
_FRAC_DELTA = re.compile(r"\\[dt]?frac\s*\{(\s*)\\delta(?![A-Za-z])(?!\s*[_^])")
#: a denominator opening on a bare ``\delta`` and then a name (a letter, a command or a brace).
_DENOMINATOR_DELTA = re.compile(r"\s*\{(\s*)\\delta(?![A-Za-z])(?!\s*[_^])(?=\s*[A-Za-z\\{])")
_PARTIAL = "∂" + " " * (len("\\delta") - 1)


def delta_derivatives_as_partials(latex: str) -> str:
    r"""Each ``\frac{\delta A}{\delta B}`` / ``\frac{\delta}{\delta B}`` with ``\partial``
    (as ``∂``) in place of both ``\delta``; every other ``\delta`` is left as the letter."""
    if "\\delta" not in latex:
        return latex
    pieces = list(latex)
    for frac in _FRAC_DELTA.finditer(latex):
        opening = latex.index("{", frac.start())
        closing = closing_brace(latex, opening)
        if closing < 0:
            continue
        numerator_rest = latex[frac.end():closing]
        denominator = _DENOMINATOR_DELTA.match(latex, closing + 1)
        if denominator is None or (numerator_rest.strip() and not re.match(r"\s*[A-Za-z\\{]", numerator_rest)):
            continue
        for start in (frac.end() - len("\\delta"), denominator.end() - len("\\delta")):
            pieces[start:start + len(_PARTIAL)] = _PARTIAL
    return "".join(pieces)
