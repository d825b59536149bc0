r"""A name with two indices inside a sum over one of them: ``\sum_j v_{kj}``.

The reader turns ``v_{kj}`` into one name, v_kj, and a sum over j then adds
the same v_kj n times: ``\sum_j v_{kj} = n v_{kj}`` would be proved, though
the writer adds the entries v_k1 … v_kn of a row. Once the definitions and
derivatives of a step are expanded (``algebra.py``), every such name left
inside a sum whose index it carries is read as the entry v[k, j]: the sum
then adds different entries, and a side that writes v_kj outside the sum is
written in another name, so the step is skipped rather than proved. Names
whose subscript is a word (``x_{in}``) are read the same way; at worst that
makes sides differ in their names, which is a skip, never a wrong verdict.
"""
from __future__ import annotations

import sympy as sp

#: The longest subscript read as one letter per index (v_kj, w_ijk).
MAX_INDICES = 3


def _entry(name: str, index: sp.Symbol) -> sp.Indexed | None:
    """v[k, j] for the name v_kj in a sum over j, or None when the name does
    not carry j among two or three one-character indices."""
    base, _, sub = name.rpartition("_")
    if not base or not 2 <= len(sub) <= MAX_INDICES or index.name not in sub:
        return None
    if not all(c.isdigit() or (c.isascii() and c.isalpha() and c.islower()) for c in sub):
        return None
    indices = tuple(index if c == index.name else sp.Integer(int(c)) if c.isdigit() else sp.Symbol(c, integer=True)
                    for c in sub)
    return sp.IndexedBase(base, real=True)[indices]


def _read_entries(total: sp.Sum) -> sp.Sum:
    body = total.function
    for limit in total.limits:
        index = limit[0]
        mapping = {}
        for s in body.free_symbols:
            if isinstance(s, sp.Symbol) and (entry := _entry(s.name, index)) is not None:
                mapping[s] = entry
        body = body.xreplace(mapping)
    return sp.Sum(body, *total.limits)


def read_entries(expr: sp.Expr) -> sp.Expr:
    """``expr`` with every two-index name in a sum over one of its indices
    read as that entry (Σ_j v_kj → Σ_j v[k, j]); unchanged when there is none."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Sum):
        return expr
    sums = {}
    for total in expr.atoms(sp.Sum):
        read = _read_entries(total)
        if read != total:
            sums[total] = read
    return expr.xreplace(sums) if sums else expr
