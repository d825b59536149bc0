"""Rows in scalar notation about a name only a matrix row defines.

``z = w^Tx + b`` is matrix notation: the matrix reader reads it and shows it as a
definition. A later row ``\\frac{\\partial z}{\\partial b} = 1`` has no matrix notation
of its own, so the scalar reader reads it, finds no definition of z in force and skips
it as "a derivative of something the notes do not define": the two lines disagree.
Such a row is the matrix reader's: when every derivative in it is of a name a matrix
row defined earlier, and no scalar row defines that name, the row is read (and judged at
random small shapes) as matrix notation, like the definition it depends on. A row
the matrix reader cannot read is left to the scalar reader, as before.
"""
from __future__ import annotations

from .matrix_latex import MatrixSyntax, read_matrix_row


def _derivative_heads(node) -> set[str]:
    """The names differentiated in ``node`` (``∂z/∂b``, ``\\nabla_w J``)."""
    out = set()
    if node[0] == "deriv" and node[1][0] == "name":
        out.add(node[1][1].key)
    if node[0] == "grad" and node[2][0] == "name":
        out.add(node[2][1].key)
    for child in node[1:]:
        if isinstance(child, tuple):
            out |= _derivative_heads(child)
    return out


def differentiates_matrix_name(latex: str, matrix_defs: dict, scalar_defined) -> bool:
    """True when every derivative in the row ``latex`` is of a name in ``matrix_defs``
    (defined by a matrix row before it) that no scalar row defines (``scalar_defined``)."""
    if not matrix_defs:
        return False
    try:
        chains = read_matrix_row(latex)
    except (MatrixSyntax, RecursionError):
        return False
    heads = set().union(*(_derivative_heads(s.node) for c in chains for s in c.sides))
    # every derivative's: a chain rule ∂L/∂w = ∂L/∂z ∂z/∂w of an undefined L stays with the scalar reader
    return bool(heads) and all(h in matrix_defs and h not in scalar_defined for h in heads)


__all__ = ["differentiates_matrix_name"]
