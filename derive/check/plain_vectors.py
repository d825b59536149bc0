r"""Vectors of numbers in plain-text math, and the blocks of text they are written in.

A perceptron or a small network worked by hand in plain text writes its vectors as
numbers between square brackets separated by blanks, a transpose as ``ᵗ``/``ᵀ``, and the
whole example in an indented block::

        w₁ = [ 0.5  -1  2 ]ᵗ
        net = w₁ᵗx = [ 0.5  -1  2 ] ⋅ [ 1  2  0.5 ] = 0.5

``plain_math.py`` reads such a line only when all of it converts; here:

- ``[ a  b  c ]`` (two numbers or more, each one signed number with no blank inside, so
  ``[ 1 -1 ]`` is 1 and -1 and ``[ 1 - 1 ]`` is not read) becomes a row
  ``\begin{bmatrix} a & b & c \end{bmatrix}``, ``ᵗ``/``ᵀ`` after it or after a name ``^T``;
  the rows are then checked by ``numeric_matrices.py`` (a ``⋅`` between two vectors of
  one length is a dot product only when the other side of the link is a number);
- ``sgn(x)`` of a number other than 0 is the sign; ``sgn(0)`` has no one value (bipolar
  units take 1 or -1), so a line with it is not read;
- an indented code block (four blanks or a tab, after a blank line, not inside a list)
  holds plain lines as an untagged fence does, unless a line of it is one only a program
  has (``def``, ``return``, ``==``, ``**``, a line ending in ``:``): then it is code.
"""
from __future__ import annotations

import re

_NUMBER = r"[-−]?(?:\d+\.?\d*|\.\d+)"
#: ``[ 0  1 -1 ]``: two numbers or more, separated by blanks, each with its sign attached.
VECTOR = re.compile(rf"\[[ \t]*({_NUMBER}(?:[ \t]+{_NUMBER})+)[ \t]*\]([ᵗᵀ])?")
_SIGN = re.compile(rf"\bsgn\(\s*({_NUMBER})\s*\)")
_NAME_TRANSPOSE = re.compile(r"(?<=[A-Za-zα-ω₀-₉0-9}])[ᵗᵀ]")
_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]")


def placeholders(text: str) -> tuple[str, list[str]]:
    """``text`` with each vector (and ``sgn`` of a nonzero number) replaced by a
    placeholder number, so that the plain reader's checks see no brackets, and the
    LaTeX of each, in order; a ``sgn(0)`` is left as it is, so the line is not read."""
    found: list[str] = []

    def vector(m: re.Match) -> str:
        entries = m.group(1).replace("−", "-").split()
        found.append(r"\begin{bmatrix} " + " & ".join(entries) + r" \end{bmatrix}" + ("^T" if m.group(2) else ""))
        return f" 70707{len(found) - 1}70707 "

    def sign(m: re.Match) -> str:
        if float(m.group(1).replace("−", "-")) == 0:
            return m.group(0)  # left as the word sgn, which the plain reader does not read
        found.append(rf"\operatorname{{sign}}({m.group(1)})")
        return f" 70707{len(found) - 1}70707 "

    text = _SIGN.sub(sign, VECTOR.sub(vector, text))
    return _NAME_TRANSPOSE.sub("^T ", text), found


def restore(latex: str, found: list[str]) -> str:
    """The LaTeX with the placeholders of :func:`placeholders` put back."""
    for k in reversed(range(len(found))):
        latex = latex.replace(f" 70707{k}70707 ", f" {found[k]} ")
    return latex


#: A line only a program has: a block with one is code, and none of its lines is read.
_PROGRAM = re.compile(r"==|!=|\+=|-=|\*=|/=|\*\*|//|;\s*$|^\s*#|\bnp\.|:\s*$|"
                      r"^\s*(?:def|class|return|import|from|for|while|if|elif|else|print|let|var|const)\b")


def indented_blocks(text: str, covered) -> list[tuple[int, str, int]]:
    """(offset, line, block) of each line of an indented code block outside ``covered``
    (the fences' spans): indented lines after a blank line, not in a list, in a block
    with no line only a program has (``def``, ``==``, ``**``, a trailing ``:``…)."""
    found = _indented_lines(text, covered)
    programs = {block for _, line, block in found if _PROGRAM.search(line)}
    return [c for c in found if c[2] not in programs]


def _indented_lines(text: str, covered) -> list[tuple[int, str, int]]:
    found, offset, inside, in_list, after_blank, block = [], 0, False, False, True, 0
    for line in text.split("\n"):
        blank = not line.strip()
        indented = not blank and (line.startswith("    ") or line.startswith("\t"))
        if not blank and not indented:
            inside = False
            in_list = bool(_LIST_ITEM.match(line)) or (in_list and not after_blank)
        elif indented and not in_list and (inside or after_blank) and not any(a <= offset < b for a, b in covered):
            block += 0 if inside else 1
            inside = True
            found.append((offset + len(line) - len(line.lstrip()), line.strip(), 3 * 10**6 + block))
        elif indented:
            inside = False
        after_blank = blank
        offset += len(line) + 1
    return found
