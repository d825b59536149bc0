r"""A relation the prose names as a place, not a value: "the two pieces meet at $|r| = 1$",
"both give 0.5 where $|a| = 1$".

The names had values from a worked example before (r = 2), so ``|r| = 1`` read as a
number claimed at those values and was called wrong. The word right before the span
("at", "where", "when") says the relation picks out points: a wrong claim of a number
for an expression of names (not a bare name, which would be a value given; not a
derivative) in such a span is skipped with that reason.
"""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from .derivation import Step

_PLACE_WORD = re.compile(r"(?:^|\s)((?:[^\W\d_]+\s+){0,2}(?:at|where|when|whenever))\s*$", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def place_said(text: str, start: int) -> tuple[str, str]:
    """("place", the words) when the inline span starting at ``start`` follows "at" /
    "where" / "when" in the prose; else ("", "")."""
    if start > len(text) or start < 2 or text[start - 1] != "$" or text[start - 2] == "$":
        return "", ""
    before = text[:start - 1]
    paragraph = max((m.end() for m in _BLANK_LINE.finditer(before)), default=0)
    before = before[paragraph:]
    if before.count("$") % 2:
        return "", ""
    m = _PLACE_WORD.search(before.rsplit("$", 1)[-1])
    return ("place", " ".join(m.group(1).split())) if m else ("", "")


def place_outcome(step: Step, verdict, words: str):
    """``verdict`` (a wrong claim) skipped when it names a place: a number claimed for an
    expression of names, written right after ``words``."""
    if step.first.has(sp.Derivative) or isinstance(step.first, sp.Symbol) or not step.first.free_symbols \
            or not step.claim.is_number or step.previous not in (None, step.first):
        return verdict
    return replace(verdict, verdict="skipped", expected=None, counterexample=None,
                   reason=f"said as a place (\"{words}\"): the points where it holds, not a value the "
                          "notes compute; not checked")
