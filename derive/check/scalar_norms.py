r"""A norm of numbered components: ``\tfrac12\|t_{o1} - out_{o1}\|^2``.

Notes that sum the squared errors of a network's outputs sometimes write each
square as a norm. Each output, numbered (o1, o2, 1, 2), is one number, and
the norm of a number is its absolute value, so the bars are read as ``|…|``
(``|u|^2 = u^2`` for a real u). Any other norm stays matrix notation
(``latex_rewrites.py`` refuses it, the matrix reader reads it with shapes):

* the inside holds only numbers, arithmetic and names with a numbered
  subscript (``t_{o1}``, ``y_1``, ``\hat{y}_2``, ``\hat{y_1}``): a bare name (w, x),
  an index letter (``y_i``: a sample, which may be a vector), a sum, a
  fraction or any other command keeps the norm;
* the norm has no subscript of its own (``\|x_1\|_1`` is a 1-norm);
* no name inside is written elsewhere in the segment with a longer index
  (``x_{1k}``, ``x_{1,k}``: then x_1 has components of its own).

Positions in the text are kept: each bar is padded with spaces to its length,
the bar at its outer end.
"""
from __future__ import annotations

import re

_BAR = re.compile(r"\\\||\\[lr]Vert(?![A-Za-z])|\\Vert(?![A-Za-z])")
_INDEX = r"_\s*(?:\{\s*(?P<index>[A-Za-z]?\d+)\s*\}|(?P<digit>\d))"
#: t_{o1}, y_1, \hat{y}_2, \hat y_2
_NUMBERED = re.compile(r"(?:\\hat\s*\{\s*(?P<hat>[A-Za-z]+)\s*\}|\\hat\s+(?P<hat1>[A-Za-z])|(?P<name>[A-Za-z]+))\s*" + _INDEX)
#: \hat{y_1}, \hat{y_{o1}}
_HAT_NUMBERED = re.compile(r"\\hat\s*\{\s*(?P<name>[A-Za-z]+)\s*_\s*(?:\{\s*(?P<index>[A-Za-z]?\d+)\s*\}|(?P<digit>\d))\s*\}")
_ARITHMETIC = re.compile(r"[\s\d.+\-*()]|\\cdot(?![A-Za-z])|\\left(?![A-Za-z])|\\right(?![A-Za-z])")


def _names_inside(inner: str) -> list[tuple[str, str]] | None:
    """(name, index) for every name inside a norm, or None when anything
    inside is not a number, arithmetic or a name with a numbered subscript."""
    names, i = [], 0
    while i < len(inner):
        m = _HAT_NUMBERED.match(inner, i) or _NUMBERED.match(inner, i)
        if m is not None:
            name = next(g for g in (m.groupdict().get(k) for k in ("name", "hat", "hat1")) if g)
            names.append((name, m.group("index") or m.group("digit")))
            i = m.end()
            continue
        m = _ARITHMETIC.match(inner, i)
        if m is None:
            return None
        i = m.end()
    return names


def _has_longer_index(latex: str, name: str, index: str) -> bool:
    """``x_{1k}`` or ``x_{1,k}`` somewhere in the segment, for x_1."""
    return re.search(re.escape(name) + r"\s*_\s*\{\s*" + re.escape(index) + r"\s*[,A-Za-z0-9]", latex) is not None


def scalar_norms(latex: str) -> str:
    """``latex`` with each norm of numbered components written as an absolute value."""
    bars = list(_BAR.finditer(latex))
    if len(bars) < 2 or len(bars) % 2:
        return latex
    chars = list(latex)
    for opening, closing in zip(bars[::2], bars[1::2]):
        if opening.group(0).startswith("\\rVert") or closing.group(0).startswith("\\lVert"):
            return latex
        if re.match(r"\s*_", latex[closing.end():]):
            continue
        inner = latex[opening.end():closing.start()]
        names = _names_inside(inner)
        if names is None or not re.search(r"\w", inner) or any(_has_longer_index(latex, name, index) for name, index in names):
            continue
        for bar, at in ((opening, opening.start()), (closing, closing.end() - 1)):
            for k in range(bar.start(), bar.end()):  # the bar at the token's outer end: spans keep the whole token
                chars[k] = "|" if k == at else " "
    return "".join(chars)
