r"""Rule statements proved for any functions: the chain rule, the quotient rule.

Notes state the rules of differentiation about functions they never define:
``\frac{d}{dx} f(g(x)) = f'(g(x)) g'(x)``, or "if ``f(x) = \frac{g(x)}{h(x)}``
then ``f'(x) = \frac{g'(x) h(x) - h'(x) g(x)}{h(x)^2}``". Such a row claims an
identity that holds for every f, g, h, so it can be proved with SymPy's
undefined functions: ``g'(x)`` is ``Derivative(g(x), x)``, ``f'(g(x))`` is f's
derivative at g(x) (``Subs(Derivative(f(u), u), u, g(x))``), and both sides,
differentiated out, must simplify to the same expression.

Only a proof is kept: a statement SymPy cannot show (a wrong rule, or a right one
it cannot simplify) stays skipped as a rule statement, never "wrong", because a
counterexample would need functions the notes did not choose. The statement must
be about its functions of one variable alone: another name (``u`` in
``\frac{d}{dx} f(u)``), a name the notes define or use as an unknown output
(``y = x^2``, ``ŷ``), or a primed name, may hide a dependence, so then it is skipped.

``f(x) = \frac{g(x)}{h(x)}`` with undefined g, h defines f for the rows after it
(its derivative is then one of g and h): a rule definition, which also ends an
earlier definition of f, so an older ``f(x) = (x^2 + 1)^3`` is not read into it.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from ..worker import Overrun, run_with_budget
from .primes import MAX_PRIMES, Function

#: The reason kept on a rule statement that is proved.
PROVED = "holds for any functions {names}: both sides differentiated with the functions left unknown"


def rule_definition(head: sp.Expr, value: sp.Expr) -> Function | None:
    """``f(x) = g(x)/h(x)`` read as f's definition in undefined functions, when
    the head's arguments are distinct names and the body holds undefined
    functions of those names only, and no other name, derivative or prime."""
    if not isinstance(head, AppliedUndef) or "'" in head.func.__name__:
        return None
    params = head.args
    if not all(isinstance(p, sp.Symbol) for p in params) or len(set(params)) != len(params):
        return None
    calls = value.atoms(AppliedUndef)
    if not calls or value.has(sp.Derivative) or not value.free_symbols <= set(params):
        return None
    if any("'" in c.func.__name__ or c.func == head.func for c in calls):
        return None
    return Function(head.func.__name__, tuple(params), value)


def calls_rule_function(values: list[sp.Expr], functions: dict[str, Function]) -> bool:
    """A row that calls a function defined in unknown functions (f = g/h): it is
    read without the functions the notes define only later (an example's g), so
    a rule stays about any g and h, proved or skipped, not judged on the example."""
    for v in values:
        for call in v.atoms(AppliedUndef):
            function = functions.get(call.func.__name__.rstrip("'"))
            if function is not None and function.body.atoms(AppliedUndef):
                return True
    return False


def _derivative(call: AppliedUndef) -> sp.Expr | None:
    """``f''(a)`` as the second derivative of the unknown f at a; None for a
    prime on a function of several arguments or too many primes."""
    name = call.func.__name__
    base = name.rstrip("'")
    primes = len(name) - len(base)
    if len(call.args) != 1 or primes > MAX_PRIMES:
        return None
    (argument,) = call.args
    if isinstance(argument, sp.Symbol):
        return sp.Derivative(sp.Function(base)(argument), (argument, primes))
    u = sp.Dummy("u")
    return sp.Subs(sp.Derivative(sp.Function(base)(u), (u, primes)), u, argument)


def as_derivatives(expr: sp.Expr) -> sp.Expr | None:
    """``expr`` with each primed unknown function written as a derivative;
    None when one of them cannot be (several arguments)."""
    primed = [c for c in expr.atoms(AppliedUndef) if c.func.__name__.endswith("'")]
    mapping = {}
    for call in primed:
        got = _derivative(call)
        if got is None:
            return None
        mapping[call] = got
    return expr.xreplace(mapping) if mapping else expr


def checkable(values: list[sp.Expr], known: frozenset) -> bool:
    """A rule statement that may be proved: in one variable (another name, as u
    in ``\frac{d}{dx} f(u)``, may depend on it unseen), which is none of
    ``known`` (the notes' defined or unknown names) and not primed."""
    names = set().union(*(v.free_symbols for v in values))
    names |= {s for v in values for d in v.atoms(sp.Derivative) for s in d.variables}
    if len(names) > 1:
        return False
    for v in values:
        if any("'" in s.name or s in known for s in v.free_symbols):
            return False
        if as_derivatives(v) is None:
            return False
    return True


def holds(first: sp.Expr, claim: sp.Expr) -> bool:
    """Whether ``first = claim`` holds for any functions (run in the worker)."""
    a, b = as_derivatives(first), as_derivatives(claim)
    if a is None or b is None:
        return False
    difference = a.doit() - b.doit()
    return difference == 0 or sp.simplify(difference) == 0


@dataclass(frozen=True)
class RuleStep:
    """The rule statement ``first = claim`` about the undefined ``functions``;
    ``reason`` is why it is skipped when it is not proved."""

    order: int
    line: int
    latex: str
    first: sp.Expr
    claim: sp.Expr
    functions: tuple[str, ...]
    reason: str


def rule_steps(exprs, order: int, known: frozenset, functions: tuple, reason: str, line_of) -> list[RuleStep]:
    """A rule statement's links ``A = B = C`` (``exprs``, the first claim numbered
    ``order``) as claims to prove for any ``functions``; [] when it may not be
    proved (see ``checkable``). ``line_of`` gives an expression's line."""
    if len(exprs) < 2 or not checkable([e.value for e in exprs], known):
        return []
    return [RuleStep(order + k, line_of(e), f"{exprs[0].text} = {e.text}", exprs[0].value, e.value, functions, reason)
            for k, e in enumerate(exprs[1:])]


def judge_rule(step: RuleStep, seconds: float) -> tuple[str, str]:
    """(verdict, reason) for ``step``: proved within ``seconds``, else skipped."""
    try:
        proved = run_with_budget(holds, (step.first, step.claim), seconds)
    except (Overrun, RuntimeError):
        proved = False
    if proved:
        return "proved", PROVED.format(names=", ".join(step.functions))
    return "skipped", step.reason
