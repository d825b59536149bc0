"""LaTeX → a small tree of matrix algebra, for the rows the scalar reader
refuses as "matrix notation" (``X^T(X\\mathbf{w} - \\mathbf{y})``,
``\\nabla_{\\mathbf w}``, ``\\lVert…\\rVert``, ``\\odot``).

A hand-written recursive-descent reader: products keep their order (matrix
products do not commute), ``^T`` is a transpose, ``\\nabla_v`` and
``\\frac{\\partial}{\\partial v}`` apply to the rest of the product.
Anything it does not know raises :class:`MatrixSyntax`; the row then stays
skipped as matrix notation, as before. Nodes are tuples, so a claim can be
sent to the worker process as it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..names import GREEK
from .matrix_tokens import MatrixSyntax, Token, tokens


@dataclass(frozen=True)
class Name:
    """A name as the notes write it (``key``: ``w``, ``x^(i)``, ``y_hat``);
    ``bold`` is a hint of its kind (a vector or a matrix), not part of its identity."""

    key: str
    bold: bool = False


# Nodes: ("num", value) ("name", Name) ("add", a, b) ("neg", a) ("mul", a, b)
# ("dot", a, b) (\cdot: a product, or an inner product of two vectors)
# ("had", a, b) ("div", a, b) ("T", a) ("inv", a) ("pow", a, n) ("norm", a)
# ("fn", name, a) ("grad", Name, a) ("deriv", a, Name); J(θ) is ("name", J)

_FUNCTIONS = {"exp": "exp", "log": "log", "ln": "log", "tanh": "tanh", "sigma": "sigmoid"}
_UNICODE_GREEK = {letter: name for name, letter in GREEK.items()}


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


class _Reader:
    def __init__(self, latex: str, functions: frozenset = frozenset()):
        self.latex, self.functions = latex, functions
        self.toks = tokens(latex)
        self.i = 0
        self.open_bars = {"norm": 0, "abs": 0}

    # ------------------------------------------------------------ helpers
    def peek(self, k: int = 0) -> Token | None:
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else None

    def at(self, kind: str, text: str | None = None, k: int = 0) -> bool:
        t = self.peek(k)
        return t is not None and t.kind == kind and (text is None or t.text == text)

    def take(self, kind: str | None = None, text: str | None = None) -> Token:
        t = self.peek()
        if t is None or (kind and t.kind != kind) or (text and t.text != text):
            raise MatrixSyntax(f"expected {text or kind} at {t.text if t else 'the end'!r}")
        self.i += 1
        return t

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
        return Side(node, first.start, last.end, " ".join(self.latex[first.start:last.end].split()))

    # ------------------------------------------------------------ expressions
    def expr(self) -> tuple:
        if self.at("punct", "-"):
            self.take()
            node = ("neg", self.product())
        else:
            if self.at("punct", "+"):
                self.take()
            node = self.product()
        while self.at("punct", "+") or self.at("punct", "-"):
            op = self.take().text
            right = self.product()
            node = ("add", node, right) if op == "+" else ("add", node, ("neg", right))
        return node

    def _starts_factor(self) -> bool:
        t = self.peek()
        if t is None:
            return False
        if t.kind == "punct":
            return t.text in "([{"
        if t.kind in ("norm", "abs"):
            return not self._closing(t)
        return t.kind in ("number", "bold", "accent", "frac", "nabla", "func", "word", "greek",
                          "letter", "unigreek")

    def _closing(self, t: Token) -> bool:
        """Whether a ``|`` or ``\\|`` closes the norm or absolute value open around it."""
        if t.text.startswith(("\\l", "\\r")):
            return t.text.startswith("\\r")
        return self.open_bars.get(t.kind, 0) > 0

    def product(self) -> tuple:
        node = self.factor()
        if isinstance(node, _Operator):
            return node.apply(self.product())
        while True:
            if self.at("mulop"):
                op = self.take().text
                right = self.factor()
                if isinstance(right, _Operator):
                    right = right.apply(self.product())
                    return ("dot" if op != "*" else "mul", node, right)
                node = ("div", node, right) if op == "/" else ("dot", node, right)
            elif self.at("hadamard"):
                self.take()
                right = self.factor()
                if isinstance(right, _Operator):
                    right = right.apply(self.product())
                node = ("had", node, right)
            elif self.at("punct", "/"):
                self.take()
                node = ("div", node, self.factor())
            elif self._starts_factor():
                right = self.factor()
                if isinstance(right, _Operator):
                    return ("mul", node, right.apply(self.product()))
                node = ("mul", node, right)
            else:
                return node

    def factor(self):
        node = self.atom()
        if isinstance(node, _Operator):
            return node
        if node[0] == "name" and self.at("punct", "_"):  # { \beta }_{ 1 }: a subscript after braces
            self.take()
            node = ("name", Name(node[1].key + "_" + self.subscript_text(), node[1].bold))
        while self.at("punct", "^"):
            self.take()
            node = self.superscript(node)
        return node

    def superscript(self, node: tuple) -> tuple:
        if self.at("transpose") or (self.at("letter", "T")):
            self.take()
            return ("T", node)
        braced = self.at("punct", "{")
        if braced:
            self.take()
            if (self.at("transpose") or self.at("letter", "T")) and self.at("punct", "}", 1):
                self.take()
                self.take()
                return ("T", node)
            if self.at("command", "\\mathsf") or self.at("word"):
                raise MatrixSyntax("a superscript written as a word")
            if self.at("punct", "-") and self.at("number", "1", 1) and self.at("punct", "}", 2):
                self.i += 3
                return ("inv", node)
            if self.at("punct", "(") or self.at("punct", "[") or self.at("punct", "*"):
                raise MatrixSyntax("a superscript index")
            n = self.take("number")
            self.take("punct", "}")
        else:
            n = self.take("number")
        if "." in n.text or int(n.text) > 8:
            raise MatrixSyntax("a power other than a small whole number")
        return ("pow", node, int(n.text))

    def atom(self):
        t = self.peek()
        if t is None:
            raise MatrixSyntax("the math ends too early")
        if t.kind == "number":
            self.take()
            return ("num", t.text)
        if t.kind == "punct" and t.text in "([{":
            close = {"(": ")", "[": "]", "{": "}"}[t.text]
            self.take()
            inner = self.expr()
            self.take("punct", close)
            return inner
        if t.kind == "norm":
            self.take()
            self.open_bars["norm"] += 1
            inner = self.expr()
            self.open_bars["norm"] -= 1
            self.take("norm")
            if self.at("punct", "_"):
                self.take()
                sub = self.group_text()
                if sub not in ("2", "F"):
                    raise MatrixSyntax("a norm other than the 2-norm")
            return ("norm", inner)
        if t.kind == "abs":
            self.take()
            self.open_bars["abs"] += 1
            inner = self.expr()
            self.open_bars["abs"] -= 1
            self.take("abs")
            return ("norm", inner)
        if t.kind == "frac":
            return self.fraction()
        if t.kind == "nabla":
            self.take()
            if not self.at("punct", "_"):
                raise MatrixSyntax("a gradient without its variable")
            self.take()
            return _Operator("grad", self.variable())
        if t.kind == "func":
            self.take()
            name = _FUNCTIONS[t.text[1:]]
            if self.at("punct", "^"):
                raise MatrixSyntax("a power of a function")
            return ("fn", name, self.factor())
        if t.kind == "letter" and t.text == "e" and self.at("punct", "^", 1) and not self._transpose_at(self.i + 2):
            self.take()
            self.take()
            if self.at("punct", "{"):
                self.take()
                inner = self.expr()
                self.take("punct", "}")
            else:
                inner = self.atom()
            return ("fn", "exp", inner)
        if t.kind in ("bold", "accent", "word", "greek", "letter", "unigreek"):
            name = self.name()
            if self.at("punct", "(") and (_function_like(name) or name.key in self.functions or self._head()):
                mark = self.i
                try:
                    return self.applied(name)
                except MatrixSyntax:
                    self.i = mark  # X(Xw - y): a product
            return ("name", name)
        raise MatrixSyntax(f"unexpected {t.text!r}")

    def _head(self) -> bool:
        r"""``l(\mathbf w) =`` at the start of a chain: a function being defined."""
        if self.i != 1 and not (self.i == 2 and self.toks[0].kind == "bold"):
            return False
        depth = 0
        for j in range(self.i, len(self.toks)):
            t = self.toks[j]
            depth += (t.text == "(") - (t.text == ")")
            if depth == 0:
                return j + 1 < len(self.toks) and self.toks[j + 1].kind == "rel" and self.toks[j + 1].text == "="
        return False

    def _transpose_at(self, j: int) -> bool:
        """Whether the superscript starting at token ``j`` is ``T`` / ``\\top`` (``e^T e`` is no power of e)."""
        if j < len(self.toks) and self.toks[j].text == "{":
            j += 1
        return j < len(self.toks) and (self.toks[j].kind == "transpose" or self.toks[j].text == "T")

    def applied(self, name: Name) -> tuple:
        self.take("punct", "(")
        while not self.at("punct", ")"):
            t = self.peek()
            if t is None or t.kind in ("rel", "arrow"):
                raise MatrixSyntax("a function call that does not close")
            if not (t.kind in ("bold", "accent", "greek", "letter", "unigreek") or self.at("punct", ",")
                    or self.at("punct", ";")):
                raise MatrixSyntax("a function of something other than names")
            if t.kind == "punct":
                self.take()
            else:
                self.name()
        self.take("punct", ")")
        return ("name", name)

    def fraction(self):
        self.take("frac")
        if self.at("number") and len(self.peek().text) == 2:  # \tfrac12
            digits = self.take().text
            return ("div", ("num", digits[0]), ("num", digits[1]))
        num_start = self.i
        self.take("punct", "{")
        if self.at("partial") or (self.at("letter", "d") and self._derivative_denominator()):
            self.take()
            if self.at("punct", "}"):
                self.take()
                self.take("punct", "{")
                self.differential()
                var = self.variable()
                self.take("punct", "}")
                return _Operator("deriv", var)
            operand = self.expr()
            self.take("punct", "}")
            self.take("punct", "{")
            self.differential()
            var = self.variable()
            self.take("punct", "}")
            return ("deriv", operand, var)
        self.i = num_start
        self.take("punct", "{")
        num = self.expr()
        self.take("punct", "}")
        self.take("punct", "{")
        den = self.expr()
        self.take("punct", "}")
        return ("div", num, den)

    def _derivative_denominator(self) -> bool:
        depth, j = 0, self.i
        while j < len(self.toks):
            t = self.toks[j]
            if t.kind == "punct" and t.text == "{":
                depth += 1
            elif t.kind == "punct" and t.text == "}":
                if depth == 0:
                    nxt = self.toks[j + 2] if j + 2 < len(self.toks) else None
                    return nxt is not None and nxt.kind == "letter" and nxt.text == "d"
                depth -= 1
            j += 1
        return False

    def differential(self) -> None:
        if self.at("partial") or self.at("letter", "d"):
            self.take()
            return
        raise MatrixSyntax("a derivative whose denominator is not ∂v")

    def variable(self) -> Name:
        if self.at("punct", "{"):
            self.take()
            name = self.name()
            self.take("punct", "}")
            return name
        return self.name()

    def group_text(self) -> str:
        if self.at("punct", "{"):
            self.take()
            parts = []
            while not self.at("punct", "}"):
                t = self.take()
                parts.append(t.text)
            self.take()
            return "".join(parts)
        return self.take().text

    def name(self) -> Name:
        """A letter, Greek letter or word, with bold, accents, a subscript,
        and superscripts that index it (``x^{(i)}``, ``W^{[1]}``, ``w^*``)."""
        bold, accents = False, []
        while self.at("bold") or self.at("accent"):
            t = self.take()
            if t.kind == "bold":
                bold = True
            else:
                accents.append({"widehat": "hat", "widetilde": "tilde", "overline": "bar",
                                "overrightarrow": "vec"}.get(t.text[1:], t.text[1:]))
            if self.at("punct", "{"):
                self.take()
                inner = self.name()
                # a subscript may sit inside the braces: \hat{\mathbf{x}_i}
                self.take("punct", "}")
                bold |= inner.bold
                return self._decorated(Name(_join(inner.key, accents), bold))
        t = self.take()
        if t.kind == "letter":
            base = t.text
        elif t.kind == "greek":
            base = t.text[1:]
        elif t.kind == "unigreek":
            base = _UNICODE_GREEK.get(t.text, t.text)
        elif t.kind == "word":
            base = re.search(r"\{\s*([A-Za-z]+)", t.text).group(1)
        else:
            raise MatrixSyntax(f"expected a name at {t.text!r}")
        return self._decorated(Name(_join(base, accents), bold))

    def _decorated(self, name: Name) -> Name:
        key = name.key
        while True:
            if self.at("punct", "_"):
                self.take()
                key += "_" + self.subscript_text()
            elif self.at("punct", "^") and self.at("punct", "{", 1) and (
                    self.at("punct", "(", 2) or self.at("punct", "[", 2)):
                self.take()
                key += "^" + self.group_text()
            elif self.at("punct", "^") and self.at("punct", "*", 1):
                self.i += 2
                key += "^*"
            else:
                return Name(key, name.bold)

    def subscript_text(self) -> str:
        if self.at("punct", "{"):
            self.take()
            parts, depth = [], 0
            while depth or not self.at("punct", "}"):
                t = self.take()
                depth += (t.text == "{") - (t.text == "}")
                if t.kind in ("rel", "arrow", "norm", "frac"):
                    raise MatrixSyntax("a subscript that is not a name")
                if t.kind in ("bold", "accent") or t.text in "{}":
                    continue
                parts.append(re.sub(r"^\\(?:mathrm|text|operatorname|mathit)\s*\{\s*|\s*\}$", "", t.text).lstrip("\\"))
            self.take()
            return "".join(p for p in parts if p not in "{}")
        t = self.take()
        if t.kind not in ("letter", "number", "greek"):
            raise MatrixSyntax("a subscript that is not a name")
        return t.text.lstrip("\\")


def _join(base: str, accents: list[str]) -> str:
    return base + "".join("_" + a for a in accents)


def _function_like(name: Name) -> bool:
    """``J(\\theta)``, ``L(w, b)``, ``\\mathcal{L}(w)``: a loss written as a
    function of its parameters (a capital, a word); ``x(…)`` is a product."""
    head = name.key.split("_")[0]
    return head[:1].isupper() and not name.bold


class _Operator:
    """``\\nabla_v`` or ``\\frac{\\partial}{\\partial v}``: applies to the rest of the product."""

    def __init__(self, kind: str, var: Name):
        self.kind, self.var = kind, var

    def apply(self, operand: tuple) -> tuple:
        return ("grad", self.var, operand) if self.kind == "grad" else ("deriv", operand, self.var)


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


def read_matrix_row(latex: str, functions: frozenset = frozenset()) -> list[Chain]:
    """The relation chains of one math row. Raises :class:`MatrixSyntax`."""
    if re.search(r"\\(?:sum|prod|begin|int|lim|max|min|operatorname\s*\{\s*(?:softmax|diag|tr)|mathbb\s*\{\s*[RNZCQ])", latex):
        raise MatrixSyntax("sums, matrices written out and number sets are not read here")
    reader = _Reader(latex, functions)
    chains = reader.chains()
    if not chains:
        raise MatrixSyntax("no relation")
    return chains
