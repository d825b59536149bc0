r"""``e = \hat{y} - y`` then ``L = e^2``: a name e beside Euler's number.

The grammar reads ``e^{…}`` as the exponential function, before the notes' names
are known. Notes that give e a meaning (``e = \hat{y} - y``, or e_i summed in
``\sum_i e_i^2``) square their error as ``e^2``: read as exp(2) = 7.389, a true
``L = e^2 = (-0.4)^2`` was wrong.

So, from the row where the notes first give e its meaning, ``e^k`` with a whole
number k is read as a power of the name e, and the definitions table decides
its value; before that row, and for any other exponent (``e^{-z}``,
``e^{0.5}``: no one raises an error to those), e^… stays the exponential. A row
that also writes ``\exp`` keeps the exponential (which e^… is which is not
clear there). Such steps are judged as usual, proved or wrong.

Kept as a guard, for the one doubt left: a step that is wrong as read, but
holds when those ``e^k`` are read the other way (every one a power of e, or
every one the exponential), or that cannot be judged that other way, is
skipped with the reason, never called wrong."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

import sympy as sp

from .expansion import relevant_definitions
from .names import EULER

_EXP = re.compile(r"\\exp(?![A-Za-z])|(?<![A-Za-z\\])exp(?![A-Za-z])")


def _named(parsed) -> int | None:
    """The index in ``parsed`` of the first row that gives e a meaning: a
    definition of e, or e_i as the variable of a sum; None when none does."""
    for k, (_, statement) in enumerate(parsed):
        for piece in getattr(statement, "pieces", ()):
            values = [e.value for e in piece.exprs]
            if values[0] == EULER and len(values) > 1 and not piece.continues:
                return k
            if any(str(i.base) == EULER.name for v in values for i in v.atoms(sp.Indexed)):
                return k
    return None


def _whole(k: sp.Expr) -> bool:
    """A whole-number exponent other than 0 and 1 (exp(1) is E itself, and would
    rename every Euler's number of the row; e^0 is 1 either way)."""
    return bool(k.is_Integer) and k not in (0, 1)


class EulerPowers:
    """Which ``e^k`` of the notes ``parsed`` are powers of a name e (see the module)."""

    def __init__(self, parsed, mapping: dict):
        start = None if EULER in mapping else _named(parsed)
        self.after = {id(seg) for seg, _ in parsed[start:]} if start is not None else set()
        self.powers = frozenset(k for _, st in parsed if start is not None
                                for k in getattr(st, "euler_powers", ()) if _whole(k))

    def mapping(self, seg, statement) -> dict:
        """The renaming that reads the whole-number powers of ``statement`` (on ``seg``) as powers of e."""
        if id(seg) not in self.after or _EXP.search(seg.latex):
            return {}
        return {sp.exp(k): EULER ** k for k in statement.euler_powers if _whole(k)}


def _readings(powers: frozenset) -> list[tuple[str, dict]]:
    return [("a power of the notes' name e", {sp.exp(k): EULER ** k for k in powers}),
            ("the exponential function", {EULER ** k: sp.exp(k) for k in powers})]


def e_power_doubted(verdict, claim, derivation, judged: Callable | None = None) -> object:
    """``verdict`` as a skip when it is wrong and the step, with its ``e^k`` read
    the other way, holds or cannot be judged (``judged(step, defs)`` gives the
    outcome of a step); a wrong step that is wrong both ways stays wrong."""
    powers = getattr(derivation, "euler_powers", frozenset())
    if verdict.verdict != "wrong" or not powers or judged is None or not hasattr(claim, "first"):
        return verdict
    sides = (claim.first, claim.claim) + ((claim.previous,) if claim.previous is not None else ())
    every = derivation.definitions_at(claim.order)
    defs = relevant_definitions(every, sides)
    tried = []
    for name, swap in _readings(powers):
        again = replace(claim, first=claim.first.xreplace(swap), claim=claim.claim.xreplace(swap),
                        previous=None if claim.previous is None else claim.previous.xreplace(swap))
        read = relevant_definitions({k: v.xreplace(swap) for k, v in every.items()}, (again.first, again.claim)
                                    + ((again.previous,) if again.previous is not None else ()))
        if (again.first, again.claim, again.previous) == (claim.first, claim.claim, claim.previous) and read == defs:
            continue  # no e^k this reading changes
        outcome = judged(again, read)
        tried.append((name, outcome))
        if outcome.verdict in ("proved", "numeric"):
            return replace(verdict, verdict="skipped", counterexample=None, expected=None,
                           reason=f"these notes name e, and the step holds when e^… is read as {name}: "
                                  "which one the notes mean here is not settled; not called wrong")
    undecided = [name for name, outcome in tried if outcome.verdict != "wrong"]
    if undecided:
        return replace(verdict, verdict="skipped", counterexample=None, expected=None,
                       reason=f"these notes name e, and with e^… read as {undecided[0]} the step could not be "
                              "judged: not called wrong")
    return verdict
