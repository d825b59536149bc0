"""Two components of one output written with different numbers: ``out_{o1}``
and ``out_{o2}``, ``\\hat{y}_1`` and ``\\hat{y}_2``, ``h_1`` and ``h_2``.

A partial derivative by one of them holds the others fixed: in
``E = \\tfrac12(t_1 - \\hat{y}_1)^2 + \\tfrac12(t_2 - \\hat{y}_2)^2``, ∂E/∂ŷ_1 is
-(t_1 - ŷ_1), even though the notes never define ŷ_2 (which, left undefined,
would otherwise be an unknown function of everything). Only indices that are
certainly different count: two whole numbers, or one letter prefix with two
numbers (o1, o2). Letters (z_i and z_j) may name the same component and are
left to the indicator reading (``kronecker.py``). Only a sibling written beside
the variable is held (ŷ_2 in a loss that has ŷ_1): a loss in h_2 alone, by h_1,
may go through a recurrence the notes did not write; and none is held when the
notes define the family for an index letter (h_t = …)."""
from __future__ import annotations

import re

import sympy as sp

_NUMBERED = re.compile(r"([A-Za-z]*)(\d+)")


def sibling(name: sp.Expr, variable: sp.Expr, generic: bool = False) -> bool:
    """Whether ``name`` and ``variable`` are two differently numbered
    components of one name (same parts but one, a number in each); with
    ``generic``, whether ``name`` is that name under an index letter (h_t for h_1)."""
    if not (isinstance(name, sp.Symbol) and isinstance(variable, sp.Symbol)):
        return False
    a, b = name.name.split("_"), variable.name.split("_")
    if len(a) != len(b) or len(a) < 2:
        return False
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    if len(differing) != 1:
        return False
    x, y = (_NUMBERED.fullmatch(part) for part in differing[0])
    if generic:
        return x is None and y is not None and differing[0][0].isalpha()
    return x is not None and y is not None and x.group(1) == y.group(1)
