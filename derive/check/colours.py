r"""Colour commands around part of a formula: ``\color{red}{3x^2}``, ``{\color{blue} 2x}``,
``\textcolor{red}{…}``, ``\color{#1F618D}{…}``.

Annotated derivations colour the part a step works on. A colour changes how a formula
looks, never what it says, but the reader did not know the commands and left the whole
row unread. The command and its colour (a name, ``#`` and hex digits, or a model and
values such as ``[rgb]{1,0,0}``) are blanked, positions kept.

The braces that carry the colour are not brackets: TeX draws ``2\,\textcolor{red}{x+1}``
as "2 x+1". Where leaving them out cannot change the reading, they are blanked too:
a single term (``\cdot {\color{blue} 2x}``), or a sum or a whole equation set off by
what stands around it (``u'({\color{cyan}{x^3-9x}})``, ``{\color{cyan}{v(x)=x^3-9x}} \qquad …``).
Where it could (a coloured sum multiplied, raised or subtracted: ``2\color{red}{x+1}``,
``a - \textcolor{red}{b+c}``, ``\textcolor{red}{2x}^2``, ``1/\color{red}{2x}``), the row
is refused with that reason rather than read with a guessed grouping.
"""
from __future__ import annotations

import re

from .latex_errors import LatexError
from .layout import closing_brace

#: ``\color{red}``, ``\textcolor[rgb]{1,0,0}``, ``\color{#1F618D}``: the command and its colour.
_COLOUR = re.compile(r"\\(?:textcolor|color)\s*(?:\[[A-Za-z]+\]\s*)?\{\s*#?[A-Za-z0-9!.,\s]*\}")
#: What may stand next to a coloured sum without binding tighter than its + or -.
_RELATION = re.compile(r"\\(?:approx|simeq|sim|equiv|neq?|leq?|geq?|to|rightarrow|Rightarrow|implies|longrightarrow"
                       r"|quad|qquad)(?![A-Za-z])")
_SIZING = re.compile(r"\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg)(?![A-Za-z])|\\[,;:! ]")
#: A brace after one of these is an argument, not a group the colour made.
_ARGUMENT_BEFORE = re.compile(r"(?:\\(?:[dtc]?frac|sqrt|binom|math[a-z]+|text[a-z]*|operatorname|boldsymbol|bm|pmb|hat"
                              r"|bar|tilde|vec|ddot|dot|widehat|widetilde|overline|underline|underbrace|overbrace|boxed"
                              r"|fbox|overset|underset|stackrel|begin|end)|[}\]^_])\s*$")


def _top_level(body: str) -> str:
    """'relation' when ``body`` holds ``=`` (or another relation) outside any bracket,
    'sum' when it holds a +, - or / there (it could bind looser than what stands around it), else 'term'."""
    depth, kind = 0, "term"
    for i, ch in enumerate(body):
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif depth == 0 and (ch in "=<>" or _RELATION.match(body, i) and not body.startswith("\\q", i)):
            return "relation"
        elif depth == 0 and (ch in "+-,/" or body.startswith(("\\pm", "\\mp", "\\div"), i)):
            kind = "sum"
    return kind


def _before(text: str, pos: int) -> str:
    """What stands before ``pos``: 'start', 'open', 'plus', 'minus', 'relation', 'script', 'divide' or 'product'."""
    head = text[:pos].rstrip()
    while True:
        m = re.search(r"(?:\\(?:left|bigl|Bigl|biggl|big|Big|bigg|Bigg)|\\[,;:! ])\s*$", head)
        if not m:
            break
        head = head[:m.start()].rstrip()
    if not head or head.endswith(("&", "\\\\")):
        return "start"
    if re.search(r"\\(?:quad|qquad)\s*$", head) or head.endswith(","):
        return "start"
    if head.endswith(("(", "[", "{")):
        return "open"
    if head.endswith("+"):
        return "plus"
    if head.endswith("-"):
        return "minus"
    if head.endswith(("=", "<", ">")) or re.search(_RELATION.pattern + r"\s*$", head):
        return "relation"
    if head.endswith(("^", "_")):
        return "script"
    if head.endswith("/") or re.search(r"\\div\s*$", head):
        return "divide"
    return "product"


def _after(text: str, pos: int) -> str:
    """What stands after ``pos``: 'end', 'close', 'plus', 'relation', 'script' or 'product'."""
    tail = text[pos:].lstrip()
    while True:
        m = _SIZING.match(tail)
        if not m:
            break
        tail = tail[m.end():].lstrip()
    if not tail or tail.startswith(("&", "\\\\", ",", ".", ";")) or re.match(r"\\(?:quad|qquad)(?![A-Za-z])", tail):
        return "end"
    if tail.startswith((")", "]", "}")):
        return "close"
    if tail.startswith(("+", "-")):
        return "plus"
    if tail.startswith(("=", "<", ">")) or _RELATION.match(tail):
        return "relation"
    if tail.startswith(("^", "_", "'", "!")) or tail.startswith("\\prime"):
        return "script"
    return "product"


def _braces_may_go(kind: str, before: str, after: str) -> bool:
    """Whether a group of ``kind`` between ``before`` and ``after`` reads the same without its braces."""
    if after == "script" or before in ("script", "divide"):
        return False
    if kind == "term":
        return True
    if kind == "sum":
        return before in ("start", "open", "plus", "relation") and after in ("end", "close", "plus", "relation")
    return before in ("start", "relation") and after in ("end", "relation")


def colours_read(latex: str) -> str:
    """``latex`` with colour commands blanked (same length), and the braces of the groups
    they colour where that cannot change the reading; raises :class:`LatexError` where it could."""
    found = list(_COLOUR.finditer(latex))
    if not found:
        return latex
    chars = list(latex)
    for m in found:
        chars[m.start():m.end()] = " " * (m.end() - m.start())
    text = "".join(chars)
    groups = set()  # the brace groups the colours made
    for m in found:
        rest = text[m.end():]
        if rest.lstrip().startswith("{"):
            groups.add(m.end() + len(rest) - len(rest.lstrip()))  # \color{c}{…}, \textcolor{c}{…}
        opening = text.rfind("{", 0, m.start())
        if opening >= 0 and not text[opening + 1:m.start()].strip() and not _ARGUMENT_BEFORE.search(text[:opening]):
            groups.add(opening)  # {\color{c} …}
    for opening in sorted(groups):  # outer groups first: {\color{c}{v = …}}, then the equation inside
        close = closing_brace(latex, opening)
        if close < 0:
            raise LatexError("a colour command whose braces are not closed is not read", opening)
        kind = _top_level(text[opening + 1:close])
        if not _braces_may_go(kind, _before(text, opening), _after(text, close + 1)):
            raise LatexError("a coloured part of a formula (\\color, \\textcolor) drawn without brackets: "
                             "whether it is grouped as one factor is not certain; not read", opening)
        chars[opening] = chars[close] = " "
        text = "".join(chars)
    return text
