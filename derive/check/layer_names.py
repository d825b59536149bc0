r"""Layer letters as superscripts: ``b^l_j``, ``\delta^l``, ``w^{l+1}_{kj}``, ``a^{l-1}_k``, ``z^L_j``.

Proofs of backpropagation number layers with a letter over each name
(``z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j``, ``\frac{\partial C}{\partial b^l_j} = \delta^l_j``).
Read as powers, a derivative by ``b^l_j`` is a derivative by a power and the row was not read,
and ``z^l_j = …`` was no definition of anything.

Only in notes that clearly number layers this way: the same letter over names appears
shifted (``^{l+1}`` or ``^{l-1}``) or both as ``l`` and ``L``; ``x^l`` alone (a polynomial's
``\sum_l c_l x^l``) stays a power. There each ``name^l`` (``^L``, ``^{l+1}``, ``^{l-1}``, ``^{L-1}``)
is one name: the superscript becomes :data:`LAYER_MARK` (same length, a subscript written
after it moves before it), and the grammar reads ``b_j`` + mark + ``l`` as the name ``b_j^l``.
A name applied to a bracket (``\sigma^l(z)``, ``g^L(x)``), Euler's e and operators are left alone.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

#: Stands for the ``^`` of a layer superscript; the grammar's MARK reads it (grammar.py).
LAYER_MARK = "\ue004"

_LAYER = r"(?:\{\s*[lL]\s*(?:[+-]\s*1\s*)?\}|[lL](?![A-Za-z0-9]))"
_SCRIPT = r"(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))"
#: A name, an optional subscript, a layer superscript, an optional subscript after it.
_LAYERED = re.compile(r"(?P<base>\\[A-Za-z]+|(?<![\\A-Za-z])[A-Za-z])(?P<before>\s*" + _SCRIPT + r")?"
                      r"\s*\^\s*(?P<layer>" + _LAYER + r")(?P<after>\s*" + _SCRIPT + r")?(?P<call>\s*(?:\\left\s*)?\()?")
#: Bases that are functions, Euler's e, or operators: never a layered name.
_NOT_NAMES = {"e", "f", "g", "h", "\\sigma", "\\phi", "\\varphi", "\\sum", "\\prod", "\\int", "\\max", "\\min",
              "\\exp", "\\log", "\\ln", "\\tanh", "\\left", "\\right", "\\partial", "\\nabla", "\\mathbb"}


def _shape(layer: str) -> str:
    return "".join(layer.split()).strip("{}")


def layer_letters_used(latexes: Iterable[str]) -> frozenset:
    """The bases the notes (their rows ``latexes``) write under a layer letter, when the
    notes clearly number layers (a shifted layer ``l+1``/``l-1``, or both ``l`` and ``L``); else empty."""
    bases, shapes = set(), set()
    for latex in latexes:
        for m in _LAYERED.finditer(latex):
            if m.group("base") in _NOT_NAMES or m.group("call"):
                continue
            bases.add(m.group("base"))
            shapes.add(_shape(m.group("layer")))
    shifted = any(s in shapes for s in ("l+1", "l-1", "L-1", "L+1"))
    both = "l" in shapes and "L" in shapes
    return frozenset(bases) if shifted or both else frozenset()


def layer_names_marked(latex: str, bases: frozenset) -> str:
    """``latex`` with each ``base^layer`` of ``bases`` written ``base_sub`` + mark + layer (same length)."""
    if not bases or "^" not in latex:
        return latex

    def marked(m: re.Match) -> str:
        if m.group("base") not in bases or m.group("base") in _NOT_NAMES or m.group("call") or (
                m.group("before") and m.group("after")):
            return m.group(0)
        script = (m.group("before") or m.group("after") or "").strip()
        new = m.group("base") + script + LAYER_MARK + "".join(m.group("layer").split())
        return new + " " * (len(m.group(0)) - len(new))

    return _LAYERED.sub(marked, latex)
