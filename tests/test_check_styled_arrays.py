r"""An ``array`` aligning a chain after a size command, with a transpose in
``\text{T}`` (notes written here): ``$$\Large \begin{array}{rcl} … \end{array}$$``
was not opened into rows (the array did not stand alone), and a row holding
``^\text{T}`` counted as prose; the whole derivation got no verdict. And
``u^\text{T}`` (``^\mathrm{T}``, ``^{\text{T}}``) was read as u to the power
T: it is a transpose, read as matrix notation."""
import pytest

from verdict_lines import verdicts_by_line

STYLED = r"""Aligned after a size command.

$$\Large \begin{array}{rcl} (a + 1)^2 &=& a^2 + 2a + 1 \\
&=& a^2 + 3a + 1
\end{array}$$

$$\displaystyle\begin{array}{rcl}
q &=& 2 \cdot 3 \\
&=& 6
\end{array}$$
"""

TRANSPOSED = r"""A transpose written in text.

$$\begin{array}{rcl}
(u^\text{T} v)^2 &=& (u^\text{T} v)(u^\text{T} v) \\
&=& u^\text{T} v
\end{array}$$

$$\begin{array}{rcl}
f &=& 1 \text{ if } x > 0 \\
&=& 0
\end{array}$$
"""


@pytest.mark.parametrize("line, verdicts", [(3, ["proved"]), (4, ["wrong"]), (8, ["definition"]), (9, ["proved"])])
def test_an_array_after_a_size_command_is_read_row_by_row(line, verdicts):
    assert verdicts_by_line(STYLED)[line] == verdicts


def test_a_row_with_a_transpose_in_text_is_an_equation_row():
    got = verdicts_by_line(TRANSPOSED)
    assert got[4] == ["numeric"] and got[5] == ["wrong"]  # rows of their own, read as vectors
    assert 3 not in got  # the first row is at line 4, not the block's line
    assert 10 not in got or got[10] != ["proved"]  # prose in a row keeps the array whole


@pytest.mark.parametrize("mark", [r"\text{T}", r"\mathrm{T}", r"{\text{T}}", r"\textrm{T}"])
def test_a_transpose_in_text_is_matrix_notation_not_a_power(mark):
    got = verdicts_by_line(f"Inner products.\n\n$$(u^{mark} v)^2 = u^{mark} v$$\n")
    assert got[3] == ["wrong"]
    notes = f"Inner products.\n\n$$(u^{mark} v)^2 = (u^{mark} v)(v^{mark} u)$$\n"
    assert verdicts_by_line(notes)[3] == ["numeric"]
