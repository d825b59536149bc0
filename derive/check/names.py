"""What the notes' names are, read from all of the notes before any claim is
judged: which names are defined, which are inputs, which are unknown
functions, and whether ``e`` is Euler's number.

* An **input** is a name used inside a definition or as a differentiation
  variable (x, b, w): a constant under any other variable.
* An **unknown function** is a name the notes treat as a function of the
  parameters but never define in a way the checker could read: one they
  differentiate as a bare name (∂L/∂w), a decorated output (ŷ), a name
  written as a function of arguments (h_θ(x), J(w, b)), or the head of a
  definition that could not be read. Its derivatives stay opaque.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .alias_chains import alias_name
from ..symbols import symbol
from .latex import parse_statement
from .latex_errors import LatexError
from .primes import named_function

EULER = symbol("e")


@dataclass(frozen=True)
class Names:
    defined: frozenset        # heads of definitions anywhere in the notes
    symbolic: frozenset       # heads with at least one definition that is not a number
    inputs: frozenset
    unknown: frozenset
    mapping: dict
    variables: frozenset = frozenset()  # differentiation variables: parameters, never defined backwards             # applied to every expression: aliases, e → Euler's number


def _pieces(parsed):
    for _, statement in parsed:
        if not isinstance(statement, LatexError):
            yield from statement.pieces


def unreadable_head(latex: str) -> sp.Symbol | None:
    r"""The name an unreadable row defines (``ŷ = \mathbf{w}^\top x`` → ŷ), if
    the part before its first ``=`` reads as one name."""
    head, sep, _ = latex.partition("=")
    if not sep or not head.strip():
        return None
    try:
        (piece,) = parse_statement(head.replace("&", " ")).pieces
    except (LatexError, ValueError):
        return None
    value = piece.exprs[0].value if len(piece.exprs) == 1 else None
    return value if isinstance(value, sp.Symbol) else None


def read_names(parsed, aliases: dict) -> Names:
    """The names of the notes ``parsed`` ((segment, statement or error) pairs)."""
    defined, symbolic, inputs, unknown, variables, seen = set(), set(), set(), set(), set(), set()
    summed = False  # e_i in a sum (\sum_i e_i^2): e is the notes' name, not Euler's number
    for seg, statement in parsed:
        if isinstance(statement, LatexError):
            head = unreadable_head(seg.latex)
            if head is not None:
                unknown.add(head)
    for _, statement in parsed:
        if not isinstance(statement, LatexError):
            unknown |= {symbol(name) for name in statement.applied}
    for piece in _pieces(parsed):
        values = [e.value for e in piece.exprs]
        head = values[0]
        middle = None if piece.continues else named_function(piece.exprs)
        if isinstance(middle, sp.Symbol):  # L = g_1(u) = body: g_1 is defined too
            defined.add(middle)
            symbolic.add(middle)
        alias = None if piece.continues else alias_name(piece.exprs, piece.relations, defined, seen)
        seen |= {s for v in values for s in v.free_symbols}
        if alias is not None:  # ŷ = a = w x + b: a is defined too (alias_chains.py)
            defined.add(alias)
            symbolic.add(alias)
        if isinstance(head, sp.Symbol) and len(values) > 1 and not piece.continues:
            defined.add(head)
            if not values[1].is_number and head not in values[1].free_symbols:  # w = w - η…: an update
                symbolic.add(head)
            inputs |= values[1].free_symbols - {head}
        for v in values:
            for d in v.atoms(sp.Derivative):
                inputs |= {var for var, _ in d.variable_count}
                variables |= {var for var, _ in d.variable_count}
                if isinstance(d.expr, sp.Symbol):
                    unknown.add(d.expr)
            unknown |= {s for s in v.free_symbols if "_hat" in s.name}
            summed |= any(str(i.base) == EULER.name for i in v.atoms(sp.Indexed))
    mapping = dict(aliases)
    if EULER not in defined and EULER not in unknown and not summed:  # e = c d, unread: still the notes' e
        mapping[EULER] = sp.E
    rename = lambda names: frozenset(mapping.get(n, n) for n in names if n != EULER or EULER in defined)
    unknown = rename(unknown) - rename(symbolic)
    return Names(rename(defined), rename(symbolic), rename(inputs) - unknown, unknown, mapping, rename(variables))
