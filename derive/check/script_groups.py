r"""A brace group holding only a script: ``\delta{_2}`` is ``\delta_2``.

Some notes wrap a subscript (or a superscript) in braces of its own after the
name it belongs to: ``\delta{_2}``, ``\delta{_k}``, ``w{_{12}}``, ``x{^2}``.
TeX sets the script next to the name, and a reader takes it for one: the group
is rewritten as the script (``{_2}`` → ``_{2}``, ``{_{12}}`` → ``  _{12}``),
same length, so positions in the notes stay put.

Only right after a name, a number or a closing bracket; a group such as
``{_2}`` anywhere else (after ``=``, at the start) is left as written.
"""
from __future__ import annotations

import re

_SCRIPT_GROUP = re.compile(
    r"(?<=[A-Za-z0-9)\]}])(?P<gap>\s*)\{\s*(?P<mark>[_^])\s*(?P<script>\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9])\s*\}")


def script_groups_read(latex: str) -> str:
    """``latex`` with each ``{_x}`` after a name read as the script ``_{x}`` (same length)."""
    if "{_" not in latex.replace(" ", "") and "{^" not in latex.replace(" ", ""):
        return latex
    chars = list(latex)
    for m in _SCRIPT_GROUP.finditer(latex):
        script = m.group("script")
        start = m.start() + len(m.group("gap"))
        written = m.group("mark") + (script if script.startswith("{") else "{" + script + "}")
        chars[start:m.end()] = list(written.rjust(m.end() - start))  # ends where the group ended
    return "".join(chars)
