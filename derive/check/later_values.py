r"""Values given right after a claim, for that claim: ``\frac{\partial}{\partial w}(wx - y)^2
= 2(wx - y)x = 4``, "where now $w = 3$, $x = 1$, $y = 1$", or ``\sigma'(z) \approx 0.1966``
"for $z = 1$". The names had values already (an earlier example's w = 1, x = 2, y = 0),
so the claim was judged at those and called wrong, though at the values the notes put
after it, for it, it is right.

A claim that is wrong at the values in force is judged again when the claims right after
it (past the rest of its own line) are values given as numbers, one or more in a row, for
names it uses, with no heading between: at those values. Right there, the claim is right
as the notes state it: ``numeric``, saying which values it was read with. Wrong there
too, it is wrong at either reading and stays wrong. A name used before any value of it
reads the first one already (``derivation.py``); this is the same for a name given new
values.
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from .derivation import Definition, Derivation, Step
from .expansion import relevant_definitions
from .greek_names import show_name


def values_after(step: Step, derivation: Derivation) -> list[Definition]:
    """The values given as numbers right after ``step`` (past the claims on its own
    line), for names the notes gave another value before; [] when none are."""
    claims, k = derivation.claims, step.order + 1
    while k < len(claims) and not isinstance(claims[k], Definition) and claims[k].line == step.line:
        k += 1
    given: list[Definition] = []
    while k < len(claims) and isinstance(claims[k], Definition) and not claims[k].update \
            and isinstance(claims[k].value, sp.Expr) and claims[k].value.is_number:
        given.append(claims[k])
        k += 1
    if given and any(step.line < h <= given[-1].line for h in derivation.headings):
        return []  # the values open the next section
    return given


def later_outcome(step: Step, verdict, derivation: Derivation, judge_at):
    """``verdict`` (a wrong claim at the values in force) made ``numeric`` when the claim
    is right at the values the notes give right after it; else ``verdict``.
    ``judge_at(defs)`` is the step's outcome under the definitions ``defs``."""
    if step.claim.free_symbols or not step.claim.is_number:
        return verdict  # a formula, not a number at given values
    now = derivation.definitions_at(step.order)
    sides = (step.first, step.claim) + ((step.previous,) if step.previous is not None else ())
    reached = set(relevant_definitions(now, sides))
    given = [d for d in values_after(step, derivation) if d.name in reached and now.get(d.name) != d.value]
    if not given:
        return verdict
    outcome = judge_at({**now, **{d.name: d.value for d in given}})
    if outcome.verdict not in ("proved", "numeric"):
        return verdict
    shown = ", ".join(f"{show_name(d.name.name)} = {d.latex.split('=', 1)[1].strip()}" for d in given)
    lines = sorted({d.line for d in given})
    where = f"line {lines[0]}" if len(lines) == 1 else f"lines {', '.join(map(str, lines))}"
    return replace(verdict, verdict="numeric", expected=None, counterexample=None,
                   reason=f"{outcome.reason}, at the values the notes give right after it ({where}: {shown})")
