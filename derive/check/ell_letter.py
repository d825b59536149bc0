r"""``\ell`` and ``ℓ``: the script letter l, a name like any letter.

Notes write the loss of one sample as ``\ell(y, \hat{y})`` and a layer or a
component index as ``\theta_{i\ell}``, ``o_\ell``, ``W^{[\ell]}``. The reader
knew no ``\ell``, so every row holding one was unparsable and skipped. Here
``\ell`` becomes three spaces and the letter ``l`` (same length, so every
position the reader reports stays right), and ``ℓ`` becomes ``l``. When the
row also writes a plain l, the two may be different names: the row is left
as it was (skipped as before), never read with the two merged.
"""
from __future__ import annotations

import re

_ELL = re.compile(r"\\ell(?![A-Za-z])|ℓ")
_PLAIN_L = re.compile(r"(?<![A-Za-z\\])l(?![A-Za-z])")


def ell_read(latex: str) -> str:
    """``latex`` with ``\\ell`` and ``ℓ`` as the letter l (same length), unless it also has a plain l."""
    if not _ELL.search(latex) or _PLAIN_L.search(latex):
        return latex
    return _ELL.sub(lambda m: " " * (len(m.group(0)) - 1) + "l", latex)
