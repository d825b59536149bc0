r"""The links of a row whose head is a prime on a name: ``R' = 0.1 + 0.6 = 0.7``.

``y' = 2\sin(3x)\cos(3x)\cdot 3 = 3\sin(6x)`` after ``y = \sin^2(3x)``, or
``R' = 0.1 + 0.6 = 0.7`` in a worked example after ``R(w) = …``: by which
variable ``y'`` or ``R'`` is differentiated (and at which values) is not said,
so the link with the head is not judged (chains.py skips such a row). But the
links after it, between expressions that hold no prime and no unknown function,
are claims of their own (``0.1 + 0.6 = 0.7``): they are checked, as
``undefined_links.py`` checks the links of a row beside an undefined function.
A row with one expression after the head, or whose other expressions all hold a
prime, is skipped whole as before.
"""
from __future__ import annotations

from .derivation import Skip
from .undefined_links import _runs, add_runs


def read_primed_links(reader, piece, exprs, seg, line: int, primed: str) -> bool:
    """Check the links of ``exprs`` that hold no prime and no unknown function, and skip
    the others with the reason; False (nothing done) when there are none."""
    if piece.continues:
        return False
    runs = _runs(exprs, 1)
    if not runs:
        return False
    checked = {i for a, b in runs for i in range(a, b - 1)}
    skipped = [f"{exprs[i].text} {'≈' if piece.relations[i] == '≈' else '='} {exprs[i + 1].text}"
               for i in range(len(exprs) - 1) if i not in checked]
    reader.claims.append(Skip(len(reader.claims), line, "; ".join(skipped),
                              f"a prime on {primed}, a name rather than a function the notes define: by which "
                              "variable it is differentiated is not said; the links between the other "
                              "expressions are checked"))
    add_runs(reader, piece, exprs, seg, runs, f"the row at line {line} ends in a prime the notes do not define")
    return True
