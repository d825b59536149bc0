r"""Lists of numbers compared component by component.

Worked examples of small networks write a layer's values as a list:
``\left[\frac{1}{1+e^{-2.0}}, \frac{1}{1+e^{-2.4}}\right] \approx [0.8808, 0.9084]``
or ``[0.9 - 0.0042, 0.1 - 0.0043] = [0.8958, 0.0957]``. The reader does not
read a list as one expression, so such a row is skipped; but a link between
two lists of the same length whose components are all numbers is a claim
about each component, and each is checked as a chain of numbers is (the
printed decimals, the rounding of its inputs): a wrong component is wrong,
and the verdict says which.

A list with a name in it (``[w_1, 0.5]``), lists of different lengths, a
list next to anything other than a list (``0.0478 \times [0.9, 0.1]``) and
round brackets (``(a, b)``, which are as often a function's arguments) are
left as they were: the row stays skipped. Only the links between lists are
read; the rest of the row keeps the reason it was skipped with.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

import sympy as sp

from .chain_links import _Chain
from .derivation import Step
from .latex import Expression, parse_statement
from .latex_errors import LatexError
from .markdown import Segment

#: ``=`` or ``\approx`` between two parts of a row, outside every bracket.
_RELATION = re.compile(r"\\approx(?![A-Za-z])|≈|=")
#: Spacing that may stand before a component: ``[a, \, b]``.
_SPACING = re.compile(r"(?:\s|\\[,;:! ]|\\quad(?![A-Za-z])|\\qquad(?![A-Za-z]))*")
_OPEN = re.compile(r"\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\[")
_CLOSE = re.compile(r"(?:\\right\s*|\\[bB]igg?r?\s*)?\]\s*(?:[.,;]\s*)?$")  # a full stop after it is prose
#: More components than this is not a worked example's layer.
MAX_COMPONENTS = 64


@dataclass(frozen=True)
class ComponentStep(Step):
    """One component of a link between two lists of numbers: ``component`` of ``length``."""

    component: int = 0
    length: int = 0


def _split(text: str, separator: re.Pattern) -> list[tuple[int, int, str]]:
    """(start, end, what stood before) of the pieces of ``text`` between the
    matches of ``separator`` outside any bracket; ``:=``, ``\\leq`` and the
    like are not an ``=``."""
    pieces, depth, start, before, k = [], 0, 0, "", 0
    while k < len(text):
        ch = text[k]
        if ch == "\\" and k + 1 < len(text) and not text[k + 1].isalpha():
            k += 2  # \{ \, \\: not a bracket, a comma or a relation
            continue
        depth += ch in "([{"
        depth -= ch in ")]}"
        m = separator.match(text, k) if depth == 0 else None
        if m is not None and not (m.group() == "=" and k and text[k - 1] in ":!<>"):
            pieces.append((start, k, before))
            start, before, k = m.end(), m.group(), m.end()
            continue
        k += 1
    return pieces + [(start, len(text), before)]


def _components(text: str, offset: int) -> list[Expression] | None:
    """The components of ``text`` when it is exactly one bracketed list of two
    numbers or more (each an expression with no name), at their offsets; else None."""
    opened, closed = _OPEN.match(text), _CLOSE.search(text)
    if opened is None or closed is None or opened.end() > closed.start():
        return None
    inner_start = opened.end()
    inner = text[inner_start:closed.start()]
    if min((depth for depth in _depths(inner)), default=0) < 0:
        return None  # [a] + [b]: the first bracket closes before the end
    parts = _split(inner, re.compile(","))
    if not 2 <= len(parts) <= MAX_COMPONENTS:
        return None
    found = []
    for start, end, _ in parts:
        start = _SPACING.match(inner, start).end()
        piece = inner[start:end]
        value = _number(piece)
        if value is None:
            return None
        at = offset + inner_start + start
        found.append(Expression(value, at, at + len(piece.rstrip()), " ".join(piece.split())))
    return found


def _depths(text: str):
    depth = 0
    for ch in text:
        depth += ch in "([{"
        depth -= ch in ")]}"
        yield depth


#: A product sign between the factors of a number times a list.
_TIMES = re.compile(r"\\cdot(?![A-Za-z])|\\times(?![A-Za-z])|[×·⋅*]")
_PLAIN_NUMBER = re.compile(r"[-−]?\d*\.?\d+")


def _number(text: str) -> sp.Expr | None:
    """The value of ``text`` when it is one expression without names, else None."""
    try:
        pieces = parse_statement(text).pieces
    except LatexError:
        return None
    if len(pieces) != 1 or len(pieces[0].exprs) != 1 or pieces[0].continues:
        return None
    value = pieces[0].exprs[0].value
    return value if not value.free_symbols and value.is_number else None


def _a_sum(text: str) -> bool:
    """Whether ``text`` adds or subtracts outside every bracket (after a leading sign)."""
    body = text.strip().lstrip("-−").lstrip()
    return any(depth == 0 and ch in "+-−" for ch, depth in zip(body, _depths(body)))


def _scaled_components(text: str, offset: int) -> list[Expression] | None:
    """``-0.404 \\times [0.55, 0.60]`` or ``0.5 \\cdot [a, b] \\cdot [c, d]``: a
    product of numbers and lists of numbers of one length, read component by
    component (a number scales each component, lists multiply component by
    component: only that gives a list of their length); None for anything else."""
    factors = _split(text, _TIMES)
    if len(factors) < 2:
        return None
    lists, shown = [], []
    for start, end, _ in factors:
        factor = text[start:end]
        found = _components(factor, offset + start)
        if found is not None:
            lists.append(found)
            shown.append(found)
        elif _a_sum(factor) or _number(factor) is None:
            return None
        else:
            shown.append(" ".join(factor.split()))
    if not lists or len({len(found) for found in lists}) != 1:
        return None
    components = []
    for k in range(len(lists[0])):
        written = [f if isinstance(f, str) else f[k].text if _PLAIN_NUMBER.fullmatch(f[k].text) else f"({f[k].text})"
                   for f in shown]
        product = " \\cdot ".join(written)
        value = _number(product)
        if value is None:
            return None
        components.append(Expression(value, offset + factors[0][0], offset + factors[-1][1], product))
    return components


def list_links(latex: str) -> list[tuple[list[list[Expression]], tuple[str, ...]]]:
    """The runs of lists of numbers in a row, linked by ``=`` or ``≈`` and of
    one length: (the lists, the relation before each list after the first).
    The first list of a run may be a number times a list (``0.5 \\times [a, b]``);
    the others, the claims, are written as lists."""
    runs, lists, relations = [], [], []
    for start, end, before in _split(latex, _RELATION):
        found = _components(latex[start:end], start)
        linked = found is not None and lists and before in ("=", "\\approx", "≈") and len(found) == len(lists[-1])
        if linked:
            lists.append(found)
            relations.append("≈" if before != "=" else "=")
            continue
        if len(lists) > 1:
            runs.append((lists, tuple(relations)))
        found = found if found is not None else _scaled_components(latex[start:end], start)
        lists, relations = ([found] if found is not None else []), []
    if len(lists) > 1:
        runs.append((lists, tuple(relations)))
    return runs


def read_list_links(reader, seg: Segment) -> int:
    """Add each link between lists of numbers in the row ``seg`` (which the
    reader could not read whole) as one claim per component; how many were added."""
    added = 0
    for lists, relations in list_links(seg.latex):
        length = len(lists[0])
        for k in range(length):
            before = len(reader.claims)
            first = lists[0][k]
            reader.add_steps(_Chain(first, None, last=first), [found[k] for found in lists[1:]], relations, seg)
            for order in range(before, len(reader.claims)):
                claim = reader.claims[order]
                if type(claim) is Step:
                    reader.claims[order] = ComponentStep(**{f.name: getattr(claim, f.name) for f in fields(Step)},
                                                         component=k + 1, length=length)
            added += len(reader.claims) - before
    return added
