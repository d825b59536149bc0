"""LaTeX → SymPy, for the math that gradient-descent notes write.

A Lark LALR grammar (``grammar.py``) reads one math segment into a
statement: relation chains (``A = B = C``) separated by arrows. Layout that
carries no mathematics (``\\left``, ``\\quad``, ``\\text{…}``, ``\\boxed{``
and its ``}``) is blanked to spaces first, so every position the parser
reports is a position in the notes.

Names follow the notes: ``SE`` and ``MSE`` are one symbol each, ``\\hat{y}``
is ``y_hat``, ``w_{\\text{new}}`` is ``w_new``, ``\\omega`` is ``omega``;
``\\sigma(z)`` is :class:`derive.symbols.sigmoid`. ``\\frac{dF}{dv}`` is an
unevaluated derivative and ``\\frac{d}{dv}`` applies to the rest of the
product it stands in, as ``\\frac{d}{dw} \\frac{1}{2}(y - \\hat{y})^2`` reads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import sympy as sp
from lark import Lark, Token, Transformer, Tree, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from ..symbols import sigmoid, symbol
from .grammar import GRAMMAR
from .layout import layout_blanked

MAX_LENGTH = 4_000
MAX_NESTING = 50
MAX_EXPONENT = 100

#: Stands for ``d`` or ``\partial`` while a fraction is read.
D = symbol("d")
PARTIAL = sp.Symbol("partial_marker")

_FUNCTIONS = {"ln": sp.log, "log": sp.log, "exp": sp.exp, "sin": sp.sin, "cos": sp.cos,
              "tanh": sp.tanh, "sgn": sp.sign, "sign": sp.sign, "sigmoid": sigmoid}
_ACCENTS = {"hat": "hat", "widehat": "hat", "bar": "bar", "overline": "bar", "tilde": "tilde",
            "dot": "dot", "vec": "vec"}


class LatexError(ValueError):
    """A segment could not be read; ``pos`` is the 0-based offset in it."""

    def __init__(self, message: str, pos: int | None = None):
        self.pos = pos
        super().__init__(message)


@dataclass(frozen=True)
class Expression:
    """One side of a relation: its value and where it is in the segment."""

    value: sp.Expr
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Piece:
    """A relation chain ``A = B = …``; ``continues`` if it began with ``=``,
    ``after_arrow`` if an arrow stood before it."""

    exprs: tuple[Expression, ...]
    continues: bool
    after_arrow: bool
    approximate: bool


@dataclass(frozen=True)
class Statement:
    """A parsed segment and how the notes spelled each symbol."""

    pieces: tuple[Piece, ...]
    spellings: tuple[tuple[str, str], ...]


_PARSER = Lark(
    GRAMMAR,
    parser="lalr", propagate_positions=True, maybe_placeholders=True,
)


# ---------------------------------------------------------------- operators
class _Operator:
    """``\\frac{d}{dv}`` or ``\\sum_{i=a}^{b}``: applies to the rest of a product."""

    def __init__(self, kind: str, var: sp.Expr, low: sp.Expr | None = None, high: sp.Expr | None = None):
        self.kind, self.var, self.low, self.high = kind, var, low, high

    def apply(self, operand: sp.Expr) -> sp.Expr:
        if self.kind == "derivative":
            return sp.Derivative(operand, self.var)
        return sp.Sum(indexed(operand, self.var), (self.var, self.low, self.high))


def indexed(expr: sp.Expr, index: sp.Symbol) -> sp.Expr:
    """``y_i`` inside a sum over ``i`` becomes the indexed ``y[i]``."""
    suffix = "_" + index.name
    mapping = {}
    for s in expr.free_symbols:
        if isinstance(s, sp.Symbol) and s.name.endswith(suffix) and len(s.name) > len(suffix):
            mapping[s] = sp.IndexedBase(s.name[: -len(suffix)], real=True)[index]
    return expr.xreplace(mapping)


def _value(item) -> sp.Expr:
    if isinstance(item, _Operator):
        what = "d/d" + str(item.var) if item.kind == "derivative" else "a sum"
        raise LatexError(f"{what} is applied to nothing")
    return item


def _power(base, exponent) -> sp.Expr:
    base, exponent = _value(base), _value(exponent)
    if exponent.is_Number and abs(exponent) > MAX_EXPONENT:
        raise LatexError(f"the exponent {exponent} is larger than {MAX_EXPONENT}")
    if base.is_Number and exponent.is_Number and abs(base) > 1 and abs(exponent) > 20:
        raise LatexError("the power is too large to compute")
    if base == D or base == PARTIAL:
        raise LatexError("higher derivatives are not supported")
    return base**exponent


# ---------------------------------------------------------------- tree → SymPy
class _ToSympy(Transformer):
    def __init__(self, source: str):
        super().__init__()
        self.source = source
        self.spellings: dict[str, str] = {}

    def number(self, items):
        return sp.Rational(str(items[0])) if "." in items[0] else sp.Integer(str(items[0]))

    def constant(self, items):
        return sp.pi

    def letter(self, items):
        return str(items[0])

    def greek(self, items):
        return str(items[0])[1:]

    def partial(self, items):
        return PARTIAL

    def opname(self, items):
        return re.search(r"\{\s*([A-Za-z]+)", items[0]).group(1)

    def accent(self, items):
        base = items[1]
        if not isinstance(base, str):
            raise LatexError("an accent needs a name under it")
        return f"{base}_{_ACCENTS[str(items[0])[1:]]}"

    def subscript(self, items):
        return "".join(str(i) if not str(i).startswith("\\") else str(i)[1:] for i in items if str(i) != ",")

    @v_args(meta=True)
    def name(self, meta, items):
        base = items[0]
        if not isinstance(base, str):
            return base  # \partial
        full = base + ("_" + items[1] if len(items) > 1 else "")
        self.spellings.setdefault(full, " ".join(self.source[meta.start_pos:meta.end_pos].split()))
        return symbol(full)

    def add(self, items):
        return _value(items[0]) + _value(items[2])

    def sub(self, items):
        return _value(items[0]) - _value(items[2])

    def neg(self, items):
        return -_value(items[1])

    def pos(self, items):
        return _value(items[1])

    def product(self, items):
        factors, divide = [], False
        for item in items:
            if isinstance(item, Token) and item.type == "MULOP":
                divide = item.value == "/"
                continue
            factors.append((divide, item))
            divide = False
        return _combine(factors)

    def power(self, items):
        return _power(items[0], items[1])

    def exp_power(self, items):
        return sp.exp(_value(items[-1]))

    def paren(self, items):
        return items[0]

    def group(self, items):
        return items[0]

    def sqrt(self, items):
        return sp.sqrt(_value(items[0]))

    def abs(self, items):
        return sp.Abs(_value(items[1]))

    def call(self, items):
        name = re.sub(r"^\\(?:operatorname|mathrm|text)?\s*\{?\s*", "", str(items[0])).strip("\\{} ")
        return _FUNCTIONS[name](_value(items[1]))

    def sigmoid(self, items):
        return sigmoid(_value(items[1]))

    def undefined_call(self, items):
        primes = sum(1 for i in items if isinstance(i, Token) and i.type == "PRIME")
        return sp.Function(str(items[0]) + "'" * primes)(_value(items[-1]))

    def primed(self, items):
        return sp.Symbol(str(items[0]) + "'" * (len(items) - 1))

    def frac(self, items):
        return _fraction(_value(items[1]), _value(items[2]))

    def sum_op(self, items):
        index, low, high = items[0], _value(items[2]), _value(items[3])
        return _Operator("sum", sp.Symbol(index.name, integer=True), low, high)

    def sum_op_short(self, items):
        index, high = items[0], _value(items[1])
        return _Operator("sum", sp.Symbol(index.name, integer=True), sp.Integer(1), high)


def _combine(factors: list[tuple[bool, object]]) -> sp.Expr:
    result = sp.Integer(1)
    for k, (divide, factor) in enumerate(factors):
        if isinstance(factor, _Operator):
            if k + 1 == len(factors):
                _value(factor)
            factor = factor.apply(_combine(factors[k + 1:]))
            return result / factor if divide else result * factor
        result = result / factor if divide else result * factor
    return result


def _fraction(num: sp.Expr, den: sp.Expr) -> sp.Expr | _Operator:
    """``num/den``, or a derivative when it reads ``dF/dv`` or ``∂F/∂v``."""
    for marker in (D, PARTIAL):
        if isinstance(den, sp.Mul) and len(den.args) == 2 and marker in den.args:
            var = den.args[0] if den.args[1] == marker else den.args[1]
            if not isinstance(var, (sp.Symbol, sp.Indexed)) or var.has(marker):
                continue
            if num == marker:
                return _Operator("derivative", var)
            if isinstance(num, sp.Mul) and marker in num.args:
                operand = num / marker
                if not operand.has(marker):
                    return sp.Derivative(operand, var)
        if isinstance(den, sp.Mul) and any(isinstance(a, sp.Pow) and a.base == marker for a in den.args):
            raise LatexError("higher derivatives are not supported")
    if den == 0:
        raise LatexError("division by zero")
    if num.has(PARTIAL) or den.has(PARTIAL):
        raise LatexError("\\partial outside a derivative fraction")
    return num / den


# ---------------------------------------------------------------- entry point
def _error_position(err: UnexpectedInput, text: str) -> tuple[str, int]:
    if isinstance(err, UnexpectedCharacters):
        return f"unexpected {text[err.pos_in_stream]!r}", err.pos_in_stream
    if isinstance(err, UnexpectedToken):
        if err.token.type == "$END":
            return "the math ends too early", len(text.rstrip())
        return f"unexpected {str(err.token)!r}", err.token.start_pos or 0
    if isinstance(err, UnexpectedEOF):
        return "the math ends too early", len(text.rstrip())
    return str(err).splitlines()[0], getattr(err, "pos_in_stream", 0) or 0


@lru_cache(maxsize=4096)
def parse_statement(latex: str) -> Statement:
    """Read one math segment. Raises :class:`LatexError` with the position."""
    if len(latex) > MAX_LENGTH:
        raise LatexError(f"the math is {len(latex)} characters long; the limit is {MAX_LENGTH}", 0)
    text = layout_blanked(latex)
    depth = deepest = 0
    for ch in text:
        depth += ch in "({[\ue000"
        depth -= ch in ")}]\ue001"
        deepest = max(deepest, depth)
    if deepest > MAX_NESTING:
        raise LatexError(f"nested deeper than {MAX_NESTING} levels", 0)
    try:
        tree = _PARSER.parse(text)
    except UnexpectedInput as err:
        message, pos = _error_position(err, text)
        raise LatexError(message, pos) from None
    transformer = _ToSympy(latex)
    pieces, after_arrow = [], False
    for child in tree.children:
        if isinstance(child, Token):  # an arrow
            after_arrow = True
            continue
        if child is None:
            continue
        pieces.append(_piece(child, transformer, latex, after_arrow))
    return Statement(tuple(pieces), tuple(sorted(transformer.spellings.items())))


def _piece(chain: Tree, transformer: _ToSympy, latex: str, after_arrow: bool) -> Piece:
    exprs, continues, approximate = [], False, False
    for child in chain.children:
        if isinstance(child, Token):
            if child.type == "EQ" and not exprs:
                continues = True
            approximate |= child.type == "APPROX"
            continue
        try:
            value = _value(transformer.transform(child))
        except VisitError as err:
            inner = err.orig_exc
            if isinstance(inner, LatexError):
                raise LatexError(str(inner), inner.pos if inner.pos is not None else child.meta.start_pos) from None
            if isinstance(inner, RecursionError):
                raise LatexError("nested too deeply", child.meta.start_pos) from None
            raise LatexError(f"cannot read this: {inner}", child.meta.start_pos) from None
        except LatexError as err:
            raise LatexError(str(err), child.meta.start_pos) from None
        start, end = child.meta.start_pos, child.meta.end_pos
        exprs.append(Expression(value, start, end, " ".join(latex[start:end].split())))
    return Piece(tuple(exprs), continues, after_arrow, approximate)
