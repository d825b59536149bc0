r"""Trigonometric, inverse and hyperbolic functions: ``\tan x``, ``arcsin(x)``, ``tg(x)``, ``\cos^2 x``.

Derivative tables and first-principles proofs in calculus notes use more of the
elementary functions than the sigmoid-and-log notes the reader began with:
``\tan``, ``\cot``, ``\sec``, ``\csc``, the arc functions and the hyperbolic
ones, with a backslash or as plain words before a bracket (``arcsin(x)``), and
in the spelling of Russian and other European textbooks (``tg``, ``ctg``,
``arctg``, ``arcctg``). They were read as products of letters (t·g·x) or as a
name of their own, so their claims were skipped. Here are the names, their
SymPy functions (``latex_tree.py`` looks them up with the others), the pattern
the grammar's FUNC token takes them by, and the power of such a function,
``\sin^2 x`` and ``cos^2(x)``, read as (sin x)² as every textbook means it.

Refused: ``\sin^{-1} x`` and other exponents that are not whole positive
numbers (the inverse function, or 1/sin x?), and ``\sin 3h`` or ``\ln 2x``
(a number, then a name, with no bracket), which the grammar would take as
sin(3)·h where the writer means sin(3h). Left as they were: the Russian
hyperbolic spellings ``sh``, ``ch``, ``th``, ``cth`` written bare, which end in h and
would take ``ch(x)``, a constant c times a function h the notes define, for cosh x
(written upright, ``\operatorname{ch} x``, they are read: ``hyperbolic_names.py``).
"""
from __future__ import annotations

import re

import sympy as sp

from .latex_errors import LatexError, refuse_match
from .latex_operators import _power, _value

#: name as written → SymPy function (sin, cos, tanh are in latex_tree's own table).
ELEMENTARY: dict[str, type[sp.Function]] = {
    "tan": sp.tan, "tg": sp.tan, "cot": sp.cot, "ctg": sp.cot, "cotg": sp.cot, "sec": sp.sec, "csc": sp.csc,
    "arcsin": sp.asin, "arccos": sp.acos, "arctan": sp.atan, "arctg": sp.atan, "arccot": sp.acot,
    "arcctg": sp.acot, "sinh": sp.sinh, "cosh": sp.cosh, "coth": sp.coth,
}

_NAMES = "|".join(sorted(ELEMENTARY, key=len, reverse=True))
_POWERED = "sin|cos|" + _NAMES

#: Alternatives for the grammar's FUNC token: ``\tan``, ``\operatorname{tg}``, a
#: plain ``tg`` or ``arcsin`` before a bracket, a plain ``cos`` before ``^2(``.
FUNC_PATTERN = (
    rf"/\\(?:{_NAMES})(?![A-Za-z])/"
    rf" | /\\(?:operatorname|mathrm|text)\s*\{{\s*(?:{_NAMES})\s*\}}/"
    rf" | /(?<![A-Za-z\\])(?:{_NAMES})(?=\s*\()/"
    rf" | /(?<![A-Za-z\\])(?:{_POWERED})(?=\s*\^\s*(?:\d|\{{\s*\d+\s*\}})\s*\()/"
)


def powered_call(value: sp.Expr, exponent) -> sp.Expr:
    """``\\sin^2 x``: (sin x)²; an exponent other than a whole positive number is refused."""
    exponent = _value(exponent)
    if not (exponent.is_Integer and exponent > 0):
        raise LatexError(f"a power {exponent} written on a function's name (the inverse function, or a power "
                         "of its value?) is not read", notation=True)
    return _power(value, exponent)


#: ``\sin 3h``, ``\ln 2x``: a function name, a number, then a name with no bracket.
_NUMBER_THEN_NAME = re.compile(r"\\(?:sin|cos|ln|log|exp|tanh|sh|ch|th|cth|" + _NAMES + r")(?![A-Za-z])\s*\d+(?:\.\d+)?\s*"
                               r"(?=[A-Za-z]|\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|lambda|mu|"
                               r"nu|xi|pi|rho|sigma|tau|phi|varphi|chi|psi|omega|Delta)(?![A-Za-z]))")


def number_then_name_refused(latex: str) -> str:
    """Refuse ``\\sin 3h``: TeX readers mean sin(3h), the grammar takes sin(3)·h."""
    return refuse_match(_NUMBER_THEN_NAME, latex, lambda m: f"{' '.join(m.group(0).split())}… without a bracket: "
                        "the function of the product, or of the number times the name? not read")
