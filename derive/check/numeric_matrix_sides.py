r"""One side of a link in a worked example with numeric matrices, computed.

``\begin{bmatrix} 0.1 & 0.2 \end{bmatrix} \begin{bmatrix} 1 \\ 2 \end{bmatrix} + 0.5``: tokens
(matrices of numbers read from the file's text with its ``&``, lists ``[a, b]``, numbers,
signs, ``^T``, round brackets holding a matrix) and a small reader of sums and products
over them, with SymPy matrices. Each value keeps the text of each entry (``0.1 \cdot 1 +
0.2 \cdot 2 + 0.5``), so that a claim shows the arithmetic it checks and the rounding of
its inputs can be followed. Anything it cannot read with one meaning raises
:class:`NotRead` with the reason (see ``numeric_matrices.py``).
"""
from __future__ import annotations

import re
import sympy as sp

from .matrix_arithmetic import NoOneMeaning, NotRead, _add, _closing, _multiply, _negate, _transpose, _Value
from .matrix_functions import Unreadable, matrix_at
from .numeric_lists import _components, _number


_ENV = re.compile(r"\\begin\s*\{\s*(\w+\*?)\s*\}")
_MATRICES = ("bmatrix", "pmatrix", "matrix", "smallmatrix")
_TRANSPOSE = re.compile(r"\s*\^\s*(?:\{\s*(?:T|\\top|\\intercal|\\mathsf\s*\{\s*T\s*\})\s*\}|T(?![A-Za-z])|\\top(?![A-Za-z])|"
                        r"\\intercal(?![A-Za-z]))")
_OPERATOR = re.compile(r"\\cdot(?![A-Za-z])|\\times(?![A-Za-z])|\\odot(?![A-Za-z])|[+\-−*·⋅×]")
_SPACE = re.compile(r"(?:\s|\\[,;:! ]|\\quad(?![A-Za-z])|\\qquad(?![A-Za-z]))+")
_OPEN = re.compile(r"\\left\s*([\[(])|\\[bB]igg?l?\s*([\[(])|([\[(])")
MAX_ENTRIES = 64


def _matrix(body: str, offset: int) -> _Value:
    """The matrix of numbers written ``a & b \\\\ c & d`` (``body`` from the file, with its ``&``)."""
    rows = [r for r in re.split(r"\\\\", body) if r.strip()]
    cells, texts = [], []
    for row in rows:
        entries = row.split("&")
        values, shown = [], []
        for entry in entries:
            value = _number(entry)
            if value is None:
                raise NotRead(f"an entry that is not a number ({' '.join(entry.split()) or 'empty'})")
            values.append(value)
            shown.append(" ".join(entry.split()))
        cells.append(values)
        texts.append(shown)
    if not cells or len({len(r) for r in cells}) != 1 or len(cells) * len(cells[0]) > MAX_ENTRIES:
        raise NotRead("rows of different lengths, or too many entries")
    return _Value(None, texts, sp.Matrix(cells), has_matrix=True)


def _tokens(latex: str, original: str, known=None) -> list:
    """The side as tokens: ("value", _Value), ("op", sign), ("T",), ("group", tokens); ``known``
    maps names to the numeric matrices the notes gave them (``matrix_functions.py``)."""
    out, k, scalar = [], 0, []

    def flush():
        text = "".join(scalar).strip()
        scalar.clear()
        if text:
            value = _number(text)
            if value is None:
                raise NotRead(f"{' '.join(text.split())} is not a number")
            out.append(("value", _Value(value, " ".join(text.split()))))

    while k < len(latex):
        m = _SPACE.match(latex, k)
        if m:
            scalar.append(" ")
            k = m.end()
            continue
        try:  # e^{Z}, \sigma(Z), ReLU(…), softmax(…) of a numeric matrix, or a name given one
            found = matrix_at(latex, original, k, known, lambda t, o: _evaluate(_tokens(t, o, known)))
        except Unreadable as err:
            raise NoOneMeaning(str(err)) from None
        if found is not None:
            flush()
            out.append(("value", found[0]))
            k = found[1]
            continue
        m = _ENV.match(latex, k)
        if m:
            flush()
            env = m.group(1)
            end = re.compile(r"\\end\s*\{\s*" + re.escape(env) + r"\s*\}").search(latex, m.end())
            if env in ("vmatrix", "Vmatrix"):
                raise NotRead("a vmatrix is a determinant")
            if env not in _MATRICES or end is None:
                raise NotRead(f"\\begin{{{env}}} is not a matrix of numbers")
            out.append(("value", _matrix(original[m.end():end.start()], m.end())))
            k = end.end()
            continue
        m = _TRANSPOSE.match(latex, k)
        if m and out and not scalar:
            out.append(("T",))
            k = m.end()
            continue
        m = _OPEN.match(latex, k)
        if m:
            opener = next(g for g in m.groups() if g)
            close = _closing(latex, m.end(), opener)
            inner_end = close - 1
            inner = latex[m.end():inner_end]
            inner = re.sub(r"\\right\s*$|\\[bB]igg?r?\s*$", "", inner)
            if opener == "[" and "\\begin" not in inner:
                flush()
                found = _components(latex[k:close], 0)
                if found is None:
                    raise NotRead(f"a list that is not of numbers ({' '.join(latex[k:close].split())})")
                out.append(("value", _Value(None, [[f.text for f in found]], sp.Matrix([[f.value for f in found]]),
                                            loose=True)))
                k = close
                continue
            if "\\begin" in inner or "[" in inner:
                if "".join(scalar).strip():
                    raise NotRead(f"{' '.join(''.join(scalar).split())}(…) applied to a matrix")
                flush()
                out.append(("group", _tokens(inner, original[m.end():m.end() + len(inner)], known)))
                k = close
                continue
            scalar.append(latex[k:close])
            k = close
            continue
        m = _OPERATOR.match(latex, k)
        if m and not (m.group() in "+-−" and scalar and re.search(r"[eE\^]\s*$", "".join(scalar))):
            flush()
            sign = {"−": "-", "*": "\\cdot", "·": "\\cdot", "⋅": "\\cdot", "×": "\\times"}.get(m.group(), m.group())
            out.append(("op", sign))
            k = m.end()
            continue
        if latex[k] == "{":
            close = _closing(latex.replace("{", "(").replace("}", ")"), k + 1, "(")
            scalar.append(latex[k:close])
            k = close
            continue
        scalar.append(latex[k])
        k += 1
    flush()
    return out


class _Parser:
    def __init__(self, toks: list, dot: bool = False):
        self.toks, self.i, self.dot = toks, 0, dot

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def expr(self) -> _Value:
        negative = False
        if self.peek() == ("op", "+") or self.peek() == ("op", "-"):
            negative = self.toks[self.i][1] == "-"
            self.i += 1
        value = self.term(negative)
        while self.peek() in (("op", "+"), ("op", "-")):
            sign = self.toks[self.i][1]
            self.i += 1
            value = _add(value, self.term(), sign)
        return value

    def term(self, negative: bool = False) -> _Value:
        value = self.factor()
        if negative:  # -0.5 \cdot M: the sign belongs to the first factor
            value = _negate(value)
        while True:
            tok = self.peek()
            if tok is not None and tok[0] == "op" and tok[1] not in "+-":
                self.i += 1
                value = _multiply(value, self.factor(), tok[1], self.dot)
            elif tok is not None and tok[0] in ("value", "group"):
                value = _multiply(value, self.factor(), "", self.dot)
            else:
                return value

    def factor(self) -> _Value:
        tok = self.peek()
        if tok is None or tok[0] not in ("value", "group"):
            raise NotRead("a sign where a number or a matrix was expected")
        self.i += 1
        value = tok[1] if tok[0] == "value" else _evaluate(tok[1], self.dot)
        while self.peek() == ("T",):
            self.i += 1
            value = _transpose(value)
        return value


def _evaluate(toks: list, dot: bool = False) -> _Value:
    if not toks:
        raise NotRead("an empty side")
    parser = _Parser(toks, dot)
    value = parser.expr()
    if parser.peek() is not None:
        raise NotRead("something after the expression")
    return value


def evaluate_side(latex: str, original: str, known=None, dot: bool = False) -> _Value:
    """The value of one side of a relation (``known``: names given numeric matrices; ``dot``:
    ``u \\cdot v`` of two vectors is their dot product). Raises :class:`NotRead`."""
    return _evaluate(_tokens(latex, original, known), dot)
