"""The chains a row starting with ``=`` may continue (``chains.py``): a chain
kept with its first and last expression, a barrier left by a skipped row, and
the search for the chain a continuation belongs to; plus what marks a row as
a statement about functions the notes never define."""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from .latex import Expression, Piece


@dataclass
class _Chain:
    first: Expression | None  # None: a row that was skipped, which no continuation may cross
    defines: sp.Symbol | None
    skipped: str = ""
    last: Expression | None = None
    passable: bool = False  # a skipped row's readable end: only the row right after it continues it


def _barrier(reason: str) -> _Chain:
    return _Chain(None, None, reason)


def _domain(piece: Piece) -> bool:
    r"""``x \in \mathbb{R}^n``: says where a name lives, not a condition (the
    reader turns ``\mathbb{R}^n`` into ``R`` at the backslash, see latex_rewrites.py)."""
    return (len(piece.exprs) == 2 and piece.relations == ("≠",)
            and piece.exprs[1].text == "\\" and str(piece.exprs[1].value) in ("R", "N", "Z", "C", "Q"))


def _continued_chain(chains: list[_Chain], exprs: tuple[Expression, ...]) -> _Chain | None:
    used = set().union(*(e.value.free_symbols for e in exprs))
    for chain in reversed(chains):
        if chain.defines is not None and chain.defines in used or chain.passable and chain is not chains[-1]:
            continue
        return chain
    return None


def _applications(values: list[sp.Expr]) -> list:
    return [f for v in values for f in v.atoms(AppliedUndef)]


def _rule_functions(values: list[sp.Expr], names: frozenset = frozenset()) -> list[str]:
    """The functions (else the primed names, ``y'``) that ``values`` use without a
    definition; ``names`` are primed names read as names of their own (primed_names.py)."""
    functions, primed = set(), set()
    for v in values:
        functions |= {f.func.__name__.rstrip("'") for f in v.atoms(AppliedUndef)}
        primed |= {s.name for s in v.free_symbols if "'" in s.name and s.name not in names}
    return sorted(functions or primed)
