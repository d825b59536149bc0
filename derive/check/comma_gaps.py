r"""A comma standing between two factors: ``(\hat{y} - y) , \hat{y}(1 - \hat{y})``.

Markdown reads ``\,`` (TeX's thin space) as an escaped comma, so notes copied
through a Markdown renderer write ``A = B , C`` where the author wrote the
product ``B \, C``. Read as written, the comma ends the chain at B, C is left
as a bare mention, and ``A = B`` is judged: "wrong" whenever the claim was
B·C. A chain followed by a comma and then an expression with no relation of
its own cannot be read for sure (a product, or a list of values?), so its last
link is skipped with that reason; the links before it are read as usual. A
comma followed by spacing or words (``, \\quad y``) was set on purpose: read as before.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .latex import Piece


def _bare_after_comma(piece: Piece) -> bool:
    """Whether ``piece`` is ``, C``: one expression after a comma, no relation."""
    return (piece.separator == "comma" and len(piece.exprs) == 1 and not piece.relations
            and not piece.continues and not piece.after_arrow)


def _spaced_on_purpose(latex: str, start: int, end: int) -> bool:
    """Whether the stretch between the comma's two sides holds spacing or words
    (``, \\quad y``): punctuation set on purpose, not a thin space that lost its backslash."""
    return re.search(r"\\(?:q?quad|text|mathrm|textrm|mbox|[;:!]|hspace)(?![A-Za-z])|~", latex[start:end]) is not None


def read_pieces(reader, pieces: list[Piece], seg) -> None:
    """Each piece read by ``reader`` (chains.py's ``_Reader``) in order; a chain
    that a bare ``, C`` follows loses its last link, which is skipped with the reason."""
    for k, piece in enumerate(pieces):
        after = pieces[k + 1] if k + 1 < len(pieces) else None
        if after is None or len(piece.exprs) < 2 or not _bare_after_comma(after) or \
                _spaced_on_purpose(seg.latex, piece.exprs[-1].end, after.exprs[0].start):
            reader.read(piece, seg)
            continue
        last, bare = piece.exprs[-1], after.exprs[0]
        if len(piece.exprs) > 2:
            reader.read(replace(piece, exprs=piece.exprs[:-1], relations=piece.relations[:-1]), seg)
        text = f"{piece.exprs[-2].text} = {last.text} , {bare.text}"
        reader.skip(reader.line_of(seg.start + last.start), text,
                    f"a comma stands between {last.text} and {bare.text}, which has no relation of its own: a list "
                    "of values, or a thin space (\\,) that lost its backslash, making them one product; not checked")
