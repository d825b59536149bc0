r"""A name on one side only that the checker cannot vouch for, in a step whose
sides differ.

* A function the notes apply but never define (``b_2(x_l)``), on one side
  only: ``b_1(x_l) + b_2(x_l) = (y_l + 10) + (-10)`` puts in the value -10 that
  the prose said in words ("the second model outputs -10 there"). Read with
  b₂ free, the step was wrong at b₂ = 2.
* A run of letters read as one name (``2wxy`` in ``y^2 - 2wxy + w^2x^2``) whose
  letters are each a name of the step: the product w·x·y, most likely, which
  as one name appears on one side only. Equal when read as that product, the
  step is proved, saying so.

Otherwise the step is skipped with the reason, never called wrong.
"""
from __future__ import annotations

import re
from typing import Callable

import sympy as sp

from .outcome import Outcome

_LETTERS = re.compile(r"[a-z]{3,}")


def one_sided_outcome(first: sp.Expr, claim: sp.Expr, left: sp.Expr, right: sp.Expr, unknown: frozenset,
                      names_of: Callable[[sp.Expr], set]) -> Outcome | None:
    """Why sides ``left``, ``right`` (``first``, ``claim`` evaluated) that differ are
    not judged: a name on one side only (``names_of``: algebra's names of a side)
    that is an undefined function, or letters that may be a product; None
    otherwise. A step about a derivative is left to the chain rule's readings
    (u in d/dx f = d/du(u^7)·u' is the inner function)."""
    names = names_of(left) | names_of(right)
    lone = names_of(left) ^ names_of(right)
    derivative = first.has(sp.Derivative) or claim.has(sp.Derivative)
    applied = [] if derivative else sorted(s.name for s in lone if s in unknown and "_hat" not in s.name)
    if applied:
        return Outcome("skipped", f"{', '.join(applied)} appears on one side only, a function the notes apply "
                                  "without a definition: the other side may put in a value the prose gives in "
                                  "words; not checked")
    letters = {s.name: s for s in names if len(s.name) == 1}
    joined = sorted((s for s in lone if _LETTERS.fullmatch(s.name) and set(s.name) <= set(letters)), key=str)
    if joined:
        products = {s: sp.Mul(*(letters[c] for c in s.name)) for s in joined}
        if sp.expand((left - right).xreplace(products)) == 0:
            return Outcome("proved", "equal reading " + ", ".join(f"{s.name} as {'·'.join(s.name)}" for s in joined))
        joined = [s.name for s in joined]
        shown = ", ".join(f"{name} (or {'·'.join(name)})" for name in joined)
        return Outcome("skipped", f"{shown} is read as one name, on one side only, but may be a product of the "
                                  "step's names; not checked")
    return None
