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
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from ..names import GREEK
from ..symbols import symbol
from .conditions import shown as shown_condition
from .expansion import FORMULA, INPUT
from .latex import Expression, Piece, parse_statement
from .latex_errors import LatexError
from .markdown import Segment, math_segments
from .matrices import MatrixReader, unread_heads
from .names import read_names
from .piecewise import conditional_pieces
from .primes import applied, function_definition, is_update_head

#: Greek letters that notes write for the Latin letter they look like.
LOOKALIKES = {"omega": "w", "beta": "b", "chi": "x", "nu": "v", "upsilon": "u", "iota": "i",
              "kappa": "k", "rho": "p", "tau": "t"}


@dataclass(frozen=True)
class Step:
    """The claim ``first = claim``; ``start``/``end`` locate ``claim`` in the file.
    ``previous`` is the expression just before the claim in its chain (a
    number claimed for a number is compared with it); ``digits`` is how many
    decimals the claim is printed with, when it is a decimal number;
    ``rounding`` says how many rounded decimals the claim computes with;
    ``consequence`` marks a claim after ⇒ or ∴ (it may solve an equation)."""

    order: int
    line: int
    latex: str
    first: sp.Expr
    claim: sp.Expr
    start: int
    end: int
    previous: sp.Expr | None = None
    digits: int | None = None
    rounding: tuple[int, int] | None = None
    consequence: bool = False
    references: tuple[str, str] = ("", "")  # the texts of previous and first, for rounding slack
    literals: tuple | None = None  # the numbers an arithmetic claim (0.5 · 4 + 1) is written with
    domain: tuple = ()  # a sign condition the claim holds under: (("x", 1, ">"),) for (x > 0)


@dataclass(frozen=True)
class Definition:
    order: int
    line: int
    latex: str
    name: sp.Symbol
    value: sp.Expr
    update: bool = False


@dataclass(frozen=True)
class Skip:
    order: int
    line: int
    latex: str
    reason: str


Claim = Step | Definition | Skip


@dataclass
class _Chain:
    first: Expression | None  # None: a row that was skipped, which no continuation may cross
    defines: sp.Symbol | None
    skipped: str = ""
    last: Expression | None = None


def _barrier(reason: str) -> _Chain:
    return _Chain(None, None, reason)


@dataclass
class Derivation:
    """Everything a set of notes claims, in reading order."""

    claims: list[Claim]
    spellings: dict[str, str]
    assumptions: list[str]
    _definitions: dict[sp.Symbol, list[tuple[int, sp.Expr]]] = field(default_factory=dict)
    #: Names the notes use as functions (differentiated as a bare name, or
    #: ŷ-like outputs, or the head of a definition that could not be read)
    #: without a definition the checker could read: unknown functions.
    unknown: frozenset = frozenset()
    variables: frozenset = frozenset()

    def definitions_at(self, order: int) -> dict[sp.Symbol, sp.Expr]:
        """Definitions in force at claim ``order``: the latest one before it,
        else (a forward reference) the first one after it, unless that one
        is a number (the values of a worked example further on)."""
        result = {}
        for name, entries in self._definitions.items():
            k = bisect.bisect_right(entries, order, key=lambda entry: entry[0])
            if k:
                result[name] = entries[k - 1][1]
            elif not entries[0][1].is_number and name not in self.variables:
                # neither the values of a later worked example nor a later solution
                # for a parameter (w = Σxy / Σx²) are read back
                result[name] = entries[0][1]
        return result


def normalize_name(name: str) -> str:
    """``\\omega``, ``ω`` and ``omega`` all name the symbol ``omega``."""
    name = name.strip().lstrip("\\")
    return _GREEK_NAMES.get(name, name)


def read_derivation(text: str, aliases: dict[str, str] | None = None) -> Derivation:
    """Parse the Markdown ``text`` into claims. ``aliases`` maps a name to the
    name it stands for (``{"omega": "w"}``); others are detected."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset)

    parsed: list[tuple[Segment, object]] = []
    spellings: dict[str, str] = {}
    for whole in math_segments(text):
        for seg, statement in _parsed_rows(whole):
            if isinstance(statement, LatexError):
                parsed.append((seg, statement))
                continue
            for key, spelled in statement.spellings:
                spellings.setdefault(key, spelled)
            parsed.append((seg, statement))

    given = {symbol(normalize_name(k)): symbol(normalize_name(v)) for k, v in (aliases or {}).items()}
    assumptions = [f"{_show(k.name)} ≡ {_show(v.name)} (given with --alias)" for k, v in given.items()]
    found = _detect_aliases([st for _, st in parsed if not isinstance(st, LatexError)], set(given))
    for k, (v, why) in found.items():
        assumptions.append(f"{_show(k.name)} ≡ {_show(v.name)} ({why})")
    names = read_names(parsed, {**given, **{k: v for k, (v, _) in found.items()}})

    derivation = Derivation([], spellings, assumptions)
    reader = _Reader(derivation, names, line_of)
    # matrix rows (X^T, \nabla, norms) are read and judged by matrices.py
    matrices = MatrixReader(line_of, outside=frozenset(s.name for s in names.symbolic), unread=unread_heads(parsed))
    matrices.prescan(seg.latex for seg, st in parsed if isinstance(st, LatexError) and st.notation)
    for seg, statement in parsed:
        if isinstance(statement, LatexError) and statement.notation and matrices.read(
                seg, derivation.claims, Skip, Definition):
            reader.chains.append(_barrier(f"the row at line {seg.line} holds matrix notation"))
            continue
        if not isinstance(statement, LatexError):
            matrices.interrupt()
        if isinstance(statement, LatexError):
            derivation.claims.append(_unreadable(seg, statement, text, line_of, len(derivation.claims)))
            reader.chains.append(_barrier(f"the row at line {seg.line} could not be read"))
            continue
        pieces = [_aliased(piece, names.mapping) for piece in statement.pieces]
        condition = _condition(pieces)
        if condition:
            reader.skip_all(pieces, seg, f"holds under a condition ({condition}) that is not checked")
            continue
        reader.domain = statement.domain
        for piece in pieces:
            reader.read(piece, seg)
    derivation.variables = names.variables
    derivation.unknown = (names.unknown | {symbol(INPUT + s.name) for s in names.inputs}
                          | {symbol(FORMULA + s.name) for s in names.symbolic})
    return derivation


_EQ_ROW = re.compile(r"\n(?=[ \t]*=)")


def _parsed_rows(seg: Segment) -> list[tuple[Segment, object]]:
    """The segment parsed whole; when that fails and it holds lines that begin
    with ``=`` (a chain written one link a line, without ``\\\\``), each of
    those lines is parsed on its own, so one unreadable line does not hide
    the rest of the chain."""
    try:
        return [(seg, parse_statement(seg.latex))]
    except LatexError as err:
        cuts = [m.end() for m in _EQ_ROW.finditer(seg.latex)]
        if not cuts:
            return [(seg, err)]
    rows = []
    for a, b in zip([0] + cuts, cuts + [len(seg.latex)]):
        piece = seg.latex[a:b]
        if not piece.strip():
            continue
        first = len(piece) - len(piece.lstrip())
        row = Segment(seg.line + seg.latex[:a + first].count("\n") - seg.latex[:len(seg.latex) - len(seg.latex.lstrip())].count("\n"),
                      seg.start + a, piece, seg.block)
        try:
            rows.append((row, parse_statement(piece)))
        except LatexError as err:
            rows.append((row, err))
    return rows


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


def _domain(piece: Piece) -> bool:
    r"""``x \in \mathbb{R}^n``: says where a name lives, not a condition (the
    reader turns ``\mathbb{R}^n`` into ``R`` at the backslash, see latex.py)."""
    return (len(piece.exprs) == 2 and piece.relations == ("≠",)
            and piece.exprs[1].text == "\\" and str(piece.exprs[1].value) in ("R", "N", "Z", "C", "Q"))


_DECIMAL = re.compile(r"^[-−]?\d*\.(\d+)$")


def printed_decimals(text: str) -> int | None:
    """How many decimals a number is printed with (``0.246`` → 3), or None."""
    m = _DECIMAL.match("".join(text.split()))
    return len(m.group(1)) if m else None


def written_numbers(text: str) -> tuple | None:
    """The numbers written in an arithmetic claim (``0.5 \\cdot 4 + 1``), or
    None when the claim is not arithmetic on numbers alone."""
    if re.search(r"[A-Za-z]", re.sub(r"\\(?:cdot|times|frac|left|right|dfrac|tfrac)", "", text)):
        return None
    numbers = re.findall(r"\d*\.\d+|\d+", text)
    return tuple(sp.Rational(n) for n in numbers) if len(numbers) > 1 else None


def rounded_inputs(text: str) -> tuple[int, int] | None:
    """(how many decimal numbers, fewest decimals) in an expression such as
    ``0.5498 \\cdot 0.4502``: arithmetic on rounded values, or None."""
    decimals = re.findall(r"(?<![\w.])\d*\.(\d+)", text)
    return (len(decimals), min(len(d) for d in decimals)) if decimals else None


class _Reader:
    """Reads pieces in order into claims, keeping the chains that a row
    starting with ``=`` may continue."""

    def __init__(self, derivation: Derivation, names, line_of):
        self.derivation, self.names, self.line_of = derivation, names, line_of
        self.chains: list[_Chain] = []
        self.seen: set = set()
        self.block_of: dict = {}
        self.functions: dict = {}  # name → primes.Function: f(x) = … read as a function
        self.domain: tuple = ()  # the sign condition of the row being read
        self.conditional: dict = {}  # name → its pieces so far: [(value, domain)]

    @property
    def claims(self) -> list:
        return self.derivation.claims

    def skip(self, line: int, text: str, reason: str, barrier: bool = True) -> None:
        self.claims.append(Skip(len(self.claims), line, text, reason))
        if barrier:
            self.chains.append(_barrier(f"the row at line {line} was skipped"))

    def skip_all(self, pieces: list[Piece], seg: Segment, reason: str) -> None:
        text = ", ".join(" = ".join(e.text for e in p.exprs) for p in pieces if p.exprs)
        self.skip(self.line_of(seg.start + pieces[0].exprs[0].start), text, reason)

    def read(self, piece: Piece, seg: Segment) -> None:
        exprs = piece.exprs
        text = " = ".join(e.text for e in exprs)
        line = self.line_of(seg.start + exprs[0].start)
        if not piece.continues and len(exprs) > 1 and piece.relations[0] == "=" and \
                self.define_function(exprs, piece, seg, line):
            return
        if self.functions:
            exprs = tuple(Expression(applied(e.value, self.functions), e.start, e.end, e.text) for e in exprs)
        values = [e.value for e in exprs]
        used_before = set(self.seen)
        for v in values:
            self.seen |= v.free_symbols
        if _domain(piece):
            where = re.match(r"\\mathbb\s*\{\s*\w\s*\}(?:\s*\^\s*(?:\{[^{}]*\}|\w))?", seg.latex[piece.exprs[1].start:])
            self.skip(line, f"{piece.exprs[0].text} \\in {where.group(0) if where else ''}",
                      f"says where {piece.exprs[0].text} lives; not a claim", barrier=False)
            return
        if "≠" in piece.relations:
            self.skip(line, text, "an inequality or a condition (≠, <, ≤, ∈) is not checked")
            return
        if not piece.continues and len(values) > 1 and is_update_head(values[0], values[1]):
            self.define(values[0], exprs, piece, seg, line, piece.separator == "because")  # w' = w - η…
            return
        undefined = _rule_functions(values)
        if undefined and not any(isinstance(v, AppliedUndef) for v in _applications(values)):
            primed = ", ".join(name.rstrip("'") for name in undefined)
            self.claims.append(Skip(len(self.claims), line, ("= " if piece.continues else "") + text,
                                    f"a prime on {primed}, a name rather than a function the notes define: "
                                    "by which variable it is differentiated is not said; not checked"))
            return
        if undefined:
            reason = f"a rule statement about {', '.join(undefined)}, which the notes do not define"
            if isinstance(values[0], sp.Symbol) and not piece.continues:
                reason += f"; not a definition of {_show(values[0].name)}"
            self.claims.append(Skip(len(self.claims), line, ("= " if piece.continues else "") + text, reason))
            return
        if piece.after_arrow and piece.separator == "arrow" and self.chains and self.chains[-1].first is None:
            self.skip(line, text, "a consequence (⇒, ∴) of a statement that was skipped")
            return
        if piece.continues:
            chain = _continued_chain(self.chains, exprs)
            if chain is None:
                self.skip(line, "= " + text, "continues a chain, but none comes before it", barrier=False)
                return
            if chain.first is None:
                self.skip(line, "= " + text,
                          f"continues a chain, but {chain.skipped}, so what it continues is not known", barrier=False)
                # X = A (X unknown) = B still says A = B: the rows after this one are checked against it
                restart = _Chain(exprs[0], None, last=exprs[0])
                self.chains.append(restart)
                self.add_steps(restart, exprs[1:], piece.relations, seg)
                return
            self.add_steps(chain, exprs, ("=",) + piece.relations, seg)
            return
        if len(exprs) == 1:
            # a bare expression: an annotation after an arrow, a mention of a
            # name, or the start of a chain that the next rows continue
            if not piece.after_arrow and not (values[0].is_Atom or isinstance(values[0], sp.Indexed)):
                self.chains.append(_Chain(exprs[0], None))
            return
        aside = piece.separator == "because"
        head = values[0]
        function_head = re.fullmatch(r"([A-Za-z])\s*\(\s*[A-Za-z](?:_\w+)?(?:\s*,\s*[A-Za-z](?:_\w+)?)*\s*\)",
                                     exprs[0].text)
        if function_head and symbol(function_head.group(1)) not in self.names.defined and not head.is_Symbol:
            self.skip(line, text, f"defines a function {exprs[0].text}, which is read as a product; not checked")
            return
        if (not head.is_Atom and not head.has(sp.Derivative) and values[1].has(sp.Derivative)
                and not head.free_symbols & self.names.defined
                and not head.atoms(sp.Function)):
            self.skip(line, text, f"names {exprs[0].text} (a notation, not a name the checker holds); not checked")
            return
        if isinstance(head, sp.Symbol) and not isinstance(head, sp.Dummy) and piece.relations[0] == "=":
            if piece.after_arrow and head in used_before and head not in self.derivation._definitions:
                self.skip(line, text, f"solves for {_show(head.name)}: a consequence of an equation, not checked")
                return
            self.define(head, exprs, piece, seg, line, aside)
            return
        chain = _Chain(exprs[0], None)
        if not aside:
            self.chains.append(chain)
        self.add_steps(chain, exprs[1:], piece.relations, seg, consequence=piece.after_arrow)

    def define_piece(self, head, exprs, line: int) -> None:
        """One piece of a piecewise definition; once pieces cover both signs
        of their variable, the name is defined as the Piecewise they make."""
        pieces = self.conditional.setdefault(head, [])
        pieces.append((exprs[1].value, self.domain))
        whole = conditional_pieces(pieces)
        text = f"{exprs[0].text} = {exprs[1].text}"
        if whole is None:
            self.skip(line, text, f"defines {_show(head.name)} only where {shown_condition(self.domain)} (a "
                                  "piece of a piecewise definition); not used until its other piece is given")
            # no earlier or later definition of the name stands in for it meanwhile
            pending = sp.Symbol(f"{head.name}\u2026piece", real=True)
            self.derivation._definitions.setdefault(head, []).append((len(self.claims) - 1, pending))
            return
        self.claims.append(Definition(len(self.claims), line, text, head, whole))
        self.derivation._definitions.setdefault(head, []).append((len(self.claims) - 1, whole))
        del self.conditional[head]

    def define_function(self, exprs, piece: Piece, seg: Segment, line: int) -> bool:
        """``f(x) = body``: f is a function from here on (``f'(a)`` is its
        derivative at a); the rest of the chain is checked against the body."""
        function = function_definition(exprs[0].value, applied(exprs[1].value, self.functions))
        if function is None or self.domain:
            return False
        self.functions[function.name] = function
        for e in exprs:
            self.seen |= e.value.free_symbols
        self.claims.append(Definition(len(self.claims), line, f"{exprs[0].text} = {exprs[1].text}",
                                      symbol(function.name), function.body))
        first = Expression(function.body, exprs[0].start, exprs[0].end, exprs[0].text)
        chain = _Chain(first, None, last=exprs[1])
        self.chains.append(chain)
        rest = tuple(Expression(applied(e.value, self.functions), e.start, e.end, e.text) for e in exprs[2:])
        self.add_steps(chain, rest, piece.relations[1:], seg)
        return True

    def define(self, head, exprs, piece: Piece, seg: Segment, line: int, aside: bool) -> None:
        if self.domain:  # y = x (x > 0): one piece of a piecewise definition, not y everywhere
            self.define_piece(head, exprs, line)
            return
        value = exprs[1].value
        update = head in value.free_symbols
        entries = self.derivation._definitions.get(head, [])
        if entries and not update and value.is_number and self.block_of.get(head) == seg.block:
            # a worked example: z = w x + b, z = 0.5·2 + 1, z = 2 in one block
            previous = Expression(entries[-1][1], exprs[0].start, exprs[0].end, exprs[0].text)
            self.add_steps(_Chain(previous, None), exprs[1:2], piece.relations[:1], seg)
        self.claims.append(Definition(len(self.claims), line, f"{exprs[0].text} = {exprs[1].text}", head,
                                      value, update))
        if not update:
            self.derivation._definitions.setdefault(head, []).append((len(self.claims) - 1, value))
            self.block_of[head] = seg.block
        chain = _Chain(exprs[0], None if update else head, last=exprs[1])
        if not aside:
            self.chains.append(chain)
        self.add_steps(chain, exprs[2:], piece.relations[1:], seg)

    def add_steps(self, chain: _Chain, exprs, relations, seg: Segment, consequence: bool = False) -> None:
        for e, relation in zip(exprs, relations):
            start = seg.start + e.start
            line = self.line_of(start)
            digits = printed_decimals(e.text)
            latex = f"{chain.first.text} {'≈' if relation == '≈' else '='} {e.text}"
            if relation == "≈" and digits is None:
                self.skip(line, latex, "an approximation (≈) to something other than a decimal number is not checked")
            elif self.names_it(chain, e):
                self.claims.append(Definition(len(self.claims), line, latex, e.value, chain.first.value))
                self.derivation._definitions.setdefault(e.value, []).append((len(self.claims) - 1, chain.first.value))
            else:
                previous = chain.last.value if chain.last is not None else None
                self.claims.append(Step(len(self.claims), line, latex, chain.first.value, e.value, start,
                                        seg.start + e.end, previous, digits, rounded_inputs(e.text),
                                        consequence,
                                        (chain.last.text if chain.last is not None else "", chain.first.text),
                                        written_numbers(e.text), self.domain))
            chain.last = e

    def names_it(self, chain: _Chain, e: Expression) -> bool:
        """``σ(z) = P`` with P never defined, used nowhere as an input and not
        on the left: the notes give σ(z) a name, they claim nothing."""
        v = e.value
        return (isinstance(v, sp.Symbol) and v not in self.names.defined and v not in self.names.inputs
                and v not in chain.first.value.free_symbols and not isinstance(chain.first.value, sp.Symbol)
                and not chain.first.value.has(sp.Derivative))


def _unreadable(seg: Segment, err: LatexError, text: str, line_of, order: int) -> Skip:
    pos = err.pos or 0
    offset = seg.start + pos
    column = offset - text.rfind("\n", 0, offset)
    near = " ".join(seg.latex[pos:pos + 16].split())
    place = f" near '{near}'" if near else ""
    reason = f"could not parse: {err} at line {line_of(offset)}, column {column}{place}"
    if err.notation:
        reason = f"{err} (at line {line_of(offset)}, column {column})"
    return Skip(order, seg.line, " ".join(seg.latex.split()), reason)


def _aliased(piece: Piece, mapping: dict) -> Piece:
    if not mapping:
        return piece
    exprs = tuple(Expression(e.value.xreplace(mapping), e.start, e.end, e.text) for e in piece.exprs)
    return Piece(exprs, piece.continues, piece.after_arrow, piece.approximate, piece.relations, piece.separator)


def _continued_chain(chains: list[_Chain], exprs: tuple[Expression, ...]) -> _Chain | None:
    used = set().union(*(e.value.free_symbols for e in exprs))
    for chain in reversed(chains):
        if chain.defines is not None and chain.defines in used:
            continue
        return chain
    return None


def _applications(values: list[sp.Expr]) -> list:
    return [f for v in values for f in v.atoms(AppliedUndef)]


def _rule_functions(values: list[sp.Expr]) -> list[str]:
    functions, primed = set(), set()
    for v in values:
        functions |= {f.func.__name__.rstrip("'") for f in v.atoms(AppliedUndef)}
        primed |= {s.name for s in v.free_symbols if "'" in s.name}
    return sorted(functions or primed)


def _detect_aliases(statements, given: set) -> dict[sp.Symbol, tuple[sp.Symbol, str]]:
    """Greek letters that appear only as differentiation variables, while the
    Latin letter they resemble appears elsewhere: the same variable."""
    variables, used = set(), set()
    for st in statements:
        for piece in st.pieces:
            for e in piece.exprs:
                for d in e.value.atoms(sp.Derivative):
                    variables |= {v for v, _ in d.variable_count}
                used |= e.value.free_symbols
    found = {}
    for var in sorted(variables, key=lambda s: s.name):
        if not isinstance(var, sp.Symbol) or var in given or var in used:
            continue
        base, _, sub = var.name.partition("_")
        if base not in LOOKALIKES:
            continue
        latin = symbol(LOOKALIKES[base] + ("_" + sub if sub else ""))
        if latin in used or latin in variables:
            found[var] = (latin, f"{_show(var.name)} appears only as a differentiation variable, "
                                 f"{_show(latin.name)} is the parameter the notes use")
    return found


#: LaTeX name → Greek letter for showing symbols (ω for omega), from derive's
#: one table; pi and omicron keep their names (pi is the constant).
_GREEK = {name: letter for name, letter in GREEK.items() if name.islower() and name not in ("pi", "omicron")}
#: Greek letter → its name (ω → omega), the final sigma ς too.
_GREEK_NAMES = {letter: name for name, letter in GREEK.items()} | {"ς": "sigma"}


def _show(name: str) -> str:
    """A symbol name as a reader writes it: ``omega`` → ω, ``y_hat`` → ŷ."""
    parts = name.split("_")
    head = _GREEK.get(parts[0], parts[0])
    rest = parts[1:]
    if rest and rest[0] == "hat":
        head, rest = head + "\u0302", rest[1:]
    return head + ("_" + "_".join(rest) if rest else "")


show_name = _show
