r"""Sign conditions written after a claim: ``\quad (x > 0)``, ``(N, M > 0)``,
``, \; x \le 0``, ``\text{for } x \ge 0``; and the range of an index (``\text{for } i = 1..n``).

A claim that holds for positive x is checked at points where x is positive
(and likewise for negative), instead of being skipped or judged everywhere.
Only a condition that compares names with 0 at the end of a row is read;
anything else (``i = j``, ``i \neq j``, ``x > y``) stays a condition that is
not checked.
"""
from __future__ import annotations

import re

_NAME = r"(?:[A-Za-z](?:_\{?\s*[A-Za-z0-9]+\s*\}?)?|\\[A-Za-z]+)"
_SIGN = r"(>|<|\\geq?|\\leq?|\\geqslant|\\leqslant|≥|≤)"
_NAMES = rf"({_NAME}(?:\s*,\s*{_NAME})*)"
_END = r"\s*[.,;]?\s*(?:\\\\)?\s*$"
_LEAD = r"(?:\\[,;:!]|\\q?quad|~|\s)*"
#: ``\quad (x > 0)`` / ``(N, M > 0)`` at the end of a row.
_IN_PARENS = re.compile(rf"{_LEAD}\(\s*{_NAMES}\s*{_SIGN}\s*0\s*\){_END}")
#: ``, x > 0`` / ``\text{for } x \ge 0`` / ``\quad \text{if } x<0`` at the end of a row.
_AFTER = re.compile(rf"(?:,|\\q?quad){_LEAD}(?:\\text\s*\{{\s*(?:for|if|when|where)\s*\}}{_LEAD})?"
                    rf"{_NAMES}\s*{_SIGN}\s*0{_END}")


#: ``\quad \text{for } i = 1..n`` / ``, i = 1, \dots, n``: the range of an index, not a condition.
_RANGE = re.compile(rf"(?:,|\\q?quad){_LEAD}(?:\\text\s*\{{\s*(?:for|where)\s*\}}|for)?{_LEAD}[A-Za-z]\s*=\s*"
                    rf"\d+\s*(?:,\s*\d+\s*)*(?:\.\.|,\s*(?:\\[lc]?dots|…)\s*,)\s*[A-Za-z0-9]+{_END}")


def sign_condition(latex: str) -> tuple[str, tuple[tuple[str, int], ...]]:
    """``latex`` with a trailing sign condition blanked (same length), and the
    condition as ((name, +1 or -1, relation), …); the text unchanged and () if
    none. A trailing range of an index (``for i = 1..n``) is blanked too: the
    claim is about each i, which the checker reads as the name it is."""
    m = _RANGE.search(latex)
    if m:
        latex = latex[:m.start()] + " " * (m.end() - m.start()) + latex[m.end():]
    m = _IN_PARENS.search(latex) or _AFTER.search(latex)
    if not m:
        return latex, ()
    relation = m.group(2)
    sign = -1 if relation.startswith(("<", "\\le", "≤")) else 1
    shown_as = {">": ">", "<": "<"}.get(relation, "≥" if sign > 0 else "≤")
    names = tuple((_plain(n), sign, shown_as) for n in m.group(1).split(","))
    return latex[:m.start()] + " " * (m.end() - m.start()) + latex[m.end():], names


def _plain(name: str) -> str:
    """``x_{1}`` → ``x_1``, ``\\alpha`` → ``alpha``: the symbol name the reader gives it."""
    return re.sub(r"[\s{}\\]", "", name)


def shown(domain: tuple[tuple[str, int], ...]) -> str:
    """The condition as a reader writes it: ``x > 0, N > 0``."""
    return ", ".join(f"{name} {relation} 0" for name, _, relation in domain)
