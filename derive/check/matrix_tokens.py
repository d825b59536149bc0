"""Tokens of the LaTeX that matrix rows are written in (``matrix_latex.py``
reads them): each with its offsets in the row; spacing, ``\\left``/``\\right``
and prose in ``\\text{…}`` dropped; ``\\big| \\big|`` merged into one norm bar; a
word of three letters or more (``target``) is one name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..names import GREEK


class MatrixSyntax(ValueError):
    """The row holds something this reader does not read."""


_GREEK_NAMES = "|".join(sorted((n for n in GREEK if n.isalpha()), key=len, reverse=True))
_TOKEN = re.compile(
    r"(?P<space>\s+|\$|\\[,;:! ]|~|\\(?:quad|qquad|displaystyle|textstyle|limits|left|right|big|Big|bigg|Bigg|bigl|bigr|Bigl|Bigr)(?![A-Za-z])\.?)"
    r"|(?P<text>\\(?:text|mbox|textrm|tag\*?)\s*\{[^{}]*\})"
    r"|(?P<norm>\\\||\\[lr]?Vert(?![A-Za-z])|\|\|)"
    r"|(?P<abs>\||\\[lr]vert(?![A-Za-z]))"
    r"|(?P<number>\d+(?:\.\d+)?)"
    r"|(?P<rel>=|\\approx(?![A-Za-z])|\\(?:neq|ne|leq?|geq?|in|to|leftarrow|gets|propto|sim)(?![A-Za-z])|<|>|≈)"
    r"|(?P<arrow>\\(?:Rightarrow|implies|therefore|Longrightarrow)(?![A-Za-z]))"
    r"|(?P<mulop>\\(?:cdot|times|ast)(?![A-Za-z])|\*|·)"
    r"|(?P<hadamard>\\(?:odot|circ)(?![A-Za-z])|⊙)"
    r"|(?P<bold>\\(?:mathbf|boldsymbol|bm|textbf|mathbb|pmb)(?![A-Za-z]))"
    r"|(?P<accent>\\(?:hat|bar|tilde|widetilde|widehat|vec|overrightarrow|overline)(?![A-Za-z]))"
    r"|(?P<frac>\\[dtc]?frac(?![A-Za-z]))"
    r"|(?P<partial>\\partial(?![A-Za-z])|∂)"
    r"|(?P<nabla>\\nabla(?![A-Za-z])|∇)"
    r"|(?P<func>\\(?:exp|log|ln|tanh|sigma)(?![A-Za-z]))"
    r"|(?P<word>\\(?:mathcal|mathrm|operatorname|mathit|mathsf)\s*\{\s*[A-Za-z]+\s*\})"
    r"|(?P<greek>\\(?:" + _GREEK_NAMES + r")(?![A-Za-z]))"
    r"|(?P<transpose>\\(?:top|intercal)(?![A-Za-z]))"
    r"|(?P<command>\\[A-Za-z]+)"
    r"|(?P<func2>(?<![A-Za-z])(?:exp|log|ln|tanh)(?![A-Za-z]))"
    r"|(?P<lword>(?<![A-Za-z])[a-z]{3,}(?![A-Za-z]))"
    r"|(?P<letter>[A-Za-z])"
    r"|(?P<unigreek>[α-ωΓΔΘΛΞΣΦΨΩ])"
    r"|(?P<punct>[-+(){}\[\]^_,;'/]|−)"
)



@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    end: int


def tokens(latex: str) -> list[Token]:
    """The tokens of ``latex`` with their offsets; spacing and prose dropped."""
    out, pos = [], 0
    while pos < len(latex):
        m = _TOKEN.match(latex, pos)
        if not m:
            raise MatrixSyntax(f"unexpected {latex[pos]!r}")
        kind = m.lastgroup
        if kind == "text" and re.match(r"\s*['(]", latex[m.end():]) and not m.group(0).startswith("\\tag"):
            raise MatrixSyntax("a function written as text (\\text{ReLU}(z)), which this reader does not know")
        word = re.fullmatch(r"\\(?:text|mbox|textrm)\s*\{\s*([A-Za-z]+)\s*\}", m.group(0)) if kind == "text" else None
        if word and re.search(r"[_^]\s*\{?\s*$", latex[:m.start()]):  # y_{\text{pred}}, X^{\text{T}}: no prose
            kind = "word"
        if kind not in ("space", "text"):
            text = m.group(0)
            if kind == "func2":  # log x without a backslash
                kind, text = "func", "\\" + text
            elif kind == "word" and word:
                text = "\\mathrm{" + word.group(1) + "}"
            elif kind == "lword":  # a word is one name (target, out), never t·a·r·g·e·t
                kind, text = "word", "\\mathrm{" + text + "}"
            if kind == "punct" and text == "−":
                text = "-"
            out.append(Token(kind, text, m.start(), m.end()))
        pos = m.end()
    out = _bold_products(latex, out)
    merged: list[Token] = []
    for t in out:  # \big| \big| written for a norm
        if t.kind == "abs" and t.text == "|" and merged and merged[-1].kind == "abs" and merged[-1].text == "|" \
                and not latex[merged[-1].end:t.start].replace("\\big", "").strip():
            merged[-1] = Token("norm", "||", merged[-1].start, t.end)
            continue
        merged.append(t)
    return merged


def _bold_products(latex: str, toks: list[Token]) -> list[Token]:
    r"""``\mathbf{Ax}``, ``\mathbf{Wx}``: a capital then one lower-case letter in one bold group is the
    product of the two (a matrix times a vector), as ``\mathbf{A}\mathbf{x}``."""
    out, k = [], 0
    while k < len(toks):
        t = toks[k]
        group = toks[k + 1:k + 5]
        if (t.kind == "bold" and len(group) == 4 and [g.text for g in (group[0], group[3])] == ["{", "}"]
                and group[1].kind == "letter" and group[1].text.isupper() and group[2].kind == "letter"
                and group[2].text.islower() and re.fullmatch(r"\{[A-Z][a-z]\}", latex[group[0].start:group[3].end])):
            brace, a, b, close = group
            out += [t, brace, a, Token("punct", "}", a.end, a.end), Token("bold", t.text, b.start, b.start),
                    Token("punct", "{", b.start, b.start), b, close]
            k += 5
            continue
        out.append(t)
        k += 1
    return out


class TokenCursor:
    """A position in the tokens ``self.toks`` (at ``self.i``), for the readers
    of ``matrix_names.py``, ``matrix_expressions.py`` and ``matrix_latex.py``."""

    def peek(self, k: int = 0) -> Token | None:
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else None

    def at(self, kind: str, text: str | None = None, k: int = 0) -> bool:
        t = self.peek(k)
        return t is not None and t.kind == kind and (text is None or t.text == text)

    def take(self, kind: str | None = None, text: str | None = None) -> Token:
        t = self.peek()
        if t is None or (kind and t.kind != kind) or (text and t.text != text):
            raise MatrixSyntax(f"expected {text or kind} at {t.text if t else 'the end'!r}")
        self.i += 1
        return t
