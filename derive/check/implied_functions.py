r"""A name defined by an expression in one name, then called at a number.

Notes fit a curve and then evaluate it: ``y = 0.4 + 2.5x``, later
``y(1.2) = 3.4``. ``function_values.py`` reads calls of functions defined with
their argument (``J(w) = w^2``, then ``J(3)``); here a bare name defined by an
expression in exactly one name that the notes never give a value (x above)
is read as a function of that name too, for calls at numbers only: read as a
product, ``y(1.2)`` would be an expression in x, never the number claimed.

The notes wrote ``y``, not ``y(x)``, so the reading is inferred: a value that
agrees with it to the decimals printed is checked (``numeric``, the verdict
says how the call was read), and one that does not is skipped with the value
the reading gives, not called wrong (the notes may mean another y: a fit with
other coefficients, one given in words). A derivative ``y'(1.2)`` is not read
(by which name?), nor is a call of a name defined by several names or by a
name the notes give a value somewhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

import sympy as sp
from sympy.core.function import AppliedUndef

from .derivation import Step
from .latex import Piece
from .numeric_lists import ComponentStep
from .primes import Function
from .limits import limit_doubted


@dataclass(frozen=True)
class ImpliedFunction(Function):
    """``y = 0.4 + 2.5x`` read as the function y of x, for a call ``y(1.2)``."""

    def at(self, args: tuple, primes: int) -> sp.Expr | None:
        return None if primes else super().at(args, 0)


@dataclass(frozen=True)
class ImpliedCallStep(ComponentStep):
    """A claim about ``y(1.2)`` with y read as an ``ImpliedFunction``: ``where`` says so."""

    where: str = ""


def implied_function(head: sp.Expr, head_text: str, value: sp.Expr, defined: frozenset) -> ImpliedFunction | None:
    """``y = 0.4 + 2.5x`` (a bare name; an expression in exactly one name that
    is not in ``defined``, with no call, derivative, sum or index in it) as the
    function y of x; None for any other definition."""
    if not isinstance(head, sp.Symbol) or "(" in head_text or len(value.free_symbols) != 1:
        return None
    (variable,) = value.free_symbols
    if (variable == head or variable in defined or "'" in variable.name or value.atoms(AppliedUndef)
            or value.has(sp.Derivative, sp.Sum, sp.Indexed)):
        return None
    return ImpliedFunction(head.name, (variable,), value)


def learn_implied(functions: dict[str, Function], head: sp.Expr, head_text: str, value: sp.Expr,
                  defined: frozenset) -> None:
    """After the definition ``head_text = value``: y as an ``ImpliedFunction`` when
    it is one; y given a number (``y = 5``) is not that function any more."""
    function = implied_function(head, head_text, value, defined)
    if function is not None:
        functions[function.name] = function
    elif isinstance(head, sp.Symbol) and isinstance(functions.get(head.name), ImpliedFunction):
        del functions[head.name]


#: A side written as exactly one call at a number: ``y(1.7)``, ``y(-2)``.
_CALL_AT = re.compile(r"\s*(?P<name>[A-Za-z]+)\s*\(\s*(?P<arg>[-−]?(?:\d+\.?\d*|\.\d+))\s*\)\s*")


def _said(name: str, arg: str, function: ImpliedFunction) -> str:
    return (f"{name}({arg}) read as {name} at {function.params[0]} = {arg} (the notes define {name} "
            f"by an expression in {function.params[0]})")


def read_implied_calls(piece: Piece, functions: dict[str, Function]) -> tuple[Piece, str]:
    """``piece`` with each side written exactly as a call of an ``ImpliedFunction``
    at a number (``y(1.7)``, which the reader takes for the product y·1.7 when y is
    one letter) replaced by the expression at that number; and how the calls
    were read ("" when the row calls none, longer names' calls included)."""
    said, exprs = [], []
    for e in piece.exprs:
        match = _CALL_AT.fullmatch(e.text)
        function = functions.get(match.group("name")) if match else None
        if isinstance(function, ImpliedFunction):
            arg = sp.Rational(match.group("arg").replace("−", "-"))
            e = replace(e, value=function.body.xreplace({function.params[0]: arg}))
            said.append(_said(match.group("name"), match.group("arg"), function))
        said += [_said(c.func.__name__, ", ".join(map(str, c.args)), functions[c.func.__name__])
                 for c in sorted(e.value.atoms(AppliedUndef), key=str)
                 if isinstance(functions.get(c.func.__name__), ImpliedFunction)]
        exprs.append(e)
    return (replace(piece, exprs=tuple(exprs)) if said else piece), "; ".join(dict.fromkeys(said))


def mark_implied_calls(claims: list, start: int, said: str) -> None:
    """The steps from ``claims[start]`` on, read from a row that calls an
    ``ImpliedFunction``, marked ``ImpliedCallStep``: the verdict says how the call was read."""
    for order in range(start, len(claims)):
        if said and type(claims[order]) is Step:
            claims[order] = ImpliedCallStep(**{f.name: getattr(claims[order], f.name) for f in fields(Step)},
                                            where=said)


def doubted(verdict, claim):
    """A ``wrong`` verdict on an ``ImpliedCallStep`` as a skip that gives the
    value read: the call was read by inference, so a disagreement may be a misreading."""
    verdict = limit_doubted(verdict, claim)  # dy/dx = \lim …: limits.py
    if not isinstance(claim, ImpliedCallStep) or verdict.verdict != "wrong":
        return verdict
    found = f"it is {verdict.expected}, not the value claimed" if verdict.expected else "it does not hold"
    return replace(verdict, verdict="skipped", counterexample=None,
                   reason=f"read so, {found}; but the notes define the name without its argument, "
                          "so the call may mean something else: not called wrong")
