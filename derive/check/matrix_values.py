"""Judge a matrix claim at random small shapes: build every name as an
explicit SymPy matrix of random numbers, take gradients entry by entry
(``∂f/∂W_ij`` of the explicit ``f``), and compare the two sides entry by
entry on several draws.

``wrong`` needs every consistent reading of the names (see ``shapes.py``)
to differ on every draw that could be evaluated; ``numeric`` needs them all
to agree; anything else is skipped. Runs in the worker process under the
checker's time budget.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import sympy as sp

from .shape_inference import Inconsistent, Unknown
from .shapes import Reading, free_names, readings

DRAWS = 5
TOLERANCE = sp.Float("1e-12", 30)
#: A difference is a counterexample only when it is this large (relative).
CLEAR = sp.Float("1e-6", 30)


@dataclass(frozen=True)
class MatrixOutcome:
    verdict: str
    reason: str
    expected: str | None = None
    counterexample: dict | None = None


class _Eye:
    """The identity ``I`` times a scalar, sized by what it meets."""

    def __init__(self, scale=sp.Integer(1)):
        self.scale = scale


def _scale(v) -> bool:
    return isinstance(v, sp.MatrixBase) and v.shape == (1, 1)


def _mul(a, b):
    if isinstance(a, _Eye) and isinstance(b, _Eye):
        return _Eye(a.scale * b.scale)
    if isinstance(a, _Eye):
        return b * a.scale if not _scale(b) else _Eye(a.scale * b[0])
    if isinstance(b, _Eye):
        return a * b.scale if not _scale(a) else _Eye(b.scale * a[0])
    if _scale(a):
        return b * a[0]
    if _scale(b):
        return a * b[0]
    return a * b


def _add(a, b):
    if isinstance(a, _Eye) and isinstance(b, _Eye):
        return _Eye(a.scale + b.scale)
    if isinstance(a, _Eye):
        return sp.eye(b.rows) * a.scale + b
    if isinstance(b, _Eye):
        return a + sp.eye(a.rows) * b.scale
    if a.shape != b.shape and _scale(a):  # a number and a vector (shape_inference.py allows only that)
        return sp.ones(*b.shape) * a[0] + b
    if a.shape != b.shape and _scale(b):
        return a + sp.ones(*a.shape) * b[0]
    return a + b


def _sigmoid(x):
    return 1 / (1 + sp.exp(-x))


_FUNCTIONS = {"exp": sp.exp, "log": sp.log, "tanh": sp.tanh, "sigmoid": _sigmoid,
              "sigmoid'": lambda x: _sigmoid(x) * (1 - _sigmoid(x)), "tanh'": lambda x: 1 - sp.tanh(x) ** 2}


class _Evaluator:
    def __init__(self, env: dict, defs: dict, stop: frozenset, layout: str = "numerator"):
        self.env, self.defs, self.stop, self.layout = env, defs, stop, layout

    def value(self, node: tuple):
        kind = node[0]
        if kind == "num":
            return sp.Matrix([[sp.Rational(node[1])]])
        if kind == "name":
            key = node[1].key
            if key in self.defs and key not in self.stop:
                return self.value(self.defs[key])
            if key == "I" and key not in self.env:
                return _Eye()
            return self.env[key]
        if kind == "neg":
            return _mul(sp.Matrix([[-1]]), self.value(node[1]))
        if kind == "add":
            a, b = node[1], node[2]
            if a == ("num", "0"):
                return self.value(b)
            if b == ("num", "0"):
                return self.value(a)
            return _add(self.value(a), self.value(b))
        if kind == "mul":
            return _mul(self.value(node[1]), self.value(node[2]))
        if kind == "dot":
            a, b = self.value(node[1]), self.value(node[2])
            if (isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase) and not _scale(a) and not _scale(b)
                    and a.cols == 1 and b.cols == 1):
                return a.T * b
            return _mul(a, b)
        if kind == "inner":
            a, b = self.value(node[1]), self.value(node[2])
            return sp.Matrix([[sum(x * y for x, y in zip(a, b))]])
        if kind == "had":
            a, b = self.value(node[1]), self.value(node[2])
            if _scale(a) or _scale(b):
                return _mul(a, b)
            return a.multiply_elementwise(b)
        if kind == "div":
            return self.value(node[1]) / self.value(node[2])[0]
        if kind == "T":
            a = self.value(node[1])
            return a if isinstance(a, _Eye) else a.T
        if kind == "inv":
            a = self.value(node[1])
            return _Eye(1 / a.scale) if isinstance(a, _Eye) else a.inv()
        if kind == "pow":
            a = self.value(node[1])
            if isinstance(a, _Eye):
                return _Eye(a.scale ** node[2])
            return a ** node[2] if not _scale(a) else sp.Matrix([[a[0] ** node[2]]])
        if kind == "norm":
            a = self.value(node[1])
            return sp.Matrix([[sp.sqrt(sum(e**2 for e in a))]])
        if kind == "fn":
            f = _FUNCTIONS[node[1]]
            return self.value(node[2]).applyfunc(f)
        if kind == "grad":
            return self.derivative(node[2], node[1])
        if kind == "deriv":
            return self.derivative(node[1], node[2])
        raise ValueError(f"cannot evaluate {kind}")

    def derivative(self, operand: tuple, var) -> sp.Matrix:
        key = var.key
        # a variable the notes define (δ = ∂L/∂z with z = Wx + b) is taken at its defined value
        point = self.value(("name", var)) if key in self.defs and key not in self.stop else self.env[key]
        if not isinstance(point, sp.MatrixBase):
            raise ValueError("a derivative by the identity")
        marks = sp.Matrix(point.rows, point.cols, lambda i, j: sp.Symbol(f"∂{key}[{i},{j}]"))
        inner = _Evaluator({**self.env, key: marks}, self.defs, self.stop | {key}, self.layout)
        f = inner.value(operand)
        if isinstance(f, _Eye):
            raise ValueError("a derivative of the identity")
        back = dict(zip(marks, point))
        if f.shape == (1, 1):
            return marks.applyfunc(lambda m: sp.diff(f[0], m).xreplace(back))
        if marks.shape == (1, 1):  # a matrix by a scalar: entry by entry
            return f.applyfunc(lambda e: sp.diff(e, marks[0]).xreplace(back))
        # a vector by a vector (shape_inference.py allows it only as a whole side): ∂f_i/∂v_j at (i, j)
        jacobian = sp.Matrix(len(f), len(marks), lambda i, j: sp.diff(f[i], marks[j]).xreplace(back))
        return jacobian if self.layout == "numerator" else jacobian.T


def _nodes(node: tuple):
    yield node
    for child in node[1:]:
        if isinstance(child, tuple):
            yield from _nodes(child)


def _draw(reading: Reading, rng: random.Random, symmetric: frozenset) -> dict:
    env = {}
    for key, (r, c) in reading.shapes:
        values = sp.Matrix(r, c, lambda i, j: sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 9), rng.randint(1, 4)))
        if key in symmetric and r == c:
            values = (values + values.T) / 2
        env[key] = values
    return env


def _numbers(v) -> list | None:
    out = []
    for e in v:
        if e.is_Rational:
            out.append(e)
            continue
        n = sp.N(e, 30)
        if not n.is_number or n.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        re_, im = n.as_real_imag()
        if abs(im) > TOLERANCE:
            return None
        out.append(re_)
    return out


def _compare(left, right):
    """'equal', ('differ', index, l, r) or None (not evaluable)."""
    if isinstance(left, _Eye) or isinstance(right, _Eye):
        return None
    if left.shape != right.shape:
        if right.shape == (1, 1) and right[0] == 0:
            right = sp.zeros(*left.shape)
        elif left.shape == (1, 1) and left[0] == 0:
            left = sp.zeros(*right.shape)
        else:
            return None
    lv, rv = _numbers(left), _numbers(right)
    if lv is None or rv is None:
        return None
    worst = None
    for k, (a, b) in enumerate(zip(lv, rv)):
        gap = abs(a - b)
        scale = max(1, abs(a), abs(b))
        if gap > CLEAR * scale:
            return ("differ", divmod(k, left.cols), a, b)
        if gap > TOLERANCE * scale:
            worst = k
    return "equal" if worst is None else "unclear"


def _shape_text(reading: Reading) -> str:
    parts = [f"{_shown(k)} {r}×{c}" for k, (r, c) in reading.shapes if (r, c) != (1, 1)]
    scalars = [_shown(k) for k, (r, c) in reading.shapes if (r, c) == (1, 1)]
    text = ", ".join(parts)
    if scalars:
        text += ("; " if text else "") + ", ".join(scalars) + " scalar" + ("s" if len(scalars) > 1 else "")
    return text


def _shown(key: str) -> str:
    return key.replace("_hat", "\u0302")


def _number_text(v) -> str:
    return str(v) if v.is_Rational else f"{float(v):.8g}"


def draws_verdict(equal: int, differ: int) -> str:
    """What random draws say: "equal" when every draw that ran agreed, "differ" when
    at least 3 disagreed and none agreed (one odd draw is no counterexample), else "unclear"."""
    return "equal" if equal and not differ else "differ" if differ >= 3 and not equal else "unclear"


def assess_matrix(sides: tuple, defs: dict, stop: frozenset, symmetric: frozenset = frozenset(),
                  seed: int = 20240515) -> MatrixOutcome:
    """Compare ``sides[0]`` with ``sides[1]`` in every consistent reading."""
    left, right = (set(free_names(side, defs, stop)) for side in sides)
    derivative = any(n[0] in ("grad", "deriv") for side in sides for n in _nodes(side))
    if bool(left) != bool(right) and not derivative:
        return MatrixOutcome("skipped", "matrix notation: numbers claimed for an expression in names whose values "
                                        "the matrix reader does not know; not checked")
    if left - right and right - left:
        shown = lambda names: ", ".join(_shown(n) for n in sorted(names))
        return MatrixOutcome("skipped", f"matrix notation: the sides are written in different names ({shown(left - right)} "
                                        f"on the left, {shown(right - left)} on the right) and the notes do not say "
                                        "how they relate; not checked")
    try:
        found = readings(list(sides), defs, stop)
    except Unknown as err:
        return MatrixOutcome("skipped", f"matrix notation: {err}; not checked")
    except Inconsistent as err:
        return MatrixOutcome("skipped", f"matrix notation: the shapes cannot be read consistently ({err}); "
                                        "not judged as scalars")
    if all(all(shape == (1, 1) for _, shape in r.shapes) for r in found):
        return MatrixOutcome("skipped", "matrix notation, but every reading of it is scalar: left to the scalar "
                                        "reader, which knows the values the notes give; not checked")
    verdicts, first_wrong, shapes = [], None, []
    cases = [(reading, layout) for reading in found for layout in (reading.layouts or ("numerator",))]
    for reading, layout in cases:
        rng = random.Random(seed)
        equal = differ = 0
        example = None
        for _ in range(DRAWS):
            env = _draw(reading, rng, symmetric)
            ev = _Evaluator(env, defs, stop, layout)
            try:
                left, right = ev.value(sides[0]), ev.value(sides[1])
            except (ValueError, ZeroDivisionError, TypeError, ArithmeticError, sp.matrices.common.NonInvertibleMatrixError):
                continue
            result = _compare(left, right)
            if result == "equal":
                equal += 1
            elif isinstance(result, tuple):
                differ += 1
                example = example or result
        verdicts.append(draws_verdict(equal, differ))
        if verdicts[-1] == "differ" and first_wrong is None:
            first_wrong = (reading, example)
        shapes.append(_shape_text(reading) + (f", the Jacobian in {layout} layout" if reading.layouts else ""))
    where = "; or ".join(s or "all scalars" for s in shapes)
    if all(v == "equal" for v in verdicts):
        return MatrixOutcome("numeric", f"equal at random values, {DRAWS} draws, shapes {where}")
    if all(v == "differ" for v in verdicts):
        reading, (_, (i, j), a, b) = first_wrong
        point = {k: f"{r}×{c}" for k, (r, c) in reading.shapes if (r, c) != (1, 1)}
        return MatrixOutcome("wrong", f"the sides differ at random values, shapes {where}", None,
                             {"point": point, "left": f"entry ({i + 1},{j + 1}) = {_number_text(a)}",
                              "right": f"entry ({i + 1},{j + 1}) = {_number_text(b)} "
                                       f"(random entries; the sides differ on every one of {DRAWS} draws)"})
    if "differ" in verdicts and "equal" in verdicts:
        return MatrixOutcome("skipped", "matrix notation: true in one reading of the names and false in another "
                                        f"(shapes {where}); not checked")
    return MatrixOutcome("skipped", f"matrix notation: no clear result at random values (shapes {where})")
