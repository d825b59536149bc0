"""Which names are scalars, vectors and matrices, and the shapes that make a
matrix claim read consistently.

A name's *kind* comes from how the notes write it: bold or transposed
lowercase names are column vectors, bold or transposed capitals matrices;
a plain capital may be a matrix or a scalar (``N`` in ``\\frac{1}{N}``),
a plain lowercase name a scalar or a vector. Every assignment of the kinds
left open is a *reading*; a reading is kept only when every product, sum
and gradient in both sides has matching shapes **and** the two sides come
out with the same shape without forcing two sizes to be equal. So
``X^T X = X X^T`` (q×q against p×p) has no reading and is skipped, never
judged. Shapes are sizes up to unification (union–find over dimension
variables); ``1`` is the only fixed size.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

from .matrix_names import Name

SCALAR = "scalar"
#: The shape of a vector's derivative by a vector: (JACOBIAN, k, n).
JACOBIAN = "jacobian"
VECTOR = "vector"
MATRIX = "matrix"
#: At most this many readings of one claim are tried.
MAX_READINGS = 256
#: At most this many distinct sizes in one claim (each gets its own small number).
MAX_SIZES = 6


class Inconsistent(ValueError):
    """The shapes do not fit in this reading."""


class Unknown(ValueError):
    """The claim depends on something the notes do not define (∂L/∂W with no L)."""


@dataclass(frozen=True)
class Reading:
    """One consistent reading: each free name's kind and shape, as sizes."""

    kinds: tuple[tuple[str, str], ...]
    shapes: tuple[tuple[str, tuple[int, int]], ...]
    #: for a Jacobian side: the layouts (numerator: ∂f_i/∂v_j at (i, j); denominator: its transpose)
    #: in which it has the other side's shape
    layouts: tuple[str, ...] = ()


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
            f, v = self.shape(operand), self.name_shape(var.key)
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


def free_names(node: tuple, defs: dict, stop: frozenset, seen: tuple = ()) -> dict[str, list[Name]]:
    """Every name the sides reach (through definitions), with each way it is written."""
    out: dict[str, list[Name]] = {}

    def walk(n: tuple, seen: tuple) -> None:
        if n[0] == "name":
            key = n[1].key
            if key in defs and key not in stop and key not in seen:
                walk(defs[key], seen + (key,))
                return
            out.setdefault(key, []).append(n[1])
            return
        if n[0] == "T" and n[1][0] == "name":
            out.setdefault(n[1][1].key, []).append(Name(n[1][1].key, True))  # transposed: not a scalar
        if n[0] == "grad":
            out.setdefault(n[1].key, []).append(n[1])
        if n[0] == "deriv":
            out.setdefault(n[2].key, []).append(n[2])
        for child in n[1:]:
            if isinstance(child, tuple):
                walk(child, seen)

    walk(node, seen)
    return out


def candidates(key: str, written: list[Name]) -> list[str]:
    """The kinds a free name may have, most likely first."""
    head = key.split("_")[0].split("^")[0]
    capital = head[:1].isupper()
    if any(n.bold for n in written):
        return [MATRIX] if capital else [VECTOR]
    return [MATRIX, SCALAR] if capital else [SCALAR, VECTOR]


def readings(sides: list[tuple], defs: dict, stop: frozenset):
    """The consistent readings of ``sides`` (all must have one shape), as
    (Reading, ok) pairs; raises :class:`Unknown` when every reading needs an
    undefined derivative, :class:`Inconsistent` when none fits."""
    names: dict[str, list[Name]] = {}
    for side in sides:
        for key, written in free_names(side, defs, stop).items():
            names.setdefault(key, []).extend(written)
    names.pop("I", None)
    keys = sorted(names)
    options = [candidates(k, names[k]) for k in keys]
    total = 1
    for o in options:
        total *= len(o)
    if total > MAX_READINGS:
        raise Inconsistent(f"too many ways to read the names ({total})")
    found, unknown, why = [], None, ""
    for choice in itertools.product(*options):
        kinds = dict(zip(keys, choice))
        inference = _Inference(kinds, defs, stop)
        try:
            shapes = []
            for side in sides:
                inference.root = side
                shapes.append(inference.shape(side))
        except Unknown as err:
            unknown = err
            continue
        except Inconsistent as err:
            why = why or str(err)  # the reason of the likeliest reading
            continue
        base, layouts = shapes[0], ()
        jacobians = [s for s in shapes if s != SCALAR and s[0] == JACOBIAN]
        if jacobians:
            layouts = inference.layouts(*shapes) if shapes[0] in jacobians else inference.layouts(*shapes[::-1])
            if len(jacobians) > 1 or len(sides) != 2 or not layouts:
                why = why or "a Jacobian whose shape fits no layout of the other side"
                continue
        elif not all(inference.equal_shapes(base, s) for s, side in zip(shapes[1:], sides[1:]) if side != ZERO):
            why = why or "the two sides have different shapes"
            continue
        roots = sorted({inference.dims.find(d) for s in inference.names.values() if s != SCALAR for d in s} - {0})
        if len(roots) > MAX_SIZES:
            why = "too many different sizes"
            continue
        size = {0: 1} | {r: n for r, n in zip(roots, (3, 2, 4, 5, 6, 7))}
        shaped = tuple(sorted((k, (1, 1) if s == SCALAR else (size[inference.dims.find(s[0])],
                                                               size[inference.dims.find(s[1])]))
                              for k, s in inference.names.items()))
        found.append(Reading(tuple(sorted(kinds.items())), shaped, layouts))
    if not found:
        if unknown is not None:
            raise unknown
        raise Inconsistent(why or "no reading fits")
    return found
