r"""Updates written with an arrow: ``b \leftarrow b - \eta \frac{\partial L}{\partial b}``.

``\leftarrow``, ``\gets`` and ``←`` after the name a row begins with assign
that name, as ``:=`` does (the grammar reads ``:=`` as ``=``): the row is read
as ``b = b - η …``, an update (a definition, see chains.py), and the links
after it (``\approx 0.3 - 0.0048 = 0.2952``) are claims, checked as those of
``w = w - η g = 0.5 - 0.1 \cdot 3`` are.

Only an arrow right after a plain name at the start of the row is read so
(``w_1``, ``\theta_j``, ``\hat{b}``, ``w'``); after anything else
(``w^{(t+1)} \leftarrow``, which the reader would take for a power, or an
arrow in the middle of a row) the row stays unread, as before. The arrow is
replaced by ``=`` and spaces, so every position in the row stays a position
in the notes.
"""
from __future__ import annotations

import re

_NAME = (r"(?:\\(?:hat|bar|tilde|widehat|overline|mathbf|boldsymbol|bm|mathcal|vec)\s*\{\s*\\?[A-Za-z]+\s*\}"
         r"|\\?[A-Za-z]+)")
_SUBSCRIPT = r"(?:\s*_\s*(?:\{\s*[^{}^]*\}|\\?[A-Za-z0-9]+))?"
#: The name a row begins with, then the arrow that assigns it.
_ASSIGNED = re.compile(rf"\s*(?P<head>{_NAME}{_SUBSCRIPT}(?:\s*['′])*)\s*(?P<arrow>\\leftarrow(?![A-Za-z])|\\gets(?![A-Za-z])|←)")


def arrow_as_equals(latex: str) -> str:
    r"""``latex`` with the assigning arrow after its first name written as
    ``=`` (padded to the arrow's length); unchanged when it has none."""
    match = _ASSIGNED.match(latex)
    if match is None or match.group("head").startswith(("\\left", "\\gets")):
        return latex
    start, end = match.span("arrow")
    return latex[:start] + "=" + " " * (end - start - 1) + latex[end:]
