r"""A claim about components under a condition on their indices, written
after a comma: ``\frac{\partial a_j}{\partial z_i} = a_i(1 - a_i), \quad i = j``.

The checker holds a_i and a_j as independent names, which is exactly the
case i ≠ j: under ``i \neq j`` the claim is read as written. Under ``i = j``
every name indexed by one letter is renamed to the same name indexed by the
other (a_i → a_j, z[i] → z[j]; the letter the notes define more names in is kept)
and then read. Only two index letters that the claim uses as
subscripts count, and under i = j a claim holding a sum or a piecewise
expression is left alone (None): the caller then skips it as before."""
from __future__ import annotations

import re

import sympy as sp

from ..symbols import symbol
from .latex import Expression, Piece

_COMPONENT = re.compile(r"(.+)_([a-z])")

_NOT_EQUAL = re.compile(r"\\neq?(?![A-Za-z])|≠")


def _subscripts(pieces: list[Piece]) -> set[str]:
    found = set()
    for piece in pieces:
        for e in piece.exprs:
            found |= {s.name.rpartition("_")[2] for s in e.value.atoms(sp.Symbol) if "_" in s.name}
            found |= {str(k) for i in e.value.atoms(sp.Indexed) for k in i.indices}
    return found


def _renamed(value: sp.Expr, old: str, new: str) -> sp.Expr:
    names = {s: symbol(f"{s.name[:-len(old)]}{new}") for s in value.atoms(sp.Symbol)  # ∂ variables too
             if s.name.endswith("_" + old)}
    value = value.xreplace(names)
    return value.xreplace({i: i.base[tuple(sp.Symbol(new, integer=True) if str(k) == old else k for k in i.indices)]
                           for i in value.atoms(sp.Indexed)})


def index_condition(pieces: list[Piece], latex: str, defined: frozenset = frozenset()
                    ) -> tuple[list[Piece], str] | None:
    """(the claim's pieces as they read under the condition, the condition
    shown), or None when the condition is not one on two index letters."""
    conditions = [p for p in pieces[1:] if p.separator == "comma"]
    if len(conditions) != 1 or len(conditions[0].exprs) != 2:
        return None
    condition = conditions[0]
    left, right = (e.value for e in condition.exprs)
    if not all(isinstance(v, sp.Symbol) and len(v.name) == 1 and v.name.isalpha() for v in (left, right)):
        return None
    main = [p for p in pieces if p is not condition]
    if not {left.name, right.name} <= _subscripts(main):
        return None
    between = latex[condition.exprs[0].end:condition.exprs[1].start]
    if condition.relations == ("≠",):
        return (main, f"{left.name} ≠ {right.name}") if _NOT_EQUAL.search(between) else None
    if condition.relations != ("=",) or any(e.value.has(sp.Sum, sp.Piecewise) for p in main for e in p.exprs):
        return None  # renaming inside a sum could capture its index
    best = None
    for old, new in ((right.name, left.name), (left.name, right.name)):  # keep the letter the notes define names in
        renamed = [Piece(tuple(Expression(_renamed(e.value, old, new), e.start, e.end, e.text) for e in p.exprs),
                         p.continues, p.after_arrow, p.approximate, p.relations, p.separator) for p in main]
        known = sum(1 for p in renamed for e in p.exprs for s in e.value.atoms(sp.Symbol) if s in defined)
        if best is None or known > best[0]:
            best = (known, renamed)
    return best[1], f"{left.name} = {right.name}"


def component_definition(name: sp.Symbol, defs: dict) -> sp.Expr | None:
    """The definition of a_i read from the notes' one definition of a_j (the
    same name indexed by another letter: a definition for every component),
    when renaming j to i captures nothing; else None."""
    m = _COMPONENT.fullmatch(name.name)
    if m is None:
        return None
    base, index = m.groups()
    others = [k for k in defs if isinstance(k, sp.Symbol) and (o := _COMPONENT.fullmatch(k.name))
              and o.group(1) == base and o.group(2) != index]
    if len(others) != 1:
        return None
    (other,) = others
    value = defs[other]
    if not isinstance(value, sp.Basic) or value.is_number:
        return None  # a worked example's value of a_j says nothing about a_i
    used = {s.name for s in value.atoms(sp.Symbol)} | {str(k) for i in value.atoms(sp.Indexed) for k in i.indices}
    if index in used or any(n.endswith("_" + index) for n in used):
        return None
    return _renamed(value, other.name.rpartition("_")[2], index)
