r"""Piecewise definitions: a ``cases`` environment, or a name defined twice
under opposite sign conditions (``y = x \quad (x > 0)``, ``y = 0 \quad (x \le 0)``).

``\begin{cases} z & z > 0 \\ 0 & \text{otherwise} \end{cases}`` becomes
``Piecewise((z, z > 0), (0, True))``; each row is a value and a condition
(``x > 0``, ``|a| \le \delta``, ``\text{if } z < 1``, ``\text{otherwise}``).
A row that cannot be split into those two is not guessed: the environment is
refused (skipped with the reason), as before.
"""
from __future__ import annotations

import re
from typing import Callable

import sympy as sp

from ..symbols import symbol

#: Stands for the n-th cases environment of a segment (same length, padded with spaces).
MARK = "\ue004"
FILL = "\ue005"

_CASES = re.compile(r"\\begin\s*\{\s*cases\s*\}(.*?)\\end\s*\{\s*cases\s*\}", re.DOTALL)
_ROW = re.compile(r"\\\\(?:\[[^\]]*\])?")
_RELATION = r"(?P<rel><|>|\\leq?|\\geq?|\\leqslant|\\geqslant|\\lt|\\gt|≤|≥)"
_LHS = r"(?P<lhs>\|[^|]+\||\\lvert.+?\\rvert|\\?[A-Za-z]+(?:_\{?\s*\\?[A-Za-z0-9]+\s*\}?)?)"
_WORDS = r"(?:\\text\s*\{\s*(?:if|for|when|where|falls)?\s*\}|if|for)?"
#: Value and condition are apart where ``&`` stood (two spaces or more once it is blanked), or
#: at a comma or an "if": ``1 x > 0`` (one space) might be 1·x, so it is not split.
_APART = r"(?:\s*,\s*|\s{2,}|\s+(?=\\text|if\b|for\b))"
_CONDITIONAL = re.compile(rf"^(?P<value>.*?\S){_APART}\s*{_WORDS}\s*{_LHS}\s*{_RELATION}\s*(?P<rhs>.+?)\s*$",
                          re.DOTALL)
_OTHERWISE = re.compile(r"^(?P<value>.*?\S)\s*,?\s*(?:\\text\s*\{\s*(?:otherwise|else|sonst|sinon)\s*\}|otherwise)\s*$",
                        re.DOTALL)
_RELATIONS = {"<": sp.Lt, "\\lt": sp.Lt, ">": sp.Gt, "\\gt": sp.Gt, "\\le": sp.Le, "\\leq": sp.Le,
              "\\leqslant": sp.Le, "≤": sp.Le, "\\ge": sp.Ge, "\\geq": sp.Ge, "\\geqslant": sp.Ge, "≥": sp.Ge}


class PiecewiseError(ValueError):
    """A cases environment whose rows are not each a value and a condition."""

    def __init__(self, pos: int):
        self.pos = pos
        super().__init__("a piecewise definition (cases) whose rows the checker cannot split into a value and "
                         "a condition is not checked")


def cases_read(latex: str, read: Callable[[str], sp.Expr]) -> tuple[str, tuple[sp.Expr, ...]]:
    """``latex`` with each ``cases`` environment replaced by a mark the grammar
    reads (same length), and the Piecewise each stands for. ``read`` turns
    one side's LaTeX into SymPy (raising ValueError when it cannot)."""
    values = []

    def replace(m: re.Match) -> str:
        mark = MARK + str(len(values))
        values.append(_piecewise(m.group(1), read, m.start()))
        return mark + FILL * (len(m.group(0)) - len(mark))  # one token as long as the environment

    return _CASES.sub(replace, latex), tuple(values)


def _piecewise(body: str, read: Callable[[str], sp.Expr], pos: int) -> sp.Expr:
    rows = [r.replace("&", " ").strip() for r in _ROW.split(body)]
    rows = [r for r in rows if r]
    pairs = []
    try:
        for k, row in enumerate(rows):
            m = _OTHERWISE.match(row)
            if m:
                if k != len(rows) - 1:
                    raise PiecewiseError(pos)
                pairs.append((read(m.group("value")), sp.true))
                continue
            m = _CONDITIONAL.match(row)
            if not m:
                raise PiecewiseError(pos)
            relation = _RELATIONS[m.group("rel")]
            pairs.append((read(m.group("value")), relation(read(m.group("lhs")), read(m.group("rhs")))))
    except (ValueError, TypeError) as err:
        if isinstance(err, PiecewiseError):
            raise
        raise PiecewiseError(pos) from None
    if len(pairs) < 2:
        raise PiecewiseError(pos)
    return sp.Piecewise(*pairs)


def conditional_pieces(pieces: list[tuple[sp.Expr, tuple]]) -> sp.Expr | None:
    """The Piecewise that definitions of one name under sign conditions make
    (``y = x`` where x > 0, ``y = 0`` where x ≤ 0): one name, one piece for
    each sign; None while they do not yet cover both signs."""
    if any(len(domain) != 1 for _, domain in pieces):
        return None
    names = {domain[0][0] for _, domain in pieces}
    positive = [(v, d[0][2]) for v, d in pieces if d[0][1] > 0]
    negative = [(v, d[0][2]) for v, d in pieces if d[0][1] < 0]
    if len(names) != 1 or len(positive) != 1 or len(negative) != 1:
        return None
    x = symbol(names.pop())
    (up, up_rel), (down, down_rel) = positive[0], negative[0]
    if up_rel == ">":
        return sp.Piecewise((up, x > 0), (down, True))
    return sp.Piecewise((down, x < 0), (up, True))
