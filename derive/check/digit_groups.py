r"""Digits grouped by threes with a thin space: ``60\,000``, ``18\,874\,368``, ``0.000\,1``.

Typeset numbers group their digits with a thin space (``\,``; some notes use
``\;`` or ``\ ``), as SI and many languages ask. Read as written, the space is
a product: ``200\,960`` was 200·960 and ``60\,000`` was 60·0 = 0, so a true
``N / B = 600`` after ``N = 60\,000`` was called wrong. Such a number is one
number here, but only in the strict shape of a grouping: one to three digits
(not starting with 0), then groups of exactly three digits, each after one
space command; after a decimal point, groups of three with a last group of one
to three digits (``0.000\,1``). The number must not go on with a digit, a
decimal point or another spaced digit (``1\,0000``, ``1\,000\,12`` are left as
they are), and must not follow a letter, digit, ``.``, ``_`` or ``^``. A space
before anything else (``2\,x``, ``3\,(a + b)``, ``10\,\text{ms}``) stays a space.

:func:`digit_groups_read` keeps the length of the text (positions are positions
in the notes): the number becomes ``{`` digits ``}``, padded with leading zeros,
a braced group the grammar reads as the number. :func:`digit_groups_joined`
drops the spaces, for code that reads numbers from a claim's text.
"""
from __future__ import annotations

import re

_SPACE = r"\\[,; ]"
_GROUPED = re.compile(
    rf"(?<![\w.^\\])(?:[1-9]\d{{0,2}}(?:{_SPACE}\d{{3}})+|\d+)"
    rf"(?:\.\d{{3}}(?:{_SPACE}\d{{3}})*{_SPACE}\d{{1,3}}|\.\d+)?"
    rf"(?![\d.]|{_SPACE}\d)")
_SPACES = re.compile(_SPACE)


def _grouped(m: re.Match) -> bool:
    return _SPACES.search(m.group(0)) is not None


def digit_groups_read(latex: str) -> str:
    """``latex`` with each grouped number ``60\\,000`` as ``{60000}`` (same length,
    padded with zeros: ``{0060000}`` when two spaces were dropped)."""
    def braced(m: re.Match) -> str:
        if not _grouped(m):
            return m.group(0)
        digits = _SPACES.sub("", m.group(0))
        return "{" + "0" * (len(m.group(0)) - 2 - len(digits)) + digits + "}"

    return _GROUPED.sub(braced, latex)


def digit_groups_joined(text: str) -> str:
    """``text`` with the spaces inside grouped numbers dropped (``60\\,000`` → ``60000``)."""
    return _GROUPED.sub(lambda m: _SPACES.sub("", m.group(0)) if _grouped(m) else m.group(0), text)
