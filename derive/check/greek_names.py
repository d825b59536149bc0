"""Greek letters in the notes' names: ``\\omega``, ``ω`` and ``omega`` read as
one name, names shown as a reader writes them (``y_hat`` → ŷ), and a Greek
letter used only as a differentiation variable taken for the Latin letter it
resembles (ω for w)."""
from __future__ import annotations

import re

import sympy as sp

from ..names import GREEK
from ..symbols import symbol


#: Greek letters that notes write for the Latin letter they look like.
LOOKALIKES = {"omega": "w", "beta": "b", "chi": "x", "nu": "v", "upsilon": "u", "iota": "i",
              "kappa": "k", "rho": "p", "tau": "t"}


def normalize_name(name: str) -> str:
    """``\\omega``, ``ω`` and ``omega`` all name the symbol ``omega``."""
    name = name.strip().lstrip("\\")
    return _GREEK_NAMES.get(name, name)


def _detect_aliases(statements, given: set) -> dict[sp.Symbol, tuple[sp.Symbol, str]]:
    """Greek letters that appear only as differentiation variables, while the
    Latin letter they resemble appears elsewhere: the same variable."""
    variables, used = set(), set()
    for st in statements:
        for piece in st.pieces:
            for e in piece.exprs:
                for d in e.value.atoms(sp.Derivative):
                    variables |= {v for v, _ in d.variable_count}
                used |= e.value.free_symbols
    found = {}
    for var in sorted(variables, key=lambda s: s.name):
        if not isinstance(var, sp.Symbol) or var in given or var in used:
            continue
        base, _, sub = var.name.partition("_")
        if base not in LOOKALIKES:
            continue
        latin = symbol(LOOKALIKES[base] + ("_" + sub if sub else ""))
        if latin in used or latin in variables:
            found[var] = (latin, f"{_show(var.name)} appears only as a differentiation variable, "
                                 f"{_show(latin.name)} is the parameter the notes use")
    return found


#: The capitals LaTeX writes as commands (\Delta, \Sigma, …), which the notes' names
#: are read from; Alpha, Beta, … look like Latin letters and keep their names.
_CAPITALS = ("Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Upsilon", "Phi", "Psi", "Omega")
#: LaTeX name → Greek letter for showing symbols (ω for omega, Δ for Delta), from
#: derive's one table; pi and omicron keep their names (pi is the constant).
_GREEK = {name: letter for name, letter in GREEK.items()
          if (name.islower() and name not in ("pi", "omicron")) or name in _CAPITALS}
#: Greek letter → its name (ω → omega), the final sigma ς too.
_GREEK_NAMES = {letter: name for name, letter in GREEK.items()} | {"ς": "sigma"}


def _show(name: str) -> str:
    """A symbol name as a reader writes it: ``omega`` → ω, ``y_hat`` → ŷ."""
    parts = name.split("_")
    head = _GREEK.get(parts[0], parts[0])
    rest = parts[1:]
    if rest and rest[0] == "hat":
        head, rest = head + "\u0302", rest[1:]
    return head + ("_" + "_".join(rest) if rest else "")


show_name = _show


#: A name written in a reason (``theta``, ``theta_1``, ``∂J/∂theta``), not a LaTeX command
#: (``\theta``), not inside one's braces (``\mathrm{beta}``), not part of a longer word.
_NAME_IN_TEXT = re.compile(r"(?<![A-Za-z0-9\\{])[A-Za-z]+(?:_[A-Za-z0-9]+)*(?![A-Za-z0-9}])")
#: What a reason quotes of the notes as written (``near '…'``): left as it is.
_QUOTED = re.compile(r"'[^']*'")


def shown_in_text(text: str) -> str:
    """A reason with the Greek names in it shown as letters (``∂J/∂theta`` →
    ∂J/∂θ, ``theta_1`` → θ_1, as :func:`show_name` shows one name); LaTeX
    commands and what is quoted between single quotes stay as written."""
    if not text or not _GREEK_WORD.search(text):
        return text
    pieces, last = [], 0
    for m in _QUOTED.finditer(text):
        pieces += [_names_shown(text[last:m.start()]), m.group(0)]
        last = m.end()
    return "".join(pieces) + _names_shown(text[last:])


def _names_shown(text: str) -> str:
    return _NAME_IN_TEXT.sub(lambda m: _show(m.group(0)) if m.group(0).split("_")[0] in _GREEK else m.group(0), text)


_GREEK_WORD = re.compile(r"(?<![A-Za-z\\])(?:" + "|".join(sorted(_GREEK, key=len, reverse=True)) + r")(?![A-Za-z])")
