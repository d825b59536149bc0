r"""Clearer reasons for notation the LaTeX reader stops on, instead of "unexpected X".

* ``(\frac{\partial L}{\partial \mathbf y})_i``, ``(a + b)_{ij}``: a subscript on a
  bracket takes a component of a vector or matrix expression, which the
  scalar reader does not read.
* ``y_i.x_i``: a period between two names may be a product dot written with a
  full stop, or a slip; which is not certain, so it is not read.
* ``w_1^2 + w_2^2 + ...``: dots written as periods; the reader knows ``\dots``
  and ``\cdots`` only where the terms follow a pattern (``ellipsis.py``).

The reader's position and the verdict (skipped) stay as they were; only the
words change (``latex.py``).
"""
from __future__ import annotations

import re

_BRACKET_SUBSCRIPT = re.compile(r"[)\]]\s*$")
_PERIOD_BETWEEN_NAMES = re.compile(r"(?:[A-Za-z}]|_\d)\s*$")


def clearer_reason(message: str, pos: int, text: str) -> str:
    """The reason for the parser's ``message`` at ``pos`` of ``text``, said as the
    notation it stopped at when that is one of the kinds above; else ``message``."""
    if message == "unexpected '_'" and _BRACKET_SUBSCRIPT.search(text, max(0, pos - 16), pos):
        return ("a subscript on a bracket ((…)_i) takes a component of a vector or matrix expression, "
                "which is not read")
    if message == "unexpected '.'":
        if text.startswith("..", pos) or text[max(0, pos - 2):pos] == "..":
            return "dots written as periods (...) are not read"
        if _PERIOD_BETWEEN_NAMES.search(text, max(0, pos - 8), pos) and re.match(r"\.\s*[A-Za-z\\]", text[pos:]):
            return ("a period between two names (a.b): a product written with a full stop, or a slip; "
                    "which is not certain, so it is not read")
    return message
