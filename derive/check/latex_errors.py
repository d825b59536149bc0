"""The one error every part of the LaTeX reader raises: what could not be
read, where in the segment, and whether it is notation the checker does not judge."""
from __future__ import annotations

import re
from typing import Callable


class LatexError(ValueError):
    """A segment could not be read; ``pos`` is the 0-based offset in it.
    ``notation`` is set when it was read but holds notation the checker
    does not judge (matrices, piecewise definitions): the message says which.
    ``ambiguous`` is set when it reads two ways that give different values
    (the message says which); it is never handed to the matrix reader."""

    def __init__(self, message: str, pos: int | None = None, notation: bool = False, ambiguous: bool = False):
        self.pos = pos
        self.notation = notation
        self.ambiguous = ambiguous
        super().__init__(message)


def refuse_match(pattern: re.Pattern, latex: str, message: str | Callable[[re.Match], str]) -> str:
    """``latex`` unchanged, or :class:`LatexError` at the first match of ``pattern``:
    the one shape of the reader's refusals of notation it must not judge
    (``message`` may say what matched)."""
    m = pattern.search(latex)
    if m:
        raise LatexError(message if isinstance(message, str) else message(m), m.start())
    return latex
