r"""Implicit differentiation on a curve the notes just stated: ``xy = 1``, so ``y' = -\frac{y}{x} = -\frac{1}{x^2}``.

Notes differentiate an equation of a curve, ``xy = 1`` or ``x^2 + y^2 = 1``,
and then use the curve to write the slope in x alone: ``-y/x = -1/x^2`` holds
only where xy = 1. The checker judges a chain with its names independent, so
such a true step came out wrong. A "wrong" verdict on a step about y' (or
dy/dx) is not kept when, on its line or up to two lines before, the notes stated
an equation tying y to x that is not a definition ``y = …`` (a curve F(x, y) = c),
and the notes define y nowhere: the step is skipped, with the curve named. A
definition ``y = x^2`` keeps its reading (y is then a function of x, and the
checker differentiates it), and so does a step about any other name.
"""
from __future__ import annotations

import re

import sympy as sp

from .latex import parse_statement
from .latex_errors import LatexError

#: ``y' = …``, ``y^{\prime}``, ``\frac{dy}{dx} = …``, ``dy/dx = …`` at the head of a step: the letter differentiated.
_SLOPE_HEAD = re.compile(r"\s*(?:(?P<primed>[A-Za-z])\s*(?:'|′|\^\s*\{?\s*\\prime\s*\}?)"
                         r"|\\[dt]?frac\s*\{\s*d\s*(?P<frac>[A-Za-z])\s*\}\s*\{\s*d\s*[A-Za-z]\s*\}"
                         r"|d\s*(?P<slash>[A-Za-z])\s*/\s*d\s*[A-Za-z])")
#: How many lines before a step its curve may be stated.
REACH = 2


def _curve(latex: str, y: str) -> bool:
    r"""Whether ``latex`` is one equation in y and one other name, without a derivative, not ``y = …``
    and not ``y(x) = …`` (a function defined by its formula, as ``\ell(w) = …`` is: letter_functions.py)."""
    spelled = r"(?:\\ell|l)" if y == "l" else re.escape(y)
    if re.match(r"\s*" + spelled + r"\s*\(", latex):
        return False
    try:
        pieces = parse_statement(latex).pieces
    except LatexError:
        return False
    if len(pieces) != 1 or len(pieces[0].exprs) != 2 or pieces[0].relations != ("=",):
        return False
    left, right = (e.value for e in pieces[0].exprs)
    names = {getattr(s, "name", str(s)) for s in (left - right).free_symbols}
    if getattr(left, "name", None) == y or y not in names or len(names) != 2 or any("'" in n for n in names):
        return False
    return not (left - right).has(sp.Derivative)


def implicit_curve(claim, derivation) -> str:
    """The reason a wrong step about y' is not judged: the curve it lies on,
    stated before it; "" when the step is not such a step."""
    head = _SLOPE_HEAD.match(claim.latex)
    if head is None:
        return ""
    y = head.group("primed") or head.group("frac") or head.group("slash")
    if y in derivation.defined_names():
        return ""  # y = x^3 somewhere: y is a function of x the checker differentiates
    for other in reversed(derivation.claims):
        if other.order >= claim.order or other.line < claim.line - REACH:
            continue
        if _curve(other.latex, y):
            shown = " ".join(other.latex.split())
            return (f"implicit differentiation on the curve {shown}: {y} is tied to the other name there, and "
                    "the step was read with the two independent; not checked")
    return ""
