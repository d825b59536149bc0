r"""``(x^n)' = n x^{n-1}``, ``(a^x)' = a^x \ln a``: a prime on a bracket of x and constants.

A table of derivatives writes the rules with a prime on a bracket and no
variable: ``(e^{2t})'`` (one name, read by it, in ``latex_tree.py``) but
also ``(x^n)'`` and ``(a^x)'``, where the bracket holds x and a constant.
Every calculus textbook means the derivative by x there; the reader refused
the bracket because it holds two names. Here: a bracket whose names are x
and letters that name constants (a, b, c, k, m, n, p, q, A, B, C, K, M, N, P, Q, not
another variable such as t, u, v, w, y, z) is differentiated by x.
Anything else (``(xy)'``, ``(x t)'``, a bare ``(x)'`` or ``(c)'``, indexed
names) is refused as before, with the reason.
"""
from __future__ import annotations

import sympy as sp

#: Letters that notes use for constants beside the variable x.
CONSTANT_LETTERS = frozenset("abckmnpqABCKMNPQ")


def bracket_variable(value: sp.Expr) -> sp.Symbol | None:
    """The name a primed bracket is differentiated by, or None when that is not said."""
    if value.is_Symbol or value.atoms(sp.Indexed):
        return None
    names = [s for s in value.free_symbols if isinstance(s, sp.Symbol)]
    if len(names) == 1:
        return names[0]
    xs = [s for s in names if s.name == "x"]
    others = [s for s in names if s.name != "x"]
    if xs and others and all(s.name in CONSTANT_LETTERS for s in others):
        return xs[0]
    return None
