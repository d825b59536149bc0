r"""A name the notes define again for a side example, then use in its first meaning.

Notes on computation graphs define ``y = \frac{1}{1 + e^{-x}}``, then explain each
node with the same two names (``y = \frac{1}{x}``, ``\frac{\partial y}{\partial x} =
-y^2``; ``y = \exp(x)``, …) and go back to the sigmoid's y. Read with the latest
definition in force, the rows about the sigmoid are "wrong". A later definition
replaces an earlier one (``derivation.py``), and that is usually what notes mean,
but when a "wrong" row holds with an earlier formula of one of its names, which
meaning the notes use there is not settled: the row is skipped, saying so.

Only formulas count: a name that held a number (a worked example's value, the
step before an update) is not tried again, so a row computed with a stale value
is still wrong; and so is a row that holds with no definition of the name, unless that
definition was given under another heading (sections.py): notes that work a second example
in a new section reuse its letters as inputs of their own.
"""
from __future__ import annotations

from typing import Callable

import sympy as sp

from .derivation import Definition, Derivation, Step
from .expansion import relevant_definitions
from .greek_names import show_name
from .sections import same_section

#: How many earlier formulas are tried for one row.
MAX_TRIES = 4


def earlier_meaning(step: Step, derivation: Derivation, holds: Callable[[dict], bool]) -> str:
    """Why ``step`` (judged wrong) is skipped: it holds (``holds(defs)``) when one
    name it reaches takes a formula the notes gave it before the one in force;
    "" when no such formula makes it hold."""
    defs = derivation.definitions_at(step.order)
    reached = relevant_definitions(defs, (step.first, step.claim))
    tries = 0
    for name, now in reached.items():
        if now.is_number:
            continue
        entries = derivation._definitions.get(name, [])
        in_force = [order for order, value in entries if order < step.order and value == now]
        for order, value in entries:
            if order >= step.order or value == now or value.is_number or tries >= MAX_TRIES:
                continue
            tries += 1
            if holds(relevant_definitions({**defs, name: value}, (step.first, step.claim))):
                first, shown = derivation.claims[order], show_name(name.name)
                again = f", but the notes define {shown} again at line {derivation.claims[in_force[-1]].line}" \
                    if in_force else ""
                return (f"holds with {first.latex} (line {first.line}){again}: which meaning of {shown} they use "
                        "here is not settled; not checked")
    return _other_section(step, derivation, defs, reached, holds)


def _other_section(step: Step, derivation: Derivation, defs: dict, reached: dict,
                   holds: Callable[[dict], bool]) -> str:
    """Why ``step`` is skipped: it holds when a name whose formula in force was given
    under another heading is read as an input of its own (a later example's letter). The
    name must be an input of a formula given in the step's own section (``y = (a + b) c``),
    and not what the step differentiates (freed, dL/da would be a symbol of its own and
    anything would hold)."""
    differentiated = set().union(*(d.expr.free_symbols for e in (step.first, step.claim)
                                   for d in e.atoms(sp.Derivative)))
    inputs = set().union(*(claim.value.free_symbols for claim in derivation.claims[:step.order]
                           if isinstance(claim, Definition)
                           and same_section(derivation.headings, claim.line, step.line)))
    for name, now in [(k, v) for k, v in reached.items() if k in inputs - differentiated][:MAX_TRIES]:
        orders = [order for order, value in derivation._definitions.get(name, []) if value == now]
        before = [order for order in orders if order < step.order]
        order = before[-1] if before else (orders[0] if orders else None)
        if now.is_number or order is None:
            continue
        where = derivation.claims[order]
        if same_section(derivation.headings, where.line, step.line):
            continue
        if holds(relevant_definitions({k: v for k, v in defs.items() if k != name}, (step.first, step.claim))):
            shown = show_name(name.name)
            return (f"holds with {shown} an input of its own; the notes define {where.latex} at line {where.line}, "
                    f"in another section: which meaning of {shown} they use here is not settled; not checked")
    return ""
