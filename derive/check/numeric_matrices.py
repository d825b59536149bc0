r"""Worked examples with numeric matrices, checked entry by entry.

A worked example of a small network writes its numbers in matrices:
``z = W x + b = \begin{bmatrix} 0.1 & 0.2 \\ 0.3 & 0.4 \end{bmatrix}
\begin{bmatrix} 1 \\ 2 \end{bmatrix} + \begin{bmatrix} 0.1 \\ 0.1 \end{bmatrix}
= \begin{bmatrix} 0.6 \\ 1.2 \end{bmatrix}``. Such a row is matrix notation
and is skipped by the scalar reader; but a link between two sides built only
of numbers and matrices of numbers is a claim about each entry. Here each
side is computed with SymPy matrices (``+ -``, a product written ``\cdot``,
``\times`` or side by side, ``^T``/``^\top``, ``\odot`` of equal shapes), and
each entry is checked as a chain of numbers is (printed decimals, rounding of
its inputs); a wrong entry is wrong and the verdict says which entry.

Left as they were (the link is skipped, with the reason): a side with a name
(``W x``, or a name inside a matrix), shapes that do not fit, ``\cdot``
between two vectors of one length (a dot or an elementwise product?), a
number added to a matrix, ``vmatrix`` (a determinant), a function applied to
a whole matrix (``\sigma(\begin{bmatrix}…)``). Scalar functions are read
only inside the entries (``\max(0, 0.8)``). A list ``[a, b]`` is read as a
vector only next to a matrix that fixes its orientation.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import sympy as sp

from .chain_links import _Chain
from .derivation import Step
from .latex import Expression
from .numeric_lists import ComponentStep, _RELATION, _split
from .matrix_arithmetic import NoOneMeaning, TwoVectors, _orient, _shape, _Value
from .named_matrices import KnownMatrices, head_name, settle_head
from .numeric_matrix_sides import NotRead, evaluate_side


@dataclass(frozen=True)
class EntryStep(ComponentStep):
    """One entry of a link between numeric matrices: ``where`` says which."""

    where: str = ""


def _entries(a: _Value, b: _Value) -> list[tuple[str, sp.Expr, str, sp.Expr, str]] | None:
    """(where, a's value, a's text, b's value, b's text) per entry, or None when the shapes differ."""
    if a.matrix is None and b.matrix is None:  # a row vector times a column, then a number
        return [("", a.number, a.text, b.number, b.text)]
    if a.matrix is None or b.matrix is None:
        m, n = (b, a) if a.matrix is None else (a, b)
        if m.matrix.shape != (1, 1):
            return None
        pair = (m.matrix[0, 0], m.text[0][0], n.number, n.text)
        return [("the 1×1 result",) + (pair if m is a else (pair[2], pair[3], pair[0], pair[1]))]
    a, b = _orient(a, b.matrix.shape, b.loose), _orient(b, a.matrix.shape, a.loose)
    if a.matrix.shape != b.matrix.shape:
        return None
    rows, cols = a.matrix.shape
    out = []
    for i in range(rows):
        for j in range(cols):
            where = (f"component {j + 1 if rows == 1 else i + 1} of {max(rows, cols)}" if 1 in (rows, cols)
                     else f"entry ({i + 1}, {j + 1}) of the {rows}×{cols} matrix")
            out.append((where, a.matrix[i, j], a.text[i][j], b.matrix[i, j], b.text[i][j]))
    return out


def read_matrix_links(reader, seg, original: str, carried: _Value | None = None, known: KnownMatrices | None = None):
    """Check each link of the row ``seg`` between two sides built of numeric
    matrices, one claim per entry; ``original`` is the row as the file writes it
    (with its ``&``), ``carried`` the last side of the row before, which a row
    that begins with ``=`` continues; ``known`` the names given numeric matrices
    (``named_matrices.py``), which a row ``Z = …`` sets or restates. Returns
    (claims added, why links were not read, the row's last side when it was computed)."""
    pieces = _split(seg.latex, _RELATION)
    values, why, vectors = [], [], []
    head = head_name(seg.latex[pieces[0][0]:pieces[0][1]]) if known is not None and len(pieces) > 1 else None
    for start, end, _ in pieces:
        text = seg.latex[start:end]
        if not text.strip() or (head is not None and start == pieces[0][0]):
            values.append(carried if start == 0 and not text.strip() else None)
            continue
        try:
            values.append(evaluate_side(text, original[start:end], known))
        except NotRead as err:
            values.append(None)
            if isinstance(err, TwoVectors):
                vectors.append((len(values) - 1, text, original[start:end], err))
                continue
            if "\\begin" in text or isinstance(err, NoOneMeaning):
                shown = " ".join(text.split())
                why.append(f"{shown[:80]}{'…' if len(shown) > 80 else ''}: {err}")
        except (ValueError, TypeError, ZeroDivisionError, sp.SympifyError) as err:
            values.append(None)
            why.append(f"{' '.join(text.split())[:60]}: not computed ({type(err).__name__})")
    for k, text, side, err in vectors:  # u \cdot v = 0.5: the number fixes the reading, a dot product
        if any(0 <= j < len(values) and values[j] is not None and (values[j].matrix is None or values[j].matrix.shape
               == (1, 1)) for j in (k - 1, k + 1)):
            try:
                values[k] = evaluate_side(text, side, known, dot=True)
                continue
            except (NotRead, ValueError, TypeError, ZeroDivisionError, sp.SympifyError) as again:
                err = again
        if "\\begin" in text:
            shown = " ".join(text.split())
            why.append(f"{shown[:80]}{'…' if len(shown) > 80 else ''}: {err}")
    added = 0
    if head is not None and len(values) > 1:
        values[0], note = settle_head(known, head, seg.latex[pieces[1][0]:pieces[1][1]], values[1])
        why += [note] if note else []
    matrices = any(v is not None and v.has_matrix for v in values)
    for k in range(1, len(values)):
        a, b = values[k - 1], values[k]
        if a is None or b is None or not matrices or (a.loose and b.loose and not (a.has_matrix or b.has_matrix)):
            continue  # links of lists alone are numeric_lists.py's
        entries = _entries(a, b)
        if entries is None:
            why.append(f"a {_shape(a) if a.matrix is not None else 'number'} side set equal to a "
                       f"{_shape(b) if b.matrix is not None else 'number'} side")
            continue
        added += _add_entries(reader, seg, entries, pieces[k - 1], pieces[k])
    return added, why, values[-1] if values else None


def _add_entries(reader, seg, entries, left_piece, piece) -> int:
    """One claim per entry of the link between the sides at ``left_piece`` and ``piece``."""
    relation = "=" if piece[2] == "=" else "≈"
    start, end = piece[0], piece[1]
    lead = len(seg.latex[start:end]) - len(seg.latex[start:end].lstrip())
    before = len(reader.claims)
    for where, left, left_text, right, right_text in entries:
        first = Expression(left, left_piece[0], left_piece[1], left_text)
        claim = Expression(right, start + lead, end, right_text)
        at = len(reader.claims)
        reader.add_steps(_Chain(first, None, last=first), [claim], (relation,), seg)
        for order in range(at, len(reader.claims)):
            step = reader.claims[order]
            if type(step) is Step and where:
                reader.claims[order] = EntryStep(**{f.name: getattr(step, f.name) for f in fields(Step)},
                                                 where=where)
    return len(reader.claims) - before
