"""Math segments → claims: definitions, chain steps and skipped statements.

* ``NAME = expr`` defines NAME from that point on (a later definition of the
  same name replaces it); a name used before its first definition reads the
  first one, as notes often say "where ŷ = w·x + b" after using ŷ.
* ``A = B = C`` is a chain: every later expression is a claim compared with
  the chain's first, so one typo is blamed once, at its own line.
* A piece that starts with ``=`` continues the previous chain. A definition
  whose own name appears in the continuation cannot be what it continues
  (ŷ = w·x + b is not continued by ``= 2(y - ŷ)…``), so the chain before it is.
* Statements about functions the notes never define (``y = f(g(x))``,
  ``y' = F'(g(x))·g'(x)``) are rule statements: skipped, with the reason.
* A Greek letter used only as a differentiation variable next to the Latin
  letter it resembles (ω and w) is read as that letter, and said so.

Here: the notes' segments parsed row by row, aliases, matrix rows handed to
``matrices.py``. The parts: ``chains.py`` (rows read into claims, chains and
their continuations), ``derivation.py`` (the claims and the definitions
table), ``greek_names.py`` (Greek names read and shown), ``decimals.py``
(how a claim's numbers are written).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

import sympy as sp

from ..symbols import symbol
from .chains import _barrier, _domain, _Reader
from .comma_gaps import read_pieces
from .derivation import Definition, Derivation, Skip
from .derivative_arguments import FunctionParameters
from .expansion import FORMULA, INPUT
from .given_values import given_matrix_values
from .graph_functions import abstract_functions
from .greek_names import _detect_aliases, _show, normalize_name
from .latex import Expression, Piece, Statement, parse_statement
from .latex_errors import LatexError
from .layer_gradients import collect_layers
from .layer_names import layer_letters_used, layer_names_marked
from .letter_functions import LetterCalls, letter_calls
from .markdown import Segment, dangling_equals_blanked, math_segments
from .matrices import MatrixReader, unread_heads
from .matrix_defined import differentiates_matrix_name
from .matrix_latex import MatrixSyntax, read_matrix_row
from .index_conditions import index_condition
from .inner_products import inner_products_as_scalars
from .names import read_names
from .euler_names import EulerPowers
from .plain_math import plain_lines, plain_segments
from .prose_numbers import from_prose
from .numeric_lists import read_list_links
from .numeric_matrices import read_matrix_links
from .named_matrices import KnownMatrices
from .one_output import one_output_aliases
from .primed_names import primed_names
from .primes import forward_functions
from .prose_heads import prose_head
from .prose_branches import branch_said
from .prose_cases import case_said, paragraph_end
from .rule_statements import rule_definition
from .sections import heading_lines
from .tails import readable_tail
from .headless_links import read_headless_links


def read_derivation(text: str, aliases: dict[str, str] | None = None) -> Derivation:
    """Parse the Markdown ``text`` into claims. ``aliases`` maps a name to the
    name it stands for (``{"omega": "w"}``); others are detected."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    plain = plain_segments(text)  # plain-text math, at virtual offsets past the end of the text
    plain_line = plain_lines(plain)

    def line_of(offset: int) -> int:
        return plain_line(offset) if offset > len(text) else bisect.bisect_right(line_starts, offset)

    parsed: list[tuple[Segment, object]] = []
    spellings: dict[str, str] = {}
    at_length_one: list[int] = []  # rows whose inner products are read with vectors of length 1
    functions = FunctionParameters()  # \frac{\partial J}{\partial w}(w,b) after J(w,b) = …: the derivative
    in_order = sorted([(seg.start, seg) for seg in math_segments(text)] + plain, key=lambda pair: pair[0])
    calls = letter_calls(seg.latex for _, seg in in_order)  # \ell(w) = …, then \ell'(0): letter_functions.py
    layers = layer_letters_used(seg.latex for _, seg in in_order)  # b^l_j, \delta^{l+1}: layer_names.py
    for whole in (seg for _, seg in in_order):
        for seg, statement in _parsed_rows(functions.read(whole), at_length_one, layers, calls):
            if isinstance(statement, LatexError):
                parsed.append((seg, statement))
                continue
            for key, spelled in statement.spellings:
                spellings.setdefault(key, spelled)
            parsed.append((seg, statement))

    given = {symbol(normalize_name(k)): symbol(normalize_name(v)) for k, v in (aliases or {}).items()}
    assumptions = [f"{_show(k.name)} ≡ {_show(v.name)} (given with --alias)" for k, v in given.items()]
    assumptions += [f"the inner products at line {line} read with vectors of length 1" for line in at_length_one]
    statements = [st for _, st in parsed if not isinstance(st, LatexError)]
    found = _detect_aliases(statements, set(given))
    found |= one_output_aliases(statements, set(given) | set(found))
    for k, (v, why) in found.items():
        assumptions.append(f"{_show(k.name)} ≡ {_show(v.name)} ({why})")
    names = read_names(parsed, {**given, **{k: v for k, (v, _) in found.items()}})

    derivation = Derivation([], spellings, assumptions, headings=heading_lines(text))
    powers = EulerPowers(parsed, names.mapping)  # e^2 after e = ŷ - y: a power of the name e (euler_names.py)
    derivation.euler_powers = powers.powers
    reader = _Reader(derivation, names, line_of)
    reader.forward = forward_functions(statements, lambda head, value: rule_definition(head, value) is not None)
    reader.primed = primed_names(statements)
    reader.abstract = abstract_functions(statements)  # g in y = f(g(x)): not defined through names
    # matrix rows (X^T, \nabla, norms) are read by matrices.py, judged by matrix_verdicts.py
    matrices = MatrixReader(line_of, outside=frozenset(s.name for s in names.symbolic), unread=unread_heads(parsed))
    matrices.prescan(seg.latex for seg, st in parsed if isinstance(st, LatexError) and st.notation)
    matrices.layers = collect_layers(seg.latex for seg, _ in parsed)  # δ = ∂L/∂z, z = W a + b: layer_gradients.py
    carried = None  # the last side of a row of numeric matrices, which a row "= …" after it continues
    known = KnownMatrices()  # names given numeric matrices (named_matrices.py)
    scalar_heads = {s.name for s in names.defined}
    for seg, statement in parsed:
        before, carried = carried, None  # only the row right after may continue it
        known.start_row(seg.latex)
        if isinstance(statement, LatexError) and statement.notation and matrices.read(
                seg, derivation.claims, Skip, Definition):
            reader.chains.append(_barrier(f"the row at line {seg.line} holds matrix notation"))
            continue
        if not isinstance(statement, LatexError):
            if differentiates_matrix_name(seg.latex, matrices.defs, scalar_heads) and matrices.read(
                    seg, derivation.claims, Skip, Definition):  # ∂z/∂b after z = w^Tx + b: matrix_defined.py
                reader.chains.append(_barrier(f"the row at line {seg.line} is about a name defined in matrix notation"))
                continue
            matrices.interrupt()
        if isinstance(statement, LatexError) and matrices.read_component(seg, derivation.claims):
            reader.chains.append(_barrier(f"the row at line {seg.line} is written entry by entry"))
            continue  # (∂u/∂v)_{ij} = …: component_jacobians.py
        if isinstance(statement, LatexError):
            skip = _unreadable(seg, statement, text, line_of, len(derivation.claims))
            derivation.claims.append(skip)
            if read_list_links(reader, seg):  # [a, b] ≈ [0.88, 0.91]: each component checked
                derivation.claims[skip.order] = replace(skip, reason=skip.reason + "; the links between its lists "
                                                        "of numbers are checked component by component")
            own = seg.start > len(text)  # a plain-text row (plain_math.py) is its own LaTeX
            original = seg.latex if own else text[seg.start:seg.start + len(seg.latex)]
            added, why, last = read_matrix_links(reader, seg, original, before, known)
            carried = last if last is not None and last.matrix is not None else None
            if added or why:  # numeric matrices: each entry checked (numeric_matrices.py)
                skip = derivation.claims[skip.order]
                derivation.claims[skip.order] = replace(skip, reason=skip.reason + (
                    "; the links between its numeric matrices are checked entry by entry" if added else "")
                    + "".join(f"; not computed: {w}" for w in why))
            if len(derivation.claims) == skip.order + 1 and read_headless_links(reader, seg):  # \sum x = 40 + 50 = 90
                skip = derivation.claims[skip.order]
                derivation.claims[skip.order] = replace(skip, reason=skip.reason + "; the links between its "
                                                        "numbers are checked on their own")
            barrier = _barrier(f"the row at line {seg.line} could not be read")
            matrix = statement.notation and "matrix" in str(statement)  # its names may be vectors: no tail
            tail = None if matrix else readable_tail(seg.latex)
            if tail is None and last is not None and last.matrix is None and last.has_matrix:
                tail = Expression(last.number, 0, 0, last.text)  # [0.2 0.1][0.8; 0.6] + 0.1, then "= 0.3"
            if tail is not None:  # A = B with A unreadable: a row "= C" after it claims C = B
                barrier.last = Expression(tail.value.xreplace(names.mapping), tail.start, tail.end, tail.text)
            reader.chains.append(barrier)
            continue
        pieces = [_aliased(piece, {**names.mapping, **powers.mapping(seg, statement)}) for piece in statement.pieces]
        condition = _condition(pieces)
        under = index_condition(pieces, seg.latex, names.defined) if condition else None
        if condition and under is None:
            reader.skip_all(pieces, seg, f"holds under a condition ({condition}) that is not checked")
            continue
        if under is not None:  # a_j, a_i with ", i = j" (names renamed) or ", i ≠ j" (read as written)
            pieces = under[0]
        reader.condition = under[1] if under is not None else ""
        reader.domain = statement.domain
        reader.branch = branch_said(text, seg.start)  # "For $x \le 0$, $f'(x) = …$": prose_branches.py
        if pieces and pieces[0].continues and (words := prose_head(text, seg.start)):  # prose_heads.py
            reader.chains.append(_barrier(f"its left side is said in the prose before it (\"{words}\")"))
        chains, before = list(reader.chains), len(derivation.claims)
        read_pieces(reader, pieces, seg)  # a chain then ", C": comma_gaps.py
        if words := case_said(text, seg.start, seg.start + len(seg.latex)):  # "If $m = 0$": prose_cases.py
            until = line_of(paragraph_end(text, seg.start))
            derivation.cases.update({c.order: (words, until) for c in derivation.claims[before:]
                                     if isinstance(c, Definition)})
        if from_prose(seg.block):  # 5-2=3 in a sentence: no row "= …" continues it (prose_numbers.py)
            reader.chains[:] = chains
    derivation.variables = names.variables
    derivation.unknown = ((names.unknown - reader.bare_functions) | reader.unsure_functions
                          | {symbol(INPUT + s.name) for s in names.inputs}
                          | {symbol(FORMULA + s.name) for s in names.symbolic | reader.bare_functions})
    return derivation


_EQ_ROW = re.compile(r"\n(?=[ \t]*=)")


def _parsed(latex: str, layers: frozenset, calls: LetterCalls | None = None) -> Statement:
    """``parse_statement`` of ``latex``, its layer superscripts read as names (layer_names.py);
    the sides keep their text as written."""
    marked = layer_names_marked(latex, layers)
    statement = parse_statement(marked, calls)
    if marked == latex:
        return statement
    as_written = lambda e: replace(e, text=" ".join(latex[e.start:e.end].split()))
    return replace(statement, pieces=tuple(replace(p, exprs=tuple(as_written(e) for e in p.exprs))
                                           for p in statement.pieces))


def _parsed_rows(seg: Segment, at_length_one: list[int], layers: frozenset = frozenset(),
                 calls: LetterCalls | None = None) -> list[tuple[Segment, object]]:
    """The segment parsed whole; when that fails and it holds lines that begin
    with ``=`` (a chain written one link a line, without ``\\\\``), each of
    those lines is parsed on its own, so one unreadable line does not hide
    the rest of the chain."""
    try:
        return [(seg, _parsed(seg.latex, layers, calls))]
    except LatexError as err:
        given = given_matrix_values(seg.latex) if err.notation else None
        if given is not None:  # W = (w_1 … ) = (0.3 … ): the values it gives, as definitions
            return _parsed_rows(Segment(seg.line, seg.start, given, seg.block), at_length_one, layers, calls)
        scalar = _inner_products_read(seg, err, at_length_one)
        if scalar is not None:
            return [scalar]
        cuts = [m.end() for m in _EQ_ROW.finditer(seg.latex)]
        if not cuts:
            return [(seg, err)]
    rows = []
    for a, b in zip([0] + cuts, cuts + [len(seg.latex)]):
        piece = seg.latex[a:b]
        if not piece.strip():
            continue
        if b < len(seg.latex):  # A = B = on one line, = C on the next: the next line continues it
            piece = dangling_equals_blanked(piece) or piece
        first = len(piece) - len(piece.lstrip())
        row = Segment(seg.line + seg.latex[:a + first].count("\n") - seg.latex[:len(seg.latex) - len(seg.latex.lstrip())].count("\n"),
                      seg.start + a, piece, seg.block)
        try:
            rows.append((row, _parsed(piece, layers, calls)))
        except LatexError as err:
            rows.append(_inner_products_read(row, err, at_length_one) or (row, err))
    return rows


def _inner_products_read(seg: Segment, err: LatexError, at_length_one: list[int]) -> tuple[Segment, object] | None:
    r"""A row refused as matrix notation only for its inner products
    (``e^{-\theta^T x^{(i)}}``), read with vectors of length 1
    (``inner_products.py``; its line goes to ``at_length_one``, its sides keep
    their text as written); None when that does not apply or does not read."""
    if not err.notation:
        return None
    try:
        read_matrix_row(seg.latex)
        return None  # the matrix reader reads it with its shapes
    except MatrixSyntax:
        pass
    rewritten = inner_products_as_scalars(seg.latex)
    if rewritten is None:
        return None
    try:
        statement = parse_statement(rewritten)
    except LatexError:
        return None
    as_written = lambda e: replace(e, text=" ".join(seg.latex[e.start:e.end].split()))
    pieces = tuple(replace(p, exprs=tuple(as_written(e) for e in p.exprs)) for p in statement.pieces)
    at_length_one.append(seg.line)
    return seg, replace(statement, pieces=pieces)


def _condition(pieces: list[Piece]) -> str:
    r"""A side condition written after a comma (``…, \quad i = j`` or
    ``i \neq j``), which makes the statement conditional."""
    for piece in pieces[1:]:
        if piece.separator != "comma":
            continue
        values = [e.value for e in piece.exprs]
        if _domain(piece):
            continue
        if "≠" in piece.relations:
            return "an inequality"
        if len(values) == 2 and all(isinstance(v, sp.Symbol) for v in values):
            return " = ".join(e.text for e in piece.exprs)
    return ""


def _unreadable(seg: Segment, err: LatexError, text: str, line_of, order: int) -> Skip:
    pos = err.pos or 0
    offset = seg.start + pos
    column = offset - text.rfind("\n", 0, offset)
    near = " ".join(seg.latex[pos:pos + 16].split())
    place = f" near '{near}'" if near else ""
    reason = f"could not parse: {err} at line {line_of(offset)}, column {column}{place}"
    if err.notation or err.ambiguous:
        reason = f"{err} (at line {line_of(offset)}, column {column})"
    return Skip(order, seg.line, " ".join(seg.latex.split()), reason)


def _aliased(piece: Piece, mapping: dict) -> Piece:
    if not mapping:
        return piece
    exprs = tuple(Expression(e.value.xreplace(mapping), e.start, e.end, e.text) for e in piece.exprs)
    return Piece(exprs, piece.continues, piece.after_arrow, piece.approximate, piece.relations, piece.separator)


