r"""A superscript that holds a layer index and a transpose at once: ``W^{(2)T}``,
``a^{[l]\top}``, ``h^{(t)\intercal}``.

Notes on networks write the transpose of the layer-2 weights as ``W^{(2)T}``
rather than ``(W^{(2)})^T``. Read as scalars that is W raised to the power
2·T, a product with a name T that appears nowhere else, which turns a true
backward step into a "wrong" one. It is matrix notation, like ``(W^{(2)})^T``:
refused with that message, so the row is read (or skipped) as matrix notation.
"""
from __future__ import annotations

import re

from .latex_errors import LatexError

#: ``^{(2)T}``, ``^{[l]\top}``, ``^{ (k) \mathsf{T} }``: a bracketed index, then the transpose mark.
_INDEX_THEN_TRANSPOSE = re.compile(
    r"\^\s*\{\s*(?:\(\s*[A-Za-z0-9+\-\s]+\)|\[\s*[A-Za-z0-9+\-\s]+\])\s*"
    r"(?:T|\\top|\\intercal|\\mathsf\s*\{\s*T\s*\}|\\mathrm\s*\{\s*T\s*\})\s*\}")


def index_transpose_refused(latex: str) -> str:
    """``latex`` unchanged; raises :class:`LatexError` (matrix notation) at a
    superscript that holds an index and a transpose (``W^{(2)T}``)."""
    m = _INDEX_THEN_TRANSPOSE.search(latex)
    if m:
        raise LatexError(f"matrix notation ({' '.join(m.group(0).split())}: a transpose of an indexed name): "
                         "vectors and matrices are not checked as scalars", m.start(), notation=True)
    return latex
