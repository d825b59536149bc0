"""Delimited spans (``$$…$$``, ``\\[…\\]``, fences) found in time linear in the text.

A regular expression such as ``\\\\\\[(.*?)\\\\\\]`` is tried at every opener, and an
opener without a closer makes it read to the end of the text before giving up:
100 KB of ``\\[`` took about a minute. Here every closer is found by a
:class:`NextMatch`, which remembers where it last looked: the text after an
opener is read once per kind of closer, whatever the number of openers.
:class:`Work` counts the characters read, so a test can see that the work is
linear in the length of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Work:
    """Characters read by the searches of one scan (for tests of linearity)."""

    characters: int = 0


class NextMatch:
    """The first match of ``pattern`` starting at or after a position, asked
    for positions in increasing order: a search that found nothing, or found a
    match beyond the position asked, answers again without reading the text."""

    def __init__(self, pattern: re.Pattern, text: str, work: Work) -> None:
        self._pattern, self._text, self._work = pattern, text, work
        self._from = len(text) + 1  # nothing searched yet
        self._found: re.Match | None = None

    def at(self, pos: int) -> re.Match | None:
        """The first match starting at ``pos`` or later, or None."""
        known = self._from <= pos and (self._found is None or pos <= self._found.start())
        if not known:
            self._found = self._pattern.search(self._text, pos)
            self._work.characters += (self._found.end() if self._found else len(self._text)) - pos
            self._from = pos
        return self._found


def paired_spans(text: str, opener: re.Pattern, closer_for, work: Work) -> list[tuple[re.Match, re.Match]]:
    """(opener, closer) pairs, left to right, as ``opener(.*?)closer`` with
    DOTALL would find them: after a pair, the next opener is looked for after
    its closer; an opener with no closer after it is passed over.
    ``closer_for(match)`` is the key of the closer that the opener ``match``
    needs (its fence, its environment's name): a pattern compiled per key."""
    searches: dict[str, NextMatch] = {}
    pairs, pos = [], 0
    for start in opener.finditer(text):
        work.characters += 1
        if start.start() < pos:
            continue
        key, pattern = closer_for(start)
        if key not in searches:
            searches[key] = NextMatch(pattern, text, work)
        end = searches[key].at(start.end())
        if end is not None:
            pairs.append((start, end))
            pos = end.end()
    return pairs
