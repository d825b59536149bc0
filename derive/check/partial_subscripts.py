r"""``\partial_{\theta_j} J``, ``\partial_w L``: a partial derivative written with a subscript.

Notes write ∂J/∂θ_j as ``\partial_{\theta_j} J`` (also ``\partial_x f``, ``∂_w L``);
read letter by letter it was ∂ with an index times J, and the row was refused.
The grammar reads ``\partial_{v}`` followed by one name (``J``, ``\hat{y}``,
``\mathcal{L}``, ``J(\theta)``) or by a bracket as the derivative of that name or
bracket by v (``latex_tree.py``), binding as tightly as a fraction would: so
``\partial_z L \cdot \partial_w z`` is a product of two derivatives.

This module refuses, before the grammar, the rows where what ∂_v applies to, or
what v is, is not clear (each with a reason; the row is skipped, never guessed):

* an operand raised to a power (``\partial_w L^2``: the derivative of L², or its
  square?) or followed by another name (``\partial_x f g``: of f, or of fg?);
* no name or bracket after it (``\partial_w = …``, ``\partial_x 3x``, ``\partial_x \sum …``);
* a subscript that is an index or a number (``\partial_i f``, ``\partial_1 f``: the
  i-th variable, which the notes do not name), or a vector (``\partial_{\mathbf{w}}``);
* a second derivative (``\partial_w^2 L``, ``\partial_{xy} f``).
"""
from __future__ import annotations

import re

from .latex_errors import LatexError

_SCRIPT = r"(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[A-Za-z0-9])"
#: ``\partial_`` (or ``∂_``) and its subscript.
PARTIAL_SCRIPT = re.compile(r"(?:\\partial(?![A-Za-z])|∂)\s*_\s*(?P<var>" + _SCRIPT + ")")
#: One name: an accent or a font around a letter, a Greek letter or a letter; then a subscript, arguments.
_NAME = re.compile(r"\s*(?:\\(?:hat|bar|tilde|widehat|overline|vec|mathcal|mathrm|mathit|operatorname)\s*"
                   r"(?:\{[^{}]*\}|\s[A-Za-z])|\\[A-Za-z]+|[A-Za-zα-ωΓΔΘΛΞΣΦΨΩŷ])"
                   r"(?:\s*_\s*" + _SCRIPT + r")?")
#: What may follow the operand: the end of a term or a factor that is itself a derivative.
_AFTER = re.compile(r"\s*(?:$|[=+\-−),.;&<>|\]}]|[*·×⋅∂≈≠≤≥→⇒]|\\\\|\\[,;!]"
                    r"|\\(?:cdot|times|approx|neq|ne|leq?|geq?|quad|qquad|right|to|text|tag|end|Rightarrow|implies"
                    r"|partial|[dt]?frac\s*\{\s*(?:\\partial|∂|d))(?![A-Za-z]))")
_NOT_A_NAME = re.compile(r"\s*(?:∂|\\(?:sum|frac|dfrac|tfrac|sqrt|left|cdot|times|partial|int|prod|lim|nabla|"
                         r"mathbf|boldsymbol|bm)(?![A-Za-z]))")
_INDEX = re.compile(r"[ijklmn]|\d+")
_OPEN = {"(": ")", "[": "]", "{": "}"}


def _bracket_end(latex: str, start: int) -> int:
    """The end of the bracket opening at ``start`` (``(`` or ``\\left(``), or -1."""
    m = re.compile(r"\s*(?:\\left\s*)?([(\[{])").match(latex, start)
    if m is None:
        return -1
    depth, closing, opening = 0, _OPEN[m.group(1)], m.group(1)
    for k in range(m.end(1) - 1, len(latex)):
        depth += latex[k] == opening
        depth -= latex[k] == closing
        if depth == 0:
            return k + 1
    return -1


def _operand_end(latex: str, start: int) -> int:
    """Where the one name or bracket after ``\\partial_v`` ends, or -1."""
    end = _bracket_end(latex, start)
    if end >= 0:
        return end
    m = _NAME.match(latex, start)
    if m is None or _NOT_A_NAME.match(latex, start):
        return -1
    end = m.end()
    arguments = _bracket_end(latex, end) if re.match(r"\s*(?:\\left\s*)?\(", latex[end:]) else -1
    return arguments if arguments >= 0 else end


def partial_subscripts_checked(latex: str) -> str:
    """``latex`` as it is; raises LatexError for a ``\\partial_v`` it cannot read (see the module)."""
    for m in PARTIAL_SCRIPT.finditer(latex):
        shown = " ".join(latex[m.start():m.end() + 12].split())
        var = m.group("var").strip("{} ")
        if re.match(r"\s*\^", latex[m.end():]) or re.fullmatch(r"[A-Za-z]{2,}", var):
            raise LatexError(f"a second derivative written with subscripts ({shown}…) is not read", m.start())
        if _INDEX.fullmatch(var):
            raise LatexError(f"∂_{var} differentiates by variable {var} of a list (an index, not a name the notes "
                             "give); not read", m.start())
        if re.match(r"\\(?:mathbf|boldsymbol|bm|vec)\b", var):
            raise LatexError(f"a derivative by a vector ({shown}…) is not read as a scalar", m.start(), notation=True)
        end = _operand_end(latex, m.end())
        if end < 0 and re.match(r"\s*(?:∂|\\partial(?![A-Za-z]))", latex[m.end():]):
            raise LatexError(f"a second derivative written with subscripts ({shown}…) is not read", m.start())
        if end < 0:
            raise LatexError(f"what {m.group(0).strip()} differentiates is not one name or bracket ({shown}…); "
                             "not read", m.start())
        if re.match(r"\s*\^", latex[end:]):
            power = " ".join(latex[m.start():end + 4].split())
            raise LatexError(f"{m.group(0).strip()} before a power ({power}…): the derivative of the power, or a "
                             "power of the derivative? not read", m.start())
        if not _AFTER.match(latex, end):
            after = " ".join(latex[m.start():end + 6].split())
            raise LatexError(f"{m.group(0).strip()} is followed by more than one name or bracket ({after}…): whether "
                             "it applies to the first or to the whole product is not clear; not read", m.start())
    return latex


def partial_variable(token: str):
    """The variable of a ``\\partial_{v}`` token: one name, else LatexError."""
    from .latex import parse_statement  # here: latex_tree, which latex imports, imports this module

    m = PARTIAL_SCRIPT.match(token)
    inner = m.group("var")
    inner = inner[1:-1] if inner.startswith("{") else inner
    try:
        (piece,) = parse_statement(inner).pieces
        (value,) = [e.value for e in piece.exprs]
    except (LatexError, ValueError):
        value = None
    if value is None or not value.is_Symbol:
        raise LatexError(f"a derivative by {inner.strip()}, which is not one name, is not read")
    return value
