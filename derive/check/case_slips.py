r"""A one-letter name beside its other case, on one side only: ``e^X`` in a row about x.

``(\ch x)' = {e^X - e^{-x} \over 2}``: the writer's shift key slipped, and the X
means x. Read as written, X is a name of its own that the other side lacks, and
the step was called wrong at X = 2 — a verdict about a typing slip, not about
the mathematics. When sides that differ have a one-letter name on one side only
whose other case (x for X, X for x) is in the claim too, and the notes do not
define that name (a defined name is expanded before this point and is not
seen here), the step is skipped with that reason: whether the two are one name
is not certain.

Left as they were: sides that are equal (nothing is judged about the names);
a name on one side only without its other case in the claim (``2x + c``: a
name the step added, which stays wrong); and names of two letters or more.
"""
from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from .outcome import Outcome


def case_slip_outcome(left: sp.Expr, right: sp.Expr, names_of: Callable[[sp.Expr], set]) -> Outcome | None:
    """Skipped with the reason when a one-side name's other case is in the claim; else None."""
    on_left, on_right = {s.name for s in names_of(left)}, {s.name for s in names_of(right)}
    lone = sorted((on_left - on_right) | (on_right - on_left))
    for name in lone:
        if len(name) == 1 and name.isascii() and name.isalpha() and name.swapcase() in on_left | on_right:
            return Outcome("skipped", f"{name} stands on one side only, beside {name.swapcase()}: a slip of "
                                      "case, or a name of its own? not certain, so the step is not checked")
    return None
