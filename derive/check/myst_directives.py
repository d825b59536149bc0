r"""MyST directives: ```` ```{prf:example} ```` … ```` ``` ```` in Jupyter Book notes.

A fence whose info string is a directive in braces holds Markdown (an
example, a proof, a note, a figure's caption), not code: the fence lines
are blanked so that the math inside is read like any other, and the
offsets and lines of the text stay where they were. ``{code-cell}``,
``{code}``, ``{code-block}``, ``{sourcecode}`` and ``{literalinclude}`` stay
code; ``{math}`` is display math, read as a ```` ```math ```` fence is.
"""
from __future__ import annotations

import re

#: The start of a directive fence's line: its fence (``` or ~~~, 3 or more) and its name in braces.
_OPENER = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*\{(?P<name>[^}\n]*)\}", re.MULTILINE)
_CODE = {"code-cell", "code", "code-block", "sourcecode", "literalinclude", "math", "raw", "csv-table"}


def _closer(fence: str) -> re.Pattern:
    return re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.MULTILINE)


def directive_fences_blanked(text: str) -> str:
    """``text`` with the fence and name of every Markdown-holding directive
    blanked (its title, which may hold math, stays) and its closing line too
    (same length)."""
    if "{" not in text:
        return text
    spans, pos = [], 0
    while (opener := _OPENER.search(text, pos)) is not None:
        line_end = text.find("\n", opener.end())
        closer = _closer(opener.group("fence")).search(text, len(text) if line_end < 0 else line_end)
        if opener.group("name").strip() in _CODE:  # code (or math): skip past it whole
            pos = closer.end() if closer else len(text)
            continue
        spans.append((opener.start(), opener.end()))
        if closer is None:
            break
        # the body may hold directives of its own: go on scanning inside it
        spans.append((closer.start(), closer.end()))
        pos = opener.end()
        text = text[:closer.start()] + " " * (closer.end() - closer.start()) + text[closer.end():]
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text
