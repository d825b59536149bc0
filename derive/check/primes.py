r"""Prime notation in notes: ``f'(x)`` for a function the notes define, and
``w'`` as the new value of w in an update.

* ``f(x) = x^2 + 1`` (arguments that are distinct names, all used in the body)
  defines the function f; afterwards ``f(a)`` is the body at a and ``f'(a)``
  (``f''(a)``) its derivative by its one argument, at a.
* A function the notes never define stays an unknown (``y' = F'(g(x)) g'(x)``
  is a rule statement, see chains.py), and so does a prime on a name that is
  not the head of an update: by which variable it differentiates is not said.
* ``L = g(u) = -\log u`` names g on the way: g is defined as by ``g(u) = -\log u``
  (``g_1(u)``, read as a name, is the name g_1 defined as -log u), and L is -log u.
* ``w_1' = w_1 - η ∂L/∂w_1`` names the new value of w_1: ``w_1'`` is a name of
  its own, defined there, and nothing is claimed about a derivative.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

#: Highest derivative a run of primes may ask for.
MAX_PRIMES = 3
#: How deep a body may call functions defined after it (f = g/h, then g, then h).
MAX_NESTING = 3


@dataclass(frozen=True)
class Function:
    """A function the notes define: ``name(params) = body``."""

    name: str
    params: tuple[sp.Symbol, ...]
    body: sp.Expr

    def at(self, args: tuple, primes: int) -> sp.Expr | None:
        """The body (or its ``primes``-th derivative) at ``args``; None when
        the call does not fit (other arity, primes on several arguments)."""
        if len(args) != len(self.params) or primes > MAX_PRIMES or (primes and len(self.params) != 1):
            return None
        body = sp.diff(self.body, self.params[0], primes) if primes else self.body
        return body.xreplace(dict(zip(self.params, args)))


def function_definition(head: sp.Expr, value: sp.Expr) -> Function | None:
    """``f(x) = body`` read as a definition of f, when the arguments are
    distinct names that the body uses, the head has no primes and the body
    calls no unknown function."""
    if not isinstance(head, AppliedUndef) or "'" in head.func.__name__:
        return None
    params = head.args
    if not all(isinstance(p, sp.Symbol) for p in params) or len(set(params)) != len(params):
        return None
    if value.atoms(AppliedUndef) or any("'" in s.name for s in value.free_symbols) or value.has(sp.Derivative):
        return None
    if not set(params) <= value.free_symbols:
        return None
    return Function(head.func.__name__, tuple(params), value)


_CALL_TEXT = re.compile(r"\s*[^=()]+\(\s*[^()=]+\)\s*")


_ONE_LETTER_CALL = re.compile(r"\s*\\?([A-Za-z]+)\s*\(\s*\\?([A-Za-z]+)\s*\)\s*")


def _call_read_as_product(expr) -> sp.Expr | None:
    """``q(s)`` that the reader made the product q·s (only f, g, h, F, G, H
    are calls): the call q(s), for a row ``E = q(s) = body`` to define q."""
    match = _ONE_LETTER_CALL.fullmatch(expr.text)
    value = expr.value
    if match is None or not isinstance(value, sp.Mul) or len(value.args) != 2 or \
            not all(isinstance(a, sp.Symbol) for a in value.args):
        return None
    head, argument = match.groups()
    names = {a.name: a for a in value.args}
    if head == argument or head not in names or argument not in names:
        return None
    return sp.Function(head)(names[argument])


def named_function(exprs) -> sp.Expr | None:
    """``L = g(u) = body`` or ``L = g_1(u) = body``: the middle expression, a
    function written with its arguments, which the row defines as the body (a
    function f when the reader made ``g(u)`` a call, else the name ``g_1``,
    an output of its arguments); None for any other row."""
    if len(exprs) < 3 or not isinstance(exprs[0].value, sp.Symbol):
        return None
    middle = _call_read_as_product(exprs[1]) or exprs[1].value
    if isinstance(middle, AppliedUndef) and function_definition(middle, exprs[2].value) is not None:
        if middle.func.__name__ in {str(name) for name in exprs[2].value.free_symbols}:
            return None  # S = n(x) = n x: a product after all
        return middle
    if (isinstance(middle, sp.Symbol) and middle != exprs[0].value and _CALL_TEXT.fullmatch(exprs[1].text)
            and middle not in exprs[2].value.free_symbols and not exprs[2].value.has(sp.Derivative)):
        return middle
    return None


def applied(expr: sp.Expr, functions: dict[str, Function]) -> sp.Expr:
    """``expr`` with every call of a defined function (``f(a)``, ``f'(a)``)
    replaced by its body at the arguments."""
    if not functions:
        return expr

    def known(e) -> bool:
        return isinstance(e, AppliedUndef) and e.func.__name__.rstrip("'") in functions

    def value(e):
        name = e.func.__name__
        got = functions[name.rstrip("'")].at(e.args, len(name) - len(name.rstrip("'")))
        return e if got is None else got

    for _ in range(MAX_NESTING):  # f = g/h (rule_statements.py), then g(x) = 3x: f's body calls g
        replaced = expr.replace(known, value)
        if replaced == expr:
            break
        expr = replaced
    return expr


def calls_defined(expr: sp.Expr, functions: dict[str, Function]) -> bool:
    """``expr`` is a call of a function the notes define (``f'(x)``, ``f(2)``):
    the value of that function, not a notation to name."""
    return isinstance(expr, AppliedUndef) and expr.func.__name__.rstrip("'") in functions


def is_update_head(head: sp.Expr, value: sp.Expr) -> bool:
    """``w'`` on the left of a definition whose right side uses w: the new value of w."""
    if not isinstance(head, sp.Symbol) or not head.name.endswith("'"):
        return False
    base = head.name.rstrip("'")
    return any(s.name == base for s in value.free_symbols)


def forward_functions(statements, ruled=lambda head, value: False) -> dict[str, Function]:
    """The functions the notes define exactly once (``f_{w,b}(x) = w x + b``),
    for the rows that use them before that definition (``J = Σ (f_{w,b}(x_i) -
    y_i)^2`` written first), as a name used before its definition reads it.
    A function defined twice (``ruled(head, value)``: also by a rule definition
    in functions the notes never define) is read only from its definitions on."""
    found: dict[str, list[Function]] = {}
    for st in statements:
        for piece in st.pieces:
            if piece.continues or len(piece.exprs) < 2 or piece.relations[:1] != ("=",):
                continue
            head, value = piece.exprs[0].value, piece.exprs[1].value
            function = function_definition(head, value)
            if function is not None:
                found.setdefault(function.name, []).append(function)
            elif ruled(head, value):  # f(x) = g(x)/h(x) (rule_statements.py) defines f too
                found.setdefault(head.func.__name__, []).append(None)
    return {name: functions[0] for name, functions in found.items() if len(functions) == 1 and functions[0]}
