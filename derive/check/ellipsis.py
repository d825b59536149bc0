r"""Sums written with dots: ``x_1 + x_2 + \dots + x_n`` is Σ_{k=1}^{n} x_k.

The first two terms and the last one must be one pattern in an index: the
same expression with ``_1``, ``_2`` and ``_n`` (or ``_N``, ``_m``, a number)
on the same names. Anything else with dots (a special term in the middle,
``\dots`` in a product, terms that do not follow one pattern) is refused
with the reason, never guessed. ``A = \cdots = B`` (a chain whose middle is
left out) still says ``A = B``: the dots are dropped.
"""
from __future__ import annotations

import re
from typing import Callable

import sympy as sp

from .latex_errors import LatexError
from .piecewise import FILL, MARK

_DOTS = re.compile(r"\\(?:dots|cdots|ldots|dotsb|dotsc)(?![A-Za-z])|…|⋯")
#: ``= \cdots =``: the middle of a chain left out.
_ELIDED_LINK = re.compile(r"=\s*(?:\\(?:dots|cdots|ldots)(?![A-Za-z])|…|⋯)\s*(?==)")
#: ``x_1 = \cdots = x_n``: the same name with two indices around an elided link.
_INDEXED = r"(\\[A-Za-z]+|[A-Za-z])\s*_\s*(?:\{\s*([A-Za-z0-9]+)\s*\}|([A-Za-z0-9]))"
_LAST_INDEXED = re.compile(_INDEXED + r"\s*$")
_FIRST_INDEXED = re.compile(r"\s*=\s*" + _INDEXED)
_OPEN, _CLOSE = "({[", ")}]"
_INDEX_NAMES = ("k", "j", "i", "m", "t")


class EllipsisError(ValueError):
    """Dots the checker cannot read as a sum."""

    def __init__(self, pos: int, why: str):
        self.pos = pos
        super().__init__(f"a sum written with dots ({why}) is not read")


def ellipses_read(latex: str, read: Callable[[str], sp.Expr], first_mark: int) -> tuple[str, tuple[sp.Expr, ...]]:
    """``latex`` with each ``t_1 + t_2 + \\dots + t_n`` replaced by a mark the
    grammar reads (same length, numbered from ``first_mark``), and the Sum
    each stands for."""
    for m in _ELIDED_LINK.finditer(latex):
        before, after = _LAST_INDEXED.search(latex[:m.start()]), _FIRST_INDEXED.match(latex[m.end():])
        if before and after and before.group(1) == after.group(1) \
                and (before.group(2) or before.group(3)) != (after.group(2) or after.group(3)):
            last = after.group(0).lstrip(" =").strip()
            raise LatexError(f"{before.group(0).strip()} = ⋯ = {last} says that a list of names are all equal "
                             "(a condition on the data); not read as definitions", m.start())
    latex = _ELIDED_LINK.sub(lambda m: " " * len(m.group(0)), latex)
    values: list[sp.Expr] = []
    while (m := _DOTS.search(latex)) is not None:
        start, end, value = _sum_around(latex, m, read)
        mark = MARK + str(first_mark + len(values))
        values.append(value)
        latex = latex[:start] + mark + FILL * (end - start - len(mark)) + latex[end:]
    return latex, tuple(values)


def _term_before(text: str, end: int) -> tuple[int, int]:
    """(start, end) of the term that ends just before the ``+`` at ``end``."""
    depth, i = 0, end - 1
    while i >= 0:
        ch = text[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (ch in "+-=,&" or text.startswith("\\\\", i - 1)):
            break
        i -= 1
    return i + 1, end


def _term_after(text: str, start: int) -> tuple[int, int]:
    depth, i = 0, start
    while i < len(text):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (ch in "+-=,&" or text.startswith("\\\\", i) or _DOTS.match(text, i)):
            break
        i += 1
    return start, i


def _sum_around(latex: str, dots: re.Match, read: Callable[[str], sp.Expr]) -> tuple[int, int, sp.Expr]:
    before = latex[:dots.start()].rstrip()
    after_start = dots.end() + len(latex[dots.end():]) - len(latex[dots.end():].lstrip())
    if not before.endswith("+") or latex[after_start:after_start + 1] != "+":
        raise EllipsisError(dots.start(), "dots not between two + signs")
    plus_before = len(before) - 1
    second = _term_before(latex, plus_before)
    if second[0] == 0 or latex[second[0] - 1] != "+":
        raise EllipsisError(dots.start(), "fewer than two terms before the dots")
    first = _term_before(latex, second[0] - 1)
    last = _term_after(latex, after_start + 1)
    if _DOTS.search(latex, last[1], last[1] + 12):
        raise EllipsisError(dots.start(), "more dots after a term in the middle")
    try:
        terms = [read(latex[a:b]) for a, b in (first, second, last)]
    except ValueError:
        raise EllipsisError(dots.start(), "a term that could not be read") from None
    value = _pattern(*terms)
    if value is None:
        raise EllipsisError(dots.start(), "terms that do not follow one pattern in an index")
    return first[0], last[1], value


def _pattern(first: sp.Expr, second: sp.Expr, last: sp.Expr) -> sp.Expr | None:
    """Σ_{k=1}^{N} body when first, second and last are body at k = 1, 2, N."""
    bases = {s.name[:-2] for s in first.free_symbols if s.name.endswith("_1") and len(s.name) > 2}
    if not bases:
        return None
    used = {s.name for t in (first, second, last) for s in t.free_symbols}
    k = sp.Symbol(next((n for n in _INDEX_NAMES if n not in used and all(not u.endswith("_" + n) for u in used)),
                       "k_sum"), integer=True)

    def generic(term: sp.Expr, index: str) -> sp.Expr:
        return term.xreplace({s: sp.IndexedBase(s.name[: -len(index) - 1], real=True)[k] for s in term.free_symbols
                              if s.name.endswith("_" + index) and s.name[: -len(index) - 1] in bases})

    body = generic(first, "1")
    if body.xreplace({k: 2}) != generic(second, "2").xreplace({k: 2}):
        return None
    uppers = {s.name.rsplit("_", 1)[1] for s in last.free_symbols
              if "_" in s.name and s.name.rsplit("_", 1)[0] in bases}
    if len(uppers) != 1:
        return None
    upper_name = uppers.pop()
    if not re.fullmatch(r"[A-Za-z]|\d+", upper_name):
        return None
    upper = sp.Integer(upper_name) if upper_name.isdigit() else sp.Symbol(upper_name, real=True)
    if body.xreplace({k: upper}) != generic(last, upper_name).xreplace({k: upper}):
        return None
    return sp.Sum(body, (k, 1, upper))
