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

from ..symbols import symbol
from .algebra import INPUT
from .latex import Expression, LatexError, Piece, parse_statement
from .markdown import Segment, math_segments

#: Greek letters that notes write for the Latin letter they look like.
LOOKALIKES = {"omega": "w", "beta": "b", "chi": "x", "nu": "v", "upsilon": "u", "iota": "i",
              "kappa": "k", "rho": "p", "tau": "t"}


@dataclass(frozen=True)
class Step:
    """The claim ``first = claim``; ``start``/``end`` locate ``claim`` in the file."""

    order: int
    line: int
    latex: str
    first: sp.Expr
    claim: sp.Expr
    start: int
    end: int


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

    def definitions_at(self, order: int) -> dict[sp.Symbol, sp.Expr]:
        """Definitions in force at claim ``order``: the latest one before it,
        else (a forward reference) the first one after it."""
        result = {}
        for name, entries in self._definitions.items():
            k = bisect.bisect_right(entries, order, key=lambda entry: entry[0])
            result[name] = entries[k - 1][1] if k else entries[0][1]
        return result


def normalize_name(name: str) -> str:
    """``\\omega``, ``ω`` and ``omega`` all name the symbol ``omega``."""
    name = name.strip().lstrip("\\")
    greek = {chr(0x3b1 + k): n for k, n in enumerate(
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
        "sigmaf sigma tau upsilon phi chi psi omega".split())}
    return greek.get(name, name)


def read_derivation(text: str, aliases: dict[str, str] | None = None) -> Derivation:
    """Parse the Markdown ``text`` into claims. ``aliases`` maps a name to the
    name it stands for (``{"omega": "w"}``); others are detected."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset)

    parsed: list[tuple[Segment, object]] = []
    spellings: dict[str, str] = {}
    for seg in math_segments(text):
        try:
            statement = parse_statement(seg.latex)
        except LatexError as err:
            parsed.append((seg, err))
            continue
        for key, spelled in statement.spellings:
            spellings.setdefault(key, spelled)
        parsed.append((seg, statement))

    given = {symbol(normalize_name(k)): symbol(normalize_name(v)) for k, v in (aliases or {}).items()}
    assumptions = [f"{_show(k.name)} ≡ {_show(v.name)} (given with --alias)" for k, v in given.items()]
    found = _detect_aliases([st for _, st in parsed if not isinstance(st, LatexError)], set(given))
    for k, (v, why) in found.items():
        assumptions.append(f"{_show(k.name)} ≡ {_show(v.name)} ({why})")
    mapping = {**given, **{k: v for k, (v, _) in found.items()}}

    derivation = Derivation([], spellings, assumptions)
    chains: list[_Chain] = []
    unread_heads = set()
    for seg, statement in parsed:
        if isinstance(statement, LatexError):
            unread_heads |= _unreadable_head(seg.latex)
            derivation.claims.append(_unreadable(seg, statement, text, line_of, len(derivation.claims)))
            chains.append(_barrier(f"the row at line {seg.line} could not be read"))
            continue
        for piece in statement.pieces:
            piece = _aliased(piece, mapping)
            _read_piece(piece, seg, derivation, chains, line_of)
    defined = set(derivation._definitions)
    unknown = _unknown_names(parsed, unread_heads, mapping) - defined
    inputs = set().union(*(value.free_symbols for entries in derivation._definitions.values()
                           for _, value in entries)) | _variables_of(parsed, mapping)
    derivation.unknown = frozenset(unknown) | {symbol(INPUT + s.name) for s in inputs - unknown}
    return derivation


def _variables_of(parsed, mapping: dict) -> set:
    found = set()
    for _, statement in parsed:
        if not isinstance(statement, LatexError):
            for piece in statement.pieces:
                for e in piece.exprs:
                    found |= {mapping.get(v, v) for d in e.value.atoms(sp.Derivative) for v, _ in d.variable_count}
    return found


def _unreadable_head(latex: str) -> set:
    r"""The name an unreadable row defines (``ŷ = \mathbf{w}^\top x`` → ŷ), if
    the part before its first ``=`` reads as one name."""
    head, sep, _ = latex.partition("=")
    if not sep or not head.strip():
        return set()
    try:
        (piece,) = parse_statement(head).pieces
    except (LatexError, ValueError):
        return set()
    value = piece.exprs[0].value if len(piece.exprs) == 1 else None
    return {value} if isinstance(value, sp.Symbol) else set()


def _unknown_names(parsed, unread_heads: set, mapping: dict) -> frozenset:
    """Names that stand for functions: differentiated as a bare name
    (∂L/∂w), decorated outputs (ŷ), heads of unreadable definitions."""
    names = set(unread_heads)
    for _, statement in parsed:
        if isinstance(statement, LatexError):
            continue
        for piece in statement.pieces:
            for e in piece.exprs:
                names |= {d.expr for d in e.value.atoms(sp.Derivative) if isinstance(d.expr, sp.Symbol)}
                names |= {s for s in e.value.free_symbols if "_hat" in s.name}
    return frozenset(mapping.get(n, n) for n in names)


def _unreadable(seg: Segment, err: LatexError, text: str, line_of, order: int) -> Skip:
    pos = err.pos or 0
    offset = seg.start + pos
    column = offset - text.rfind("\n", 0, offset)
    near = " ".join(seg.latex[pos:pos + 16].split())
    place = f" near '{near}'" if near else ""
    reason = f"could not parse: {err} at line {line_of(offset)}, column {column}{place}"
    return Skip(order, seg.line, " ".join(seg.latex.split()), reason)


def _aliased(piece: Piece, mapping: dict) -> Piece:
    if not mapping:
        return piece
    exprs = tuple(Expression(e.value.xreplace(mapping), e.start, e.end, e.text) for e in piece.exprs)
    return Piece(exprs, piece.continues, piece.after_arrow, piece.approximate)


def _read_piece(piece: Piece, seg: Segment, derivation: Derivation, chains: list[_Chain], line_of) -> None:
    claims = derivation.claims
    exprs = piece.exprs
    text = " = ".join(e.text for e in exprs)
    line = line_of(seg.start + exprs[0].start)
    if piece.approximate:
        claims.append(Skip(len(claims), line, text, "an approximation (≈) is not checked"))
        chains.append(_barrier(f"the row at line {line} was skipped"))
        return
    undefined = _rule_functions([e.value for e in exprs])
    if undefined:
        reason = f"a rule statement about {', '.join(undefined)}, which the notes do not define"
        if isinstance(exprs[0].value, sp.Symbol) and not piece.continues:
            reason += f"; not a definition of {_show(exprs[0].value.name)}"
        claims.append(Skip(len(claims), line, ("= " if piece.continues else "") + text, reason))
        return
    if piece.continues:
        chain = _continued_chain(chains, exprs)
        if chain is None:
            claims.append(Skip(len(claims), line, "= " + text, "continues a chain, but none comes before it"))
            return
        if chain.first is None:
            claims.append(Skip(len(claims), line, "= " + text,
                               f"continues a chain, but {chain.skipped}, so what it continues is not known"))
            return
        _add_steps(chain, exprs, seg, claims, line_of)
        return
    if len(exprs) == 1:
        return  # a bare expression: inline math, or an annotation after an arrow
    head = exprs[0].value
    if isinstance(head, sp.Symbol) and not isinstance(head, sp.Dummy):
        update = head in exprs[1].value.free_symbols
        claims.append(Definition(len(claims), line, f"{exprs[0].text} = {exprs[1].text}", head,
                                 exprs[1].value, update))
        if not update:
            derivation._definitions.setdefault(head, []).append((len(claims) - 1, exprs[1].value))
        chain = _Chain(exprs[0], None if update else head)
        chains.append(chain)
        _add_steps(chain, exprs[2:], seg, claims, line_of)
        return
    chain = _Chain(exprs[0], None)
    chains.append(chain)
    _add_steps(chain, exprs[1:], seg, claims, line_of)


def _continued_chain(chains: list[_Chain], exprs: tuple[Expression, ...]) -> _Chain | None:
    used = set().union(*(e.value.free_symbols for e in exprs))
    for chain in reversed(chains):
        if chain.defines is not None and chain.defines in used:
            continue
        return chain
    return None


def _add_steps(chain: _Chain, exprs, seg: Segment, claims: list, line_of) -> None:
    for e in exprs:
        start = seg.start + e.start
        claims.append(Step(len(claims), line_of(start), f"{chain.first.text} = {e.text}",
                           chain.first.value, e.value, start, seg.start + e.end))


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


_GREEK = {"omega": "ω", "eta": "η", "alpha": "α", "beta": "β", "sigma": "σ", "theta": "θ",
          "lambda": "λ", "delta": "δ", "epsilon": "ε", "mu": "μ", "nu": "ν", "chi": "χ", "rho": "ρ",
          "tau": "τ", "gamma": "γ", "phi": "φ", "psi": "ψ", "kappa": "κ", "iota": "ι", "xi": "ξ",
          "zeta": "ζ", "upsilon": "υ"}


def _show(name: str) -> str:
    """A symbol name as a reader writes it: ``omega`` → ω, ``y_hat`` → ŷ."""
    parts = name.split("_")
    head = _GREEK.get(parts[0], parts[0])
    rest = parts[1:]
    if rest and rest[0] == "hat":
        head, rest = head + "\u0302", rest[1:]
    return head + ("_" + "_".join(rest) if rest else "")


show_name = _show
