"""The one error every part of the LaTeX reader raises: what could not be
read, where in the segment, and whether it is notation the checker does not judge."""
from __future__ import annotations


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
