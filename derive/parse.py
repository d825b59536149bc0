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

Size is bounded: input length, nesting depth and the size of integer powers,
so ``9**9**9**9`` or a megabyte of parentheses fail fast instead of hanging.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

import sympy as sp

from .errors import InputError
from .names import FUNCTION_LIST
from .symbols import CONSTANTS, FUNCTIONS, symbol

MAX_LENGTH = 10_000
MAX_DEPTH = 100
MAX_EXPONENT = 1_000
MAX_NUMBER_DIGITS = 100


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
    r"\s*(?:(?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>\*\*|[-+*/^(),]))"
)

_ALLOWED = "names may be symbols and the functions " + FUNCTION_LIST


def tokenize(text: str) -> Iterator[Token]:
    """Yield the tokens of ``text`` one at a time, then an ``end`` token.

    Lazy, so that the parser reports the first problem in reading order:
    ``__import__('os')`` is refused for the call at column 1, not for the quote.
    """
    pos = 0
    while text[pos:].strip():
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            col = len(text) - len(text[pos:].lstrip()) + 1
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
            op = self.take().text
            right = self.unary()
            factors.append(right if op == "*" else 1 / right)
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
            return CONSTANTS.get(tok.text) or symbol(tok.text)
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
        return FUNCTIONS[name.text](arg)


def _number(tok: Token) -> sp.Expr:
    mantissa = tok.text.lower().split("e")[0]
    if len(mantissa.replace(".", "")) > MAX_NUMBER_DIGITS or (
        "e" in tok.text.lower() and abs(int(tok.text.lower().split("e")[1])) > 300
    ):
        raise ExpressionError(f"the number {tok.text[:20]}... is too large", tok.column)
    if any(c in tok.text for c in ".eE"):
        return sp.Rational(tok.text)  # exact: 0.5 stays 1/2
    return sp.Integer(tok.text)


def _checked_power(base: sp.Expr, exponent: sp.Expr, column: int) -> sp.Expr:
    """Build base**exponent, refusing numeric powers too large to compute."""
    if exponent.is_Number and abs(exponent) > MAX_EXPONENT:
        raise ExpressionError(f"the exponent {exponent} is larger than {MAX_EXPONENT}", column)
    if base.is_Number and exponent.is_Number and abs(base) > 1 and exponent > 0:
        if float(exponent) * sp.log(abs(base), 10).evalf() > MAX_NUMBER_DIGITS:
            raise ExpressionError("the power is too large to compute", column)
    return base**exponent


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
