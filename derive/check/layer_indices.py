r"""Superscripts that number layers: ``a^1``, ``z^2``, ``W^{l+1}``, ``\delta^l``.

Notes on networks often write the layer as a bare superscript (``z^1 = W^1 x
+ b^1``, ``a^2 = \sigma(z^2)``) rather than ``a^{(2)}`` or ``a^{[2]}``. Read as
powers, ``a^2 = \sigma(z^2)`` says a·a = σ(z·z) and a true row turns "wrong".
A name the notes raise to 1 (nobody writes ``b^1`` for b) or to the layer
letter (``z^l``, ``W^{l+1}``, ``\delta^{L}``) is a name with layer indices in
those notes; a "wrong" verdict on a row that raises it to anything is not
certain, and verdicts.py skips it with the reason given here. So are names the notes put an
index letter over (``s^i``, ``(e^z)^j``): there a superscript is a component.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

#: ``a^1``, ``W^{1}``, ``z^l``, ``\delta^{l+1}``, ``W^{L-1}``: a name over 1 or over the layer letter.
_LAYER_SUPERSCRIPT = re.compile(
    r"(\\?[A-Za-z]+)\s*\^\s*(?:\{\s*(1|[lL](?:\s*[+-]\s*1)?)\s*\}|(1|[lL])(?![A-Za-z0-9]))")
#: Bases that are not names of a quantity: Euler's e, operators, number sets.
_NOT_NAMES = {"e", "\\sum", "\\prod", "\\int", "\\mathbb", "\\max", "\\min", "\\lim", "\\log", "\\exp"}


def layer_index_bases(latexes) -> dict[str, str]:
    """For each name the notes (the ``latexes`` of their claims) write with a
    layer superscript, the reason a power of it is not judged."""
    found: dict[str, str] = {}
    for latex in latexes:
        for m in _LAYER_SUPERSCRIPT.finditer(latex):
            base = m.group(1)
            if base in _NOT_NAMES or base in found:
                continue
            written = " ".join(m.group(0).split())
            found[base] = (f"these notes number layers with superscripts ({written}), so {base} raised to a "
                           f"number may be {base} of that layer, not a power; not checked")
    return found


#: A superscript that is an index letter (sⁱ, (eᶻ)ʲ), after the name or bracket it decorates.
_INDEX_SUPERSCRIPT = re.compile(r"(\\?[A-Za-z]+|\)|\})\s*\^\s*(?:\{\s*([ijk])\s*\}|([ijk])(?![A-Za-z]))")
_POWER = re.compile(r"(\\?[A-Za-z]+|\)|\})\s*\^")


def superscript_indices(latexes: Iterable[str]) -> frozenset:
    """The names (and closing brackets) the notes' claims ``latexes`` put an index
    letter over (``s^i``, ``(e^z)^j``): there a superscript is a component, not a power."""
    return frozenset(m.group(1) for latex in latexes for m in _INDEX_SUPERSCRIPT.finditer(latex))


def indexed_power(latex: str, bases: frozenset) -> str:
    """The first base in ``latex`` raised to something, among ``bases``; "" if none."""
    for m in _POWER.finditer(latex):
        if m.group(1) in bases:
            return m.group(1)
    return ""
