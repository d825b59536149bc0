"""Names in matrix rows (``matrix_latex.py``): a letter, Greek letter or
word with bold, accents, a subscript and the superscripts that index it
(``x^{(i)}``, ``W^{[1]}``, ``w^*``)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..names import GREEK
from .matrix_tokens import MatrixSyntax, TokenCursor


@dataclass(frozen=True)
class Name:
    """A name as the notes write it (``key``: ``w``, ``x^(i)``, ``y_hat``);
    ``bold`` is a hint of its kind (a vector or a matrix), not part of its identity."""

    key: str
    bold: bool = False


_UNICODE_GREEK = {letter: name for name, letter in GREEK.items()}


class _NameReader(TokenCursor):
    """Reads names at the cursor."""

    def variable(self) -> Name:
        if self.at("punct", "{"):
            self.take()
            name = self.name()
            self.take("punct", "}")
            return name
        return self.name()

    def group_text(self) -> str:
        if self.at("punct", "{"):
            self.take()
            parts = []
            while not self.at("punct", "}"):
                t = self.take()
                parts.append(t.text)
            self.take()
            return "".join(parts)
        return self.take().text

    def name(self) -> Name:
        """A letter, Greek letter or word, with bold, accents, a subscript,
        and superscripts that index it (``x^{(i)}``, ``W^{[1]}``, ``w^*``)."""
        bold, accents = False, []
        while self.at("bold") or self.at("accent"):
            t = self.take()
            if t.kind == "bold":
                bold = True
            else:
                accents.append({"widehat": "hat", "widetilde": "tilde", "overline": "bar",
                                "overrightarrow": "vec"}.get(t.text[1:], t.text[1:]))
            if self.at("punct", "{"):
                self.take()
                inner = self.name()
                # a subscript may sit inside the braces: \hat{\mathbf{x}_i}
                self.take("punct", "}")
                bold |= inner.bold
                return self._decorated(Name(_join(inner.key, accents), bold))
        t = self.take()
        if t.kind == "letter":
            base = t.text
        elif t.kind == "greek":
            base = t.text[1:]
        elif t.kind == "unigreek":
            base = _UNICODE_GREEK.get(t.text, t.text)
        elif t.kind == "word":
            base = re.search(r"\{\s*([A-Za-z]+)", t.text).group(1)
        else:
            raise MatrixSyntax(f"expected a name at {t.text!r}")
        return self._decorated(Name(_join(base, accents), bold))

    def _decorated(self, name: Name) -> Name:
        key = name.key
        while True:
            if self.at("punct", "_"):
                self.take()
                key += "_" + self.subscript_text()
            elif self.at("punct", "^") and self.at("punct", "{", 1) and (
                    self.at("punct", "(", 2) or self.at("punct", "[", 2)):
                self.take()
                key += "^" + self.group_text()
            elif self.at("punct", "^") and self.at("punct", "*", 1):
                self.i += 2
                key += "^*"
            else:
                return Name(key, name.bold)

    def subscript_text(self) -> str:
        if self.at("punct", "{"):
            self.take()
            parts, depth = [], 0
            while depth or not self.at("punct", "}"):
                t = self.take()
                depth += (t.text == "{") - (t.text == "}")
                if t.kind in ("rel", "arrow", "norm", "frac"):
                    raise MatrixSyntax("a subscript that is not a name")
                if t.kind in ("bold", "accent") or t.text in "{}":
                    continue
                parts.append(re.sub(r"^\\(?:mathrm|text|operatorname|mathit)\s*\{\s*|\s*\}$", "", t.text).lstrip("\\"))
            self.take()
            return "".join(p for p in parts if p not in "{}")
        t = self.take()
        if t.kind not in ("letter", "number", "greek"):
            raise MatrixSyntax("a subscript that is not a name")
        return t.text.lstrip("\\")


def _join(base: str, accents: list[str]) -> str:
    return base + "".join("_" + a for a in accents)


def _function_like(name: Name) -> bool:
    """``J(\\theta)``, ``L(w, b)``, ``\\mathcal{L}(w)``: a loss written as a
    function of its parameters (a capital, a word); ``x(…)`` is a product."""
    head = name.key.split("_")[0]
    return head[:1].isupper() and not name.bold
