r"""An equation number typed by hand at the end of a row: ``f'(x) = 2x \qquad (2)``.

Notes that do not use ``\tag{2}`` often number a display themselves: a wide
space (``\quad``, ``\qquad``, ``\hfill``) and then ``(2)``, ``[2]``, ``(2.2)``,
``(A.1)`` or ``(\ast)`` as the last thing of the row. Read as written,
the number was a factor of the right side (``2x·2``), and a true step was called
wrong; ``(1)`` passed only because it multiplies by one. Such a label is blanked
here (same length), as ``\tag{…}`` is (layout.py), so the row is read without it
and the claim shown does not carry it.

Only that strict shape is a label: the wide space, then one bracketed label
alone (digits with an optional letter and dotted parts, a capital letter and a
dot before digits (not ``(3a)``, which could be 3·a), or a star/dagger), then nothing but the end of the row
(``\\``) or of the math, optionally after a full stop or comma. ``\quad (x > 0)``
(a condition), ``\quad (2x)``, ``2x (2)`` without a wide space, and a label in
the middle of a row stay as they were.
"""
from __future__ import annotations

import re

_WIDE = r"\\(?:qquad|quad|hfill)(?![A-Za-z])"
_LABEL = (r"(?:[A-Z]\s*\.\s*)?\d+(?:\s*\.\s*\d+)*"
          r"|\\(?:ast|star|dagger|ddagger)(?![A-Za-z])|\*{1,3}")
_ROW_END = r"\s*[.,]?\s*(?=\\\\|$)"
_HAND_LABEL = re.compile(
    rf"(?:{_WIDE}\s*)+(?:\(\s*(?:{_LABEL})\s*\)|\[\s*(?:{_LABEL})\s*\]){_ROW_END}")


def hand_labels_blanked(latex: str) -> str:
    """``latex`` with each hand-typed equation number at a row's end (and the
    wide space before it) replaced by spaces, keeping its length."""
    return _HAND_LABEL.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), latex)
