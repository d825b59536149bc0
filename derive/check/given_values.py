r"""Values a worked example gives entry by entry in a matrix:
``W = \begin{pmatrix} w_1 & w_2 \\ w_3 & w_4 \end{pmatrix} = \begin{pmatrix} 0.3 & 0.2 \\ 0.2 & 0.3 \end{pmatrix}``
says w_1 = 0.3, w_2 = 0.2, … The scalar reader does not read matrices, so such a
segment was skipped whole, and every number computed from those values after it
was skipped too ("values the notes do not give").

Here the matrix equality is rewritten as the definitions it states,
``w_1 = 0.3, w_2 = 0.2, …``, padded to the same length with the same line breaks
(so that every position, and so every line, stays where it was); the rest of the
segment (``, \quad y_1 = 0.7``) is read as before. Only a matrix of plain names
equal to a matrix of plain numbers with the same rows and columns is read, and
only when every name is given one value."""
from __future__ import annotations

import re

_ENV = r"\\begin\{(?P<KIND>[pbvB]?matrix)\}(?P<BODY>(?:(?!\\begin|\\end).)*?)\\end\{(?P=KIND)\}"
#: NAME = matrix of names = matrix of numbers (the NAME = part is optional).
GIVEN = re.compile(r"(?P<head>\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*=\s*)?"
                   + _ENV.replace("KIND", "k1").replace("BODY", "names") + r"\s*=\s*" + _ENV.replace("KIND", "k2").replace("BODY", "numbers"),
                   re.DOTALL)
_NAME = re.compile(r"(?:\\(?:alpha|beta|gamma|delta|eta|theta|lambda|mu|sigma|omega)|[A-Za-z])"
                   r"(?:_\{?[A-Za-z0-9]+\}?)?")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)")


def _cells(body: str) -> list[list[str]]:
    rows = [r for r in re.split(r"\\\\(?:\[[^\]]*\])?", body) if r.strip()]
    # cells split at & (or, where the reader has blanked the &, at blanks)
    return [[c.strip() for c in row.split("&")] if "&" in row else row.split() for row in rows]


def _definitions(names: str, numbers: str) -> str | None:
    left, right = _cells(names), _cells(numbers)
    if not left or [len(r) for r in left] != [len(r) for r in right]:
        return None
    pairs: dict[str, str] = {}
    for name, number in zip((c for r in left for c in r), (c for r in right for c in r)):
        if not _NAME.fullmatch(name) or not _NUMBER.fullmatch(number):
            return None
        if pairs.setdefault(name, number) != number:
            return None  # one name, two values: not a table of given values
    return ", ".join(f"{name} = {number}" for name, number in pairs.items())


def _padded(replacement: str, original: str) -> str | None:
    """``replacement`` followed by the blanks that keep ``original``'s length
    and line breaks, or None when it does not fit before the first line break."""
    first_break = original.find("\n")
    room = len(original) if first_break < 0 else first_break
    if len(replacement) > room:
        return None
    tail = original[len(replacement):]
    return replacement + "".join("\n" if ch == "\n" else " " for ch in tail)


def given_matrix_values(latex: str) -> str | None:
    """``latex`` with each matrix of names set equal to a matrix of numbers
    rewritten as the definitions it states, or None when there is none."""
    changed = False

    def rewrite(m: re.Match) -> str:
        nonlocal changed
        before = latex[:m.start()].rstrip()
        if m.group("head") is None and before and not re.search(r"(?:,|\\quad|\\qquad|\\\\)$", before):
            return m.group(0)  # W^{[1]} = (w_1 …) = (0.3 …): what the matrix is, is not read here
        definitions = _definitions(m.group("names"), m.group("numbers"))
        padded = _padded(definitions, m.group(0)) if definitions else None
        if padded is None:
            return m.group(0)
        changed = True
        return padded

    text = GIVEN.sub(rewrite, latex)
    return text if changed else None
