r"""Math as Markdown sites need it written: escapes and GitLab's inline delimiters.

* ``\_`` inside math (``\sum\_{i=1}^n``, ``D\_{train}``): notes built by a
  Markdown processor that reads ``_…_`` as emphasis before MathJax sees the
  math escape every underscore; the page shows a subscript. The backslash is
  blanked, so ``\_`` reads as ``_`` (``\\_``, a row end before ``_``, is left alone).
* HTML entities (``&#43;``, ``&lt;``) for the characters of math, as some site
  generators write ``+`` in math, become the character and spaces; a typographic
  apostrophe (``f’(x)``) is a prime.
* GitLab's inline math ``$`…`$``: the backticks belong to the delimiters, not
  to the math; they are blanked (and ``plain_math.py`` does not read the same
  span again as a code span).

Blanking keeps every offset an offset in the notes (``markdown.py``).
"""
from __future__ import annotations

import html
import re

_ESCAPED_UNDERSCORE = re.compile(r"(?<!\\)\\_")
#: A character written as an HTML entity (``&#43;`` for +, ``&lt;``), as some site generators escape math.
_ENTITY = re.compile(r"&(?:#[0-9]{1,5}|#[xX][0-9a-fA-F]{1,4}|lt|gt|amp|minus|times|middot|prime);")
#: Characters an entity may stand for in math; any other entity is left as it is (and not read).
_ENTITY_CHARACTERS = set("+-*/=<>()[]{}|!'^_,.") | {"\u2212", "\u00d7", "\u00b7", "\u2032"}
_GITLAB_INLINE = re.compile(r"\A(\s*)`([^`]+)`(\s*)\Z")


def escapes_read(body: str) -> str:
    """``body`` (the math between its delimiters) with Markdown's escapes and
    GitLab's backticks blanked, same length."""
    body = _ESCAPED_UNDERSCORE.sub(" _", body)
    if "&" in body:
        body = _ENTITY.sub(_entity_read, body)
    body = body.replace("\u2019", "'")  # f’(x): a typographic apostrophe in math is a prime
    m = _GITLAB_INLINE.match(body)
    if m:
        body = m.group(1) + " " + m.group(2) + " " + m.group(3)
    return body


def _entity_read(m: re.Match) -> str:
    """``&#43;`` → ``+`` and four spaces (same length), for the characters of math only."""
    char = html.unescape(m.group(0))
    return char + " " * (len(m.group(0)) - 1) if char in _ENTITY_CHARACTERS else m.group(0)


def gitlab_math_span(text: str, start: int, end: int) -> bool:
    """Whether the code span ``text[start:end]`` (backticks included) is GitLab's
    inline math ``$`…`$``: a dollar right before and right after it."""
    return start > 0 and text[start - 1] == "$" and text[end:end + 1] == "$"
