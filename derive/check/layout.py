"""Blank the layout of a LaTeX segment: commands that carry no mathematics.

``\\left``, ``\\quad``, ``\\text{…}`` and ``\\boxed{`` with its ``}`` become
spaces, never disappear, so a position in the blanked text is a position in
the notes. Each ``|`` is marked as opening or closing an absolute value.
"""
from __future__ import annotations

import functools
import re

_SPACING = re.compile(
    r"\\(?:qquad|quad|displaystyle|textstyle|limits|nolimits|nonumber|notag)(?![A-Za-z])|\\[,;:! ]|~"
    # MathJax's \space, sizes (\Large), and the end-of-proof mark: no mathematics
    r"|\\(?:space|tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge|blacksquare|qedhere)(?![A-Za-z])"
    r"|\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg)(?![A-Za-z])\.?"
)
_SUBSCRIPT_TEXT = re.compile(r"_\s*\{\s*(\\(?:text|textrm|mathrm|mathit|operatorname)\s*\{)")
#: The opening of text in math (``\text{``): prose, blanked here, and left alone by font_switches.py.
TEXT_OPEN = re.compile(r"\\(?:text|textrm|textit|textbf|mbox)\s*\{")
_KNOWN_TEXT_FUNCTION = re.compile(r"\\text\s*\{\s*(?:sign|sgn|sigmoid|exp|log|ln|tanh)\s*\}")
_BOXED = re.compile(r"\\(?:boxed|fbox)\s*\{")
_TAG = re.compile(r"\\(?:tag\*?|label|eqref|ref|hspace\*?|vspace\*?|phantom)\s*\{")
_BRACE_ONLY = re.compile(r"\\(?:underbrace|overbrace|underline|mathstrut)\s*\{")
_OVERSET = re.compile(r"\\(?:overset|underset|stackrel)\s*\{")
#: Prose written in math without \\text: ``if\\; y = …``, ``for all``.
_PROSE_WORDS = re.compile(r"(?<![\\A-Za-z])(?:if|for|where|and|then|let|with|when|since|so|s\.t\.)(?![A-Za-z])")
#: A word set upright in math (``\\mathrm{then}``): prose when it is one of :data:`_PROSE`.
_MATH_PROSE = re.compile(r"\\(?:mathrm|textrm|mathit|operatorname)\s*\{\s*([A-Za-z]+)\s*\}")
_SPACING_EXTRA = re.compile(r"\\(?:hfill|qquad|enspace|thinspace|medspace|thickspace)(?![A-Za-z])")
#: Words in ``\text{…}`` that are prose, never a name.
_PROSE = {"where", "for", "and", "or", "if", "with", "when", "then", "so", "since", "let", "as", "at",
          "is", "are", "of", "to", "the", "otherwise", "else", "all", "any", "each", "by", "on", "in",
          "from", "thus", "hence", "because", "gradient", "note", "such", "that", "using", "we", "get",
          "have", "which", "here", "this", "be", "it", "also", "other", "not", "but", "base", "proof"}


def closing_brace(text: str, open_pos: int) -> int:
    """Index of the ``}`` matching the ``{`` at ``open_pos`` (or -1)."""
    return _brace_pairs(text).get(open_pos, -1)


@functools.lru_cache(maxsize=8)
def _brace_pairs(text: str) -> dict[int, int]:
    """Every matched ``{`` of ``text`` mapped to its ``}``, in one pass (``\\{`` and
    ``\\}`` are not braces). Cached: a segment is asked about each brace in turn, and a
    scan from each of many unclosed braces to the end would be quadratic."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    for i, ch in enumerate(text):
        if ch not in "{}" or (i > 0 and text[i - 1] == "\\"):
            continue
        if ch == "{":
            opened.append(i)
        elif opened:
            pairs[opened.pop()] = i
    return pairs


def _blank_span(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def layout_blanked(text: str) -> str:
    """``text`` with layout commands replaced by spaces (same length)."""
    chars = list(text)
    for m in _SUBSCRIPT_TEXT.finditer(text):  # w_{\text{new}} → w_{      new }
        close = closing_brace(text, m.end(1) - 1)
        _blank_span(chars, m.start(1), m.end(1))
        if close >= 0:
            chars[close] = " "
    blanked = "".join(chars)
    blanked = _blank_decorations(blanked, chars)
    for pattern, keep_inside in ((_BOXED, True), (TEXT_OPEN, False)):
        blanked_to = 0  # a \text{ inside text already blanked is text too: skip it (linear time)
        for m in pattern.finditer(blanked):
            if m.start() < blanked_to:
                continue
            if not keep_inside and (_KNOWN_TEXT_FUNCTION.match(blanked, m.start())
                                    or _text_is_a_name(blanked, m)):
                continue
            close = closing_brace(blanked, m.end() - 1)
            end = close + 1 if close >= 0 else len(blanked)
            if keep_inside:
                _blank_span(chars, m.start(), m.end())
                if close >= 0:
                    chars[close] = " "
            else:
                _blank_span(chars, m.start(), end)
                blanked_to = end
        blanked = "".join(chars)
    blanked = _SPACING.sub(lambda m: " " * len(m.group(0)), blanked)
    blanked = _MATH_PROSE.sub(lambda m: " " * len(m.group(0)) if m.group(1).lower() in _PROSE else m.group(0),
                              blanked)
    blanked = _PROSE_WORDS.sub(lambda m: " " * len(m.group(0)), blanked)
    blanked = _pair_bars(blanked)
    stripped = blanked.rstrip()
    if stripped.endswith((".", ",", ";")):
        blanked = stripped[:-1] + " " * (len(blanked) - len(stripped) + 1)
    return blanked


def _text_is_a_name(text: str, m: re.Match) -> bool:
    """``\\text{MSE}``, ``\\text{ReLU}(z)``, ``\\text{Loss}`` name something;
    ``\\text{ where }`` and ``\\text{(gradient)}`` are prose."""
    close = closing_brace(text, m.end() - 1)
    if close < 0:
        return False
    word = text[m.end():close].strip()
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", word) or word.lower() in _PROSE:
        return False
    if word == "d":  # \frac{\text{d}}{\text{d}w}: the upright differential, as \mathrm{d} is read
        return True
    after = text[close + 1:].lstrip()
    return after.startswith(("(", "_", "=", "^", "'", "′")) or any(c.isupper() for c in word)


def _blank_decorations(text: str, chars: list[str]) -> str:
    """``\\tag{1}`` and ``\\label{…}`` vanish; ``\\underbrace{X}_{note}`` and
    ``\\overset{note}{=}`` keep only X and the ``=``."""
    blanked_to = 0
    for m in _TAG.finditer(text):
        if m.start() < blanked_to:  # inside a tag already blanked
            continue
        close = closing_brace(text, m.end() - 1)
        blanked_to = close + 1 if close >= 0 else len(text)
        _blank_span(chars, m.start(), blanked_to)
    text = "".join(chars)
    for m in _BRACE_ONLY.finditer(text):
        close = closing_brace(text, m.end() - 1)
        if close < 0:
            continue
        _blank_span(chars, m.start(), m.end())
        chars[close] = " "
        rest = re.match(r"\s*[_^]\s*", text[close + 1:])
        if rest:
            start = close + 1 + rest.end()
            end = closing_brace(text, start) + 1 if text[start:start + 1] == "{" else start + 1
            _blank_span(chars, close + 1, max(end, start))
    text = "".join(chars)
    for m in _OVERSET.finditer(text):
        close = closing_brace(text, m.end() - 1)
        if close < 0 or text[close + 1:close + 2] != "{":
            continue
        inner_close = closing_brace(text, close + 1)
        _blank_span(chars, m.start(), close + 2)
        if inner_close >= 0:
            chars[inner_close] = " "
    text = "".join(chars)
    return _SPACING_EXTRA.sub(lambda m: " " * len(m.group(0)), text)


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
