r"""Names a worked example gives a numeric matrix, as known values for later rows.

``Z = \begin{bmatrix} 0.1 & 0.2 \end{bmatrix} \begin{bmatrix} 1 \\ 2 \end{bmatrix}`` gives Z
the value of its first side (the definition, as for a scalar); a later row that uses Z
(``e^{Z} = …``, ``\sigma(Z) = …``, ``W Z``) computes with that value
(``matrix_functions.py``). A row that writes the name again (``Z = \begin{bmatrix} 0.5
\end{bmatrix}``) restates it: the restatement is checked, entry by entry, only when it
agrees with the known value (exactly, or the known value prints as the decimals
written); the name then takes the value as written, which later rows compute from. A
restatement that disagrees may be an update or a new example, so it is not judged: the
name is forgotten, with the reason. A first side that uses the name itself
(``W = W - 0.1 G``) is an update and gives the new value. Any other row that assigns
the name (``Z = W X``, ``Z \leftarrow …``) forgets it, so a stale value is never used.
"""
from __future__ import annotations

import re

import sympy as sp

from .matrix_functions import NAME, name_key
from .points import value_at
from .rounding import printed_interval

_ASSIGNED = re.compile(r"\s*(?:=|:=|\\leftarrow(?![A-Za-z])|\\gets(?![A-Za-z])|←|≈|\\approx(?![A-Za-z]))")
_PIECE_START = re.compile(r"(?:^|[,;&\n$]|\\quad|\\qquad|\\\\|\\text\s*\{[^{}]*\})\s*$")
_DECIMAL = re.compile(r"\s*[-−]?\d*\.(\d+)\s*")


class KnownMatrices:
    """The numeric matrices the notes gave names, in reading order."""

    def __init__(self) -> None:
        self.values: dict = {}
        self.replaced: dict = {}  # the values of the names the current row assigns

    def get(self, key: str):
        """The value of ``key``; in the row that assigns it, its value before (``W = W - 0.1 G``)."""
        return self.values.get(key, self.replaced.get(key))

    def start_row(self, latex: str) -> None:
        """A new row: the names it assigns are taken out (their old values kept in
        ``replaced`` for :func:`settle_head`)."""
        self.replaced = {}
        if not self.values:
            return
        for m in NAME.finditer(latex):
            key = name_key(m.group())
            if key in self.values and _ASSIGNED.match(latex, m.end()) and _PIECE_START.search(latex[:m.start()]):
                self.replaced[key] = self.values.pop(key)


def head_name(text: str) -> str | None:
    """The key of ``text`` when it is a bare name (the head of a row ``Z = …``)."""
    m = NAME.fullmatch(text.strip())
    return name_key(m.group()) if m is not None else None


def _agrees(old, new) -> bool:
    """Every entry of ``new`` is exactly ``old``'s, or the decimal written for it is what
    ``old``'s entry prints as (no slack: stricter than the verdict's own rule)."""
    if old.matrix is None or new.matrix is None or old.matrix.shape != new.matrix.shape:
        return False
    for value, written, text in zip(old.matrix, new.matrix, (t for row in new.text for t in row)):
        if sp.simplify(value - written) == 0:
            continue
        m, exact = _DECIMAL.fullmatch(text), value_at(value, {})
        if m is None or exact is None:
            return False
        low, high = printed_interval(sp.Rational(written), len(m.group(1)))
        if not low <= exact < high:
            return False
    return True


def settle_head(known: KnownMatrices, head: str, first_text: str, first) -> tuple[object | None, str]:
    """What the row ``head = first …`` does to the name: (the known value to check the
    row's first side against, or None; a note for the skip's reason)."""
    old = known.replaced.get(head)
    if first is None or first.matrix is None:
        return None, ""
    mentions = any(name_key(m.group()) == head for m in NAME.finditer(first_text))
    if old is None or mentions:
        known.values[head] = first
        return None, ""
    if not _agrees(old, first):
        other = "shape" if old.matrix is None or old.matrix.shape != first.matrix.shape else "value"
        return None, (f"{head} is written again with another {other} (an update or a new example?): "
                      "that link is not checked, and the name's value is forgotten")
    known.values[head] = first
    return old, ""
