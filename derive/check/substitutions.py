r"""Values a worked example gives by substituting them: ``z_1 = x \cdot w_1 = 1.0 \cdot 0.5``
writes the row before it with a number in place of each name, so it says x = 1.0 and
w_1 = 0.5. Notes often give their inputs only this way (or in a figure), and then
every number computed from those inputs was skipped ("values the notes do not give").

A row is read as a substitution when its text is the text of the row before it with
every name replaced by a number (the same number wherever a name recurs); products
written ``\cdot``, ``\times``, ``*`` or by juxtaposition and extra parentheses are
allowed, and the values found must give the row before it exactly the value of the
row itself, so a text that only looks alike is never read. Only the names the notes
do not define (inputs) take these values (``claims.py``); a value substituted for a
defined name is judged against its definition, as before."""
from __future__ import annotations

import re

import sympy as sp

from .derivation import Definition, Derivation
from .expansion import evaluate
from .greek_names import _show
from .latex import Expression, parse_statement
from .latex_errors import LatexError
from .rounding import _printed_as

_LAYOUT = re.compile(r"\\left|\\right|\\[,;:! ]|\\quad|\\qquad|\\cdot|\\times|[*()\[\]\s]|\\big|\\Big")
_NUMBER = r"\d+(?:\.\d+)?|\.\d+"
_DECORATED = r"\\(?:hat|bar|tilde)\{[A-Za-z][A-Za-z0-9_{}]*\}|\\(?:hat|bar|tilde)\s*[A-Za-z]"
_GREEK = r"\\(?:alpha|beta|gamma|delta|eta|theta|lambda|mu|omega|phi|psi)(?![A-Za-z])"
_SUBSCRIPT = r"(?:_\{[A-Za-z0-9]+\}|_[A-Za-z0-9])?"
_TOKEN = re.compile(rf"(?P<number>{_NUMBER})|(?P<name>(?:{_DECORATED}|{_GREEK}|[A-Za-z]+\d*){_SUBSCRIPT})"
                    r"|(?P<command>\\[A-Za-z]+)|(?P<other>.)")
#: Names that are functions or constants, never a substituted value.
_KEPT = {"e", "exp", "log", "ln", "sigmoid", "tanh", "max", "ReLU"}


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(_LAYOUT.sub(" ", text)) if not m.group().isspace()]


def _symbol(name: str, mapping: dict) -> sp.Symbol | None:
    try:
        (piece,) = parse_statement(name).pieces
    except (LatexError, ValueError):
        return None
    value = piece.exprs[0].value.xreplace(mapping) if len(piece.exprs) == 1 else None
    return value if isinstance(value, sp.Symbol) else None


def substituted_values(before, after, mapping: dict) -> dict | None:
    """{name: (value, as written)} that the row ``after`` (an Expression of numbers only)
    substitutes into ``before`` (the Expression just before it), or None when
    it is not such a substitution."""
    if after.value.free_symbols or not before.value.free_symbols:
        return None
    left, right = _tokens(before.text), _tokens(after.text)
    if len(left) != len(right):
        return None
    written: dict[str, str] = {}
    for (kind, text), (other_kind, other_text) in zip(left, right):
        if kind == "name" and text not in _KEPT and other_kind == "number":
            if written.setdefault(text, other_text) != other_text:
                return None
        elif (kind, text) != (other_kind, other_text):
            return None
    values = {}
    for text, number in written.items():
        name = _symbol(text, mapping)
        if name is None or name in values:
            return None
        values[name] = (sp.Rational(number), number)
    if not values or before.value.free_symbols - set(values):
        return None
    try:
        lhs = sp.N(before.value.xreplace({k: v for k, (v, _) in values.items()}), 30)
        rhs = sp.N(after.value, 30)
    except (TypeError, ValueError, ArithmeticError):
        return None
    if not (lhs.is_number and rhs.is_number) or abs(lhs - rhs) > sp.Float("1e-12") * max(1, abs(rhs)):
        return None
    return values


def learn_substituted(derivation: Derivation, names, before: Expression | None, after: Expression,
                      line: int) -> None:
    """Each input that the row ``after`` substitutes a number for becomes a
    definition from here on (shown as ``x = 1.0``, with where it comes from);
    a name the notes define (so far, or by a formula anywhere) is judged
    against its definition instead."""
    values = substituted_values(before, after, names.mapping) if before is not None else None
    known = set(derivation._definitions) | (names.symbolic - names.variables)
    if values and not _agrees(values, known, derivation):
        return  # another example's values for a defined name: its inputs are another example's too
    for name, (value, written) in (values or {}).items():
        if name in known:
            continue
        shown = f"{_show(name.name)} = {written}"
        derivation.claims.append(Definition(len(derivation.claims), line, shown, name, value,
                                            given=f"{shown}, the value this row substitutes for it"))
        derivation._definitions.setdefault(name, []).append((len(derivation.claims) - 1, value))


def _agrees(values: dict, known: set, derivation: Derivation) -> bool:
    """Whether every defined name the row substitutes for has, by its definition,
    the number substituted (as printed: 0.5812 for σ(0.3275))."""
    defs = derivation.definitions_at(len(derivation.claims))
    for name, (value, _) in values.items():
        if name not in known:
            continue
        try:
            held = evaluate(name, defs)
        except (ValueError, TypeError, ArithmeticError, RecursionError):
            return False
        if held.free_symbols or not _printed_as(held, value):
            return False
    return True
