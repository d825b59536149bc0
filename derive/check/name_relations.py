r"""A relation between two names, not a definition of one by the other: ``x = y = 5`` at
the end of a Lagrange derivation, "at the optimum $x = y$", "if also $h_1 = h_2$", "with
a symmetric initialisation $w_1 = w_2$".

A name used before its first definition reads that definition (``derivation.py``: "where
ŷ = w x + b" after the step), so a relation stated after a derivative claim was put into
it: ``\frac{\partial g}{\partial y} = x`` for g = x y, read with x = y, expected 2y and was
called wrong. Likewise ``w_1 = w_2`` between two names the notes differentiate by makes
∂o/∂w_2 of o = w_1 h_1 + w_2 h_2 read h_1 + h_2, though a partial derivative holds w_1 fixed.

Such a relation (a name set to another bare name, both already in what the claim is
about) is a condition the notes state, not what the name means. A wrong claim is judged
again without the relations given after it, and without those between two names it is
differentiated by: right there, it keeps that verdict, saying so. Wrong there too, it
stays wrong. Values given as numbers after a numeric claim are ``later_values.py``'s.
"""
from __future__ import annotations

import bisect
from dataclasses import replace

import sympy as sp

from .derivation import Derivation, Step
from .expansion import relevant_definitions
from .greek_names import show_name


def _relations(step: Step, derivation: Derivation, now: dict) -> list[tuple[sp.Symbol, sp.Symbol, int]]:
    """The relations NAME = OTHER in force at ``step`` that are conditions: (name, other, order)."""
    found = []
    for name, value in now.items():
        if not isinstance(value, sp.Symbol) or value == name:
            continue
        entries = derivation._definitions.get(name, [])
        k = bisect.bisect_right(entries, step.order, key=lambda entry: entry[0])
        order = entries[k - 1][0] if k else entries[0][0]
        later = not k
        between_variables = name in derivation.variables and value in derivation.variables
        if later or between_variables:
            found.append((name, value, order))
    return found


def _held(step: Step, defs: dict) -> set:
    """The names the claim is about, through the definitions it reaches."""
    sides = (step.first, step.claim) + ((step.previous,) if step.previous is not None else ())
    names = set().union(*(s.free_symbols for s in sides))
    for value in relevant_definitions(defs, sides).values():
        names |= value.free_symbols
    names |= {v for s in sides for d in s.atoms(sp.Derivative) for v in d.variables}
    return names


def relation_outcome(step: Step, verdict, derivation: Derivation, judge_at):
    """``verdict`` (a wrong claim) made the verdict it has without the relations between
    names the notes state after it or between its variables, when that one is right.
    ``judge_at(defs)`` is the step's outcome under the definitions ``defs``."""
    if not step.first.has(sp.Derivative):
        return verdict
    now = derivation.definitions_at(step.order)
    relations = _relations(step, derivation, now)
    if not relations:
        return verdict
    without = {k: v for k, v in now.items() if k not in {name for name, _, _ in relations}}
    held = _held(step, without)
    dropped = [(n, v, o) for n, v, o in relations if n in held and v in held]
    if not dropped:
        return verdict
    without = {k: v for k, v in now.items() if k not in {name for name, _, _ in dropped}}
    outcome = judge_at(without)
    if outcome.verdict not in ("proved", "numeric"):
        return verdict
    lines = sorted({derivation.claims[o].line for _, _, o in dropped})
    shown = ", ".join(f"{show_name(n.name)} = {show_name(v.name)}" for n, v, _ in dropped)
    where = f"line {lines[0]}" if len(lines) == 1 else f"lines {', '.join(map(str, lines))}"
    return replace(verdict, verdict=outcome.verdict, expected=None, counterexample=None,
                   reason=f"{outcome.reason}, read without {shown} ({where}), a relation between names the "
                          "claim already holds, not what one of them means")
