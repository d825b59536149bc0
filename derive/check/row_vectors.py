"""Row vectors: the reading of a matrix claim when no reading with column vectors fits.

Notes written in the convention of array code take a parameter vector and a sample as
rows: ``\\sigma(X\\theta^T) = \\frac{1}{1+e^{-X\\theta^T}}`` with ``X`` one sample
(1×n) and ``\\theta`` 1×n, so that ``X\\theta^T`` is a number. With the usual kinds
(``\\theta^T`` the transpose of a column, ``X`` a matrix or a scalar) that product
needs a size of 1 and the claim has no reading, so it was skipped. Only then is it
read again with rows: a transposed or bold lower-case name is a row vector (1×n), a
plain lower-case name a scalar or a row vector, a plain capital a matrix, a scalar
or a row vector (one sample). A bold capital stays a matrix. The claim is then
judged in every reading that fits, as any matrix claim is (``numeric`` only when
all agree, ``wrong`` only when all differ on every draw); the reason says that the
vectors were read as rows. A claim with a column reading never gets here, and
neither does a claim with a derivative: ``\\frac{\\partial L}{\\partial W} = x\\delta^T``
after ``z = W x + b`` has a row reading with W a number, which the notes do not mean.
"""
from __future__ import annotations

from .shape_inference import MATRIX, ROW, SCALAR



def row_candidates(key: str, written) -> list[str]:
    """The kinds a free name may have when the vectors are rows."""
    head = key.split("_")[0].split("^")[0]
    capital = head[:1].isupper()
    if any(n.bold for n in written):
        return [MATRIX] if capital else [ROW]
    return [MATRIX, SCALAR, ROW] if capital else [SCALAR, ROW]


def transposed_names(written: dict) -> bool:
    """True when some name is written transposed or bold: without one, nothing says
    the notes use vectors at all, and rows are not tried."""
    return any(n.bold for ws in written.values() for n in ws)


__all__ = ["ROW", "row_candidates", "transposed_names"]
