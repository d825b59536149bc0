r"""Sums over samples in matrix rows: ``\sum_{i=1}^{m} (\theta^T x^{(i)} - y^{(i)}) x^{(i)}``,
``\sum_i (\hat y_i - y_i)\mathbf{x}_i``, read by ``matrix_latex.py`` into the node
``("sum", index, bound, term)`` and judged by ``sample_sum_values.py``.

``\sum`` applies to the rest of the product after it, as it is set (``\sum_i a_i b_i
+ c`` is ``c`` plus the sum of ``a_i b_i``). Read only when the limits say plainly
what runs: ``\sum_i``, ``\sum_{i}``, ``\sum_{i=1}^{m}``, ``\sum_{i=1}^m`` (one letter
for the index, 1 for the start, one letter or none for the bound); anything else
(``\sum_{k \neq i}``, ``\sum_{i=0}^{m-1}``, a number of terms) is not read. Inside a
sum, a name applied to brackets that is not itself a sample (``h_\theta(x^{(i)})``,
``f(x_i)``) is refused: its definition is not read here, and reading it as a
product would lose what it depends on.
"""
from __future__ import annotations

from .matrix_expressions import _Operator
from .matrix_tokens import MatrixSyntax


class SumOperator(_Operator):
    """``\\sum_{i=1}^{m}``: applies to the rest of the product after it."""

    def __init__(self, reader, index: str, bound: str | None):
        self.reader, self.index, self.bound = reader, index, bound
        reader.sum_indices = getattr(reader, "sum_indices", ()) + (index,)  # its term is read next

    def apply(self, operand: tuple) -> tuple:
        self.reader.sum_indices = self.reader.sum_indices[:-1]
        return ("sum", self.index, self.bound, operand)


def read_sum(reader) -> SumOperator:
    """The sum at the reader's cursor (on ``\\sum``), with its limits."""
    reader.take("command", "\\sum")
    if not reader.at("punct", "_"):
        raise MatrixSyntax("a sum without its index")
    reader.take()
    braced = reader.at("punct", "{")
    if braced:
        reader.take()
    index = reader.take()
    if index.kind != "letter" or not index.text.islower():
        raise MatrixSyntax("a sum whose index is not one lower-case letter")
    if braced:
        if reader.at("rel", "="):
            reader.take()
            if not reader.at("number", "1"):
                raise MatrixSyntax("a sum that does not start at 1")
            reader.take()
        reader.take("punct", "}")
    bound = None
    if reader.at("punct", "^"):
        reader.take()
        braced = reader.at("punct", "{")
        if braced:
            reader.take()
        t = reader.take()
        if t.kind != "letter" or t.text == index.text:
            raise MatrixSyntax("a sum whose bound is not one letter")
        bound = t.text
        if braced:
            reader.take("punct", "}")
    return SumOperator(reader, index.text, bound)


def starts_sum(reader) -> bool:
    """Whether the reader reads sums and is at one."""
    return getattr(reader, "sums", False) and reader.at("command", "\\sum")


def refuse_call_in_sum(reader, key: str) -> None:
    r"""Inside a sum, a name before brackets that is not a sample (``h_\theta(x^{(i)})``)
    is a function whose definition is not read here: refused, never a product."""
    indices = getattr(reader, "sum_indices", ())
    if not indices or not reader.at("punct", "("):
        return
    from .sample_sum_links import sample_of

    sample = sample_of(key)
    if sample is None or sample[1] not in indices:
        raise MatrixSyntax("a function applied inside a sum over samples (its definition is not read here)")


__all__ = ["SumOperator", "read_sum", "refuse_call_in_sum", "starts_sum"]
