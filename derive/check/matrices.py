"""Vector and matrix claims: the rows the scalar reader refuses as matrix
notation, read by ``matrix_latex.py`` into claims, which ``matrix_verdicts.py``
judges at random small shapes (``shapes.py``, ``matrix_values.py``).

:class:`MatrixReader` follows the notes like the scalar reader does:
``NAME = expr`` defines NAME (``\\hat{\\mathbf y} = X\\mathbf w``,
``J(\\mathbf w) = \\tfrac12\\lVert X\\mathbf w - \\mathbf y\\rVert^2``), a chain
``A = B = C`` compares each claim with its first expression, and a row
beginning with ``=`` continues the matrix chain of the row just before it.
A row it cannot read stays skipped as matrix notation, as before.

Trust first: ``S = S^T`` states that S is symmetric (assumed from there
on); ``w = (X^TX)^{-1}X^Ty`` for a name the notes differentiate by solves for
it and is not checked; a continuation that comes out wrong against a chain
of an earlier display is skipped (what it continues is not certain).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp

from ..symbols import symbol
from .component_jacobians import component_step
from .latex_errors import LatexError
from .layer_gradients import Layers, LayerReading, layer_reading
from .matrix_latex import Chain, MatrixSyntax, function_heads, read_matrix_row
from .names import unreadable_head


@dataclass(frozen=True)
class MatrixStep:
    """The matrix claim ``first = claim`` at ``line``; ``previous`` is the
    expression before the claim in its chain; ``redefines`` names the
    definition this row restates (equal: a checked claim; not: a new one)."""

    order: int
    line: int
    latex: str
    first: tuple
    claim: tuple
    defs: tuple  # ((name, node), …) the definitions in force that the sides reach
    stop: frozenset  # differentiation variables: never replaced by a definition
    symmetric: frozenset
    start: int
    end: int
    previous: tuple | None = None
    across_blocks: bool = False
    redefines: str = ""
    outside: frozenset = frozenset()
    #: definitions reached that are not certain: read ahead of their row, or one of several
    doubtful: frozenset = frozenset()
    unread: frozenset = frozenset()
    #: read through a layer (``δ = ∂L/∂z``, ``z = W a + b``): layer_gradients.py
    layer: LayerReading | None = None
    #: the indices of a claim written entry by entry, (∂u/∂v)_{ij} = …: component_jacobians.py
    component: tuple = ()


@dataclass
class _MatrixChain:
    first: tuple
    first_text: str
    last: tuple
    block: int
    bare: bool = False  # a row with no relation: only rows of its own display continue it


def _walk(node):
    yield node
    for child in node[1:]:
        if isinstance(child, tuple):
            yield from _walk(child)


def _variables(*nodes) -> set[str]:
    out = set()
    for node in nodes:
        for n in _walk(node):
            if n[0] == "grad":
                out.add(n[1].key)
            elif n[0] == "deriv":
                out.add(n[2].key)
    return out


def _names(node) -> set[str]:
    return {n[1].key for n in _walk(node) if n[0] == "name"}


def _reached(defs: dict, nodes) -> dict:
    todo = set().union(*(_names(n) for n in nodes))
    seen = {}
    while todo:
        key = todo.pop()
        if key in defs and key not in seen:
            seen[key] = defs[key]
            todo |= _names(defs[key])
    return seen


@dataclass
class MatrixReader:
    """Reads matrix rows into claims, in the notes' order."""

    line_of: object
    defs: dict = field(default_factory=dict)
    symmetric: set = field(default_factory=set)
    variables: set = field(default_factory=set)
    functions: frozenset = frozenset()
    #: names the scalar reader defines by a formula, and heads of rows no reader could read:
    #: unknown here (ŷ = σ(z) is not a random input)
    outside: frozenset = frozenset()
    unread: frozenset = frozenset()
    #: each name's first definition anywhere, for a use before it ("where E = …")
    ahead: dict = field(default_factory=dict)
    defined_once: set = field(default_factory=set)
    #: names defined more than once: notes reuse a name (l(β) for a likelihood, then for its negative)
    redefined: set = field(default_factory=set)
    chain: _MatrixChain | None = None
    #: the notes' layers and gradients δ = ∂L/∂z, from all their rows (layer_gradients.py)
    layers: Layers | None = None
    ragged: bool = False

    def prescan(self, latexes) -> None:
        """The names the notes differentiate by, anywhere (a later ``w = …``
        solves for one of them: not a definition)."""
        latexes = list(latexes)
        self.functions = frozenset().union(*(function_heads(latex) for latex in latexes))
        for latex in latexes:
            try:
                chains = read_matrix_row(latex, self.functions, sums=True)
            except MatrixSyntax:
                continue
            for c in chains:
                self.variables |= _variables(*(s.node for s in c.sides))
                head = c.sides[0].node
                if len(c.sides) > 1 and head[0] == "name" and not c.continues and not c.after_arrow:
                    value = c.sides[1].node
                    if head[1].key not in _names(value):
                        self.ahead.setdefault(head[1].key, value)
        for key in self.variables:
            self.ahead.pop(key, None)

    def interrupt(self) -> None:
        """A row the matrix reader did not read: no continuation crosses it."""
        self.chain = None

    def read(self, seg, claims: list, make_skip, make_definition) -> bool:
        """Append the claims of the row ``seg`` (``make_skip`` and
        ``make_definition`` are the scalar reader's Skip and Definition);
        False when the row cannot be read."""
        try:
            chains = read_matrix_row(seg.latex, self.functions, sums=True)
        except (MatrixSyntax, RecursionError):
            self.chain = None
            return False
        # "= \delta^{(2)} , a^{(1)T}": a comma inside a product, not a list; no layer reading of such a row
        self.ragged = len(chains) > 1 and any(len(c.sides) == 1 for c in chains)
        for chain in chains:
            self._chain(chain, seg, claims, make_skip, make_definition)
        return True

    def read_component(self, seg, claims: list) -> bool:
        """A row ``(∂u/∂v)_{ij} = …`` as a claim (component_jacobians.py); False when it is none."""
        step = component_step(self, seg, len(claims), _reached, MatrixStep)
        if step is not None:
            claims.append(step)
            self.chain = None
        return step is not None

    def _line(self, seg, offset: int) -> int:
        return self.line_of(seg.start + offset)

    def _chain(self, chain: Chain, seg, claims: list, make_skip, make_definition) -> None:
        sides = chain.sides
        line = self._line(seg, sides[0].start)
        text = " = ".join(s.text for s in sides)
        if any(r != "=" for r in chain.relations):
            claims.append(make_skip(len(claims), line, text, "matrix notation: an approximation, inequality or "
                                                             "update (≈, ≠, ∈, ←) is not checked"))
            self.chain = None
            return
        if chain.continues:
            if self.chain is not None and self.chain.bare and self.chain.block != seg.block:
                self.chain = None
            if self.chain is None:
                claims.append(make_skip(len(claims), line, "= " + text, "continues a chain, but the row before it "
                                                                        "was not read, so what it continues is not known"))
                self.chain = _MatrixChain(sides[0].node, sides[0].text, sides[0].node, seg.block)
                self._steps(self.chain, sides[1:], seg, claims)
                return
            self._steps(self.chain, sides, seg, claims)
            return
        if len(sides) == 1:
            self.chain = _MatrixChain(sides[0].node, sides[0].text, sides[0].node, seg.block, bare=True)
            return
        head = sides[0].node
        if head[0] == "name" and not chain.after_arrow:
            key = head[1].key
            value = sides[1].node
            if key in self.variables:
                claims.append(make_skip(len(claims), line, text, f"solves for {key}, a name the notes differentiate "
                                                                 "by: a consequence, not checked"))
                self.chain = None
                return
            if value == ("T", head):
                self.symmetric.add(key)
                claims.append(make_skip(len(claims), line, text, f"says that {key} is symmetric; assumed from here on"))
                self.chain = None
                return
            if key in _names(value):
                claims.append(make_definition(len(claims), line, text, symbol(key), sp.Integer(0), True))
                self.chain = None
                return
            if key in self.defs:
                self._steps(_MatrixChain(head, sides[0].text, head, seg.block), sides[1:2], seg, claims,
                            redefines=key)
            else:
                claims.append(make_definition(len(claims), line, f"{sides[0].text} = {sides[1].text}",
                                              symbol(key), sp.Integer(0), False))
            if key in self.defs or key in self.defined_once:
                self.redefined.add(key)
            self.defined_once.add(key)
            self.defs[key] = value
            self.chain = _MatrixChain(head, sides[0].text, value, seg.block)
            self._steps(self.chain, sides[2:], seg, claims)
            return
        self.chain = _MatrixChain(head, sides[0].text, head, seg.block)
        self._steps(self.chain, sides[1:], seg, claims)

    def _steps(self, chain: _MatrixChain, sides, seg, claims: list, redefines: str = "") -> None:
        for side in sides:
            nodes = (chain.first, side.node)
            stop = frozenset(_variables(*nodes))
            in_force = {k: v for k, v in self.ahead.items() if k not in self.symmetric} | self.defs
            reached = _reached(in_force, nodes + ((chain.last,) if chain.last is not None else ()))
            doubtful = frozenset(k for k in reached if k in self.redefined or k not in self.defs)
            previous = chain.last if chain.last is not None and chain.last != chain.first else None
            layer = layer_reading(self.layers, nodes, in_force) if self.layers and not self.ragged else None
            claims.append(MatrixStep(len(claims), self._line(seg, side.start), f"{chain.first_text} = {side.text}",
                                     chain.first, side.node, tuple(sorted(reached.items())), stop,
                                     frozenset(self.symmetric), seg.start + side.start, seg.start + side.end,
                                     previous, chain.block != seg.block, redefines,
                                     self.outside - set(self.defs) - set(self.ahead), doubtful,
                                     self.unread - set(self.defs) - set(self.ahead), layer))
            chain.last = side.node
            chain.block, chain.bare = seg.block, False


#: A value written out entry by entry (``= (x_1, …, x_m)``, ``= \begin{pmatrix}…``): data, not a function.
_WRITTEN_OUT = re.compile(r"\s*(?:\\left\s*)?[(\[]|\s*\\begin\s*\{\s*[bpvBV]?matrix")


def unread_heads(parsed) -> frozenset:
    r"""The names that rows no reader could read define (``\mathbf a = \operatorname{softmax}(\mathbf z)``),
    from the scalar reader's (segment, statement or error) pairs; values written out entry by entry are data."""
    heads = {unreadable_head(seg.latex) for seg, st in parsed
             if isinstance(st, LatexError) and not _WRITTEN_OUT.match(seg.latex.partition("=")[2])}
    return frozenset(h.name for h in heads if h is not None)


__all__ = ["MatrixReader", "MatrixStep"]
