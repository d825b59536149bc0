"""Chain-rule statements about names the notes do not define.

``\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial \\hat y}
\\frac{\\partial \\hat y}{\\partial z}\\frac{\\partial z}{\\partial w}`` with no
definition of L cannot be judged by expanding (∂L/∂ŷ is an opaque symbol of
its own, ``expansion.py``). It is still a claim the checker can read: the
factors *telescope* — each factor's variable is the next factor's function,
the first function is the left side's, the last variable the left side's —
and that is the chain rule through ŷ and z. The dependency it asserts (L
reaches w only through ŷ, ŷ only through z) is the author's to make: a
product that telescopes is proved by the rule, and one that does not is
skipped with the reason, never called wrong.

A sum of such products over several paths (∂L/∂h = ∂L/∂o₁·∂o₁/∂h +
∂L/∂o₂·∂o₂/∂h) is the chain rule summed over paths when every term
telescopes from the same function to the same variable through a distinct
path. Functions and variables are compared as parsed expressions, so
``d오차y_{out}`` matches however it was read, as long as it was read the same
way on both sides.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations

import sympy as sp

from .expansion import OPAQUE, UNWRITTEN, evaluate, is_zero_fast, opaque_derivative
from .greek_names import show_name
from .outcome import Outcome

#: More factors than this in one product are not ordered (factorial search).
MAX_FACTORS = 6


@dataclass(frozen=True)
class Route:
    """What one side of a chain-rule statement stands for: the derivative of
    ``function`` by ``variable`` along ``paths`` (each the tuple of
    intermediates; ``()`` for the derivative written directly)."""

    function: sp.Expr
    variable: sp.Expr
    paths: tuple[tuple[sp.Expr, ...], ...]


def _link(factor: sp.Expr) -> tuple[sp.Expr, sp.Expr] | None:
    """(function, variable) of a first derivative by one variable, or None."""
    if isinstance(factor, sp.Derivative) and len(factor.variable_count) == 1:
        variable, count = factor.variable_count[0]
        if count == 1:
            return factor.expr, variable
    return None


def _product_route(factors: tuple) -> Route | None:
    """The route of a product of first derivatives whose factors telescope in
    some order through distinct names, or None."""
    links = [_link(f) for f in factors]
    if len(links) < 2 or len(links) > MAX_FACTORS or None in links:
        return None
    for order in permutations(links):
        if all(order[k][1] == order[k + 1][0] for k in range(len(order) - 1)):
            nodes = [order[0][0]] + [variable for _, variable in order]
            if len(set(nodes)) == len(nodes):
                return Route(order[0][0], order[-1][1], (tuple(v for _, v in order[:-1]),))
    return None


def route(side: sp.Expr) -> Route | None:
    """The route ``side`` writes: a bare derivative, a telescoping product,
    or a sum of telescoping products from one function to one variable."""
    direct = _link(side)
    if direct is not None:
        return Route(direct[0], direct[1], ((),))
    if isinstance(side, sp.Mul):
        return _product_route(side.args)
    if isinstance(side, sp.Add):
        terms = [_product_route(t.args) if isinstance(t, sp.Mul) else None for t in side.args]
        if None in terms or len({(t.function, t.variable) for t in terms}) != 1:
            return None
        paths = tuple(t.paths[0] for t in terms)
        if len(set(paths)) != len(paths):
            return None
        return Route(terms[0].function, terms[0].variable, paths)
    return None


def _shown(expr: sp.Expr) -> str:
    if isinstance(expr, sp.Symbol):
        return show_name(expr.name)
    return " ".join(show_name(s.name) for s in sorted(expr.free_symbols, key=lambda s: s.name)) or str(expr)


def shown_derivative(derivative: sp.Derivative) -> str:
    """``∂L/∂ŷ`` for a first derivative as the reports show it."""
    function, variable = _link(derivative) or (derivative.expr, derivative.variables[0])
    return f"\u2202{_shown(function)}/\u2202{_shown(variable)}"


def chain_rule_reason(left: sp.Expr, right: sp.Expr) -> str:
    """Why ``left = right`` holds by the chain rule, or "" when its sides do
    not both name the same derivative through telescoping factors. One side
    must be a single path (a bare derivative or one product); a sum of paths
    is only compared with the derivative it sums to."""
    a, b = route(left), route(right)
    if a is None or b is None or (a.function, a.variable) != (b.function, b.variable) or a.paths == b.paths:
        return ""
    direct = ((),)
    if b.paths == direct:
        a, b = b, a
    if a.paths != direct and not (len(a.paths) == len(b.paths) == 1):
        return ""  # a sum of paths against a product: which paths are complete is not said
    through = lambda path: ", ".join(_shown(n) for n in path)
    if a.paths != direct:
        return f"the chain rule (through {through(a.paths[0])} on one side, {through(b.paths[0])} on the other)"
    if len(b.paths) == 1:
        return f"the chain rule through {through(b.paths[0])}"
    return "the chain rule summed over the paths through " + "; ".join(through(p) for p in b.paths)


def derivative_factors_only(side: sp.Expr) -> bool:
    """Whether ``side`` is a product (or a sum of products) of first
    derivatives and nothing else: a chain-rule statement, telescoping or not."""
    terms = side.args if isinstance(side, sp.Add) else (side,)
    return all(isinstance(t, sp.Mul) and all(_link(f) is not None for f in t.args) for t in terms)


def broken_chain_reason(left: sp.Expr, right: sp.Expr) -> str:
    """Why a chain-rule statement that does not telescope is skipped, or ""
    when the step is not one (some side holds more than derivatives)."""
    sides = [s for s in (left, right) if _link(s) is None]
    if len(sides) != 1 or not derivative_factors_only(sides[0]):
        return ""
    return ("a chain-rule product whose factors do not chain from the left side's function to its variable "
            "(each factor's variable the next one's function); the dependency it claims is not checked")


def _route_of(left: sp.Expr, right: sp.Expr) -> Route | None:
    a, b = route(left), route(right)
    return a if a is not None and b is not None else None


def _contradicted(left: sp.Expr, right: sp.Expr, defs: dict, unknown: frozenset, every: dict) -> str:
    """A factor that contradicts the notes' definitions, said, or "": a name
    defined without the factor's variable (h₁ = σ(w₁x) then ∂h₁/∂w₅), a
    factor the definitions make 0, or one between two inputs of a definition
    (``every``: all definitions in force, not only those the step names)."""
    products = [side for side in (left, right) if _link(side) is None]  # not the derivative they explain
    factors = {f for side in products for term in sp.Add.make_args(side)
               for f in sp.Mul.make_args(term) if _link(f) is not None}
    for factor in sorted(factors, key=str):
        if (inputs := _sibling_inputs(factor, every)):
            return inputs
        value = evaluate(factor, defs, unknown=unknown)
        if value == 0:
            return f"{shown_derivative(factor)} is 0 by the notes' definitions"
        if any(s.name.startswith(OPAQUE) and s.name.endswith(UNWRITTEN) for s in value.free_symbols):
            function, variable = _link(factor)
            return f"the notes define {_shown(function)} without {_shown(variable)}"
    return ""


def _sibling_inputs(factor: sp.Expr, defs: dict) -> str:
    """``∂b/∂w`` where the notes define neither b nor w but write both into one
    definition (z = w x + b): two inputs of one formula are independent, so
    the factor is 0 and a route through b does not reach w; said, or ""."""
    function, variable = _link(factor)
    if not (isinstance(function, sp.Symbol) and isinstance(variable, sp.Symbol)) or \
            function in defs or variable in defs:
        return ""
    for name, body in sorted(defs.items(), key=lambda item: item[0].name):
        if {function, variable} <= body.free_symbols:
            return (f"{_shown(function)} and {_shown(variable)} are both inputs of {_shown(name)} as the "
                    f"notes define it, so {shown_derivative(factor)} is 0 unless the notes say otherwise")
    return ""


def _agrees_with_definitions(left: sp.Expr, right: sp.Expr, defs: dict, unknown: frozenset) -> bool:
    """Whether the function differentiated is undefined, or the sides agree
    once expanded through the notes' definitions,
    each unknown derivative ∂U/∂v of a name U on the route read by the route
    from U on (∂a/∂w = ∂a/∂z·∂z/∂w for an unknown a): the rule is then applied
    only to what the notes leave undefined. A defined loss that reaches the
    variable another way (a term the route lacks) does not agree."""
    whole = _route_of(left, right)
    total = evaluate(sp.Derivative(whole.function, whole.variable), defs, unknown=unknown)
    if isinstance(total, sp.Symbol) and total.name.startswith(OPAQUE) and not total.name.endswith(UNWRITTEN) \
            or not whole.function.free_symbols & set(defs):  # undefined (d오차y_o1: two undefined names)
        return True
    paths = [p for p in (route(left).paths + route(right).paths) if p]
    if len(paths) != 1:  # sums of paths: only when the function itself is undefined
        return False
    nodes = [whole.function, *paths[0], whole.variable]
    steps = [evaluate(sp.Derivative(nodes[k], nodes[k + 1]), defs, unknown=unknown) for k in range(len(nodes) - 1)]
    along = {}
    for k, node in enumerate(nodes[:-1]):
        value = sp.Mul(*steps[k:])
        for unwritten in (False, True):
            along[opaque_derivative(node, whole.variable, unwritten)] = value
    sides = [evaluate(side, defs, unknown=unknown).xreplace(along) for side in (left, right)]
    return is_zero_fast(sides[0] - sides[1])


def chain_rule_outcome(first: sp.Expr, claim: sp.Expr, previous: sp.Expr | None, defs: dict,
                       unknown: frozenset, every: dict | None = None) -> Outcome | None:
    """The verdict on a step whose sides hold derivatives of an undefined name:
    proved by the chain rule when its factors telescope (against the chain's
    first expression, or the one just before the claim) and no definition
    contradicts a factor, skipped with the reason when it is a chain-rule
    product that does not telescope or that a definition contradicts; None
    otherwise (left to the judgement already made). ``every`` holds all the
    definitions in force (``defs`` only those the step's names reach)."""
    for left in (first, previous):
        reason = chain_rule_reason(left, claim) if left is not None else ""
        if not reason:
            continue
        try:
            why = _contradicted(left, claim, defs, unknown, defs if every is None else every)
            if not why and not _agrees_with_definitions(left, claim, defs, unknown):
                return None  # the notes' definitions route it otherwise, or cannot tell: left as judged
        except (ValueError, TypeError):  # a definition the expansion refuses (a cycle): not vouched for
            return None
        if why:
            return Outcome("skipped", f"{reason} as the notes write it, but {why}; not checked")
        if left is previous and previous is not first:
            reason += " (between the expression before it and this one)"
        return Outcome("proved", reason + ", as the notes write the dependencies")
    broken = broken_chain_reason(first, claim)
    return Outcome("skipped", broken) if broken else None
