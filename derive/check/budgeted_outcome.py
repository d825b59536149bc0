"""One scalar step's verdict from ``algebra`` within the checker's budgets.

The time budget: every phase runs in the worker process of :mod:`derive.worker`
within ``seconds`` (``--timeout``), cheap steps included. Cheap steps (small, no
sums, small powers) are first judged quickly, by expanding and by exact
evaluation at test points; anything else, and any step whose quick proof fails
while the points agree, gets the thorough symbolic proof; when that overruns,
the step is tested at points only, again within the budget, and skipped when
that overruns too. The size budget: a step whose powers multiply past a bound
once its definitions are substituted is tested at points only, or, past a
larger one, not evaluated at all (``verdicts.py`` judges the claims of the notes
with this).
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from ..worker import Overrun, run_with_budget
from . import algebra
from .derivation import Step
from .outcome import Outcome

CHEAP_OPS = 300
CHEAP_POWER = 12
#: The size budget: past this product of nested powers, once the definitions are
#: substituted, a step is only tested at points (expanding (w + 1)^{10000}, a
#: power of 100 of a power of 100, took 900 MB within a 3 s budget) …
SYMBOLIC_POWER = 1000
#: … and past this, not evaluated at all.
NUMERIC_POWER = 100_000


def _outcome(step: Step, defs: dict, spellings: dict, seconds: float, unknown: frozenset) -> Outcome:
    """The verdict of ``algebra`` on ``step``: each phase in the worker within ``seconds``."""
    first, claim = step.first, step.claim
    args = (first, claim, defs, spellings)
    extra = (unknown, step.previous, step.digits, step.rounding, step.references, step.literals, step.domain)
    power = substituted_power((first, claim), defs)
    if power > NUMERIC_POWER:
        return Outcome("skipped", f"too large to judge: its powers multiply to {power:.3g} once the definitions "
                                  f"are substituted (at most {NUMERIC_POWER:,})")
    if power > SYMBOLIC_POWER:  # too large to expand or simplify: points only
        fallback = _within(seconds, algebra.numeric_only, *args, *extra)
        if fallback is None:
            return Outcome("skipped", f"no verdict within the time budget ({seconds:g} s per step)")
        return replace(fallback, reason=fallback.reason.replace(
            "the symbolic proof ran out of time", f"too large to prove symbolically (its powers multiply to {power:g})"))
    cheap = _cheap(first, claim, *defs.values())
    quick = _within(seconds, algebra.assess, *args, False, *extra) if cheap else None
    if quick is not None and quick.verdict != "undecided":
        return quick
    if quick is not None or not cheap:  # equal at the points, or too large to try quickly: prove it
        thorough = _within(seconds, algebra.assess, *args, True, *extra)
        if thorough is not None:
            return thorough
    if quick is not None:
        return Outcome("numeric", quick.reason + f"; not proved symbolically within {seconds:g} s")
    fallback = _within(seconds, algebra.numeric_only, *args, *extra)
    if fallback is not None:
        return fallback
    return Outcome("skipped", f"no verdict within the time budget ({seconds:g} s per step)")


def _within(seconds: float, function, *args) -> Outcome | None:
    """``function(*args)`` in the worker within ``seconds``: its outcome, a
    skip saying why when it failed, or None when it ran out of time."""
    try:
        return run_with_budget(function, args, seconds)
    except Overrun:
        return None
    except RuntimeError as err:  # the task's own error (ValueError, …), raised again here
        return Outcome("skipped", f"could not evaluate: {err}")


def substituted_power(exprs, defs: dict) -> float:
    """The largest product of numeric exponents along a path from a root of
    ``exprs`` to a symbol, with every name in ``defs`` read as its definition
    (``L = (w + 1)^{100}`` makes ``L^{100}`` 10⁴): the size that appears only
    once the definitions are substituted, read from the trees without building it."""
    names: dict = {}

    def power(e: sp.Basic, within: frozenset) -> float:
        if e in defs and e not in within:
            if e not in names:
                names[e] = power(defs[e], within | {e})
            return names[e]
        if not e.args:
            return 1.0 if e.free_symbols else 0.0
        if isinstance(e, sp.Pow) and e.exp.is_Number:
            return power(e.base, within) * abs(float(e.exp))
        return max(power(a, within) for a in e.args)

    return max((power(e, frozenset()) for e in exprs), default=0.0)


def _cheap(*exprs: sp.Expr) -> bool:
    """Small enough to try the quick judgement (expanding, points) first."""
    ops = 0
    for e in exprs:
        if e.has(sp.Sum, sp.Product):
            return False
        for p in e.atoms(sp.Pow):
            if p.exp.is_Number and (not p.exp.is_Rational or abs(p.exp) > CHEAP_POWER):
                return False
            if not p.exp.is_Number:
                return False
        ops += sp.count_ops(e)
        if ops > CHEAP_OPS:
            return False
    return True
