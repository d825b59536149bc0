r"""Backpropagation rules through a layer: ``\delta = \frac{\partial L}{\partial z}``
names the gradient of a loss by a layer's output ``z = W a + b``, and the notes then
state ``\frac{\partial L}{\partial W} = \delta a^T``, ``\frac{\partial L}{\partial a} =
W^T\delta`` or ``\delta^{(1)} = (W^{(2)T}\delta^{(2)}) \odot \sigma'(z^{(1)})``.

Without more, ∂L/∂W of a loss the matrix reader cannot read (or the notes never
define) is unknown, so these rows were skipped. But the rule holds for *every* L
that depends on W only through z: by the chain rule ∂L/∂W_ij = Σ_k δ_k ∂z_k/∂W_ij
with δ = ∂L/∂z, so it is enough to check it for the loss ``L = δ·z`` with δ a free
vector (any value of δ is the gradient of such an L). Here:

* the layers are the rows ``z = …`` the matrix reader can read, from any row of
  the notes (a scalar row too: ``z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}``), the first
  definition of each name; a name defined twice differently, or through a function
  the reader does not know (``\text{ReLU}(z)``, ``f(z)``), is not a layer;
* the gradients are the rows that begin ``\delta = \frac{\partial L}{\partial z}``;
  when several name gradients of one L, the outermost layer (the one that reaches
  every other) carries the free δ, and every other δ is ∂L/∂z of it;
* a claim is read this way only when every derivative of L in it is by a name
  that layer reaches.

Trust first: ``numeric`` says the assumption (L depends on W only through z).
``wrong`` needs more: the notes define L in rows the matrix reader reads, that
reach the variable only through z (a loss with a penalty λ‖W‖² would not), or do
not define L at all; and the claim is written only in the names of its left side
(``δ aᵀ + λW`` with a λ from nowhere is skipped). Anything else is skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .matrix_latex import read_matrix_row
from .matrix_names import Name
from .matrix_tokens import MatrixSyntax, tokens

@dataclass(frozen=True)
class LayerReading:
    """How one claim reads through a layer: the definitions to judge it with
    (the loss replaced by ``δ·z``), and whether a difference may be called wrong."""

    defs: tuple  # ((name, node), …)
    loss: str
    delta: str
    layer: str
    #: why a difference may not be called wrong ("" when it may)
    doubt: str = ""


@dataclass(frozen=True)
class Layers:
    """The layers, gradients and loss rows of one set of notes."""

    layers: dict  # z -> node
    deltas: dict  # δ -> (L, z)
    #: L -> the nodes of its definitions (None for a row the matrix reader could not read)
    losses: dict


def _names(node) -> set[str]:
    out = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if n[0] == "name":
            out.add(n[1].key)
        stack.extend(c for c in n[1:] if isinstance(c, tuple))
    return out


def _calls_unknown(latex: str) -> bool:
    """A name applied to something (``f(z)``, ``relu(z)``): a function this reader does not know."""
    try:
        toks = tokens(latex)
    except MatrixSyntax:
        return True
    return any(a.kind in ("letter", "word", "greek", "unigreek") and b.kind == "punct" and b.text == "("
               for a, b in zip(toks, toks[1:]))


_TEXT = re.compile(r"\\(?:text|mbox|textrm)\s*\{")
#: ``\delta = \frac{\partial L}{\partial z}`` as the first link of a row (a chain or a list may follow).
_GROUP = r"(?:[^{}]|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})*"
_GRADIENT_ROW = re.compile(r"\s*(?P<head>[^=]+?)\s*=\s*(?P<deriv>\\[dt]?frac\s*\{\s*(?:\\partial|∂)" + _GROUP + r"\}\s*"
                           r"\{\s*(?:\\partial|∂)" + _GROUP + r"\})\s*(?:=|,|\\quad|\.?\s*$)")


def _gradient(latex: str):
    """(δ, L, z) for a row beginning ``δ = ∂L/∂z``, else None."""
    m = _GRADIENT_ROW.match(latex)
    if not m:
        return None
    try:
        chains = read_matrix_row(f"{m.group('head')} = {m.group('deriv')}")
    except (MatrixSyntax, ValueError, RecursionError):
        return None
    if len(chains) != 1:
        return None
    (chain,) = chains
    if len(chain.sides) != 2 or chain.continues:
        return None
    head, value = chain.sides[0].node, chain.sides[1].node
    if head[0] != "name" or value[0] != "deriv" or value[1][0] != "name":
        return None
    return head[1].key, value[1][1].key, value[2].key


def collect_layers(latexes) -> Layers:
    """The layers (``z = W a + b``), gradients (``δ = ∂L/∂z``) and loss rows of the notes' rows."""
    layers, twice, deltas, rows = {}, set(), {}, []
    for latex in latexes:
        found = _gradient(latex)
        if found is not None:
            delta, loss, z = found
            if deltas.setdefault(delta, (loss, z)) != (loss, z):
                deltas[delta] = None  # δ = ∂L/∂z and δ = ∂L/∂u: which one is meant is not certain
            continue
        try:
            chains = read_matrix_row(latex)
        except (MatrixSyntax, ValueError, RecursionError):
            rows.append((latex, None))
            continue
        for chain in chains:
            rows.append((latex, chain))
            head = chain.sides[0].node
            if chain.continues or chain.after_arrow or len(chain.sides) < 2 or head[0] != "name":
                continue
            key, value = head[1].key, chain.sides[1].node
            if any(r != "=" for r in chain.relations[:1]) or key in _names(value):
                continue
            written = latex[chain.sides[1].start:chain.sides[-1].end]
            if _TEXT.search(written) or _calls_unknown(written):
                twice.add(key)  # a = \text{ReLU}(z), a = f(z): not a layer this reader can follow
                continue
            if layers.setdefault(key, value) != value:
                twice.add(key)
    for key in twice:
        layers.pop(key, None)
    deltas = {k: v for k, v in deltas.items() if v is not None}
    losses = {}
    for loss in {lz[0] for lz in deltas.values()}:
        losses[loss] = tuple(_loss_rows(loss, rows))
    return Layers(layers, deltas, losses)


_HEAD = re.compile(r"\s*(?:\\mathcal\s*\{\s*)?([A-Za-z])\s*\}?\s*(?:\([^()=]*\))?\s*=")


def _loss_rows(loss: str, rows):
    for latex, chain in rows:
        if chain is None:
            m = _HEAD.match(latex)
            if m and m.group(1) == loss:
                yield None  # L = … in a row no reader here could read
            continue
        head = chain.sides[0].node
        if head[0] == "name" and head[1].key == loss and len(chain.sides) > 1 and not chain.continues:
            yield chain.sides[1].node


def _reach(node, defs: dict, stop: set) -> set[str]:
    seen, todo = set(), _names(node)
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        if key in defs and key not in stop:
            todo |= _names(defs[key])
    return seen


def _reach_all(nodes, defs: dict) -> set[str]:
    out = set()
    for node in nodes:
        out |= _reach(node, defs, set())
    return out


def _derivatives(nodes, defs: dict):
    """(operand name, variable) of every derivative the nodes reach through ``defs``."""
    out, seen, todo = set(), set(), list(nodes)
    while todo:
        n = todo.pop()
        if n[0] == "name" and n[1].key in defs and n[1].key not in seen:
            seen.add(n[1].key)
            todo.append(defs[n[1].key])
            continue
        if n[0] == "deriv" and n[1][0] == "name":
            out.add((n[1][1].key, n[2].key))
        elif n[0] == "grad" and n[2][0] == "name":
            out.add((n[2][1].key, n[1].key))
        todo.extend(c for c in n[1:] if isinstance(c, tuple))
    return out


def layer_reading(layers: Layers, nodes, in_force: dict) -> LayerReading | None:
    """The reading of a claim (its sides ``nodes``) through a layer, or None when
    it has no derivative of a loss that some ``δ = ∂L/∂z`` names."""
    if not layers.deltas:
        return None
    defs = {k: v for k, v in {**layers.layers, **in_force}.items() if k not in layers.deltas}
    found = _derivatives(nodes, defs)
    losses = {loss for loss, _ in found if any(loss == l for l, _ in layers.deltas.values())}
    losses |= {layers.deltas[d][0] for d in _reach_all(nodes, defs) if d in layers.deltas and d not in defs}
    if len(losses) != 1:
        return None
    (loss,) = losses
    if loss in in_force:
        return None  # the matrix reader reads L itself
    ours = {d: z for d, (l, z) in layers.deltas.items() if l == loss and z in defs}
    reach = {z: _reach(("name", Name(z)), defs, set()) for z in ours.values()}
    variables = {v for l, v in found if l == loss}
    named = _reach_all(nodes, {**defs, **{d: ("deriv", ("name", Name(loss)), Name(z)) for d, z in ours.items()}})
    below = lambda z, other: other == z or other in reach[z]  # other is z or feeds into it
    # the innermost layer that every variable feeds into and that no δ the claim names lies beyond
    fits = [z for z in set(ours.values())
            if (variables or named & set(ours)) and all(below(z, v) for v in variables)
            and all(below(z, ours[d]) for d in named if d in ours)]
    fits = [z for z in fits if not any(other != z and below(z, other) for other in fits)]
    if len(fits) != 1:
        return None
    layer = fits[0]
    (delta,) = [d for d, z in ours.items() if z == layer][:1] or [None]
    if delta is None or sum(z == layer for z in ours.values()) != 1:
        return None
    variables |= {ours[d] for d in named if d in ours and ours[d] != layer}  # δ^(1) = ∂L/∂z^(1): by z^(1)
    defs = {k: v for k, v in defs.items() if k not in ours and k != loss}
    defs[loss] = ("inner", ("name", Name(delta)), ("name", Name(layer)))  # Σ δ_k z_k: any gradient δ
    for d, z in ours.items():
        if d != delta and z in reach[layer]:
            defs[d] = ("deriv", ("name", Name(loss)), Name(z))
    doubt = _doubt(layers, loss, layer, variables, defs)
    # a layer that no variable feeds into is left a free name (a^(1) in ∂L/∂W^(2) = δ a^(1)T), and so is a variable
    kept = {k: v for k, v in defs.items()
            if k not in variables and (k in in_force or k == loss or k in ours or _reach(v, defs, set()) & variables)}
    return LayerReading(tuple(sorted(kept.items(), key=lambda kv: kv[0])), loss, delta, layer, doubt)


def _doubt(layers: Layers, loss: str, layer: str, variables: set, defs: dict) -> str:
    """Why a difference may not be called wrong: L may depend on the variable outside the layer."""
    rows = layers.losses.get(loss, ())
    if any(node is None for node in rows):
        return f"the notes define {loss} in a row this reader does not read"
    for node in rows:
        reached = _reach(node, defs, {layer})
        if layer not in reached:
            return f"the notes' {loss} is not read as a function of {layer}"
        if reached & variables:
            return f"the notes' {loss} holds {', '.join(sorted(reached & variables))} outside {layer}"
    return ""


def judge_through_layer(step, reading: LayerReading, seconds: float, assess, free_names):
    """The verdict on ``step`` read through ``reading`` (``assess`` is matrix_verdicts.py's
    judge of two sides under definitions; ``free_names`` shapes.py's)."""
    from .matrix_values import MatrixOutcome

    defs = dict(reading.defs)
    outcome = assess((step.first, step.claim), defs, step.stop, step.symmetric, seconds)
    assumed = (f"read through the layer {reading.layer}, with {reading.delta} = ∂{reading.loss}/∂{reading.layer}: "
               f"assuming {reading.loss} depends on the rest only through {reading.layer}")
    if outcome.verdict == "numeric":
        return MatrixOutcome("numeric", f"{outcome.reason}; {assumed}")
    if outcome.verdict != "wrong":
        return MatrixOutcome("skipped", f"{outcome.reason} ({assumed})")
    left, right = (set(free_names(side, defs, step.stop)) for side in (step.first, step.claim))
    doubt = reading.doubt or (f"the right side holds {', '.join(sorted(right - left))}, which the left side "
                              f"does not reach" if right - left else "")
    if not doubt and step.across_blocks:
        doubt = "it continues a chain of an earlier display, so what it continues is not certain"
    elif not doubt and step.doubtful & set(defs):
        doubt = f"{', '.join(sorted(step.doubtful & set(defs)))} is defined ahead of it or more than once"
    if doubt:
        return MatrixOutcome("skipped", f"matrix notation: differs when {reading.loss} depends on the rest only "
                                        f"through {reading.layer}, but {doubt}; not judged")
    return MatrixOutcome("wrong", f"{outcome.reason}; {assumed}", outcome.expected, outcome.counterexample)
