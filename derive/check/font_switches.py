r"""Old-style TeX font switches, read as the commands they stand for.

Notes written for plain TeX or older MathJax set a font with a switch inside a
group: ``{\bf w}``, ``{ \bf w }``, ``{\bf{w}}``, ``\bf{w}`` (bold, as
``\mathbf{w}``), and ``{\rm d}``, ``\rm{logistic}``, ``{\rm{logit}}``,
``{\it x}``, ``{\cal L}`` (upright, italic or calligraphic, as ``\mathrm{…}``).
A group holding only ``\mathrm{…}`` (``{\mathrm{logit}}(p)``) is that command,
not a factor multiplied by what follows.

Each is rewritten in place, positions kept (the text only gets shorter, padded
with spaces):

* bold becomes ``\bm{…}``, so the bold reading (``latex_rewrites.py``) decides
  whether the name is a scalar or vector notation, as it does for ``\mathbf``;
* an upright, italic or calligraphic letter, number or word becomes the bare
  letter, number or word when it reads as one name bare (one letter, three
  letters or more, a capitalised word, capitals, or a known function such as
  ``ln``); a word of prose (``{\rm where}``) becomes spaces, as ``\mathrm{where}``
  does; any other word (``{\rm lr}``, which would read as l·r) is refused with
  a reason.

A switch inside ``\text{…}`` is left alone: the text is blanked later anyway.
"""
from __future__ import annotations

import re

from .latex_errors import LatexError
from .layout import TEXT_OPEN, _PROSE, _brace_pairs, closing_brace

_FONTS = r"(?P<font>bf|rm|it|sf|tt|cal)(?![A-Za-z])"
_ANY = re.compile(r"\\(?:bf|rm|it|sf|tt|cal)(?![A-Za-z])|\{\s*\\(?:math|text|operatorname)")
#: How far before a group to look for the command it is an argument of.
_LOOK_BACK = 40
#: {\bf w}, { \rm d }, {\rm{logit}}: the switch inside a group of its own.
_GROUP_SWITCH = re.compile(r"\{\s*\\" + _FONTS + r"\s*(?:\{(?P<braced>[^{}]*)\}|(?P<bare>[^{}]*?))\s*\}")
#: \rm{logistic}, \bf{w}: the switch written as if it took an argument.
_COMMAND_SWITCH = re.compile(r"\\" + _FONTS + r"\s*\{(?P<braced>[^{}]*)\}")
#: {\mathrm{logit}}: a group holding only one upright-name command.
_WRAPPED_NAME = re.compile(r"\{\s*\\(?:mathrm|operatorname|mathit|mathsf|mathcal|textrm|text)\s*\{[^{}]*\}\s*\}")
#: Before a group that is a command's argument (``\\frac{…}``, ``^{…}``, ``\\hat{…}``), whose braces stay.
_ARGUMENT_BEFORE = re.compile(r"(?:\\[A-Za-z]+|[_^])\s*$")
#: Before the first argument of a command that takes two (``\\frac{a}{b}``).
_TWO_ARGUMENTS = re.compile(r"\\(?:[dtc]?frac|binom|overset|underset|stackrel)\s*$")
#: What reads bare as one name: a letter, a number, a word of three letters or more, a capitalised
#: word, capitals, or a function name of two letters.
_ONE_NAME = re.compile(r"[A-Za-z]|\d+(?:\.\d+)?|(?!d[A-Z])[a-z]{3,}|[A-Z][a-z]{2,}|[A-Z]{2,}|ln|ReLU")
#: Before an expression's first character: the opening of a switch rewritten here (``{\rm ``, ``\bf{``), or a
#: ``{`` blanked before parsing; an expression that starts there is shown from it.
OPENING = re.compile(r"(?:\{\s*\\(?:bf|rm|it|sf|tt|cal)(?![A-Za-z])\s*\{?|\\(?:bf|rm|it|sf|tt|cal)\s*\{|\{)\s*$")


def _text_spans(latex: str) -> list[tuple[int, int]]:
    spans = []
    for m in TEXT_OPEN.finditer(latex):
        close = closing_brace(latex, m.end() - 1)
        spans.append((m.start(), close + 1 if close >= 0 else len(latex)))
    return spans


def font_switches_read(latex: str) -> str:
    """``latex`` with old-style font switches rewritten as the reader reads
    ``\\mathbf``/``\\mathrm`` (same length); :class:`LatexError` for a word that
    would not read as one name."""
    if "\\" not in latex or not _ANY.search(latex):
        return latex
    texts = _text_spans(latex)
    inside_text = lambda pos: any(a <= pos < b for a, b in texts)
    chars = list(latex)
    openings = {close: open_ for open_, close in _brace_pairs(latex).items()}  # the switches keep every brace's place
    for pattern in (_GROUP_SWITCH, _COMMAND_SWITCH):
        current = "".join(chars)
        for m in pattern.finditer(current):
            if inside_text(m.start()):
                continue
            group = "braced" if m.group("braced") is not None else "bare"
            content, start = m.group(group).strip(), m.start(group) + len(m.group(group)) - len(m.group(group).lstrip())
            argument = pattern is _GROUP_SWITCH and _is_argument(current, m.start(), openings)
            _rewrite(chars, m, content, start, argument)
    for m in _WRAPPED_NAME.finditer("".join(chars)):
        if not inside_text(m.start()) and not _is_argument(latex, m.start(), openings):
            chars[m.start()] = chars[m.end() - 1] = " "
    return "".join(chars)


def _is_argument(latex: str, pos: int, openings: dict[int, int]) -> bool:
    """Whether the group opening at ``pos`` is a command's argument: after a command,
    a script mark, or the first argument of ``\\frac`` (``openings``: each ``}`` to its ``{``)."""
    window = latex[max(0, pos - _LOOK_BACK):pos]
    before = window.rstrip()
    if _ARGUMENT_BEFORE.search(before):
        return True
    if not before.endswith("}"):
        return False
    opening = openings.get(pos - (len(window) - len(before)) - 1)
    return opening is not None and _TWO_ARGUMENTS.search(latex[max(0, opening - _LOOK_BACK):opening]) is not None


def _rewrite(chars: list[str], m: re.Match, content: str, start: int, argument: bool) -> None:
    """One switch ``m`` holding ``content`` (at ``start``) rewritten in ``chars``;
    ``argument``: its group is a command's argument (``\\frac{\\rm d}{…}``), whose braces stay."""
    if not content or (argument and m.group("font") == "bf"):
        return
    for i in range(m.start(), m.end()):
        chars[i] = " "
    if argument:
        chars[m.start()], chars[m.end() - 1] = "{", "}"
    if m.group("font") == "bf":  # \bm{ content }: the bold command the reader knows, at the switch's place
        chars[m.start():m.start() + 4] = list("\\bm{")
        chars[start:start + len(content)] = list(content)
        chars[m.end() - 1] = "}"
        return
    if content.lower() in _PROSE:
        return  # {\rm where}: prose, blanked as \mathrm{where} is
    if not _ONE_NAME.fullmatch(content):
        raise LatexError(f"an old-style font switch (\\{m.group('font')}) around '{content}', which does not read "
                         "as one name; not read", m.start())
    chars[start:start + len(content)] = list(content)
