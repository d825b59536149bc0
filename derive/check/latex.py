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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import sympy as sp
from lark import Lark, Token, Transformer, Tree, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from ..names import GREEK
from ..symbols import sigmoid, symbol
from .conditions import sign_condition
from .ellipsis import EllipsisError, ellipses_read
from .grammar import GRAMMAR
from .indices import INDEX_JOIN, AmbiguousExponent, indices_rewritten
from .layout import layout_blanked
from .piecewise import PiecewiseError, cases_read

MAX_LENGTH = 4_000
MAX_NESTING = 50
MAX_EXPONENT = 100

#: Stands for ``d`` or ``\partial`` while a fraction is read.
D = symbol("d")
PARTIAL = sp.Symbol("partial_marker")

_FUNCTIONS = {"ln": sp.log, "log": sp.log, "exp": sp.exp, "sin": sp.sin, "cos": sp.cos,
              "tanh": sp.tanh, "sgn": sp.sign, "sign": sp.sign, "sigmoid": sigmoid, "sqrt": sp.sqrt,
              "abs": sp.Abs}
_ACCENTS = {"hat": "hat", "widehat": "hat", "bar": "bar", "overline": "bar", "tilde": "tilde",
            "dot": "dot", "vec": "vec"}


class LatexError(ValueError):
    """A segment could not be read; ``pos`` is the 0-based offset in it.
    ``notation`` is set when it was read but holds notation the checker
    does not judge (matrices, piecewise definitions): the message says which."""

    def __init__(self, message: str, pos: int | None = None, notation: bool = False):
        self.pos = pos
        self.notation = notation
        super().__init__(message)


_MATRIX = re.compile(
    r"\^\s*\{?\s*(?:T|\\top|\\intercal|\\mathsf\s*\{\s*T\s*\})\s*\}?(?![A-Za-z0-9])"
    r"|\\(?:mathbf|boldsymbol|bm|mathbb|nabla|lVert|Vert|odot|otimes|oplus|top|intercal|operatorname\s*\{\s*(?:softmax|diag|tr)\s*\})(?![A-Za-z])"
    r"|\\\||\\begin\s*\{\s*[bpvBV]?matrix"
)
_PIECEWISE = re.compile(r"\\begin\s*\{\s*(?:cases|array)")


#: A number set: ``\mathbb{R}``, ``\mathbb{R}^n``, ``\mathbb{R}^{n \times d}``.
_NUMBER_SET = re.compile(r"\\mathbb\s*\{\s*([RNZCQ])\s*\}(?:\s*\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?")
#: A bold name of one letter (``\mathbf{w}``, ``\boldsymbol{\theta}``, ``\bm{x}``).
_BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*(\\[A-Za-z]+|[A-Za-z])\s*\}")
#: What follows a bold name when it is multiplied with another name as a
#: matrix or vector would be: juxtaposed, or with ``\cdot``/``\times``.
_PRODUCT_GAP = re.compile(r"(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*(?:\\cdot|\\times|\\ast|\*|·|⋅)?\s*(?:\^\s*\{?\s*-?\s*\d\s*\}?\s*)?")


def _number_sets_blanked(latex: str) -> str:
    """``\\mathbb{R}^{n}`` (a domain, as in ``x \\in \\mathbb{R}^n``) becomes the
    one-letter name ``R`` padded with spaces, so the statement around it is read."""
    return _NUMBER_SET.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - 1), latex)


_FUNCTION_OF_SUM = re.compile(r"\\(?:log|ln|exp)(\s)\s*(?=\\sum(?![A-Za-z]))")


def _function_of_sum_bracketed(latex: str) -> str:
    """``\\log \\sum_k e^{o_k} - …`` is log(Σ_k e^{o_k}) - …: the space after
    ``\\log`` becomes ``(`` and the space before the next top-level + or -
    (or the end) ``)``, so nothing before it moves."""
    for m in reversed(list(_FUNCTION_OF_SUM.finditer(latex))):
        depth, i = 0, m.end()
        while i < len(latex):
            ch = latex[i]
            if ch in "({[":
                depth += 1
            elif ch in ")}]":
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0 and ch in "+-=,&" and i > m.end() + 5:
                break
            i += 1
        if i == len(latex):
            latex = latex + ")"
        elif latex[i - 1].isspace():
            latex = latex[:i - 1] + ")" + latex[i:]
        else:
            continue
        latex = latex[:m.start(1)] + "(" + latex[m.end(1):]
    return latex


def _bold_read_as_scalars(latex: str) -> str:
    """Bold names as plain names (same length) when nothing in the segment
    treats them as vectors: no bold capital (a matrix), no two bold names
    multiplied, no bold name next to a capital letter (``X\\mathbf{w}``).
    The transpose and norm markers are refused by ``_MATRIX`` afterwards."""
    found = list(_BOLD.finditer(latex))
    if not found:
        return latex
    for m in found:
        inner = m.group(1)
        if inner.lstrip("\\")[:1].isupper():
            return latex
        after = _PRODUCT_GAP.match(latex, m.end())
        rest = latex[after.end():]
        if _BOLD.match(rest) or re.match(r"[A-Z](?![A-Za-z(])", rest):
            return latex
        before = latex[:m.start()].rstrip()
        before = re.sub(r"(?:\\cdot|\\times|\\ast|\*|·|⋅)$", "", before).rstrip()
        if re.search(r"(?<![A-Za-z\\])[A-Z]$|\}\s*\^\s*\{?\s*(?:T|\\top)\s*\}?$", before):
            return latex
    chars = list(latex)
    for m in found:
        inner_start, inner_end = m.start(1), m.end(1)
        for i in range(m.start(), m.end()):
            if not inner_start <= i < inner_end:
                chars[i] = " "
    return "".join(chars)


def _notation_check(latex: str) -> str:
    """Refuse notation that must not be judged as scalars; rewrite the
    superscript index ``x^{(i)}`` as the subscript ``x_{ i }`` (same length)."""
    latex = _bold_read_as_scalars(_number_sets_blanked(latex))
    m = _MATRIX.search(latex)
    if m:
        raise LatexError(f"matrix notation ({' '.join(m.group(0).split())}): vectors and matrices are not "
                         "checked as scalars", m.start(), notation=True)
    m = _PIECEWISE.search(latex)
    if m:
        raise LatexError("a piecewise definition (cases) is not checked", m.start(), notation=True)
    try:
        return indices_rewritten(latex)
    except AmbiguousExponent as err:
        raise LatexError(str(err), err.pos) from None


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
    ``after_arrow`` if an arrow (⇒, ∴) stood before it; ``relations`` has
    one of ``=``, ``≈``, ``≠`` per link (``≠`` stands for any inequality);
    ``separator`` is what stood before it: arrow, because, comma or ""."""

    exprs: tuple[Expression, ...]
    continues: bool
    after_arrow: bool
    approximate: bool
    relations: tuple[str, ...] = ()
    separator: str = ""


@dataclass(frozen=True)
class Statement:
    """A parsed segment and how the notes spelled each symbol."""

    pieces: tuple[Piece, ...]
    spellings: tuple[tuple[str, str], ...]
    applied: tuple[str, ...] = ()  # names written as functions of arguments: J(w, b), h_θ(x)
    domain: tuple[tuple[str, int, str], ...] = ()  # a trailing sign condition: (("x", 1, ">"),) for (x > 0)


_PARSER = Lark(
    GRAMMAR,
    parser="lalr", propagate_positions=True, maybe_placeholders=True,
)


# ---------------------------------------------------------------- operators
#: The upper limit of a sum written without one (``\\sum_i``, ``\\sum``).
SUM_UPPER = symbol("n")
_INDEX_LETTERS = ("i", "j", "k", "n", "m", "t", "l")


class _Operator:
    """``\\frac{d}{dv}`` or ``\\sum_{i=a}^{b}``: applies to the rest of a product.
    A sum without an index takes the one its operand's subscripts use; one
    ``\\sum_{k \\neq i}`` leaves out the term k = i."""

    def __init__(self, kind: str, var: sp.Expr | None, low: sp.Expr | None = None, high: sp.Expr | None = None,
                 excluded: sp.Expr | None = None):
        self.kind, self.var, self.low, self.high, self.excluded = kind, var, low, high, excluded

    def apply(self, operand: sp.Expr) -> sp.Expr:
        if self.kind == "derivative":
            return sp.Derivative(operand, self.var)
        var = self.var if self.var is not None else _guess_index(operand)
        body = indexed(operand, var)
        total = sp.Sum(body, (var, self.low, self.high))
        if self.excluded is not None:  # the term k = i, in the names the notes write it with (y_i, not y[i])
            term = body.xreplace({var: sp.Symbol(self.excluded.name, integer=True)})
            total -= term.xreplace({item: symbol(f"{item.base.label.name}_{self.excluded.name}")
                                    for item in term.atoms(sp.Indexed)
                                    if item.indices == (sp.Symbol(self.excluded.name, integer=True),)})
        return total


def _guess_index(operand: sp.Expr) -> sp.Symbol:
    counts = {}
    for s in operand.free_symbols:
        base, _, sub = s.name.rpartition("_")
        if base and sub in _INDEX_LETTERS:
            counts[sub] = counts.get(sub, 0) + 1
    if len(counts) != 1:
        raise LatexError("a sum without an index, over terms whose index is not clear")
    return sp.Symbol(next(iter(counts)), integer=True)


def indexed(expr: sp.Expr, index: sp.Symbol) -> sp.Expr:
    """``y_i`` inside a sum over ``i`` becomes the indexed ``y[i]``."""
    suffix = "_" + index.name
    mapping = {}
    for s in expr.free_symbols:
        if isinstance(s, sp.Symbol) and s.name.endswith(suffix) and len(s.name) > len(suffix):
            mapping[s] = sp.IndexedBase(s.name[: -len(suffix)], real=True)[index]
        elif isinstance(s, sp.Symbol) and len(parts := s.name.split("_")) == 3 and parts[1] == index.name \
                and "hat" not in parts:  # x_j_i (x_j^{(i)}) in a sum over j: x[j, i]
            mapping[s] = sp.IndexedBase(parts[0], real=True)[index, sp.Symbol(parts[2], integer=True)]
    for item in expr.atoms(sp.Indexed):  # x[j, i] inside a sum over i
        if any(isinstance(k, sp.Symbol) and k.name == index.name and k != index for k in item.indices):
            mapping[item] = item.base[tuple(index if getattr(k, "name", None) == index.name else k
                                            for k in item.indices)]
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
        self.applied_names: set[str] = set()
        self.cases: tuple = ()

    def piecewise_mark(self, items):  # a cases environment, read by piecewise.py
        return self.cases[int(str(items[0])[1:].rstrip("\ue005"))]

    def number(self, items):
        return sp.Rational(str(items[0])) if "." in items[0] else sp.Integer(str(items[0]))

    def constant(self, items):
        return sp.pi

    def letter(self, items):
        return str(items[0])

    def letter_digits(self, items):
        text = str(items[0])
        return f"{text[0]}_{text[1:]}"

    def greek(self, items):
        return str(items[0])[1:]

    def unicode_greek(self, items):
        return _UNICODE_GREEK.get(str(items[0]), str(items[0]))

    def unicode_hat(self, items):
        return unicodedata.normalize("NFD", str(items[0]))[0] + "_hat"

    def power_unicode(self, items):
        return _power(items[0], sp.Integer({"²": 2, "³": 3}[str(items[1])]))

    def rel(self, items):
        return items[0]

    def sep(self, items):
        return items[0]

    def arguments(self, items):
        return _Arguments(_value(i) for i in items if not isinstance(i, Token))

    def partial(self, items):
        return PARTIAL

    def opname(self, items):
        return re.search(r"\{\s*([A-Za-z][A-Za-z0-9]*)", items[0]).group(1)

    def accent(self, items):
        base = items[1]
        if not isinstance(base, str):
            raise LatexError("an accent needs a name under it")
        name = f"{base}_{_ACCENTS[str(items[0])[1:]]}"
        return name + ("_" + items[2] if len(items) > 2 and items[2] else "")

    def subscript(self, items):
        text = "".join(str(i) if not str(i).startswith("\\") else str(i)[1:] for i in items if str(i) != ",")
        return text.replace(INDEX_JOIN, "_")  # x_j^{(i)}: the name x_j_i

    @v_args(meta=True)
    def name(self, meta, items):
        base = items[0]
        if not isinstance(base, str):
            return base  # \partial
        full = base + ("_" + items[1] if len(items) > 1 else "")
        spelled = " ".join(self.source[meta.start_pos:meta.end_pos].split())
        spelled = re.sub(r"^([^{}\s]+)\s*\}\s*(?=[_^])", r"\1", spelled)  # { p }_{ i }: the { was blanked
        self.spellings.setdefault(full, spelled)
        return symbol(full)

    def add(self, items):
        return _value(items[0]) + _value(items[2])

    def sub(self, items):
        return _value(items[0]) - _value(items[2])

    def negated_factor(self, items):  # 2 * -x
        return -_value(items[1])

    def neg(self, items):
        return -_value(items[1])

    def pos(self, items):
        return _value(items[1])

    def product(self, items):
        _refuse_slash_derivative(items)
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
        return [i for i in items if not isinstance(i, Token)][0]

    def group(self, items):
        return items[0]

    def sqrt(self, items):
        return sp.sqrt(_value(items[0]))

    def abs(self, items):
        return sp.Abs(_value(items[1]))

    def call(self, items):
        name = re.sub(r"^\\(?:operatorname|mathrm|text)?\s*\{?\s*", "", str(items[0])).strip("\\{} ")
        args = items[1] if isinstance(items[1], _Arguments) else _Arguments([_value(items[1])])
        name = name.lower()
        if name in ("max", "min"):
            if len(args) < 2:
                raise LatexError(f"{name} needs two arguments or more")
            return (sp.Max if name == "max" else sp.Min)(*args)
        if len(args) != 1:
            raise LatexError(f"{name} takes one argument; got {len(args)}")
        if name == "relu":
            return sp.Max(0, args[0])
        return _FUNCTIONS[name](args[0])

    @v_args(meta=True)
    def applied(self, meta, items):
        token, args = items
        name = re.sub(r"^\\[A-Za-z]+\s*\{\s*|\s*\}$", "", str(token)).strip()
        if token.type == "APPLIED_SUB":  # L_\delta(a), J_{1}(w)
            name = re.sub(r"[\\{}\s]", "", str(token))
        if name.lower() in _FUNCTIONS or name.lower() in ("relu", "max", "min"):
            return self.call([name, args])
        if not all(isinstance(a, (sp.Symbol, sp.Indexed)) for a in args):
            if token.type == "APPLIED_SUB" and len(args) == 1:  # a_i(1 - a_i) is a product
                return self.name_product(name, args[0])
            raise LatexError(f"{name}(…) applies a function the notes name to values; not checked")
        self.spellings.setdefault(name, " ".join(str(token).split()))
        self.applied_names.add(name)
        return symbol(name)

    def name_product(self, name: str, factor: sp.Expr) -> sp.Expr:
        return symbol(name) * factor

    def sigma_primed(self, items):
        s = sigmoid(_value(items[-1]))
        return s * (1 - s)

    def sigmoid(self, items):
        return sigmoid(_value(items[1]))

    def undefined_call(self, items):
        primes = sum(1 for i in items if isinstance(i, Token) and i.type == "PRIME")
        args = items[-1] if isinstance(items[-1], _Arguments) else [_value(items[-1])]
        return sp.Function(str(items[0]) + "'" * primes)(*args)

    def primed(self, items):
        return sp.Symbol(str(items[0]) + "'" * (len(items) - 1))

    def primed_paren(self, items):
        """``(…)'``: the derivative by the one name inside; with several, by which is not said."""
        value = _value(items[0])
        names = [s for s in value.free_symbols if isinstance(s, sp.Symbol)]
        if len(names) != 1 or value.atoms(sp.Indexed) or value.is_Symbol:
            raise LatexError("a prime on a bracket of one bare name, several names or none: by which name "
                             "it is differentiated is not said; "
                             "not read", notation=True)
        return sp.Derivative(value, names[0])

    def primed_sum(self, items):
        raise LatexError("a prime on a sum (\\sum'): what is summed and by what it is differentiated are not "
                         "written; not checked", notation=True)

    def function_primed(self, items):
        """``\\text{ReLU}'(z)``, ``\\tanh'(z)``: the known function's derivative at the argument."""
        name = re.sub(r"^\\(?:operatorname|mathrm|text)?\s*\{?\s*", "", str(items[0])).strip("\\{} ").lower()
        arg = _value(items[-1])
        if name == "relu":
            return sp.Heaviside(arg, sp.nan)  # no derivative at 0: points there are not judged
        u = sp.Dummy("u", real=True)
        return sp.diff(_FUNCTIONS[name](u), u).subs(u, arg)

    def frac(self, items):
        return _fraction(_value(items[1]), _value(items[2]))

    def sum_op(self, items):
        index, low, high = items[0], _value(items[2]), _value(items[3])
        return _Operator("sum", sp.Symbol(index.name, integer=True), low, high)

    def sum_op_short(self, items):
        index, high = items[0], _value(items[1])
        return _Operator("sum", sp.Symbol(index.name, integer=True), sp.Integer(1), high)

    def sum_op_index(self, items):
        index = items[0]
        high = _value(items[1]) if len(items) > 1 and items[1] is not None else SUM_UPPER
        return _Operator("sum", sp.Symbol(index.name, integer=True), sp.Integer(1), high)

    def sum_op_except(self, items):
        index, excluded = items[0], items[2]
        high = _value(items[3]) if len(items) > 3 and items[3] is not None else SUM_UPPER
        return _Operator("sum", sp.Symbol(index.name, integer=True), sp.Integer(1), high, excluded)

    def sum_op_bare(self, items):
        high = _value(items[0]) if items and items[0] is not None else SUM_UPPER
        return _Operator("sum", None, sp.Integer(1), high)


def _refuse_slash_derivative(items) -> None:
    """``dx/dz`` (d next to a name, a slash, d next to a name) is a derivative
    written inline, not the quotient (d·x)/(d·z): refuse rather than read it."""
    kinds = ["/" if isinstance(i, Token) and i.type == "MULOP" and i.value == "/" else
             "d" if isinstance(i, sp.Basic) and i == D else "name" if isinstance(i, sp.Symbol) else "op"
             if isinstance(i, Token) else "other" for i in items]
    text = " ".join(kinds)
    if re.search(r"\bd name\b.*/ d name\b", text):
        raise LatexError("d…/d… written with a slash (a derivative, or a quotient of products with d?) is not read")


class _Arguments(list):
    """The arguments of a call ``f(a, b)``."""


#: Greek letter → its LaTeX name (ω → omega, Σ → Sigma), from derive's one
#: table; the final sigma ς is read as sigma.
_UNICODE_GREEK = {letter: name for name, letter in GREEK.items()} | {"ς": "sigma"}


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
            if marker == D and isinstance(num, sp.Symbol) and num.name.startswith("d") and len(num.name) > 2:
                return sp.Derivative(symbol(num.name[1:]), var)  # \frac{dloss}{dw}
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
    unconditional, domain = sign_condition(latex)
    try:
        unconditional, cases = cases_read(unconditional, _one_side)
        unconditional, sums = ellipses_read(unconditional, _one_side, len(cases))
    except (PiecewiseError, EllipsisError) as err:
        raise LatexError(str(err), err.pos, notation=True) from None
    text = layout_blanked(_notation_check(_function_of_sum_bracketed(unconditional)))
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
    transformer.cases = cases + sums
    pieces, after_arrow, separator = [], False, ""
    for child in tree.children:
        if isinstance(child, Tree) and child.data == "sep":
            token = child.children[0]
            separator = {"ARROW": "arrow", "BECAUSE": "because", "COMMA": "comma"}[token.type]
            after_arrow |= separator == "arrow"
            continue
        if child is None:
            continue
        pieces.append(_piece(child, transformer, latex, after_arrow, separator))
    bold = _bold_names(latex)
    if bold:
        _refuse_vector_products(pieces, bold)
    return Statement(tuple(pieces), tuple(sorted(transformer.spellings.items())),
                     tuple(sorted(transformer.applied_names)), domain)


def _one_side(latex: str) -> sp.Expr:
    """One expression (a value or a side of a condition in a cases row)."""
    pieces = parse_statement(latex).pieces
    if len(pieces) != 1 or len(pieces[0].exprs) != 1:
        raise LatexError("not one expression")
    return pieces[0].exprs[0].value


def _bold_names(latex: str) -> set[str]:
    """The names written bold in a segment that was read with them as scalars."""
    if not _BOLD.search(latex) or _MATRIX.search(_bold_read_as_scalars(_number_sets_blanked(latex))):
        return set()
    return {m.group(1).lstrip("\\") for m in _BOLD.finditer(latex)}


def _refuse_vector_products(pieces: list[Piece], bold: set[str]) -> None:
    """A product of two factors that each hold a bold name (``(\\mathbf{x} -
    \\mathbf{y}) \\mathbf{w}``), or a derivative of a bold name by a bold name
    (a Jacobian ``∂\\mathbf{z}/∂\\mathbf{w}``), is vector or matrix algebra: refuse it rather than judge it
    as scalars."""
    def has_bold(e: sp.Basic) -> bool:
        return any(s.name.split("_")[0] in bold for s in e.free_symbols if hasattr(s, "name"))

    for piece in pieces:
        for expr in piece.exprs:
            for node in sp.preorder_traversal(expr.value):
                vector = (isinstance(node, sp.Mul) and sum(has_bold(a) for a in node.args) >= 2) or (
                    isinstance(node, sp.Derivative) and isinstance(node.expr, sp.Symbol) and has_bold(node.expr)
                    and any(has_bold(v) for v, _ in node.variable_count))
                if vector:
                    raise LatexError("matrix notation (a product of bold names): vectors and matrices are not "
                                     "checked as scalars", expr.start, notation=True)


def _piece(chain: Tree, transformer: _ToSympy, latex: str, after_arrow: bool, separator: str = "") -> Piece:
    exprs, continues, approximate, relations = [], False, False, []
    for child in chain.children:
        if isinstance(child, Token):
            if child.type == "EQ" and not exprs:
                continues = True
            continue
        if isinstance(child, Tree) and child.data == "rel":
            kind = child.children[0].type
            approximate |= kind == "APPROX"
            relations.append({"EQ": "=", "APPROX": "≈", "NEQ": "≠"}[kind])
            continue
        try:
            value = _value(transformer.transform(child))
        except VisitError as err:
            inner = err.orig_exc
            if isinstance(inner, LatexError):
                raise LatexError(str(inner), inner.pos if inner.pos is not None else child.meta.start_pos,
                                 notation=inner.notation) from None
            if isinstance(inner, RecursionError):
                raise LatexError("nested too deeply", child.meta.start_pos) from None
            raise LatexError(f"cannot read this: {inner}", child.meta.start_pos) from None
        except LatexError as err:
            raise LatexError(str(err), child.meta.start_pos) from None
        bodies = value.replace(lambda e: isinstance(e, sp.Sum), lambda e: e.function)  # d may be a limit
        if bodies.has(D) or value.has(PARTIAL):
            raise LatexError("a differential d or ∂ outside a derivative fraction (\\frac{d…}{d…}) is not read",
                             child.meta.start_pos)
        start, end = child.meta.start_pos, child.meta.end_pos
        opened = re.search(r"\{\s*$", latex[:start])
        if opened and latex.count("}", start, end) > latex.count("{", start, end):
            start = opened.start()  # { p }_{ i }: the brace blanked before parsing belongs to the expression
        exprs.append(Expression(value, start, end, " ".join(latex[start:end].split())))
    return Piece(tuple(exprs), continues, after_arrow, approximate, tuple(relations), separator)
