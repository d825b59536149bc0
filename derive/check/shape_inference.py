"""The shape of every node of a matrix claim under one reading (each free
name's kind fixed): sizes are dimension variables unified by union–find,
``1`` the only fixed size; a misfit raises :class:`Inconsistent`.
``shapes.py`` tries the readings."""
from __future__ import annotations

from .matrix_names import Name

SCALAR = "scalar"
#: The shape of a vector's derivative by a vector: (JACOBIAN, k, n).
JACOBIAN = "jacobian"
VECTOR = "vector"
MATRIX = "matrix"
#: A row vector, 1×n: only in the readings of row_vectors.py.
ROW = "row"


class Inconsistent(ValueError):
    """The shapes do not fit in this reading."""


class Unknown(ValueError):
    """The claim depends on something the notes do not define (∂L/∂W with no L)."""


class _Dims:
    """Union–find over dimension variables; variable 0 is the size 1."""

    def __init__(self) -> None:
        self.parent = [0]

    def fresh(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, d: int) -> int:
        while self.parent[d] != d:
            self.parent[d] = self.parent[self.parent[d]]
            d = self.parent[d]
        return d

    def unify(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if 0 in (ra, rb):  # a vector of length 1 is a scalar: that reading is tried on its own
            raise Inconsistent("a vector or matrix would need a size of 1")
        self.parent[rb] = ra


ZERO = ("num", "0")


class _Inference:
    def __init__(self, kinds: dict[str, str], defs: dict, stop: frozenset):
        self.kinds, self.defs, self.stop = kinds, defs, stop
        self.dims = _Dims()
        self.names: dict[str, object] = {}
        self.expanding: tuple = ()
        self.root: tuple | None = None  # the side being read: only a whole side may be a Jacobian

    def scalar(self, shape) -> bool:
        if shape != SCALAR and shape[0] == JACOBIAN:
            return False
        return shape == SCALAR or (self.dims.find(shape[0]) == 0 and self.dims.find(shape[1]) == 0)

    def name_shape(self, key: str):
        if key not in self.names:
            kind = self.kinds.get(key, SCALAR)
            if kind == SCALAR:
                self.names[key] = SCALAR
            elif kind == VECTOR:
                self.names[key] = (self.dims.fresh(), 0)
            elif kind == ROW:  # row_vectors.py: a 1×n row, tried when no column reading fits
                self.names[key] = (0, self.dims.fresh())
            else:
                self.names[key] = (self.dims.fresh(), self.dims.fresh())
        return self.names[key]

    def shape(self, node: tuple):
        kind = node[0]
        if kind == "num":
            return SCALAR
        if kind == "name":
            key = node[1].key
            if key in self.defs and key not in self.stop:
                if key in self.expanding:
                    raise Inconsistent(f"the definitions of {key} refer to each other")
                self.expanding += (key,)
                try:
                    return self.shape(self.defs[key])
                finally:
                    self.expanding = self.expanding[:-1]
            if key == "I":
                d = self.dims.fresh()
                return (d, d)
            return self.name_shape(key)
        if kind == "neg":
            return self.shape(node[1])
        if kind in ("add",):
            return self.same(node[1], node[2])
        if kind == "inner":  # Σ_ij a_ij b_ij of two arrays of one shape (layer_gradients.py's loss δ·z)
            a, b = self.shape(node[1]), self.shape(node[2])
            if self.scalar(a) != self.scalar(b):
                raise Inconsistent("an inner product of a scalar and a vector")
            if not self.scalar(a):
                self.unified(a, b)
            return SCALAR
        if kind == "had":
            a, b = self.shape(node[1]), self.shape(node[2])
            if self.scalar(a):
                return b
            if self.scalar(b):
                return a
            return self.unified(a, b)
        if kind in ("mul", "dot"):
            a, b = self.shape(node[1]), self.shape(node[2])
            if self.scalar(a):
                return b
            if self.scalar(b):
                return a
            if kind == "dot" and self.dims.find(a[1]) == 0 and self.dims.find(b[1]) == 0:
                self.dims.unify(a[0], b[0])  # w · x of two column vectors: an inner product
                return SCALAR
            self.dims.unify(a[1], b[0])
            out = (a[0], b[1])
            return SCALAR if self.scalar(out) else out
        if kind == "div":
            if not self.scalar(self.shape(node[2])):
                raise Inconsistent("a division by a vector or matrix")
            return self.shape(node[1])
        if kind == "T":
            a = self.shape(node[1])
            return a if self.scalar(a) else (a[1], a[0])
        if kind in ("inv", "pow"):
            a = self.shape(node[1])
            if not self.scalar(a):
                self.dims.unify(a[0], a[1])
            return a
        if kind == "norm":
            self.shape(node[1])
            return SCALAR
        if kind == "fn":
            return self.shape(node[2])
        if kind in ("grad", "deriv"):
            var, operand = (node[1], node[2]) if kind == "grad" else (node[2], node[1])
            self.check_operand(operand, var)
            defined = var.key in self.defs and var.key not in self.stop  # ∂L/∂z with z = Wx + b: z's shape
            f, v = self.shape(operand), (self.shape(("name", var)) if defined else self.name_shape(var.key))
            if self.scalar(f):
                return v
            if kind == "deriv" and self.scalar(v):
                return f
            return self.jacobian(node, f, v)
        raise Inconsistent(f"cannot read {kind}")

    def jacobian(self, node: tuple, f, v):
        """A vector's derivative by a vector, as a whole side only: (JACOBIAN, k, n),
        whose layout (k×n or n×k) is settled by the other side's shape."""
        length = [d for d in f if self.dims.find(d) != 0]
        if node is not self.root or self.scalar(v) or self.dims.find(v[1]) != 0 or len(length) != 1:
            raise Unknown("a derivative of a vector or matrix inside an expression (a Jacobian, whose layout "
                          "the notes do not fix)")
        return (JACOBIAN, length[0], v[0])

    def check_operand(self, operand: tuple, var: Name) -> None:
        """∂L/∂W of an L the notes never define is not 0: it is unknown."""
        node = operand
        while node[0] == "name" and node[1].key in self.defs and node[1].key not in self.stop:
            node = self.defs[node[1].key]
        if node[0] == "name" and node[1].key != var.key:
            raise Unknown(f"a derivative of {node[1].key}, which the notes do not define in a form read here")

    def same(self, a_node: tuple, b_node: tuple):
        if a_node == ZERO:
            return self.shape(b_node)
        if b_node == ZERO:
            return self.shape(a_node)
        a, b = self.shape(a_node), self.shape(b_node)
        for number, other in ((a_node, b), (b_node, a)):
            if _literal(number) and not self.scalar(other) and self.dims.find(other[1]) == 0:
                return other  # 1 - σ(z): a number taken from each entry of a vector
        return self.unified(a, b)

    def unified(self, a, b):
        if self.scalar(a) and self.scalar(b):
            return SCALAR
        if self.scalar(a) or self.scalar(b):
            raise Inconsistent("a scalar added to a vector or matrix")
        self.dims.unify(a[0], b[0])
        self.dims.unify(a[1], b[1])
        return a

    def layouts(self, a, b) -> tuple[str, ...]:
        """The layouts in which the Jacobian ``a`` has the shape ``b``."""
        if b == SCALAR or b[0] == JACOBIAN or self.scalar(b):
            return ()
        k, n = self.dims.find(a[1]), self.dims.find(a[2])
        rows, cols = self.dims.find(b[0]), self.dims.find(b[1])
        return tuple(name for name, shape in (("numerator", (k, n)), ("denominator", (n, k)))
                     if shape == (rows, cols))

    def equal_shapes(self, a, b) -> bool:
        if self.scalar(a) and self.scalar(b):
            return True
        if self.scalar(a) or self.scalar(b):
            return False
        return all(self.dims.find(x) == self.dims.find(y) for x, y in zip(a, b))


def _literal(node: tuple) -> bool:
    return node[0] == "num" or (node[0] == "neg" and node[1][0] == "num")
