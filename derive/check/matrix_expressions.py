"""Expressions in matrix rows (``matrix_latex.py``) as a tree of tuples:
sums, products in their order, transposes, inverses and small powers,
norms, functions, fractions, and ``\\nabla_v`` / ``\\frac{\\partial}{\\partial
v}`` applied to the rest of the product."""
from __future__ import annotations

import re

from .matrix_names import Name, _function_like, _NameReader
from .matrix_tokens import MatrixSyntax, Token

# Nodes: ("num", value) ("name", Name) ("add", a, b) ("neg", a) ("mul", a, b)
# ("dot", a, b) (\cdot: a product, or an inner product of two vectors)
# ("had", a, b) ("div", a, b) ("T", a) ("inv", a) ("pow", a, n) ("norm", a)
# ("fn", name, a) ("grad", Name, a) ("deriv", a, Name); J(θ) is ("name", J)

_FUNCTIONS = {"exp": "exp", "log": "log", "ln": "log", "tanh": "tanh", "sigma": "sigmoid"}
#: An index and a transpose in one superscript (``a^{(1)T}``, ``W^{[2]\\top}``): the name's key ends in it.
_INDEXED_TRANSPOSE = re.compile(r"(?<=[)\]])(?:T|\\top|\\intercal)$")
_WORD_T = re.compile(r"\\(?:mathsf|mathrm|mathit)\s*\{\s*T\s*\}")
#: Functions whose derivative may be written with a prime (``\sigma'(z)``, ``\tanh'(z)``).
_PRIMED = {"sigmoid", "tanh"}


class _ExpressionReader(_NameReader):
    """Reads expressions at the cursor; ``self.open_bars`` counts the norms and
    absolute values open, ``self.functions`` are the names the notes define as functions."""

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
        if sample_sums.starts_sum(self):  # \sum_i …: sample_sums.py
            return True
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
        if node[0] == "name" and _INDEXED_TRANSPOSE.search(node[1].key):  # a^{(1)T}: the transpose of a^(1)
            key = _INDEXED_TRANSPOSE.sub("", node[1].key)
            node = ("T", ("name", Name(key, node[1].bold)))
        if node[0] == "name" and self.at("punct", "_"):  # { \beta }_{ 1 }: a subscript after braces
            self.take()
            node = ("name", Name(node[1].key + "_" + self.subscript_text(), node[1].bold))
        while self.at("punct", "^"):
            self.take()
            node = self.superscript(node)
        return node

    def _at_transpose(self) -> bool:
        r"""``T``, ``\top``, ``\intercal``, or T in a font (``\mathsf{T}``, ``\mathrm{T}``, ``\text{T}``)."""
        t = self.peek()
        return t is not None and (t.kind == "transpose" or (t.kind == "letter" and t.text == "T")
                                  or (t.kind == "word" and _WORD_T.fullmatch(t.text) is not None))

    def superscript(self, node: tuple) -> tuple:
        if self._at_transpose():
            self.take()
            return ("T", node)
        braced = self.at("punct", "{")
        if braced:
            self.take()
            if self._at_transpose() and self.at("punct", "}", 1):
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
        if sample_sums.starts_sum(self):
            return sample_sums.read_sum(self)
        if t.kind == "nabla":
            self.take()
            if not self.at("punct", "_"):
                raise MatrixSyntax("a gradient without its variable")
            self.take()
            return _Operator("grad", self.variable())
        if t.kind == "func":
            self.take()
            name = _FUNCTIONS[t.text[1:]]
            if self.at("punct", "'") and name in _PRIMED:  # \sigma'(z): the derivative, entry by entry
                self.take()
                name += "'"
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
            sample_sums.refuse_call_in_sum(self, name.key)
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


class _Operator:
    """``\\nabla_v`` or ``\\frac{\\partial}{\\partial v}``: applies to the rest of the product."""

    def __init__(self, kind: str, var: Name):
        self.kind, self.var = kind, var

    def apply(self, operand: tuple) -> tuple:
        return ("grad", self.var, operand) if self.kind == "grad" else ("deriv", operand, self.var)


from . import sample_sums  # noqa: E402  (sums over samples build on _Operator)
