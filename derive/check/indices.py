"""Same-length rewrites of how notes write indices and exponents, before parsing.

Every rewrite keeps the text's length (padding with spaces), so a position the
parser reports is still a position in the notes:

* spaced braces around a name, as some editors emit them: ``{ p }_{ i }`` is
  ``p_{ i }`` and ``{ y }^{ 2 }`` is ``y^{ 2 }``;
* an empty superscript ``\\sum _{ k }^{  }`` says nothing and is blanked;
* an index written as a bracketed superscript is a subscript: ``y^{(i)}`` and
  ``a^{[l]}`` are ``y_{ i }`` and ``a_{ l }``; on a name that already has one,
  ``x_j^{(i)}`` is the name ``x_j_i`` (indexed by both j and i inside sums);
* a superscript written before the subscript is set by TeX as if written
  after it: ``w^{(1)}_{new}`` is ``w_{new}^{(1)}`` and ``a^2_1`` is ``a_1^2``;
* an unbraced exponent that runs into more letters (``e^-2x``, ``e^-xy``) is
  ambiguous (``e^{-2x}`` or ``e^{-2} x``?): refused, never guessed.
"""
from __future__ import annotations

import re

#: Joins two indices of one name (``x_j^{(i)}`` → ``x_{j⁣i}``); the reader turns it into ``_``.
INDEX_JOIN = "\ue003"

_NAME = r"(?:\\[A-Za-z]+|[A-Za-z])"
#: ``{ p }`` before ``_`` or ``^``, not the argument of a command (``\hat{y}_i``, ``\frac{a}{b}``).
_SPACED_BRACES = re.compile(r"(?<![A-Za-z])\{\s*(" + _NAME + r")\s*\}(?=\s*[_^])")
#: A command whose argument a brace group is (``\\sqrt{ x }^2`` keeps its braces).
_COMMAND_BEFORE = re.compile(r"\\(?:sqrt|[dtc]?frac|mathbf|boldsymbol|bm|text[a-z]*|math[a-z]+|operatorname|overline"
                             r"|underline|underbrace|overbrace|boxed|hat|bar|tilde|vec|dot|widehat|widetilde)\s*$")
_EMPTY_SUPERSCRIPT = re.compile(r"\^\s*\{\s*\}")
_BRACKET_INDEX = r"\^\s*\{\s*[(\[]\s*([A-Za-z0-9]+)\s*[)\]]\s*\}"
#: ``_j^{(i)}``, ``_{ k }^{ (i) }``, ``_{j,i}^{[2]}``: a subscript followed by a bracketed superscript index.
_TWO_INDICES = re.compile(r"_\s*(\{\s*[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*\s*\}|[A-Za-z0-9])\s*" + _BRACKET_INDEX)
_ONE_INDEX = re.compile(_BRACKET_INDEX)
_SCRIPT = r"(?:\{[^{}]*\}|[A-Za-z0-9*+]|\\[A-Za-z]+)"
#: ``^{(1)}_{new}``: a superscript and then a subscript on the same base.
_SUPERSCRIPT_FIRST = re.compile(r"(\^\s*" + _SCRIPT + r")(\s*)(_\s*" + _SCRIPT + ")")
#: ``e^-2x``, ``x^-ab``: an unbraced negative exponent followed at once by more of a term.
_AMBIGUOUS_EXPONENT = re.compile(r"\^\s*-\s*(?:\d+(?:\.\d+)?(?=[A-Za-z\\(])|[A-Za-z](?=[A-Za-z0-9\\(]))")


class AmbiguousExponent(ValueError):
    """An unbraced exponent whose extent cannot be known; ``pos`` is where it starts."""

    def __init__(self, pos: int, text: str):
        self.pos = pos
        super().__init__(f"the unbraced exponent '{text}' is ambiguous (write ^{{…}} around what it raises to); "
                         "not read")


def _padded(new: str, old: str) -> str:
    return new + " " * (len(old) - len(new))


def _padded_inside(new: str, old: str) -> str:
    """``new`` ending in ``}``, padded before that brace: the name still ends where ``old`` did."""
    return new[:-1] + " " * (len(old) - len(new)) + "}"


def indices_rewritten(latex: str) -> str:
    """``latex`` with spaced braces, empty superscripts and bracketed index
    superscripts rewritten (same length); raises :class:`AmbiguousExponent`."""
    m = _AMBIGUOUS_EXPONENT.search(latex)
    if m:
        raise AmbiguousExponent(m.start(), " ".join(latex[m.start():m.end() + 1].split()))
    latex = _SPACED_BRACES.sub(lambda m: m.group(0) if _COMMAND_BEFORE.search(latex, 0, m.start())
                               else _padded(" " + m.group(1), m.group(0)), latex)
    latex = _EMPTY_SUPERSCRIPT.sub(lambda m: " " * len(m.group(0)), latex)
    latex = _SUPERSCRIPT_FIRST.sub(lambda m: m.group(3) + m.group(2) + m.group(1), latex)
    latex = _TWO_INDICES.sub(
        lambda m: _padded_inside("_{" + m.group(1).strip("{} ") + INDEX_JOIN + m.group(2) + "}", m.group(0)), latex)
    return _ONE_INDEX.sub(lambda m: _padded_inside("_{ " + m.group(1) + " }", m.group(0)), latex)
