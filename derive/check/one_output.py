"""One output written two ways: notes with a single numbered output write it
``\\hat{y_1}`` where they define it and ``\\hat{y}`` where they use it (the loss
``(y_1 - \\hat{y})^2``). Read apart, ŷ would be an unknown function of
everything and every chain rule through it would be skipped.

ŷ is read as ŷ_1 only when nothing else is possible: the notes write ŷ
bare and with exactly one index, a number (ŷ_1; never a second output ŷ_2
nor a per-sample ŷ_i), the label y carries no index but that one (y_1, never
y_2 or y_i), and the bare ŷ is never defined by a formula of its own (a
number, as a worked example gives, is the value of that one output). The
report states the assumption, as it does for ω ≡ w.
"""
from __future__ import annotations

import re

import sympy as sp

from ..symbols import symbol
from .greek_names import _show

_HAT = "_hat"


def _names(statements) -> tuple[set, set]:
    """Every name the statements use, and the heads they define by a formula."""
    used, formula_heads = set(), set()
    for st in statements:
        for piece in st.pieces:
            values = [e.value for e in piece.exprs]
            for v in values:
                used |= v.free_symbols
                for d in v.atoms(sp.Derivative):
                    used |= {var for var, _ in d.variable_count if isinstance(var, sp.Symbol)}
                used |= {symbol(f"{i.base.label.name}_{i.indices[0]}") for i in v.atoms(sp.Indexed)
                         if len(i.indices) == 1}
            if len(values) > 1 and isinstance(values[0], sp.Symbol) and not piece.continues \
                    and not values[1].is_number:
                formula_heads.add(values[0])
    return used, formula_heads


def one_output_aliases(statements, given: set) -> dict[sp.Symbol, tuple[sp.Symbol, str]]:
    """{ŷ: (ŷ_1, why)} for each decorated name that the notes write bare and
    with one numeric index, under the conditions of the module docstring."""
    used, formula_heads = _names(statements)
    found = {}
    for bare in sorted((s for s in used if s.name.endswith(_HAT)), key=lambda s: s.name):
        if bare in given or bare in formula_heads:
            continue
        label = bare.name[: -len(_HAT)]
        if not re.fullmatch(r"[A-Za-z]+", label):
            continue
        indices = {s.name[len(bare.name) + 1:] for s in used if s.name.startswith(bare.name + "_")}
        if len(indices) != 1 or not next(iter(indices)).isdigit():
            continue
        index = next(iter(indices))
        plain = {s.name[len(label) + 1:] for s in used if s.name.startswith(label + "_")
                 and not s.name.startswith(bare.name)}
        if plain - {index} or symbol(label) in used:
            continue
        indexed = symbol(f"{bare.name}_{index}")
        found[bare] = (indexed, f"the notes write one output both ways: {_show(indexed.name)} is the only "
                                f"numbered {_show(bare.name)} and {label}_{index} the only numbered {label}")
    return found
