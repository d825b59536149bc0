r"""A wrong step that holds when a label written as an exponent is 0 or 1.

Likelihood notes write a Bernoulli probability two ways and pass from one to
the other: ``\phi y + (1-\phi)(1-y) = \phi^{y}(1-\phi)^{1-y}``. The two agree
only where y is 0 or 1, which the notes take for granted for a label. A name
raised to as a power and its complement (``p^{y}``, ``(1-p)^{1-y}``) marks
such a label; if the sides agree at every choice of 0 and 1 for those labels
(and any values of the other names), the step is not called wrong but skipped
with that reason. Sides that disagree there too stay wrong.
"""
from __future__ import annotations

import itertools

import sympy as sp

from .expansion import evaluate
from .points import _concrete, numeric_difference

#: At most this many labels (2**6 choices of 0/1) are tried.
MAX_LABELS = 6


def _labels(*exprs: sp.Expr) -> list:
    """The names y (or y[i]) that some power in ``exprs`` has as its exponent (or -y: SymPy writes
    (1/(1+e^{-z}))^{y} as (1+e^{-z})^{-y}), and 1 - y (or y - 1) as another's."""
    exponents = {sp.expand(p.exp) for e in exprs for p in e.atoms(sp.Pow)}
    named = {x for e in exponents for x in (e, -e) if isinstance(x, (sp.Symbol, sp.Indexed))}
    return sorted((x for x in named if exponents & {sp.expand(1 - x), sp.expand(x - 1)}), key=str)


def binary_label_reason(first: sp.Expr, claim: sp.Expr, defs: dict, unknown: frozenset) -> str:
    """Why the wrong step ``first = claim`` is skipped: it holds whenever its
    labels are 0 or 1; "" when it has no such labels or fails there too."""
    left, right = _concrete(evaluate(first, defs, unknown=unknown), evaluate(claim, defs, unknown=unknown))
    labels = _labels(left, right)
    if not labels or len(labels) > MAX_LABELS:
        return ""
    for values in itertools.product((0, 1), repeat=len(labels)):
        chosen = dict(zip(labels, map(sp.Integer, values)))
        equal, found = numeric_difference(left.xreplace(chosen), right.xreplace(chosen))
        if found is not None or not equal:
            return ""
    names = ", ".join(sorted({str(getattr(x, "base", x)) for x in labels}))
    return (f"equal only where {names} is 0 or 1 (a label written as an exponent, as in p^{{y}}(1-p)^{{1-y}}), "
            "which the notes take for granted; not checked")
