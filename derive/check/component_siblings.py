r"""An undefined component beside a defined one: ``p_1 = \frac{e^{z_1}}{e^{z_1} + e^{z_2}}``,
then ``\frac{\partial p_1}{\partial z_2} = -p_1 p_2``. The notes define p_1 and mean p_2 as
the other class's probability; read as a free name, p_2 makes the step "wrong" at test points.

Not every undefined name beside a defined sibling is a component: ŷ_1 = w x_1 + b beside an
undefined ŷ_2 (or the data y_i beside a defined ŷ_i) numbers samples, each its own data, and
a step wrong in them is wrong. What marks a component (a class, a unit of a layer) is that
the defined sibling is computed from the others' numbers too: p_1's definition uses z_1 and
z_2, so p_2 (number 2) is the component that z_2 feeds, as p_1 is z_1's. A wrong step holding
such an undefined component is skipped, saying so; the definition is not guessed (p_2 may be
1 − p_1, or the softmax with 1 and 2 exchanged, or something else the notes did not write).
"""
from __future__ import annotations

import sympy as sp

from .derivation import Derivation, Step
from .greek_names import show_name
from .siblings import sibling


def _number(name: sp.Symbol, other: sp.Symbol) -> tuple[str, str]:
    """The parts in which two siblings differ (p_1, p_2 → "1", "2")."""
    (pair,) = [(x, y) for x, y in zip(name.name.split("_"), other.name.split("_")) if x != y]
    return pair


def undefined_component(step: Step, derivation: Derivation) -> str:
    """Why a wrong ``step`` is not judged: it holds a component the notes leave undefined beside
    a defined sibling computed from both components' numbers; "" when it holds none."""
    defs = derivation.definitions_at(step.order)
    sides = (step.first, step.claim) + ((step.previous,) if step.previous is not None else ())
    free = sorted({s for e in sides for s in e.free_symbols if isinstance(s, sp.Symbol)}, key=str)
    for name in (s for s in free if s not in defs):
        for defined in sorted(defs, key=str):
            if not isinstance(defined, sp.Symbol) or not sibling(name, defined):
                continue
            mine, theirs = _number(name, defined)
            inputs = [s for s in defs[defined].free_symbols if isinstance(s, sp.Symbol)]
            for a in inputs:
                for b in inputs:
                    if sibling(a, b) and _number(a, b) == (theirs, mine):
                        return (f"{show_name(name.name)} is the component beside {show_name(defined.name)} "
                                f"(defined from {show_name(a.name)} and {show_name(b.name)}), which the notes "
                                "do not define; not checked")
    return ""
