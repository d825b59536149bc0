r"""Arithmetic on the values of a worked example with numeric matrices.

A value is a number or a SymPy matrix of numbers that keeps the text of each entry
(``0.1 \cdot 1 + 0.2 \cdot 2``), so that a claim shows the arithmetic it checks and
the rounding of its inputs can be followed. Sums, products (``\cdot``, ``\times``,
side by side, ``\odot``), signs and transposes are computed here; anything without
one meaning raises :class:`NotRead` with the reason (read by ``numeric_matrix_sides.py``).
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .numeric_lists import _PLAIN_NUMBER


class NotRead(Exception):
    """Why a side is not computed."""


class TwoVectors(NotRead):
    """``u \\cdot v`` of two vectors of one length: a dot, outer or elementwise product."""


class NoOneMeaning(NotRead):
    """A function of a whole matrix with more than one reading (``matrix_functions.py``)."""


@dataclass
class _Value:
    """A number (``matrix`` None) or a matrix with the text of each entry; ``loose``: a
    list ``[a, b]`` whose orientation nothing has fixed yet."""

    number: sp.Expr | None
    text: object  # str, or a list of lists of str
    matrix: sp.Matrix | None = None
    loose: bool = False
    has_matrix: bool = False


def _wrap(text: str) -> str:
    if text.startswith("(") and text.endswith(")") and _closing(text, 1, "(") == len(text):
        return text
    return text if _PLAIN_NUMBER.fullmatch(text.strip()) and not text.strip().startswith(("-", "−")) else f"({text})"


def _closing(text: str, start: int, opener: str) -> int:
    """Index just after the bracket that closes the one before ``start``."""
    pairs = {"(": ")", "[": "]"}
    depth = 1
    k = start
    while k < len(text):
        ch = text[k]
        if ch == "\\" and k + 1 < len(text) and not text[k + 1].isalpha():
            k += 2
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                if ch != pairs[opener]:
                    raise NotRead("brackets that do not pair")
                return k + 1
        k += 1
    raise NotRead("a bracket that does not close")


def _add(a: _Value, b: _Value, sign: str) -> _Value:
    a, b = _one_by_one(a, b), _one_by_one(b, a)
    if a.matrix is None and b.matrix is None:
        return _Value(a.number + b.number if sign == "+" else a.number - b.number,
                      f"{a.text} {sign} {_wrap(b.text) if sign == '-' or b.text.startswith(('-', '−')) else b.text}", has_matrix=a.has_matrix or b.has_matrix)
    if a.matrix is None or b.matrix is None:
        raise NotRead("a number added to a matrix")
    a, b = _orient(a, b.matrix.shape, b.loose), _orient(b, a.matrix.shape, a.loose)
    if a.matrix.shape != b.matrix.shape:
        raise NotRead(f"a sum of a {_shape(a)} and a {_shape(b)} matrix")
    texts = [[f"{x} {sign} {_wrap(y) if sign == '-' or y.lstrip().startswith(('-', '−')) else y}" for x, y in zip(r, s)] for r, s in zip(a.text, b.text)]
    return _Value(None, texts, a.matrix + b.matrix if sign == "+" else a.matrix - b.matrix, a.loose and b.loose,
                  a.has_matrix or b.has_matrix)


def _one_by_one(v: _Value, other: _Value) -> _Value:
    """A 1×1 product (a row times a column) added to a number is a number."""
    if v.matrix is not None and v.matrix.shape == (1, 1) and other.matrix is None:
        return _Value(v.matrix[0, 0], v.text[0][0], has_matrix=True)
    return v


def _orient(v: _Value, shape: tuple, other_loose: bool) -> _Value:
    """A loose list next to a vector of its length takes that vector's orientation."""
    if v.loose and not other_loose and shape == (v.matrix.cols, 1):
        return _transpose(v)
    return v


def _shape(v: _Value) -> str:
    return f"{v.matrix.rows}×{v.matrix.cols}"


def _transpose(v: _Value) -> _Value:
    if v.matrix is None:
        raise NotRead("a transpose of a number")
    # [0.9, 0.1]^T: a list is written as a row, so its transpose is a column
    return _Value(None, [list(c) for c in zip(*v.text)], v.matrix.T, False, True)


def _multiply(a: _Value, b: _Value, sign: str, dot: bool = False) -> _Value:
    """``a`` times ``b``; ``dot``: a ``\\cdot`` between two row vectors of one length (whose
    matrix product is not defined) is their dot product, as the other side of the link is a
    number, which fixes the reading (a column times a row, which is a matrix, is not)."""
    if a.matrix is None or b.matrix is None:
        if a.matrix is None and b.matrix is None:
            return _Value(a.number * b.number, f"{_wrap(a.text)} \\cdot {_wrap(b.text)}")
        number, m = (a, b) if a.matrix is None else (b, a)
        texts = [[f"{_wrap(number.text)} \\cdot {_wrap(t)}" for t in row] for row in m.text]
        return _Value(None, texts, number.number * m.matrix, m.loose, m.has_matrix)
    if sign == "\\odot":
        if a.matrix.shape != b.matrix.shape:
            raise NotRead(f"\\odot of a {_shape(a)} and a {_shape(b)} matrix")
        texts = [[f"{_wrap(x)} \\cdot {_wrap(y)}" for x, y in zip(r, s)] for r, s in zip(a.text, b.text)]
        return _Value(None, texts, a.matrix.multiply_elementwise(b.matrix), a.loose and b.loose, True)
    if dot and sign == "\\cdot" and not (a.loose or b.loose) and a.matrix.rows == b.matrix.rows == 1 < a.matrix.cols == b.matrix.cols:
        flat = [t for row in a.text for t in row], [t for row in b.text for t in row]
        return _Value(sum((x * y for x, y in zip(a.matrix, b.matrix)), sp.Integer(0)),
                      " + ".join(f"{_wrap(x)} \\cdot {_wrap(y)}" for x, y in zip(*flat)), has_matrix=True)
    if a.loose and b.loose:
        raise TwoVectors("a product of two lists")
    if b.loose and a.matrix.cols == b.matrix.cols > 1 and a.matrix.rows > 1:  # M [1, 2]: a column
        b = _Value(None, [list(c) for c in zip(*b.text)], b.matrix.T, False, b.has_matrix)
    vectors = 1 in a.matrix.shape and 1 in b.matrix.shape and len(a.matrix) == len(b.matrix) > 1
    if sign in ("\\cdot", "\\times") and vectors and not (a.matrix.rows == 1 and b.matrix.cols == 1):
        raise TwoVectors(f"{sign} between two vectors of length {len(a.matrix)}: a dot, cross, outer or elementwise "
                      "product")
    if a.matrix.cols != b.matrix.rows:
        raise NotRead(f"a product of a {_shape(a)} and a {_shape(b)} matrix")
    texts = [[" + ".join(f"{_wrap(a.text[i][k])} \\cdot {_wrap(b.text[k][j])}" for k in range(a.matrix.cols))
              for j in range(b.matrix.cols)] for i in range(a.matrix.rows)]
    return _Value(None, texts, a.matrix * b.matrix, False, True)


def _negate(v: _Value) -> _Value:
    if v.matrix is None:
        return _Value(-v.number, f"-{_wrap(v.text)}", has_matrix=v.has_matrix)
    return _Value(None, [[f"-{_wrap(t)}" for t in row] for row in v.text], -v.matrix, v.loose, v.has_matrix)
