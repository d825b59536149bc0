"""The indicator of two indices being equal: ``1_{i=j}``, ``\\mathbb{1}_{i=j}``
and ``\\delta_{ij}`` (Kronecker's delta), all read as the name δ_ij.

The checker holds a_i and a_j as two independent names, so it cannot see
that they coincide when i = j: an identity with δ_ij is proved when it holds
for any value of δ_ij, called wrong only when it fails where i ≠ j (δ_ij = 0,
a_i and a_j then truly independent), and skipped otherwise."""
from __future__ import annotations

import re

import sympy as sp

from .outcome import Outcome
from .points import counterexample, numeric_difference

#: ``1_{i=j}``, ``\mathbb{1}_{i = j}``, ``\mathbf{1}_{\{i=j\}}``: the indicator, rewritten as ``δ_{ij}``.
_INDICATOR = re.compile(r"(?<![\w.])(?:\\(?:mathbb|mathbf|mathds|mathbbm)\s*\{\s*1\s*\}|1)\s*_\s*\{\s*(?:\\\{\s*)?"
                        r"([a-z])\s*=\s*([a-z])\s*(?:\\\}\s*)?\}")
_DELTA_NAME = re.compile(r"delta_([a-z])([a-z])")


def indicators_as_deltas(latex: str) -> str:
    """``1_{i=j}`` becomes ``δ_{ij }`` padded with spaces (same length, so
    positions in the text stay put and the name is spelled as the notes wrote it)."""
    def delta(m: re.Match) -> str:  # padded inside the braces: the name spans what the notes wrote
        return f"δ_{{{m.group(1)}{m.group(2)}" + " " * (len(m.group(0)) - 6) + "}"
    return _INDICATOR.sub(delta, latex)


def _deltas(expr: sp.Expr) -> set:
    return {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and (m := _DELTA_NAME.fullmatch(s.name))
            and m.group(1) != m.group(2)}


def delta_outcome(left: sp.Expr, right: sp.Expr, domain: tuple = ()) -> Outcome | None:
    """For sides that differ at some point: wrong if they differ where every
    δ_ij is 0 (i ≠ j), skipped if they agree there (the case i = j is not
    checked); None when no δ_ij is written."""
    deltas = _deltas(left) | _deltas(right)
    if not deltas:
        return None
    apart = {d: sp.Integer(0) for d in deltas}
    equal, found = numeric_difference(left.xreplace(apart), right.xreplace(apart), domain)
    shown = ", ".join(sorted(f"{m.group(1)} ≠ {m.group(2)}" for d in deltas if (m := _DELTA_NAME.fullmatch(d.name))))
    if found is not None:
        point, lv, rv = found
        return Outcome("wrong", f"the two sides differ where {shown}", None, counterexample(({**apart, **point}, lv, rv)))
    return Outcome("skipped", f"holds where {shown}; the case of equal indices (δ = 1, the names with i and j "
                              "then the same) is not checked")
