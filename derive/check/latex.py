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

The parts: ``latex_rewrites.py`` (notation rewritten or refused before
parsing), ``latex_tree.py`` (the parse tree → SymPy), ``latex_operators.py``
(sums and derivative fractions), ``latex_errors.py`` (LatexError).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import sympy as sp
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from .assignments import arrow_as_equals
from .conditions import sign_condition
from .ellipsis import EllipsisError, ellipses_read
from .grammar import GRAMMAR
from .applied_indices import refuse_summed_arguments
from .latex_errors import LatexError
from .letter_functions import LetterCalls, marked
from .expectations import round_expectations_refused
from .latex_operators import D, PARTIAL, _bodies, _value
from .latex_rewrites import _BOLD, _MATRIX, SUPERSCRIPT_PRIME, _bold_read_as_scalars, _function_of_sum_bracketed, _notation_check, \
    _number_sets_blanked
from .latex_tree import _ToSympy
from .bold_numbers import bold_numbers_read
from .font_switches import OPENING
from .shown_spans import shown_span
from .layout import layout_blanked
from .bare_fracs import bare_fracs_read
from .colours import colours_read
from .piecewise import PiecewiseError, cases_read
from .prose_separators import equations_apart
from .unread_reasons import clearer_reason

MAX_LENGTH = 4_000
MAX_NESTING = 50


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
    euler_powers: tuple = ()  # the exponents of its e^{…}, read as exp until the notes name e (euler_names.py)


_PARSER = Lark(
    GRAMMAR,
    parser="lalr", propagate_positions=True, maybe_placeholders=True,
)


# ---------------------------------------------------------------- operators


# ---------------------------------------------------------------- tree → SymPy


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


#: ``\Big|_{x=1}``, ``\right|_{w=0}``: a value taken at a point.
_AT_A_POINT = re.compile(r"[|\ue000\ue001]\s*_\s*\{[^{}=]+=")


def _what_was_not_understood(message: str, pos: int, text: str) -> str:
    """The parser's "unexpected X", said as the notation it stopped at when
    that is a known kind: a value at a point, a list or tuple of values."""
    if message.startswith("unexpected") and _AT_A_POINT.search(text, max(0, pos - 12)):
        return "a value taken at a point (…|_{x=a}) is not read"
    message = clearer_reason(message, pos, text)  # (…)_i, a.b, ...: unread_reasons.py
    if message == "unexpected ','":
        depth = sum((ch in "([") - (ch in ")]") for ch in text[:pos])
        if depth > 0:
            return "a list of values in brackets ((a, b, …)) is not read as one expression"
    return message


@lru_cache(maxsize=4096)
def parse_statement(latex: str, calls: LetterCalls | None = None) -> Statement:
    """Read one math segment. Raises :class:`LatexError` with the position.
    ``calls``: the small and Greek letters the notes define as functions (letter_functions.py)."""
    if len(latex) > MAX_LENGTH:
        raise LatexError(f"the math is {len(latex)} characters long; the limit is {MAX_LENGTH}", 0)
    latex = arrow_as_equals(colours_read(bare_fracs_read(latex)))  # \color{red}{…}: colours.py; frac{a}{b}: bare_fracs.py; b \leftarrow b - η g: b = b - η g (assignments.py)
    unconditional, domain = sign_condition(latex)
    try:
        unconditional, cases = cases_read(unconditional, _one_side)
        unconditional, sums = ellipses_read(unconditional, _one_side, len(cases))
    except (PiecewiseError, EllipsisError) as err:
        raise LatexError(str(err), err.pos, notation=True) from None
    text = layout_blanked(equations_apart(_notation_check(_function_of_sum_bracketed(unconditional))))
    text = marked(text, calls)  # s'(x), \ell(w) read as calls: letter_functions.py
    round_expectations_refused(latex, calls.e_params if calls is not None else None)  # E(X): expectations.py
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
        raise LatexError(_what_was_not_understood(message, pos, text), pos) from None
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
    refuse_summed_arguments([e.value for p in pieces for e in p.exprs], transformer.applied_arguments)
    bold = _bold_names(latex)
    if bold:
        _refuse_vector_products(pieces, bold)
    return Statement(tuple(pieces), tuple(sorted(transformer.spellings.items())),
                     tuple(sorted(transformer.applied_names)), domain, tuple(transformer.euler_powers))


def _one_side(latex: str) -> sp.Expr:
    """One expression (a value or a side of a condition in a cases row)."""
    pieces = parse_statement(latex).pieces
    if len(pieces) != 1 or len(pieces[0].exprs) != 1:
        raise LatexError("not one expression")
    return pieces[0].exprs[0].value


def _bold_names(latex: str) -> set[str]:
    """The names written bold in a segment that was read with them as scalars."""
    latex = bold_numbers_read(latex)  # a bold number is a number: it does not make the others vectors
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
        if _bodies(value).has(D) or value.has(PARTIAL):  # d may be a sum's limit
            raise LatexError("a differential d or ∂ outside a derivative fraction (\\frac{d…}{d…}) is not read",
                             child.meta.start_pos)
        start, end = child.meta.start_pos, child.meta.end_pos
        prime = SUPERSCRIPT_PRIME.match(latex, end - 1) if latex[end - 1:end] == "^" else None
        if prime:
            end = prime.end()  # u^{\prime} was read as u': the text shown is the whole of it
        opened = OPENING.search(latex[:start])
        if opened and latex.count("}", start, end) > latex.count("{", start, end):
            start = opened.start()  # { p }_{ i }, {\rm e}^x: the opening blanked before parsing is the expression's
        start, end = shown_span(latex, start, end)  # \mathbf{z}, \left( … \right): the wrapper whole (shown_spans.py)
        exprs.append(Expression(value, start, end, " ".join(latex[start:end].split())))
    return Piece(tuple(exprs), continues, after_arrow, approximate, tuple(relations), separator)
