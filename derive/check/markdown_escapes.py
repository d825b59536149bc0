r"""Math as Markdown sites need it written: escapes and GitLab's inline delimiters.

* ``\_`` inside math (``\sum\_{i=1}^n``, ``D\_{train}``): notes built by a
  Markdown processor that reads ``_…_`` as emphasis before MathJax sees the
  math escape every underscore; the page shows a subscript. The backslash is
  blanked, so ``\_`` reads as ``_`` (``\\_``, a row end before ``_``, is left alone).
* GitLab's inline math ``$`…`$``: the backticks belong to the delimiters, not
  to the math; they are blanked (and ``plain_math.py`` does not read the same
  span again as a code span).

Blanking keeps every offset an offset in the notes (``markdown.py``).
"""
from __future__ import annotations

import re

_ESCAPED_UNDERSCORE = re.compile(r"(?<!\\)\\_")
_GITLAB_INLINE = re.compile(r"\A(\s*)`([^`]+)`(\s*)\Z")


def escapes_read(body: str) -> str:
    """``body`` (the math between its delimiters) with Markdown's escapes and
    GitLab's backticks blanked, same length."""
    body = _ESCAPED_UNDERSCORE.sub(" _", body)
    m = _GITLAB_INLINE.match(body)
    if m:
        body = m.group(1) + " " + m.group(2) + " " + m.group(3)
    return body


def gitlab_math_span(text: str, start: int, end: int) -> bool:
    """Whether the code span ``text[start:end]`` (backticks included) is GitLab's
    inline math ``$`…`$``: a dollar right before and right after it."""
    return start > 0 and text[start - 1] == "$" and text[end:end + 1] == "$"
