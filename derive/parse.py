"""A safe reader for loss expressions typed by a user.

It tokenizes and parses by hand (recursive descent), builds SymPy objects
directly and never calls ``eval``, ``sympify`` or ``parse_expr`` on the text.
Anything outside the small grammar below is refused with an
:class:`ExpressionError` that names the column.

    expr   := term (('+' | '-') term)*
    term   := unary (('*' | '/') unary)*
    unary  := ('+' | '-') unary | power
    power  := atom ('**' | '^') unary | atom
    atom   := NUMBER | NAME | NAME '(' expr ')' | '(' expr ')'

Size is bounded before SymPy does the work: the input's length, the nesting
depth, every exponent, the product of nested exponents and the digits a
power can make (:mod:`derive.budget`), so ``9**9**9**9``,
``((1e300*x)**1000)**1000`` or a megabyte of parentheses fail fast instead
of hanging. What SymPy cannot give a real, finite value for (``1/0``,
``log(0)``, ``sqrt(-1)``) is refused too. Every refusal is an
:class:`ExpressionError` naming the column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

import sympy as sp

from .budget import digits, exponent_product
from .errors import InputError
from .names import FUNCTION_LIST, MAX_INDEX, NAME_RULE, NOT_NAMES
from .symbols import CONSTANTS, FUNCTIONS, symbol

MAX_LENGTH = 10_000
MAX_DEPTH = 100
MAX_EXPONENT = 1_000
MAX_NUMBER_DIGITS = 100
#: The most decimal digits a power may make (in a numerator or a denominator).
MAX_POWER_DIGITS = 400


class ExpressionError(InputError):
    """An expression could not be read; the message says what and where."""

    def __init__(self, message: str, column: int | None = None):
        self.column = column
        where = f" at column {column}" if column is not None else ""
        super().__init__(f"cannot read the expression{where}: {message}")


@dataclass(frozen=True)
class Token:
    kind: str  # "num", "name", "op", "end"
    text: str
    column: int  # 1-based


_TOKEN = re.compile(
    r"\s*(?:(?P<num>(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>\*\*|[-+*/^(),]))"
)

_SPACE = re.compile(r"\s*")
_INDEX = re.compile(r"_([0-9]+)$")

_ALLOWED = "names may be symbols and the functions " + FUNCTION_LIST


def tokenize(text: str) -> Iterator[Token]:
    """Yield the tokens of ``text`` one at a time, then an ``end`` token.

    Lazy, so that the parser reports the first problem in reading order:
    ``__import__('os')`` is refused for the call at column 1, not for the quote.
    """
    pos, end = 0, len(text.rstrip())
    while pos < end:
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            col = _SPACE.match(text, pos).end() + 1
            raise ExpressionError(f"unexpected character {text[col - 1]!r}", col)
        kind = m.lastgroup
        yield Token(kind, m.group(kind), m.start(kind) + 1)
        pos = m.end()
    yield Token("end", "", len(text) + 1)


class _Parser:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.next: Token | None = None
        self.depth = 0

    def peek(self) -> Token:
        if self.next is None:
            self.next = next(self.tokens)
        return self.next

    def take(self) -> Token:
        tok = self.peek()
        if tok.kind != "end":
            self.next = None
        return tok

    def expect(self, text: str) -> None:
        tok = self.take()
        if tok.text != text:
            got = "the end" if tok.kind == "end" else repr(tok.text)
            raise ExpressionError(f"expected {text!r}, got {got}", tok.column)

    def nested(self, tok: Token):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"nested deeper than {MAX_DEPTH} levels", tok.column)

    def expr(self) -> sp.Expr:
        terms = [self.term()]  # collected, then added once: linear, not quadratic
        while self.peek().text in ("+", "-"):
            op = self.take().text
            right = self.term()
            terms.append(right if op == "+" else -right)
        return sp.Add(*terms)

    def term(self) -> sp.Expr:
        factors = [self.unary()]
        while self.peek().text in ("*", "/"):
            tok = self.take()
            op = tok.text
            right = self.unary()
            factors.append(right if op == "*" else _finite(1 / right, tok.column))
        return sp.Mul(*factors)

    def unary(self) -> sp.Expr:
        tok = self.peek()
        if tok.text in ("+", "-"):
            self.take()
            self.nested(tok)
            value = self.unary()
            self.depth -= 1
            return -value if tok.text == "-" else value
        return self.power()

    def power(self) -> sp.Expr:
        base = self.atom()
        if self.peek().text in ("**", "^"):
            tok = self.take()
            self.nested(tok)
            exponent = self.unary()
            self.depth -= 1
            return _checked_power(base, exponent, tok.column)
        return base

    def atom(self) -> sp.Expr:
        tok = self.take()
        if tok.kind == "num":
            return _number(tok)
        if tok.kind == "name":
            if self.peek().text == "(":
                return self.call(tok)
            if tok.text in FUNCTIONS:
                raise ExpressionError(f"{tok.text} is a function: write {tok.text}(...)", tok.column)
            return CONSTANTS.get(tok.text) or _name(tok)
        if tok.text == "(":
            self.nested(tok)
            inner = self.expr()
            self.expect(")")
            self.depth -= 1
            return inner
        got = "the end of the expression" if tok.kind == "end" else repr(tok.text)
        raise ExpressionError(f"expected a number, a name or '(', got {got}", tok.column)

    def call(self, name: Token) -> sp.Expr:
        if name.text not in FUNCTIONS:
            raise ExpressionError(f"{_ALLOWED}; got a call to {name.text}", name.column)
        self.expect("(")
        self.nested(name)
        arg = self.expr()
        if self.peek().text == ",":
            raise ExpressionError(f"{name.text} takes one argument", self.peek().column)
        self.expect(")")
        self.depth -= 1
        return _finite(FUNCTIONS[name.text](arg), name.column)


def _name(tok: Token) -> sp.Symbol:
    """The symbol ``tok`` names, if it is a name (:data:`derive.names.NAME_RULE`)."""
    text = tok.text
    index = _INDEX.search(text)
    if text in NOT_NAMES or text.startswith("_") or (index and len(index.group(1)) > 9):
        raise ExpressionError(f"{text!r} is not a name: {NAME_RULE}", tok.column)
    if index and int(index.group(1)) > MAX_INDEX:
        raise ExpressionError(f"the index {index.group(1)} of {text} is larger than {MAX_INDEX} "
                              f"(the most features a model may have)", tok.column)
    return symbol(text)


def _number(tok: Token) -> sp.Expr:
    text = tok.text.lower()
    mantissa, _, exponent = text.partition("e")
    if len(mantissa.replace(".", "")) > MAX_NUMBER_DIGITS or len(exponent.lstrip("+-")) > 4 or (
        exponent and abs(int(exponent)) > 300
    ):
        raise ExpressionError(f"the number {tok.text[:20]}{'...' if len(tok.text) > 20 else ''} is too large or too small "
                              f"(at most {MAX_NUMBER_DIGITS} digits, and an exponent from e-300 to e300)", tok.column)
    if any(c in text for c in ".e"):
        return sp.Rational(tok.text)  # exact: 0.5 stays 1/2
    return sp.Integer(tok.text)


def _finite(value: sp.Expr, column: int) -> sp.Expr:
    """``value``, if SymPy gave it a real, finite value (not ``1/0``,
    ``0/0``, ``log(0)``, ``sqrt(-1)``)."""
    if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise ExpressionError("this has no finite value (a division by zero, or log of 0)", column)
    if value.has(sp.I) or (value.is_number and value.is_extended_real is False):
        raise ExpressionError("this is not a real number", column)
    return value


def _checked_power(base: sp.Expr, exponent: sp.Expr, column: int) -> sp.Expr:
    """Build base**exponent, refusing powers too large to compute: an
    exponent above :data:`MAX_EXPONENT`, nested exponents whose product is
    above it (``(x**100)**100``), or a power whose numbers would have more
    than :data:`MAX_POWER_DIGITS` digits (``(1e300*x)**1000``)."""
    if exponent.is_Number:
        size = abs(float(exponent))
        if size > MAX_EXPONENT:
            raise ExpressionError(f"the exponent {exponent} is beyond ±{MAX_EXPONENT}", column)
        if exponent_product(base) * size > MAX_EXPONENT:
            raise ExpressionError(f"the nested exponents multiply to more than {MAX_EXPONENT}", column)
        if digits(base) * size > MAX_POWER_DIGITS:
            raise ExpressionError(f"the power is too large to compute (more than {MAX_POWER_DIGITS} digits)",
                                  column)
    return _finite(base**exponent, column)


def parse_expression(text: str) -> sp.Expr:
    """Read ``text`` such as ``"(y - (w*x + b))**2 / 2"`` into a SymPy expression.

    Names become real symbols; the only calls allowed are the functions in
    :data:`derive.symbols.FUNCTIONS`. Raises :class:`ExpressionError`.
    """
    if not isinstance(text, str):
        raise ExpressionError(f"expected text, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the expression is {len(text)} characters long; the limit is {MAX_LENGTH}")
    if not text.strip():
        raise ExpressionError("the expression is empty")
    parser = _Parser(text)
    result = parser.expr()
    tok = parser.peek()
    if tok.kind != "end":
        hint = " (write * to multiply)" if tok.kind in ("name", "num") or tok.text == "(" else ""
        raise ExpressionError(f"unexpected {tok.text!r} after a complete expression{hint}", tok.column)
    return result
