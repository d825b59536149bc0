r"""``e = \hat{y} - y`` then ``L = e^2``: a name e and Euler's number.

Notes name an error e, then square it. The reader takes ``e^{…}`` for the
exponential function when it parses, before it knows the notes' names, so
``e^2`` came out as 7.389 and a true ``L = e^2 = (-0.3775)^2`` was called wrong.
When the notes define a name e, a wrong step whose sides (or the definitions
they reach) hold an exponential may be that misreading: it is skipped with the
reason, never called wrong."""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from .names import EULER


def _reaches_exp(expr, defs: dict, seen: set) -> bool:
    if not isinstance(expr, sp.Basic):
        return False
    if expr.has(sp.exp) or expr.has(sp.E):
        return True
    for name in expr.free_symbols - seen:
        seen.add(name)
        if name in defs and _reaches_exp(defs[name], defs, seen):
            return True
    return False


def e_power_doubted(verdict, claim, derivation) -> object:
    """``verdict`` as a skip when it is wrong, the notes define e, and the step reaches an exponential."""
    if verdict.verdict != "wrong" or EULER.name not in derivation.defined_names():
        return verdict
    order = getattr(claim, "order", None)
    defs = derivation.definitions_at(order) if order is not None else {}
    sides = [getattr(claim, "first", None), getattr(claim, "claim", None)]
    if not any(_reaches_exp(side, defs, set()) for side in sides):
        return verdict
    return replace(verdict, verdict="skipped", counterexample=None, expected=None,
                   reason="these notes define a name e, and e^… may be a power of it or the exponential "
                          "function: not called wrong")
