r"""Formulas drawn as images by a LaTeX rendering service: ``![](https://latex.codecogs.com/svg.latex?…)``.

Notes written for sites without MathJax (GitHub READMEs, some blogs) put each
formula in an image whose address holds its LaTeX, URL-encoded
(``%5Cfrac%7Bdp_i%7D%7Bdz_i%7D%20=%20p_i(1-p_i)``) or as written, with the
Markdown escapes of an image link (``\\frac``), and the service's own
entities (``&space;``, ``&plus;``). The reader saw no math there, so none of
their claims had a step. Here each such address (CodeCogs, GitHub's
``render/math?math=``, Google's ``chart?cht=tx&chl=``), in an ``<img src>``
or a Markdown image, gives a display math segment whose text is the decoded
LaTeX, at the address's offset (one line, so line numbers are exact; a
column points into the address).

An address with an entity other than the service's few, or that does not end
on its line, is left alone (no math read from it, as before). An address saves
its spaces: ``w^Tx`` there is w transposed times x, so a space is put after
the T (the reader then refuses it as matrix notation, as it does ``w^T x``;
read as written it was the power w^T).
"""
from __future__ import annotations

import re
from urllib.parse import unquote

_ADDRESS = re.compile(r"(?P<open>[(\"'])\s*https?://(?:latex\.codecogs\.com/(?:svg|png|gif)\.(?:latex|image)\?"
                      r"|render\.githubusercontent\.com/render/math\?math="
                      r"|chart\.googleapis\.com/chart\?cht=tx&(?:amp;)?chl=)")
_ENTITIES = {"&space;": " ", "&plus;": "+", "&minus;": "-", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
_ENTITY = re.compile(r"&[A-Za-z]+;")
_MARKDOWN_ESCAPE = re.compile(r"\\([\\_*\[\]()#!`{}])")
#: ``w^Tx``: an address saves its spaces, but this is the transpose of w times x, not a power T.
_GLUED_TRANSPOSE = re.compile(r"\^\s*(?:T|\{\s*T\s*\})(?=[A-Za-z])")
_DPI = re.compile(r"\A\s*\\(?:dpi\{\d+\}|bg_\w+|bg\{\w+\}|fn_\w+|large|Large|LARGE|small|huge|Huge)\s*")


def _end(text: str, start: int, opener: str) -> int | None:
    """Where the address that begins at ``start`` ends: the closing quote, or the bracket
    that balances the Markdown image's ``(``; None if the line ends first."""
    depth = 0
    for k in range(start, len(text)):
        c = text[k]
        if c == "\n":
            return None
        if opener in "\"'" and c == opener:
            return k
        if opener == "(":
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    return k
                depth -= 1
            elif c.isspace():
                return k if depth == 0 else None
    return None


def _decoded(address: str, markdown: bool) -> str | None:
    text = _MARKDOWN_ESCAPE.sub(r"\1", address) if markdown else address
    text = unquote(text)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    if _ENTITY.search(text):
        return None
    return _GLUED_TRANSPOSE.sub(r"\g<0> ", _DPI.sub("", text))


def image_math(text: str) -> list[tuple[int, str]]:
    """(offset, LaTeX) of each formula image in ``text`` (code already blanked)."""
    found = []
    for m in _ADDRESS.finditer(text):
        end = _end(text, m.end(), m.group("open"))
        if end is None:
            continue
        latex = _decoded(text[m.end():end], m.group("open") == "(")
        if latex and latex.strip():
            found.append((m.end(), latex))
    return found
