r"""The headings of a Markdown file, which split notes into sections.

Notes often work several examples, one a section, with the same letters: ``a = \text{ReLU}(Wx + b)``
for a neuron, then a graph ``y = (a + b) c`` whose a is an input. A definition made in another
section may not be the one the notes mean (earlier_meanings.py asks).
"""
from __future__ import annotations

import bisect
import re

_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def heading_lines(text: str) -> tuple[int, ...]:
    """The 1-based lines of the ATX headings (``# …`` to ``###### …``) outside fenced code."""
    lines, fence = [], ""
    for number, line in enumerate(text.split("\n"), start=1):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
        elif _HEADING.match(line):
            lines.append(number)
    return tuple(lines)


def same_section(headings: tuple[int, ...], one: int, other: int) -> bool:
    """Whether lines ``one`` and ``other`` lie under the same heading (or both before the first)."""
    return bisect.bisect_right(headings, one) == bisect.bisect_right(headings, other)
