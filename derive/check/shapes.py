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
variables); ``1`` is the only fixed size: see ``shape_inference.py``, which
reads the shapes under one reading.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

from .matrix_names import Name
from .row_vectors import row_candidates, transposed_names
from .shape_inference import JACOBIAN, MATRIX, SCALAR, VECTOR, ZERO, Inconsistent, Unknown, _Inference

#: At most this many readings of one claim are tried.
MAX_READINGS = 256
#: At most this many distinct sizes in one claim (each gets its own small number).
MAX_SIZES = 6


@dataclass(frozen=True)
class Reading:
    """One consistent reading: each free name's kind and shape, as sizes."""

    kinds: tuple[tuple[str, str], ...]
    shapes: tuple[tuple[str, tuple[int, int]], ...]
    #: for a Jacobian side: the layouts (numerator: ∂f_i/∂v_j at (i, j); denominator: its transpose)
    #: in which it has the other side's shape
    layouts: tuple[str, ...] = ()


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
        if n[0] == "T" and n[1][0] == "name" and (n[1][1].key not in defs or n[1][1].key in stop):
            out.setdefault(n[1][1].key, []).append(Name(n[1][1].key, True))  # transposed: not a scalar
        var = n[1] if n[0] == "grad" else n[2] if n[0] == "deriv" else None
        if var is not None and (var.key not in defs or var.key in stop):  # a defined one is read from its definition
            out.setdefault(var.key, []).append(var)
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


def readings(sides: list[tuple], defs: dict, stop: frozenset, rows: bool = False):
    """The consistent readings of ``sides`` (all must have one shape), as
    (Reading, ok) pairs; raises :class:`Unknown` when every reading needs an
    undefined derivative, :class:`Inconsistent` when none fits. When no reading
    fits, the vectors are read as rows (``rows``: row_vectors.py)."""
    names: dict[str, list[Name]] = {}
    for side in sides:
        for key, written in free_names(side, defs, stop).items():
            names.setdefault(key, []).extend(written)
    names.pop("I", None)
    if not rows:
        try:
            return _readings(sides, defs, stop, names, candidates)
        except Inconsistent:
            if not transposed_names(names) or any(_derivative(side, defs) for side in sides) \
                    or _columns_elsewhere(sides, defs, stop):
                raise
            try:
                return _readings(sides, defs, stop, names, row_candidates)
            except (Inconsistent, Unknown):
                pass
            raise
    return _readings(sides, defs, stop, names, row_candidates)


def _derivative(node: tuple, defs: dict, seen: frozenset = frozenset()) -> bool:
    """A derivative in ``node``, or in a definition it reaches (δ = ∂L/∂z)."""
    if node[0] in ("grad", "deriv"):
        return True
    if node[0] == "name" and node[1].key in defs and node[1].key not in seen:
        return _derivative(defs[node[1].key], defs, seen | {node[1].key})
    return any(_derivative(c, defs, seen) for c in node[1:] if isinstance(c, tuple))


def _columns_elsewhere(sides: list[tuple], defs: dict, stop: frozenset) -> bool:
    """True when a definition the sides reach reads with column vectors on its own
    (``z = W x + c``): the notes' convention is columns, so rows are not tried."""
    todo, seen = [n for side in sides for n in _walk_names(side)], set()
    while todo:
        key = todo.pop()
        if key in seen or key not in defs or key in stop:
            continue
        seen.add(key)
        todo += _walk_names(defs[key])
        own = {}
        for k, written in free_names(defs[key], defs, stop).items():
            own.setdefault(k, []).extend(written)
        own.pop("I", None)
        try:
            _readings([defs[key]], defs, stop, own, candidates)
            return True
        except (Inconsistent, Unknown):
            continue
    return False


def _walk_names(node: tuple) -> list[str]:
    if node[0] == "name":
        return [node[1].key]
    return [k for c in node[1:] if isinstance(c, tuple) for k in _walk_names(c)]


def _readings(sides: list[tuple], defs: dict, stop: frozenset, names: dict, kinds_of) -> list[Reading]:
    keys = sorted(names)
    options = [kinds_of(k, names[k]) for k in keys]
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
