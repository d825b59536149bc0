"""LaTeX → a small tree of matrix algebra, for the rows the scalar reader
refuses as "matrix notation" (``X^T(X\\mathbf{w} - \\mathbf{y})``,
``\\nabla_{\\mathbf w}``, ``\\lVert…\\rVert``, ``\\odot``).

A hand-written recursive-descent reader: products keep their order (matrix
products do not commute), ``^T`` is a transpose, ``\\nabla_v`` and
``\\frac{\\partial}{\\partial v}`` apply to the rest of the product.
Anything it does not know raises :class:`MatrixSyntax`; the row then stays
skipped as matrix notation, as before. Nodes are tuples, so a claim can be
sent to the worker process as it is.

Here: rows → relation chains → sides. The parts: ``matrix_expressions.py``
(expressions), ``matrix_names.py`` (names), ``matrix_tokens.py`` (tokens
and the cursor over them).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .colours import colours_read
from .latex_errors import LatexError
from .matrix_expressions import _ExpressionReader
from .matrix_tokens import MatrixSyntax, tokens


@dataclass(frozen=True)
class Side:
    """One side of a relation: its tree and where it is in the row."""

    node: tuple
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Chain:
    """``A = B = …`` in a row; ``continues`` when it begins with ``=``."""

    sides: tuple[Side, ...]
    relations: tuple[str, ...]
    continues: bool
    after_arrow: bool


class _Reader(_ExpressionReader):
    def __init__(self, latex: str, functions: frozenset = frozenset(), sums: bool = False):
        self.latex, self.functions, self.sums = latex, functions, sums
        self.toks = tokens(latex)
        self.i = 0
        self.open_bars = {"norm": 0, "abs": 0}

    # ------------------------------------------------------------ chains
    def chains(self) -> list[Chain]:
        out, after_arrow = [], False
        while self.peek() is not None:
            if self.at("arrow"):
                self.take()
                after_arrow = True
                continue
            if self.at("punct", ","):
                self.take()
                continue
            out.append(self.chain(after_arrow))
        return out

    def chain(self, after_arrow: bool) -> Chain:
        continues = False
        if self.at("rel", "="):
            self.take()
            continues = True
        sides, relations = [self.side()], []
        while self.at("rel"):
            relations.append(self.take().text)
            sides.append(self.side())
        if self.peek() is not None and not (self.at("arrow") or self.at("punct", ",")):
            raise MatrixSyntax(f"unexpected {self.peek().text!r}")
        return Chain(tuple(sides), tuple(relations), continues, after_arrow)

    def side(self) -> Side:
        first = self.peek()
        if first is None:
            raise MatrixSyntax("the math ends too early")
        node = self.expr()
        last = self.toks[self.i - 1]
        start = first.start
        left = re.search(r"\\(?:left|bigl|Bigl|big|Big)\s*$", self.latex[:start])  # \left( opens the side
        start = left.start() if left else start
        return Side(node, start, last.end, " ".join(self.latex[start:last.end].split()))


def function_heads(latex: str) -> set[str]:
    r"""Names a row defines as functions: ``l(\mathbf w) = …`` → {"l"}."""
    m = re.match(r"\s*([a-z])\s*\(", latex)
    if not m:
        return set()
    try:
        chains = read_matrix_row(latex)
    except MatrixSyntax:
        return set()
    head = chains[0].sides[0].node
    return {head[1].key} if head[0] == "name" and len(chains[0].sides) > 1 else set()


#: ``\mathrm{rk}(X^TX)``, ``\operatorname{tr}{A}``: a function named by a word, which the matrix reader does not know
#: (the functions it reads are exp, log, tanh, sigmoid, softmax and ReLU).
_WORD_CALL = re.compile(r"\\(?:mathrm|operatorname|text|mathit)\s*\{\s*(?!(?:exp|log|ln|tanh|sigmoid|softmax|relu|ReLU)\s*\})"
                        r"(?P<word>[A-Za-z]{2,})\s*\}\s*(?:\\left\s*)?[({]")
_END_OF_SENTENCE = re.compile(r"(?:\s|\\[,;!])*[.,](?:\s|\\[,;!])*$")


def read_matrix_row(latex: str, functions: frozenset = frozenset(), sums: bool = False) -> list[Chain]:
    """The relation chains of one math row (with sums over samples when ``sums``:
    sample_sums.py). Raises :class:`MatrixSyntax`."""
    if not sums and "\\sum" in latex:
        raise MatrixSyntax("sums are not read here")
    if re.search(r"\\(?:prod|begin|int|lim|max|min|operatorname\s*\{\s*(?:softmax|diag|tr)|mathbb\s*\{\s*[RNZCQ])", latex):
        raise MatrixSyntax("sums, matrices written out and number sets are not read here")
    if word := _WORD_CALL.search(latex):
        raise MatrixSyntax(f"{word.group('word')}(…), a function named by a word, is not read in matrix notation")
    try:
        latex = colours_read(latex)  # \color{red}{…}: colours.py
    except LatexError as err:
        raise MatrixSyntax(str(err)) from None
    latex = _END_OF_SENTENCE.sub("", latex)  # "… = \delta a^T." ends a sentence: the stop is no math
    reader = _Reader(latex, functions, sums)
    chains = reader.chains()
    if not chains:
        raise MatrixSyntax("no relation")
    return chains
