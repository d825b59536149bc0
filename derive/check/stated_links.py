"""Derivatives of undefined names, replaced by the values the notes stated.

After ``\\frac{\\partial L}{\\partial \\hat y} = \\hat y - y`` (L never
defined, so the row itself is skipped) the notes go on: ``\\frac{\\partial
L}{\\partial z} = \\frac{\\partial L}{\\partial \\hat y}\\frac{\\partial \\hat
y}{\\partial z} = (\\hat y - y)\\hat y(1 - \\hat y)``. That last link is
checkable once ∂L/∂ŷ stands for what the notes said it is. This module keeps,
in reading order, the value each such derivative was given — by a row
``∂A/∂B = expr`` none of whose links was judged wrong — and judges a later
step with those values put in.

What such a verdict means is conditional: the step follows from the values
the notes stated (named in the reason), which the checker could not check
itself. So a proof is kept (with that said), a disagreement is never called
wrong (the stated value may be the wrong one), and a derivative given two
different values in the notes is not replaced at all.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import sympy as sp

from .chain_rule import shown_derivative
from .derivation import Definition, Step
from .outcome import Outcome

#: How many rounds of replacement (∂L/∂w → ∂L/∂ŷ·∂ŷ/∂w → (ŷ - y)·x).
ROUNDS = 4
#: The verdicts of a stated link's rows that leave its value usable.
_USABLE = ("proved", "numeric")


def _usable(verdict) -> bool:
    """A row not judged wrong whose value can stand: checked, or skipped only
    because its derivative is of something undefined."""
    return verdict.verdict in _USABLE or (verdict.verdict == "skipped" and verdict.reason.startswith("depends on "))


def _same(a: sp.Expr, b: sp.Expr) -> bool:
    try:
        return a == b or sp.expand(a - b) == 0
    except (TypeError, ValueError):
        return False


@dataclass
class StatedLinks:
    """The values stated for derivatives so far: ``derivative → (value, line)``,
    and the run of rows being read (``∂L/∂ŷ = -2(y - ŷ) = -8``)."""

    values: dict = field(default_factory=dict)
    conflicting: set = field(default_factory=set)
    _run: list = field(default_factory=list)  # [(step, verdict)] with one first expression

    def before(self, claim) -> None:
        """Close the run of rows stating one derivative unless ``claim`` continues
        its chain (the same first expression, and the run's last claim before it)
        or is a definition read within it (values learned from ``= 0.01 - 0.75``)."""
        if isinstance(claim, Definition):
            return
        if self._run and not (isinstance(claim, Step) and claim.first == self._run[0][0].first
                              and claim.previous is not None and claim.previous == self._run[-1][0].claim):
            self._close()

    def after(self, claim, verdict) -> None:
        """Remember ``claim`` (judged ``verdict``) when it states a derivative's value."""
        if isinstance(claim, Step) and isinstance(claim.first, sp.Derivative):
            self._run.append((claim, verdict))

    def _close(self) -> None:
        run, self._run = self._run, []
        derivative = run[0][0].first
        if derivative in self.conflicting:
            return
        if any(v.verdict == "wrong" for _, v in run):
            self.values.pop(derivative, None)  # which of its rows is right is not known
            self.conflicting.add(derivative)
            return
        value = _stated_value(run)
        if value is None:
            return
        if derivative in self.values and not _same(self.values[derivative][0], value[0]):
            if value[2] in _USABLE:  # ∂L/∂w = (ŷ - y)x, checked against ∂L/∂ŷ·∂ŷ/∂w stated before
                self.values[derivative] = value[:2]
                return
            del self.values[derivative]  # two different values, neither checked: neither is used
            self.conflicting.add(derivative)
            return
        self.values.setdefault(derivative, value[:2])

    def substituted(self, step: Step) -> tuple[Step, list] | None:
        """``step`` with the stated values put in for its derivatives, and the
        (derivative, line) pairs used; None when none applies."""
        used: list = []
        parts = [step.first, step.claim, step.previous]
        for _ in range(ROUNDS):
            found = {d for p in parts if p is not None for d in p.atoms(sp.Derivative) if d in self.values}
            if not found:
                break
            for d in sorted(found, key=str):
                if d not in [u for u, _ in used]:
                    used.append((d, self.values[d][1]))
            mapping = {d: self.values[d][0] for d in found}
            parts = [p.xreplace(mapping) if p is not None else None for p in parts]
        if not used:
            return None
        first, claim, previous = parts
        return replace(step, first=first, claim=claim, previous=previous), used


def _stated_value(run: list) -> tuple[sp.Expr, int, str] | None:
    """The value a run of rows gives its derivative: the first claimed
    expression free of derivatives, else a chain-rule product proved by the
    rule (∂L/∂w = ∂L/∂ŷ·∂ŷ/∂w); with its line and that row's verdict. Every row before it must be usable."""
    derivative = run[0][0].first
    for step, verdict in run:
        if not _usable(verdict):
            return None
        if derivative in step.claim.atoms(sp.Derivative):
            continue
        if not step.claim.has(sp.Derivative):
            return step.claim, step.line, verdict.verdict
    for step, verdict in run:
        if verdict.verdict == "proved" and verdict.reason.startswith("the chain rule") \
                and derivative not in step.claim.atoms(sp.Derivative):
            return step.claim, step.line, verdict.verdict
    return None


def linked_outcome(step: Step, links: StatedLinks, judge_again) -> Outcome | None:
    """The verdict on ``step`` with the stated values put in (``judge_again``
    judges a step): a proof said to rest on those values, a disagreement
    skipped, None when no value applies or nothing was decided."""
    found = links.substituted(step)
    if found is None:
        return None
    again, used = found
    given = ", ".join(f"{shown_derivative(d)} (line {line})" for d, line in used)
    stated = links.values.get(step.first)
    if stated is not None and _same(stated[0], step.claim):
        return Outcome("skipped", f"restates the value the notes gave for {shown_derivative(step.first)} at line "
                                  f"{stated[1]}; not checked again")
    verdict = judge_again(again)
    if verdict.verdict == "skipped" and again.previous is not None and again.previous != again.first:
        # X = A = B with X still unknown: the link A = B, with the values put in
        link = judge_again(replace(again, first=again.previous, previous=None))
        verdict = link if link.verdict == "wrong" else verdict
    if verdict.verdict in _USABLE:
        # "(the chain's first expression is not checked: …)" says again what this reason says
        reason = verdict.reason.partition(" (the chain's first expression is not checked")[0]
        return Outcome(str(verdict.verdict), f"{reason}, using the values the notes stated for {given}")
    if verdict.verdict == "wrong":
        return Outcome("skipped", f"disagrees with the values the notes stated for {given}: this step or one of "
                                  "those values (which are not checked) is wrong; not judged")
    return None
