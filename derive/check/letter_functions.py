r"""Small and Greek letters the notes define as functions: ``s(x) = x\sigma(x)``, ``\ell(w) = …``.

The grammar reads f, g, h (and a capital before a prime) at a bracket as a call; any
other letter before a bracket is a factor, as ``w(x + 1)`` and ``p'(1 - p')`` (p' a
value) are. So ``\ell(w) = …`` was a product that defined nothing, ``s'(x) = …``
was skipped, and ``\ell'(0) = 0.5`` was read as l'·0 = 0 and called wrong.

Here, for the whole notes (``letter_calls``), a letter (a-z other than d, e, f, g,
h; ``\ell`` and ``ℓ`` as l; a Greek command other than σ and π) is a function
when the notes

* define it by a head of one name: a row (or a piece after ``,`` or ``\qquad``)
  starting ``s(x) = body`` whose body uses x, and not s itself nor a prime
  (``k(x) = g'(u)\,u'(x)`` is a rule, not a formula), and
* never give the bare letter or its primed form a value (``s = 0.73``,
  ``p' = 0.7``), nor differentiate by it (``\partial s`` under the bar).

Then, in every row, ``s(x)``, ``s'(1)``, ``\ell''(0)``, ``\ell(w + 1)`` are calls of it,
unless the bracket holds the letter itself (``s(1 - s)`` stays a product: of the
bare s, which is the function's body, as for f). A letter the notes give a value
(``l = 2``, then ``l(w + 1)``) stays a factor. A prime on any other such letter at a bracket of
one number (``r'(0) = 2``), when the notes give that primed letter no value,
is a call too, of a function the notes do not define: skipped with that
reason, where the product r'·0 = 0 made a "wrong".

The parser learns which letters by a same-length marker (``marked``): the
letter (or a Greek command's backslash, the rest blanked) becomes a
private-use character the grammar reads as a function name (FNAME in
grammar.py) and ``letter_name`` turns back into the letter's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

_GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
          "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "tau", "upsilon", "phi", "varphi", "chi",
          "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Phi", "Psi", "Omega")
_LATIN = tuple("abcijklmnopqrstuvwxyz")
#: every name a marker may stand for; the marker of NAMES[k] is chr(MARK + k)
NAMES = _LATIN + _GREEK
MARK = 0xE100

_LETTER = (r"(?:(?<![A-Za-z\\_^])(?P<latin>[abcijk-z])(?![A-Za-z])|(?P<ell>\\ell(?![A-Za-z])|ℓ)"
           r"|\\(?P<greek>" + "|".join(_GREEK) + r")(?![A-Za-z]))")
#: one name: a letter with an optional subscript, a hatted letter, a Greek command
_NAME = (r"(?:\\(?:hat|bar|tilde)\s*\{?\s*[A-Za-z]\s*\}?|\\[A-Za-z]+|[A-Za-z])"
         r"(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?")
_NUMBER = r"[-−]?\s*\d+(?:\.\d+)?"
_OPEN = r"\s*(?:\\left\s*)?\(\s*"
_CLOSE = r"\s*(?:\\right\s*)?\)"
_ROW_START = r"(?:^|\n|[,;&]|\\\\|\\q?quad(?![A-Za-z])|\\text\s*\{[^{}]*\})\s*"
_DEFINES = r"\s*(?::=|=|\\coloneqq(?![A-Za-z])|\\triangleq(?![A-Za-z])|\\equiv(?![A-Za-z]))"
_HEAD = re.compile(_ROW_START + _LETTER + _OPEN + r"(?P<param>" + _NAME + r")" + _CLOSE + _DEFINES
                   + r"(?P<body>(?:[^,]|(?<=\\),)*?)(?=\\q?quad(?![A-Za-z])|$|(?<!\\),)", re.S)
#: ``E(w) = body`` (``E(w_1, w_2) = …``): a function E, by a head of names the body uses
_E_HEAD = re.compile(_ROW_START + r"E\s*\(\s*(?P<params>[^()]*?)\s*\)" + _DEFINES
                     + r"(?P<body>(?:[^,]|(?<=\\),)*?)(?=\\q?quad(?![A-Za-z])|$|(?<!\\),)", re.S)
_GIVEN = re.compile(_ROW_START + _LETTER + r"\s*(?P<primes>['′]*)\s*(?:=|\\approx(?![A-Za-z])|≈)")
_DIFFERENTIATED_BY = re.compile(r"\}\s*\{\s*(?:\\partial(?![A-Za-z])|∂|d)\s*" + _LETTER + r"\s*\}")


@dataclass(frozen=True)
class LetterCalls:
    """What ``parse_statement`` reads as calls: the letters the notes define as
    functions, and the letters whose primed form the notes give a value."""

    functions: frozenset[str] = frozenset()
    valued_primes: frozenset[str] = frozenset()
    e_params: frozenset[str] = frozenset()  # E(w) = … defines a function E of w: E(w) is no expectation


def _name(match: re.Match) -> str:
    return match.group("latin") or ("l" if match.group("ell") else match.group("greek"))


def _uses(body: str, name: str) -> bool:
    """Whether the LaTeX ``body`` writes the one-letter or Greek ``name`` as a name: a Greek command,
    or a letter in a run of at most two (``wx`` is w·x; a longer run is a word)."""
    if name == "l" and re.search(r"\\ell(?![A-Za-z])|ℓ", body):
        return True
    if len(name) > 1:
        return bool(re.search(r"\\" + name + r"(?![A-Za-z])", body))
    runs = re.findall(r"[A-Za-z]+", re.sub(r"\\[A-Za-z]+", " ", body))
    return any(len(run) <= 2 and name in run for run in runs)


def letter_calls(latexes: Iterable[str]) -> LetterCalls:
    """The letters the notes (their math segments, ``latexes``) define as functions, by the rules above."""
    defined, excluded, valued, e_params = set(), set(), set(), set()
    for latex in latexes:
        for m in _E_HEAD.finditer(latex):
            params = [re.sub(r"^\\(?:hat|bar|tilde)\{?|\}$|_.*$", "", p.strip()).lstrip("\\")
                      for p in m.group("params").split(",")]
            if all(re.fullmatch(r"[A-Za-z]+", p) for p in params) and any(_uses(m.group("body"), p) for p in params):
                e_params |= set(params)
        for m in _HEAD.finditer(latex):
            name, param = _name(m), re.sub(r"\s+", "", m.group("param"))
            param = re.sub(r"^\\(?:hat|bar|tilde)\{?|\}$|_.*$", "", param).lstrip("\\")
            body = m.group("body")
            if param != name and _uses(body, param) and not _uses(body, name) and not re.search("['′]", body):
                defined.add(name)
        for m in _GIVEN.finditer(latex):
            (valued if m.group("primes") else excluded).add(_name(m))
        for m in _DIFFERENTIATED_BY.finditer(latex):
            excluded.add(_name(m))
    return LetterCalls(frozenset(defined - excluded - valued), frozenset(valued), frozenset(e_params))


#: a trailing equation number, ``\quad (9)``, ``\qquad [2.2]`` (the reader takes it for a factor)
_EQUATION_NUMBER = re.compile(r"(?:\\q?quad(?![A-Za-z])|\s{2,})\s*[(\[]\s*\d+(?:\.\d+)?\s*[)\]]\s*$")
_AT_BRACKET = re.compile(_LETTER + r"(?=\s*(?P<primes>['′]*)\s*\()")


def _argument(text: str, at: int) -> str | None:
    """What the bracket opening at or after ``at`` holds, up to its matching close; None when it is not closed."""
    opening = text.index("(", at)
    depth = 0
    for k in range(opening, len(text)):
        depth += text[k] == "("
        depth -= text[k] == ")"
        if depth == 0:
            return text[opening + 1:k]
    return None


def marked(text: str, calls: LetterCalls | None) -> str:
    """``text`` (the grammar's input, layout blanked) with each letter read as a call replaced
    by its marker, same length: a defined letter at a bracket that does not hold the letter
    itself; a primed letter without a value at a bracket of one number."""
    if calls is None or _EQUATION_NUMBER.search(text):
        return text  # f'(x) = 2x \quad (9): the number is read as a factor; a letter is not made a call there
    chars = list(text)
    for m in _AT_BRACKET.finditer(text):
        name = _name(m)
        arg = _argument(text, m.end())
        if arg is None:
            continue
        if name in calls.functions:
            if _uses(arg, name):
                continue  # s(1 - s): a product
        elif not (m.group("primes") and re.fullmatch(r"\s*" + _NUMBER + r"\s*", arg) and name not in calls.valued_primes):
            continue
        chars[m.start():m.end()] = chr(MARK + NAMES.index(name)) + " " * (m.end() - m.start() - 1)
    return "".join(chars)


def letter_name(token: str) -> str:
    """The name a marker stands for; any other token as it is."""
    if len(token) == 1 and MARK <= ord(token) < MARK + len(NAMES):
        return NAMES[ord(token) - MARK]
    return token
