r"""The text a report quotes for one side of a claim: the whole of what the notes wrote.

The reader parses a copy of the row in which layout and wrapper commands are
blanked (``\mathbf{`` and its ``}``, ``\left``, ``\right``), positions kept. A
side's place in that copy can begin or end inside such a wrapper: the report
then quoted ``\frac{d}{dx} \mathbf{z`` (the closing brace cut off), ``z}`` (the
opening cut off) or ``( x + 1 \right)^2`` (the ``\left`` dropped), which is not
what the notes say. Here a side's span is widened to the whole wrapper when the
wrapper holds nothing but that side (the ``\mathbf{`` just before it, the ``}``
just after it), and a brace left over that belongs to something larger (the
``}`` of ``\boxed{a = b}`` after ``b``) is cut off instead. Nothing else moves:
a span that is balanced already is left as it is.
"""
from __future__ import annotations

import re

_NUMBER = re.compile(r"\s*[-+]?\d+(?:\.\d+)?\s*")
_LEFT = re.compile(r"\\left(?![A-Za-z])")
_RIGHT = re.compile(r"\\right(?![A-Za-z])")
#: ``\left`` and its delimiter, just before a side that starts after them.
_LEFT_BEFORE = re.compile(r"\\left\s*(?:\\[A-Za-z]+|\\.|[^\s\\A-Za-z])?\s*$")
#: ``\right`` and its delimiter, just after a side.
_RIGHT_AFTER = re.compile(r"\s*\\right\s*(?:\\[A-Za-z]+|\\.|[^\s\\A-Za-z])")
#: A font or accent command and the ``{`` of its one argument, just before a side (``\mathbf{``).
_WRAPPER_BEFORE = re.compile(r"\\(?:math(?:bf|rm|it|sf|cal|bb|scr|frak)|boldsymbol|bm|pmb|operatorname|vec|hat|bar|"
                             r"tilde|widehat|widetilde|overline|dot|ddot|boxed|textbf)\s*\{\s*$")


def shown_span(latex: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` widened to the wrappers cut in half (see the module's docstring)."""
    end = min(end, len(latex))  # a side may end in a bracket the reader added (\log \sum … at the end: latex_rewrites.py)
    start, end = _delimiters_whole(latex, start, end)
    return _braces_whole(latex, start, end)


def _unmatched(tokens: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Positions of unmatched openings (+1) and closings (-1) in ``tokens`` (position, sign)."""
    opened, closed = [], []
    for pos, sign in sorted(tokens):
        if sign > 0:
            opened.append(pos)
        elif opened:
            opened.pop()
        else:
            closed.append(pos)
    return opened, closed


def _delimiters_whole(latex: str, start: int, end: int) -> tuple[int, int]:
    part = latex[start:end]
    tokens = [(m.start(), 1) for m in _LEFT.finditer(part)] + [(m.start(), -1) for m in _RIGHT.finditer(part)]
    opened, closed = _unmatched(tokens)
    if closed and not opened:
        before = _LEFT_BEFORE.search(latex, 0, start)
        if before:
            start = before.start()
    elif opened and not closed:
        after = _RIGHT_AFTER.match(latex, end)
        if after:
            end = after.end()
    return start, end


def _brace_tokens(latex: str, start: int, end: int) -> list[tuple[int, int]]:
    tokens = []
    for i in range(start, end):
        if latex[i] in "{}" and not _escaped(latex, i):
            tokens.append((i, 1 if latex[i] == "{" else -1))
    return tokens


def _escaped(latex: str, i: int) -> bool:
    slashes = 0
    while i - slashes - 1 >= 0 and latex[i - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def _matching_open(latex: str, close: int) -> int:
    depth = 0
    for i in range(close, -1, -1):
        if latex[i] in "{}" and not _escaped(latex, i):
            depth += 1 if latex[i] == "}" else -1
            if depth == 0:
                return i
    return -1


def _matching_close(latex: str, open_: int) -> int:
    depth = 0
    for i in range(open_, len(latex)):
        if latex[i] in "{}" and not _escaped(latex, i):
            depth += 1 if latex[i] == "{" else -1
            if depth == 0:
                return i
    return -1


def _braces_whole(latex: str, start: int, end: int) -> tuple[int, int]:
    opened, closed = _unmatched(_brace_tokens(latex, start, end))
    if len(opened) + len(closed) > 1:
        return start, end
    if closed:
        close = closed[0]
        open_ = _matching_open(latex, close)
        if open_ >= 0 and not latex[open_ + 1:start].strip():
            start = open_  # z} of \mathbf{z}: from the opening on (its command is added below)
        elif not latex[close + 1:end].strip() and latex[start:close].strip():
            return start, start + len(latex[start:close].rstrip())  # b} of \boxed{a = b}: b
        else:
            return start, end
    elif opened:
        open_ = opened[0]
        close = _matching_close(latex, open_)
        if close >= 0 and not latex[end:close].strip():
            end = close + 1  # \mathbf{z: to the closing brace
        elif not latex[start:open_].strip() or _WRAPPER_BEFORE.fullmatch(latex, start, open_ + 1):
            return open_ + 1, end  # \boxed{a of \boxed{a = b}: the side is a
        else:
            return start, end
    return _wrappers_whole(latex, start, end)


def _wrappers_whole(latex: str, start: int, end: int) -> tuple[int, int]:
    r"""A balanced span widened to the wrappers that hold nothing but it
    (``w`` of ``\mathbf{w}``, ``{\theta}_1`` of ``\boldsymbol{\theta}_1``)."""
    if _NUMBER.fullmatch(latex[start:end]):
        return start, end  # \mathbf{6.0}: a number in bold is quoted as the number (its decimals are read from it)
    while True:
        command = _WRAPPER_BEFORE.search(latex, 0, start + 1) if latex[start:start + 1] == "{" else None
        if command and command.end() == start + 1:
            start = command.start()
            continue
        opening = _WRAPPER_BEFORE.search(latex, 0, start)
        if opening:
            open_ = opening.end() - 1
            close = _matching_close(latex, open_)
            if close >= end and not latex[end:close].strip():
                start, end = opening.start(), close + 1
                continue
        return start, end
