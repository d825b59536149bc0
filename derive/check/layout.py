"""Blank the layout of a LaTeX segment: commands that carry no mathematics.

``\\left``, ``\\quad``, ``\\text{…}`` and ``\\boxed{`` with its ``}`` become
spaces, never disappear, so a position in the blanked text is a position in
the notes. Each ``|`` is marked as opening or closing an absolute value.
"""
from __future__ import annotations

import re

_SPACING = re.compile(
    r"\\(?:qquad|quad|displaystyle|textstyle|limits|nonumber|notag)(?![A-Za-z])|\\[,;:! ]|~"
    r"|\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg)(?![A-Za-z])\.?"
)
_SUBSCRIPT_TEXT = re.compile(r"_\s*\{\s*(\\(?:text|textrm|mathrm|mathit|operatorname)\s*\{)")
_TEXT = re.compile(r"\\(?:text|textrm|textit|textbf|mbox)\s*\{")
_KNOWN_TEXT_FUNCTION = re.compile(r"\\text\s*\{\s*(?:sign|sgn|sigmoid|exp|log|ln|tanh)\s*\}")
_BOXED = re.compile(r"\\(?:boxed|fbox)\s*\{")


def _closing_brace(text: str, open_pos: int) -> int:
    """Index of the ``}`` matching the ``{`` at ``open_pos`` (or -1)."""
    depth = 0
    for i in range(open_pos, len(text)):
        if text[i] == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif text[i] == "}" and (i == 0 or text[i - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return i
    return -1


def _blank_span(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def layout_blanked(text: str) -> str:
    """``text`` with layout commands replaced by spaces (same length)."""
    chars = list(text)
    for m in _SUBSCRIPT_TEXT.finditer(text):  # w_{\text{new}} → w_{      new }
        close = _closing_brace(text, m.end(1) - 1)
        _blank_span(chars, m.start(1), m.end(1))
        if close >= 0:
            chars[close] = " "
    blanked = "".join(chars)
    for pattern, keep_inside in ((_BOXED, True), (_TEXT, False)):
        for m in pattern.finditer(blanked):
            if not keep_inside and _KNOWN_TEXT_FUNCTION.match(blanked, m.start()):
                continue
            close = _closing_brace(blanked, m.end() - 1)
            end = close + 1 if close >= 0 else len(blanked)
            if keep_inside:
                _blank_span(chars, m.start(), m.end())
                if close >= 0:
                    chars[close] = " "
            else:
                _blank_span(chars, m.start(), end)
        blanked = "".join(chars)
    blanked = _SPACING.sub(lambda m: " " * len(m.group(0)), blanked)
    blanked = _pair_bars(blanked)
    stripped = blanked.rstrip()
    if stripped.endswith((".", ",", ";")):
        blanked = stripped[:-1] + " " * (len(blanked) - len(stripped) + 1)
    return blanked


def _pair_bars(text: str) -> str:
    """Mark each ``|`` as opening (U+E000) or closing (U+E001) an absolute value:
    it closes when one is open and the character before it ends an operand."""
    out, open_bars, last = [], 0, ""
    for ch in text:
        if ch == "|":
            closes = open_bars > 0 and last not in ("", "(", "{", "[", "+", "-", "=", "*", "/", "\ue000")
            ch = "\ue001" if closes else "\ue000"
            open_bars += -1 if closes else 1
        out.append(ch)
        if not ch.isspace():
            last = ch
    return "".join(out)
