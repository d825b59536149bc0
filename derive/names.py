"""Every list of names the project accepts, once, without importing SymPy.

The expression reader, the symbol table, the loss table, the printers and
the command lines' help texts all read these, so they cannot drift apart,
and ``--help`` needs no SymPy.
"""
from __future__ import annotations

import keyword
import unicodedata

#: Functions an expression may call: the name a user writes → the SymPy
#: function it means (``sigmoid`` is derive's own :class:`derive.symbols.sigmoid`).
FUNCTIONS: dict[str, str] = {
    "exp": "exp",
    "log": "log",
    "ln": "log",
    "sqrt": "sqrt",
    "abs": "Abs",
    "sign": "sign",
    "sigmoid": "sigmoid",
    "sin": "sin",
    "cos": "cos",
    "tanh": "tanh",
}

#: The functions as help texts list them: each once (``ln`` is log), sorted.
FUNCTION_LIST: str = ", ".join(sorted(n for n, f in FUNCTIONS.items() if n == f.lower()))

#: Names that read as constants, not symbols: the name → SymPy's constant.
CONSTANTS: dict[str, str] = {"pi": "pi", "e": "E"}

#: Words that are not names, though they look like one: Python's keywords
#: (``None``, ``True``, ``lambda``, …: generated code could not use them) and
#: the words SymPy prints for its own numbers (``oo``, ``zoo``, ``nan``, ``I``),
#: which would read back as those numbers anywhere but in derive.
NOT_NAMES: frozenset[str] = frozenset(keyword.kwlist) | {"oo", "zoo", "nan", "I"}

#: The largest number after a name's last ``_`` (``x_2000``): a linear model
#: of that many features is the most a neuron may have, and an index above it
#: would only ask for a model too large to build (``w_1000000``).
MAX_INDEX = 2000

#: What a name is, for help texts and errors.
NAME_RULE = ("a name is an ASCII letter followed by letters, digits and _ "
             "(not a Python keyword such as None or lambda, nor oo, zoo, nan or I), "
             f"with a number after its last _ of at most {MAX_INDEX}")

#: Losses by the names the command lines and ``Neuron(loss)`` accept → the
#: builder in :mod:`derive.losses` and what the loss is.
LOSSES: dict[str, tuple[str, str]] = {
    "half-se": ("half_squared_error", "½(y − ŷ)², the book's"),
    "se": ("squared_error", "(y − ŷ)², the lecture's"),
    "abs": ("absolute_error", "|y − ŷ|"),
    "logistic": ("logistic_cross_entropy", "−(y·log σ(ŷ) + (1 − y)·log(1 − σ(ŷ)))"),
}

#: The loss names as a help text's choice: ``half-se|se|abs|logistic``.
LOSS_CHOICES: str = "|".join(LOSSES)


def _greek_letters() -> dict[str, str]:
    """LaTeX name → letter for the Greek alphabet, read from Unicode's names
    (``GREEK SMALL LETTER OMEGA`` → ``omega``: ω, capitals as ``Omega``: Ω).
    Unicode spells λ LAMDA; LaTeX and the notes write lambda."""
    letters = {}
    for code in range(0x391, 0x3CA):
        char = chr(code)
        parts = unicodedata.name(char, "").split()
        if len(parts) != 4 or parts[0] != "GREEK" or parts[2] != "LETTER":
            continue  # unassigned, or a variant such as FINAL SIGMA
        name = {"LAMDA": "lambda"}.get(parts[3], parts[3].lower())
        letters[name if parts[1] == "SMALL" else name.capitalize()] = char
    return letters


#: LaTeX name → Greek letter (``omega`` → ω, ``Sigma`` → Σ), from :mod:`unicodedata`.
GREEK: dict[str, str] = _greek_letters()
