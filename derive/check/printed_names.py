r"""A name the notes printed rounded, reused by name: ``h = \tanh(0.5) \approx 0.46``,
then ``1 - h^2 \approx 0.7884``. The notes computed 1 − 0.46² = 0.7884 from the
value they printed; with the exact h (0.46212) it is 0.78645, and the row was
called wrong though its arithmetic is right. The same happens down a worked
backward pass (``\delta_1 \approx 0.031``, then ``\delta_1 x \approx 0.0465`` with
x = 1.5).

A decimal claim that is wrong at the exact values is judged again with each name
the notes printed as a decimal before it (a step ``N ≈ d`` or ``N = … = d`` judged
right, N's definition unchanged since) taken at the decimal printed. Right there, the
row is right as the notes computed it: ``numeric``, saying which printed values it
was read with. A slip stays wrong: the claim must print as the value computed from
the printed numbers (to its own decimals, rounded or cut off, as for any decimal
claim), so 1 − h² ≈ 0.7984 is wrong at both readings. Values given rounded as
numbers (``p = σ(0.1488)``) are ``given_rounding.py``'s; this module is about names.
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from .derivation import Derivation, Step
from .expansion import relevant_definitions
from .greek_names import show_name


def printed_values(step: Step, derivation: Derivation, results: list) -> dict:
    """name → (decimal printed, line) for each name printed as a decimal before ``step``
    (a step ``N … = d`` judged right) whose definition, and everything it is defined
    from, is the same at ``step`` as where it was printed."""
    found = {}
    for claim, verdict in results:
        if (isinstance(claim, Step) and isinstance(claim.first, sp.Symbol) and claim.digits is not None
                and isinstance(claim.claim, sp.Rational) and verdict.verdict in ("numeric", "proved")):
            found[claim.first] = (claim.claim, claim.line, claim.order)
    now = derivation.definitions_at(step.order)
    kept = {}
    for name, (value, line, order) in found.items():
        if name not in now or now[name] == value:
            continue
        if relevant_definitions(derivation.definitions_at(order), (name,)) == relevant_definitions(now, (name,)):
            kept[name] = (value, line)
    return kept


def printed_outcome(step: Step, verdict, derivation: Derivation, results: list, judge_at):
    """``verdict`` (a wrong decimal claim) made ``numeric`` when the claim is right with the
    names the notes printed rounded taken at their printed decimals; else ``verdict``.
    ``judge_at(defs)`` is the step's outcome under the definitions ``defs``."""
    if step.digits is None or not isinstance(step.claim, sp.Rational):
        return verdict
    now = derivation.definitions_at(step.order)
    sides = (step.first, step.claim) + ((step.previous,) if step.previous is not None else ())
    reached = set(relevant_definitions(now, sides))
    printed = {name: seen for name, seen in printed_values(step, derivation, results).items() if name in reached}
    if not printed:
        return verdict
    read = {**now, **{name: value for name, (value, _) in printed.items()}}
    outcome = judge_at(read)
    if outcome.verdict not in ("proved", "numeric"):
        return verdict
    reference = step.previous if step.previous is not None else step.first  # the value the claim prints
    used = relevant_definitions(read, (reference,))  # δ₁ taken as printed hides what δ₁ was computed from
    printed = {name: seen for name, seen in printed.items() if name in used}
    shown = ", ".join(f"{show_name(name.name)} = {_decimal(value)} (line {line})"
                      for name, (value, line) in sorted(printed.items(), key=lambda item: str(item[0])))
    return replace(verdict, verdict="numeric", expected=None, counterexample=None,
                   reason=f"{outcome.reason}, computed from the values the notes printed rounded: {shown}")


def _decimal(value: sp.Rational) -> str:
    places = next((k for k in range(13) if (value * 10**k).is_Integer), 12)
    return f"{float(value):.{places}f}"
