r"""Jacobians and gradients written entry by entry:
``\left( \frac{\partial \mathbf{t}}{\partial \mathbf{b}} \right)_{ij} = \delta_{ij}``,
``\left( \frac{\partial L}{\partial \mathbf{w}} \right)_i = x_i (\hat y - y)``.

``(\partial \mathbf u / \partial \mathbf v)_{ij}`` is read as ∂u_i/∂v_j (numerator
layout), ``(\partial f / \partial \mathbf v)_i`` as ∂f/∂v_i. The left side is computed
as a whole at random small shapes (``matrix_values.py``); the right side is evaluated
for every pair of indices, with ``u_i`` the i-th entry of the vector u, ``W_{ij}`` an
entry of the matrix W, ``\delta_{ij}`` Kronecker's delta (1 when i = j, else 0) and
numbers. Anything else on the right (a name with no vector behind it, a third index)
leaves the row skipped.

Trust first: the variable must be written in the operand once the notes'
definitions are followed (``\tilde{\mathbf y} = \sigma(A\mathbf x + \mathbf b)`` is
no function of a ``\mathbf t`` defined elsewhere: skipped, never "0"); ``wrong``
needs an entry that differs on every draw in every reading of the shapes, and is
not given when the operand holds σ of a vector (notes use σ for the softmax too).
"""
from __future__ import annotations

import random
import re

import sympy as sp

from ..worker import Overrun, run_with_budget
from .matrix_evaluator import _Evaluator
from .matrix_latex import read_matrix_row
from .matrix_names import Name
from .matrix_tokens import MatrixSyntax
from .matrix_values import DRAWS, MatrixOutcome, _compare, _draw, _number_text, _shape_text, draws_verdict
from .shape_inference import Inconsistent, Unknown
from .shapes import free_names, readings

_GROUP = r"(?:[^{}]|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})*"
_ROW = re.compile(r"\s*(?:\\left|\\big|\\Big|\\bigl|\\Bigl)?\s*(?P<open>[(\[])\s*"
                  r"(?P<frac>\\[dt]?frac\s*\{\s*(?:\\partial|∂)" + _GROUP + r"\}\s*\{\s*(?:\\partial|∂)" + _GROUP + r"\})"
                  r"\s*(?:\\right|\\big|\\Big|\\bigr|\\Bigr)?\s*[)\]]\s*_\s*"
                  r"(?:\{\s*(?P<i>[a-z])\s*,?\s*(?P<j>[a-z])?\s*\}|(?P<one>[a-z]))\s*&?\s*=(?P<rhs>.*?)(?:\\\\)?\s*$", re.S)


def read_component_row(latex: str):
    """(derivative node, indices, right side node, right side text) of a row
    ``(∂u/∂v)_{ij} = …``, else None."""
    m = _ROW.match(latex)
    if not m:
        return None
    indices = tuple(x for x in (m.group("i") or m.group("one"), m.group("j")) if x)
    if len(set(indices)) != len(indices):
        return None
    rhs = m.group("rhs").replace("&", " ")
    try:
        (left,) = read_matrix_row(m.group("frac"))
        (right,) = read_matrix_row(rhs)
    except (MatrixSyntax, ValueError, RecursionError):
        return None
    if len(left.sides) != 1 or len(right.sides) != 1 or left.sides[0].node[0] != "deriv":
        return None
    return left.sides[0].node, indices, right.sides[0].node, " ".join(rhs.split())


def _names(node) -> list:
    if node[0] == "name":
        return [node[1].key]
    return [k for c in node[1:] if isinstance(c, tuple) for k in _names(c)]


def _sigmoid_of_vector(node, defs, seen=()) -> bool:
    """Whether σ is applied to something that is not a plain number (it may be the softmax)."""
    if node[0] == "name" and node[1].key in defs and node[1].key not in seen:
        return _sigmoid_of_vector(defs[node[1].key], defs, seen + (node[1].key,))
    if node[0] == "fn" and node[1].startswith("sigmoid") and node[2][0] != "num":
        return True
    return any(_sigmoid_of_vector(c, defs, seen) for c in node[1:] if isinstance(c, tuple))


def _entry_value(key: str, point: tuple, values: dict, indices: tuple):
    """The value of the name ``key`` of the right side at the index values ``point``."""
    at = dict(zip(indices, point))
    m = re.fullmatch(r"delta_([a-z])([a-z])", key)
    if m and m.group(1) in at and m.group(2) in at:
        return sp.Integer(int(at[m.group(1)] == at[m.group(2)]))
    base, _, sub = key.rpartition("_")
    if base in values and sub and all(c in at for c in sub):
        v = values[base]
        rows = [at[c] for c in sub]
        if len(rows) == 1 and 1 in (v.rows, v.cols) and len(v) > 1:
            return v[rows[0]] if rows[0] < len(v) else _no_entry(key)
        if len(rows) == 2 and v.rows > 1 and v.cols > 1:
            return v[rows[0], rows[1]] if rows[0] < v.rows and rows[1] < v.cols else _no_entry(key)
        _no_entry(key)  # u_i of a scalar u: this reading of the shapes does not fit the claim
    raise KeyError(key)


class _NoEntry(LookupError):
    """An index past the end of a vector or matrix in this reading of the shapes."""


def _no_entry(key: str):
    raise _NoEntry(key)


def assess_component(deriv: tuple, indices: tuple, rhs: tuple, defs: dict, symmetric: frozenset = frozenset(),
                     seed: int = 20240515) -> MatrixOutcome:
    """Compare the entries of the derivative ``deriv`` with ``rhs`` at every index pair."""
    operand, var = deriv[1], deriv[2]
    stop = frozenset({var.key})
    if var.key not in free_names(operand, defs, stop):
        what = (_names(operand) or ["it"])[0]
        return MatrixOutcome("skipped", f"matrix notation: no row read here writes {what} "
                                        f"in terms of {var.key}, so its derivative by {var.key} is not known here; not checked")
    try:
        found = readings([operand], defs, stop)
    except (Unknown, Inconsistent) as err:
        return MatrixOutcome("skipped", f"matrix notation: {err}; not checked")
    verdicts, example, shapes = [], None, []
    for reading in found:
        rng = random.Random(seed)
        sizes = dict(reading.shapes)
        if var.key not in sizes:
            return MatrixOutcome("skipped", "matrix notation: the variable's shape is not known; not checked")
        equal = differ = 0
        for _ in range(DRAWS):
            env = _draw(reading, rng, symmetric)
            ev = _Evaluator(env, defs, stop)
            try:
                f, v = ev.value(operand), ev.value(("name", var))
                jac = ev.derivative(operand, var)
                if v.cols != 1 or v.rows < 2 or (f.shape != (1, 1) and (f.cols != 1 or f.rows < 2)) \
                        or len(indices) != (1 if f.shape == (1, 1) else 2):
                    return MatrixOutcome("skipped", "matrix notation: its indices do not fit the shapes of "
                                                    f"{_shape_text(reading)}; not checked")
                values = _Values(ev, set(sizes) | set(defs))
                entries = [((i,), jac[i]) for i in range(v.rows)] if len(indices) == 1 else \
                    [((i, j), jac[i, j]) for i in range(jac.rows) for j in range(jac.cols)]
                right = sp.Matrix(len(entries), 1, lambda r, _: _Evaluator(
                    {k: sp.Matrix([[_entry_value(k, entries[r][0], values, indices)]]) for k in _names(rhs)},
                    {}, frozenset()).value(rhs)[0])
                left = sp.Matrix(len(entries), 1, lambda r, _: entries[r][1])
            except _NoEntry:
                break
            except KeyError as err:
                return MatrixOutcome("skipped", f"matrix notation: {err.args[0]} on the right is not an entry of a "
                                                "vector or matrix these notes define, nor δ of the indices; not checked")
            except (ValueError, ZeroDivisionError, TypeError, ArithmeticError):
                continue
            result = _compare(left, right)
            if result == "equal":
                equal += 1
            elif isinstance(result, tuple):
                differ += 1
                if example is None:
                    k = result[1][0]
                    example = (reading, entries[k][0], result[2], result[3])
        else:
            verdicts.append(draws_verdict(equal, differ))
            shapes.append(_shape_text(reading))
    where = "; or ".join(shapes)
    if verdicts and all(v == "equal" for v in verdicts):
        return MatrixOutcome("numeric", f"equal entry by entry at random values, {DRAWS} draws, shapes {where}")
    if not verdicts:
        return MatrixOutcome("skipped", "matrix notation: its indices fit no reading of the shapes; not checked")
    if all(v == "differ" for v in verdicts):
        if _sigmoid_of_vector(operand, defs):
            return MatrixOutcome("skipped", "matrix notation: differs with σ read entry by entry, but notes also write σ "
                                            "for the softmax; not judged")
        reading, point, a, b = example
        at = ", ".join(f"{i}={p + 1}" for i, p in zip(indices, point))
        return MatrixOutcome("wrong", f"the entries differ at random values, shapes {where}", None,
                             {"point": {k: f"{r}×{c}" for k, (r, c) in reading.shapes if (r, c) != (1, 1)},
                              "left": f"entry {at}: {_number_text(a)}",
                              "right": f"{_number_text(b)} (random entries; an entry differs on every one of {DRAWS} draws)"})
    return MatrixOutcome("skipped", f"matrix notation: no clear result entry by entry (shapes {where})")


class _Values(dict):
    """The value of each vector or matrix the right side takes entries of, computed when first asked."""

    def __init__(self, ev: _Evaluator, keys: set):
        super().__init__()
        self.ev, self.keys = ev, keys

    def __contains__(self, key) -> bool:
        return key in self.keys

    def __missing__(self, key):
        self[key] = self.ev.value(("name", Name(key)))
        return self[key]


def component_step(reader, seg, order: int, reached_by, step_type):
    """The claim of a row ``(∂u/∂v)_{ij} = …`` for matrices.py's ``reader`` (a ``step_type``, its
    MatrixStep), or None. Definitions: the matrix reader's, then any row it reads (``y = σ(z)``)."""
    found = read_component_row(seg.latex)
    if found is None:
        return None
    deriv, indices, rhs, _ = found
    rows = reader.layers.layers if reader.layers is not None else {}
    in_force = rows | {k: v for k, v in reader.ahead.items() if k not in reader.symmetric} | reader.defs
    reached = reached_by(in_force, (deriv, rhs))
    line = reader.line_of(seg.start + len(seg.latex) - len(seg.latex.lstrip()))
    return step_type(order, line, " ".join(seg.latex.split()).rstrip("\\ "), deriv, rhs, tuple(sorted(reached.items())),
                     frozenset({deriv[2].key}), frozenset(reader.symmetric), seg.start, seg.start + len(seg.latex),
                     component=indices, doubtful=frozenset(k for k in reached if k in reader.redefined
                                                            or (k not in reader.defs and k not in rows)))


def judge_component(step, seconds: float) -> MatrixOutcome:
    """The verdict on a claim written entry by entry, within ``seconds``."""
    try:
        outcome = run_with_budget(assess_component, (step.first, step.component, step.claim, dict(step.defs),
                                                     step.symmetric), seconds)
    except Overrun:
        return MatrixOutcome("skipped", f"matrix notation: no verdict within the time budget ({seconds:g} s per step)")
    except RuntimeError as err:
        return MatrixOutcome("skipped", f"matrix notation: could not evaluate: {err}")
    if outcome.verdict == "wrong" and step.doubtful:
        return MatrixOutcome("skipped", f"differs, but depends on {', '.join(sorted(step.doubtful))}, whose definition "
                                        "is read ahead of it or is one of several in these notes; not judged")
    return outcome
