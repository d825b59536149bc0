r"""How the names of a claim with sums over samples (``sample_sums.py``) link up:
``x^{(i)}``, ``x_i``, ``\mathbf x_i`` inside a sum over i are the i-th sample of the
*family* x; outside any sum, ``X`` is the matrix whose i-th row is ``x^{(i)T}`` and
``\mathbf y`` (or ``y``) the vector whose i-th entry is ``y^{(i)}``.

:func:`link` turns the sides (their definitions followed) into two trees: one for
the shapes (``shapes.py``), where every sample of a family is one name
``x[·]`` and ``X`` is ``𝟙 x[·]^T`` (𝟙 a column of the number of samples), and one
to evaluate (``sample_sum_values.py``), where the sum runs over the samples and
``X`` is stacked from them.

Trust first, the links are read only when they are plain; skipped, with the
reason, when: an index is used outside its sum, one family is written both
``x^{(i)}`` and ``x_j`` (samples and features), a sample carries a second index
(``x^{(i)}_j``), a component ``\theta_j`` sits next to its vector θ, the sums run
to different bounds, a derivative is taken by a sample, or a derivative's operand
holds a sample that is not data (``\hat y_i``, ``p_i``: the notes may define it in
terms of the variable in a row not read here).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .matrix_names import Name

_ACCENTS = r"(?:_(?:hat|bar|tilde|vec))*"
_SAMPLE = re.compile(r"(?P<base>[A-Za-z]+" + _ACCENTS + r")(?:\^\((?P<sup>[a-z])\)|_(?P<sub>[a-z]))(?P<acc>" + _ACCENTS + ")")
#: Families that are data (features and targets): a derivative holds them fixed.
DATA = frozenset({"x", "y", "t"})
#: The name of the column of ones that sizes X and y by the number of samples.
ONES = "𝟙"


def sample_of(key: str) -> tuple[str, str, str] | None:
    """(family, index, style) of a sample name: ``x^(i)`` → (x, i, sup), ``y_hat_i`` → (y_hat, i, sub)."""
    m = _SAMPLE.fullmatch(key)
    if not m:
        return None
    family = m.group("base") + m.group("acc")
    return family, m.group("sup") or m.group("sub"), "sup" if m.group("sup") else "sub"


def _walk(node):
    yield node
    for child in node[1:]:
        if isinstance(child, tuple):
            yield from _walk(child)


def has_sums(sides, defs: dict, stop: frozenset) -> bool:
    """Whether a sum is in the sides or in a definition they reach."""
    todo, seen = list(sides), set()
    while todo:
        for n in _walk(todo.pop()):
            if n[0] == "sum":
                return True
            if n[0] == "name" and n[1].key in defs and n[1].key not in stop and n[1].key not in seen:
                seen.add(n[1].key)
                todo.append(defs[n[1].key])
    return False


class Unlinked(ValueError):
    """The claim's samples do not link up plainly: the reason."""


@dataclass(frozen=True)
class Linked:
    """A claim with sums, ready to judge: its trees for the shapes and for evaluation."""

    shape_sides: tuple
    eval_sides: tuple
    families: tuple  # ((family, style), …)
    stacks: tuple  # ((name, "rows" | "entries", family), …)
    bound: str | None
    letters: tuple = ()  # ((family, the index it is first written with), …)


def _expand(node: tuple, defs: dict, stop: frozenset, seen: tuple = ()) -> tuple:
    if node[0] == "name":
        key = node[1].key
        if key in defs and key not in stop:
            if key in seen or len(seen) > 12:
                raise Unlinked(f"the definitions of {key} refer to each other")
            return _expand(defs[key], defs, stop, seen + (key,))
        return node
    return (node[0],) + tuple(_expand(c, defs, stop, seen) if isinstance(c, tuple) else c for c in node[1:])


def link(sides, defs: dict, stop: frozenset) -> Linked:
    """The linked trees of ``sides`` (definitions followed); raises :class:`Unlinked`."""
    sides = tuple(_expand(s, defs, stop) for s in sides)
    indices = {n[1] for s in sides for n in _walk(s) if n[0] == "sum"}
    bounds = {n[2] for s in sides for n in _walk(s) if n[0] == "sum" and n[2] is not None}
    if len(bounds) > 1:
        raise Unlinked(f"sums run to different bounds ({', '.join(sorted(bounds))})")
    families: dict[str, str] = {}
    letters: dict[str, str] = {}
    _collect(sides, (), indices, families, letters)
    free = {n[1].key for s in sides for n in _walk(s) if n[0] == "name"} - {
        n[1].key for s in sides for n in _walk(s) if n[0] == "name" and _in_family(n[1].key, indices)}
    for key in free:
        sample = sample_of(key)
        if sample is not None and sample[0] in families:
            raise Unlinked(f"{key} outside a sum over {sample[1]}, next to the sum's {sample[0]}: which term it is "
                           "is not certain")
        parts = key.split("_")
        if len(parts) == 2 and len(parts[1]) == 1 and parts[0] in free:
            raise Unlinked(f"{key} next to {parts[0]}: a component of a vector, which is not read here")
    stacks = {}
    for key in free:
        if key in families:
            stacks[key] = ("entries", key)
        elif len(key) == 1 and key.isupper() and key.lower() in families:
            stacks[key] = ("rows", key.lower())
    for s in sides:
        _derivatives(s, families, stacks)
    shape_sides = tuple(_shape_tree(s, stacks, indices) for s in sides)
    eval_sides = tuple(_eval_tree(s, stacks) for s in sides)
    return Linked(shape_sides, eval_sides, tuple(sorted(families.items())),
                  tuple(sorted((k, kind, f) for k, (kind, f) in stacks.items())), next(iter(bounds), None),
                  tuple(sorted(letters.items())))


def _in_family(key: str, indices: set) -> bool:
    sample = sample_of(key)
    return sample is not None and sample[1] in indices


def _collect(nodes, scope: tuple, indices: set, families: dict, letters: dict) -> None:
    for node in nodes:
        if node[0] == "sum":
            if node[1] in scope:
                raise Unlinked(f"a sum over {node[1]} inside a sum over {node[1]}")
            _collect((node[3],), scope + (node[1],), indices, families, letters)
            continue
        if node[0] == "name":
            key = node[1].key
            if key in indices:
                raise Unlinked(f"the index {key} is used as a name")
            sample = sample_of(key)
            if sample is not None and sample[1] in indices:
                family, index, style = sample
                if index not in scope:
                    raise Unlinked(f"{key} is used outside its sum over {index}")
                letters.setdefault(family, index)
                if families.setdefault(family, style) != style:
                    raise Unlinked(f"{family} is written both with a superscript (i) and a subscript: samples "
                                   "and features cannot be told apart")
            elif any(re.search(rf"(?:_|\(){i}(?:\)|$|_|\^)", key) or re.search(rf"_[a-z]*{i}[a-z]*$", key)
                     for i in indices):
                raise Unlinked(f"{key} carries a sum's index with another one (an entry of a sample, "
                               "x^(i)_j), which is not read here")
            continue
        if node[0] in ("grad", "deriv"):
            var = node[1] if node[0] == "grad" else node[2]
            if _in_family(var.key, indices):
                raise Unlinked(f"a derivative by the sample {var.key}")
        _collect([c for c in node[1:] if isinstance(c, tuple)], scope, indices, families, letters)


def _derivatives(node: tuple, families: dict, stacks: dict) -> None:
    """A derivative of a sum holds data samples fixed; any other sample (ŷ_i, p_i) may
    depend on the variable through a row not read here."""
    for n in _walk(node):
        if n[0] not in ("grad", "deriv"):
            continue
        operand, var = (n[2], n[1]) if n[0] == "grad" else (n[1], n[2])
        names = {m[1].key for m in _walk(operand) if m[0] == "name"}
        if operand[0] == "name" and operand[1].key != var.key:
            raise Unlinked(f"a derivative of {operand[1].key}, which the notes do not define in a form read here")
        if var.key in stacks:
            raise Unlinked(f"a derivative by {var.key}, which is made of the samples")
        if var.key not in names:
            raise Unlinked(f"a derivative by {var.key} of something not written in {var.key}")
        for key in names - {var.key}:
            sample = sample_of(key)
            family = sample[0] if sample else None
            if family in families and family not in DATA:
                raise Unlinked(f"a derivative of a sum that holds {key}, which may depend on {var.key} "
                               "through a row not read here")
            if family is None and ("_hat" in key or re.search(rf"_{re.escape(var.key)}$", key)):
                raise Unlinked(f"a derivative of a sum that holds {key}, which may depend on {var.key}")
            if family is None and key in families and key not in DATA:
                raise Unlinked(f"a derivative of a sum that holds {key}, which may depend on {var.key}")


def _placeholder(key: str, bold: bool, index: str | None) -> Name:
    family = sample_of(key)[0]
    return Name(f"{family}[{index or '·'}]", bold)


def _shape_tree(node: tuple, stacks: dict, indices: set) -> tuple:
    if node[0] == "sum":
        return _shape_tree(node[3], stacks, indices)
    if node[0] == "name":
        key = node[1].key
        if key in stacks:
            kind, family = stacks[key]
            sample = ("name", Name(f"{family}[·]"))
            return ("mul", ("name", Name(ONES, True)), ("T", sample) if kind == "rows" else sample)
        if _in_family(key, indices):
            return ("name", _placeholder(key, node[1].bold, None))
        return node
    return (node[0],) + tuple(_shape_tree(c, stacks, indices) if isinstance(c, tuple) else c for c in node[1:])


def _eval_tree(node: tuple, stacks: dict, scope: tuple = ()) -> tuple:
    if node[0] == "sum":
        return ("sum", node[1], node[2], _eval_tree(node[3], stacks, scope + (node[1],)))
    if node[0] == "name":
        key = node[1].key
        if key in stacks:
            kind, family = stacks[key]
            return ("stack", kind, family)
        sample = sample_of(key)
        if sample is not None and sample[1] in scope:
            return ("name", _placeholder(key, node[1].bold, sample[1]))
        return node
    return (node[0],) + tuple(_eval_tree(c, stacks, scope) if isinstance(c, tuple) else c for c in node[1:])


__all__ = ["DATA", "Linked", "ONES", "Unlinked", "has_sums", "link", "sample_of"]
