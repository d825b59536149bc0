r"""Sums written with empty limits: ``\sum_{}^{} x_i``, ``\sum_{i}^{} x_i``, ``\prod_{}^{}``.

Some editors (and notes typed from their templates) write a sum with empty boxes
for its limits. The reader stopped at the empty ``{}`` ("unexpected '}'"), so every
row with such a sum was skipped. An empty script says nothing: it is blanked
(same length, so every position stays right), and the sum is read as the notes
would read it without it: ``\sum_{}^{} x_i`` as ``\sum x_i`` (a sum without limits),
``\sum_{i}^{} x_i`` as ``\sum_{i} x_i``.

Left as it was: an empty lower script under a written upper limit
(``\sum_{}^{n} x_i``: over which index up to n is not said), which stays unread.
"""
from __future__ import annotations

import re

_OPERATOR = re.compile(r"\\(?:sum|prod)(?![A-Za-z])(?:\s*\\(?:no)?limits(?![A-Za-z]))?")
_SCRIPT = re.compile(r"\s*(?P<mark>[_^])\s*(?:\{(?P<braced>[^{}]*)\}|(?P<bare>\\[A-Za-z]+|[A-Za-z0-9]))")


def empty_limits_blanked(latex: str) -> str:
    r"""``latex`` with the empty scripts of its sums blanked (same length)."""
    if "{" not in latex or not _OPERATOR.search(latex):
        return latex
    chars = list(latex)
    for op in _OPERATOR.finditer(latex):
        scripts, at = [], op.end()
        while len(scripts) < 2 and (m := _SCRIPT.match(latex, at)):
            scripts.append(m)
            at = m.end()
        empty = [m for m in scripts if m.group("braced") is not None and not m.group("braced").strip()]
        written = [m for m in scripts if m not in empty]
        if not empty or any(m.group("mark") == "^" for m in written):
            continue  # nothing empty, or an upper limit under an empty index: left as it was
        for m in empty:
            chars[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(chars)
