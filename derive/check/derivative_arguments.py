r"""A derivative written with its function's own parameters: ``\frac{\partial J}{\partial w}(w,b)``.

Notes that define ``J(w,b) = …`` often write the partial derivative the way
the function was written, followed by the same argument list. That list says
which function the derivative is of and names no values: it is the derivative
itself. Read so when the list is exactly the parameters of an earlier
definition ``J(w,b) = …`` (same names, same order); any other list
(``(0, 1)``, ``(w, c)``, ``(w - 1)``) stays as written, where the reader
skips it ("a list of values in brackets") or reads a product.

The list is blanked to spaces in the segment, so offsets stay offsets.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .markdown import Segment

_NAME = r"(?:[A-Za-z]|\\[A-Za-z]+)(?:\s*_\s*(?:\{\s*[A-Za-z0-9]+\s*\}|[A-Za-z0-9]))?"
_LIST = r"(?:\\left\s*)?\((?P<inner>[^()]*?)(?:\\right\s*)?\)"
#: ``J(w, b) =`` at the start of a row: a function defined with its parameters.
_DEFINITION = re.compile(r"^\s*(?P<name>" + _NAME + r")\s*" + _LIST + r"\s*(?:=|:=|\\coloneqq(?![A-Za-z]))")
#: ``\frac{\partial J}{\partial w}(w,b)``, ``\dfrac{dJ}{dw}(w)``: a derivative fraction, then a list.
_DIFFERENTIAL = r"(?:\\partial(?![A-Za-z])|∂|d|\\mathrm\s*\{\s*d\s*\})"
_DERIVATIVE = re.compile(r"\\[dt]?frac\s*\{\s*" + _DIFFERENTIAL + r"\s*(?P<name>" + _NAME
                         + r")\s*\}\s*\{[^{}]*\}\s*(?P<list>" + _LIST + ")")
_PARAMETER = re.compile(_NAME)


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _parameters(inner: str) -> tuple[str, ...] | None:
    """The names of a parameter list, or None when it holds anything but names."""
    names = tuple(_squashed(p) for p in inner.split(","))
    return names if all(_PARAMETER.fullmatch(n) for n in names) else None


class FunctionParameters:
    """The parameters of the functions the notes have defined so far (``J`` → ``(w, b)``)."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[str, ...]] = {}

    def read(self, seg: Segment) -> Segment:
        """``seg`` with each derivative's own parameter list blanked, after
        learning the function ``seg`` defines, if it defines one."""
        definition = _DEFINITION.match(seg.latex)
        if definition:
            params = _parameters(definition.group("inner"))
            if params is not None:
                self.known[_squashed(definition.group("name"))] = params
        if not self.known or "frac" not in seg.latex:
            return seg
        chars, changed = list(seg.latex), False
        for m in _DERIVATIVE.finditer(seg.latex):
            params = self.known.get(_squashed(m.group("name")))
            if params is not None and _parameters(m.group("inner")) == params:
                chars[m.start("list"):m.end("list")] = " " * (m.end("list") - m.start("list"))
                changed = True
        return replace(seg, latex="".join(chars)) if changed else seg
