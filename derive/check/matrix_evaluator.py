"""Evaluate a matrix claim's tree (``matrix_latex.py``) at explicit SymPy
matrices: each name bound to a matrix (or a scalar as a 1×1 matrix), the
identity ``I`` sized by what it meets, and a gradient ``∂f/∂W`` taken entry by
entry of the explicit ``f``, in numerator or denominator layout. Used by
``matrix_values.py`` (and ``component_jacobians.py``) on random draws.
"""
from __future__ import annotations

import sympy as sp


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
        inner = type(self)({**self.env, key: marks}, self.defs, self.stop | {key}, self.layout)
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
