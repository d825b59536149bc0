"""Worked examples inside a derivation: ŷ_1 = w_5 a_1 + w_6 a_2, then
ŷ_1 = 0.4943. From the value on, ŷ_1 holds that number, and a derivative
through it (∂L/∂w_5 with L = (y_1 - ŷ_1)^2) has no formula to follow: the
step is skipped. A symbolic step there is still an identity of the formulas
the notes give; when it is proved with every such name read as its formula,
it holds at the example's values too, so it is proved. Only a proof is
taken from this reading, never a "wrong": the values may be the notes'
rounding of the formulas."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from . import expansion
from .derivation import Derivation, Step
from .greek_names import show_name
from .outcome import Outcome


def formulas_at(derivation: Derivation, order: int) -> dict:
    """{name: formula} for each name whose definition in force at ``order`` is a
    number while an earlier one (or, failing that, a later one) is a formula."""
    current = derivation.definitions_at(order)
    found = {}
    for name, entries in derivation._definitions.items():
        if name not in current or not current[name].is_number:
            continue
        before = [value for at, value in entries if at < order and not value.is_number]
        after = [value for at, value in entries if at >= order and not value.is_number]
        formula = before[-1] if before else (after[0] if after else None)
        if formula is not None and not formula.has(name):
            found[name] = formula
    return found


def proved_from_formulas(step: Step, derivation: Derivation, defs: dict,
                         judge: Callable[[Step, dict], Outcome]) -> Outcome | None:
    """``step`` proved with the names a worked example gave values read as their
    formulas (``judge(step, definitions)`` gives a verdict); None when it is not."""
    formulas = formulas_at(derivation, step.order)
    used = formulas.keys() & defs.keys()
    if not used:
        return None
    read = expansion.relevant_definitions({**derivation.definitions_at(step.order), **formulas},
                                          (step.first, step.claim))
    if judge(replace(step, previous=None), read).verdict != "proved":
        return None
    names = ", ".join(sorted(show_name(k.name) for k in used))
    return Outcome("proved", f"an identity of the formulas the notes give for {names} (their example values "
                             "are not used)")
