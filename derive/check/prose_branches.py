r"""A claim the prose says holds on one branch: "For $x \le 0$, $f'(x) = e^{x}$",
"When $y f < 1$:" before a display, "Inside the quadratic zone $H'(a) = a$".

The function differentiated is piecewise (a ``cases``, a ``\max``, an ``|.|``), so its
derivative has several branches; the claim is about the one the prose names. Judged
everywhere, it was called wrong at a point of another branch. Here a wrong claim with
such a condition in the same sentence before it (or in the sentence ending in ":"
or "," right before a display) is judged again on that branch only:

* a condition written as an inequality (``y f < 1``, ``a > 1``, ``x \le 0``) is read,
  with the notes' definitions (``m < 1`` with ``m = y w x``), and the claim compared at
  test points where it holds: equal there, ``numeric`` (saying which branch); differing
  there, ``wrong`` with a counterexample on that branch;
* a name in a set written out ("For $y \in \{0, 1\}$, $y^2 = y$"): the claim is
  compared at each value of the set, ``numeric`` when equal at every one;
* a condition said only in words ("for negative inputs") cannot be read: when the
  claim agrees with a branch of the derivative (equal at some test points, differing
  at others, the derivative branching), it is skipped with that reason; a claim equal
  nowhere stays wrong.
"""
from __future__ import annotations

import random
import re
from dataclasses import replace

import sympy as sp

from ..worker import Overrun, run_with_budget
from .derivation import Derivation, Step
from .expansion import evaluate, relevant_definitions
from .latex import parse_statement
from .latex_errors import LatexError
from .prose_places import place_outcome, place_said
from .points import TOLERANCE, _BRANCHING, _concrete, _point_variables, counterexample, value_at

_RELATION = re.compile(r"\\leqslant|\\geqslant|\\leq?|\\geq?|\\lt|\\gt|<|>|≤|≥")
_INLINE = re.compile(r"\$([^$]+)\$")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n")
#: ``y \in \{0, 1\}``: a name in a set of values written out.
_MEMBER = re.compile(r"\s*([^{}\\]*?|\\[A-Za-z]+)\s*(?:\\in(?![A-Za-z])|∈)\s*\\\{([^{}]*)\\\}\s*")
#: Words that put a claim on one branch ("for negative inputs", "inside the zone").
_CUE = re.compile(r"\b(?:for|when|if|inside|outside|where|whenever|negative|positive|region|zone|branch)\b",
                  re.IGNORECASE)
POINTS = 240
ENOUGH = 5


def branch_said(text: str, start: int) -> tuple[str, str]:
    """The condition the prose puts on the math span starting at ``start``:
    ("math", LaTeX of an inequality) or ("words", the words), or ("", ""); or
    ("place", the words) for a span the words name as a place (prose_places.py)."""
    if start > len(text) or start < 1:
        return "", ""
    if (place := place_said(text, start))[0]:  # "meet at $|r| = 1$": prose_places.py
        return place
    opener = start
    while opener > 0 and text[opener - 1] in "$(\\[":
        opener -= 1
    before = text[:opener]
    display = text[opener:start].startswith(("$$", "\\[")) or (opener == start and "\n" in before[-3:])
    if display:  # "When $y f < 1$:" (or "For $w > 0$,") then the display: the sentence ending so right before it
        stripped = before.rstrip()
        if not stripped.endswith((":", ",")):
            return "", ""
        before = stripped[:-1]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    sentence = _outside_math_ends(before, ends[-1] if ends else 0)
    conditions = [m.group(1) for m in _INLINE.finditer(sentence) if (_RELATION.search(m.group(1))
                  or _MEMBER.fullmatch(m.group(1))) and "=" not in m.group(1)]
    if conditions:
        return "math", conditions[-1].strip()
    words = _INLINE.sub(" ", sentence)
    if _CUE.search(words):
        return "words", " ".join(words.split()).strip(" ,;:")
    return "", ""


def _outside_math_ends(before: str, cut: int) -> str:
    """``before`` from ``cut``, moved back past a cut inside an inline math span."""
    while cut and before[:cut].count("$") % 2:
        earlier = [m.end() for m in _SENTENCE_END.finditer(before[:cut - 1])]
        cut = earlier[-1] if earlier else 0
    return before[cut:]


def _member(latex: str) -> tuple[sp.Expr, list[sp.Expr]] | None:
    r"""``y \in \{0, 1\}`` → (y, [0, 1]); None when it is not a name in a set of readable values."""
    m = _MEMBER.fullmatch(latex)
    if m is None:
        return None
    try:
        (name,) = [e.value for p in parse_statement(m.group(1)).pieces for e in p.exprs]
        values = [e.value for part in m.group(2).split(",") for p in parse_statement(part).pieces for e in p.exprs]
    except (LatexError, ValueError):
        return None
    return (name, values) if isinstance(name, sp.Symbol) and values else None


def _condition(latex: str) -> sp.Expr | None:
    """``y f < 1`` → the SymPy relation; None when it is not one inequality of two readable sides."""
    parts = _RELATION.split(latex)
    found = _RELATION.findall(latex)
    if len(parts) != 2 or len(found) != 1:
        return None
    try:
        sides = [parse_statement(p).pieces for p in parts]
    except LatexError:
        return None
    if any(len(p) != 1 or len(p[0].exprs) != 1 for p in sides):
        return None
    left, right = sides[0][0].exprs[0].value, sides[1][0].exprs[0].value
    op = found[0]
    if op in ("<", "\\lt"):
        return sp.StrictLessThan(left, right, evaluate=False)
    if op in (">", "\\gt"):
        return sp.StrictGreaterThan(left, right, evaluate=False)
    if op.startswith(("\\le", "≤")):
        return sp.LessThan(left, right, evaluate=False)
    return sp.GreaterThan(left, right, evaluate=False)


def _points(variables: list):
    rng = random.Random(20261129)
    for k in range(POINTS):
        if k % 3 == 2:
            yield {v: sp.Rational(rng.randint(-12, 12), 7) for v in variables}
        else:
            yield {v: sp.Integer(rng.randint(-5, 5)) for v in variables}


def _compare(left: sp.Expr, right: sp.Expr, condition: sp.Expr | None):
    """(distinct points equal, points differing, first differing point) at test points
    where ``condition`` holds (everywhere when it is None)."""
    sides = [left, right] + ([condition.lhs - condition.rhs] if condition is not None else [])
    concrete = _concrete(*sides)
    variables = _point_variables(concrete)
    equal, differ, found = set(), 0, None
    for point in _points(variables):
        if condition is not None:
            gap = value_at(concrete[2], point)
            if gap is None or condition.func(gap, 0) is not sp.true:
                continue
        lv, rv = value_at(concrete[0], point), value_at(concrete[1], point)
        if lv is None or rv is None:
            continue
        if lv == rv or abs(lv - rv) <= TOLERANCE * max(1, abs(lv), abs(rv)):
            equal.add(tuple(point.values()))
        else:
            differ += 1
            found = found or (point, lv, rv)
    return len(equal), differ, found


def _judged(step: Step, branch: tuple[str, str], defs: dict, everything: dict, unknown: frozenset):
    left, right = evaluate(step.first, defs, unknown=unknown), evaluate(step.claim, defs, unknown=unknown)
    kind, said = branch
    if kind == "math" and (member := _member(said)) is not None:  # y ∈ {0, 1}: the sides at each value
        name, values = member
        counts = [_compare(left.subs(name, v), right.subs(name, v), None) for v in values]
        every = all(c[0] for c in counts)  # each value had a point where the sides are equal
        return "set", (int(every), sum(c[1] for c in counts), next((c[2] for c in counts if c[2]), None))
    if kind == "math" and (condition := _condition(said)) is not None:
        reached = relevant_definitions(everything, (step.first, step.claim, condition.lhs, condition.rhs))
        condition = condition.func(evaluate(condition.lhs, reached, unknown=unknown),
                                   evaluate(condition.rhs, reached, unknown=unknown), evaluate=False)
        if isinstance(condition, sp.Expr) or condition in (sp.true, sp.false):
            return None
        return "math", _compare(left, right, condition)
    if not left.has(*_BRANCHING):
        return None
    return "words", _compare(left, right, None)


def branch_outcome(step: Step, verdict, derivation: Derivation, seconds: float):
    """``verdict`` (a wrong formula claim) judged again on the branch the prose names."""
    branch = getattr(step, "branch", ("", ""))
    if branch[0] == "place":
        return place_outcome(step, verdict, branch[1])
    if not branch[0] or step.digits is not None or not (step.claim.free_symbols or step.first.free_symbols):
        return verdict
    sides = (step.first, step.claim) + ((step.previous,) if step.previous is not None else ())
    everything = derivation.definitions_at(step.order)
    defs = relevant_definitions(everything, sides)
    try:
        result = run_with_budget(_judged, (step, branch, defs, everything, derivation.unknown), seconds)
    except (Overrun, RuntimeError):
        return verdict
    if result is None:
        return verdict
    kind, (equal, differ, found) = result
    said = branch[1]
    if kind == "set" and not differ and equal:  # y ∈ {0, 1}: equal at each value
        return replace(verdict, verdict="numeric", expected=None, counterexample=None,
                       reason=f"equal at each value of {said}, as the notes say before it")
    if kind in ("math", "set"):
        if differ:
            return replace(verdict, reason=f"the two sides differ where {said}, the branch the notes name",
                           counterexample=counterexample(found))
        if equal >= ENOUGH:
            return replace(verdict, verdict="numeric", expected=None, counterexample=None,
                           reason=f"equal at {equal} test points where {said}, the branch the notes name "
                                  "before it; not proved symbolically")
        return replace(verdict, verdict="skipped", expected=None, counterexample=None,
                       reason=f"said for the branch {said}, where too few test points were found; not checked")
    if equal >= ENOUGH and differ:
        return replace(verdict, verdict="skipped", expected=None, counterexample=None,
                       reason=f"said for one branch (\"{said}\"): it agrees with one branch of the derivative, "
                              "and the words that name the branch are not read; not checked")
    return verdict
