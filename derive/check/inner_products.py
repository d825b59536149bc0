r"""Inner products in scalar rows: ``\theta^T x^{(i)}`` read at vectors of length 1.

Notes on logistic regression write the score of sample i as ``\theta^T x^{(i)}``
inside rows that are otherwise scalar algebra
(``= -y^{(i)}\log(1 + e^{-\theta^T x^{(i)}}) - …``). Such a row is an identity
about those numbers. It is read with the vectors of length 1: ``^T`` becomes
``_T`` and the bold markers of the two names are blanked (positions stay put),
so the scalar reader reads ``\theta_T x^{(i)}``, θ_T a name no other row's θ or
θ_j meets. A counterexample at length 1 is a
counterexample; and when every product has the same transposed vector and
neither vector is written anywhere else in the row, the products θx₁, θx₂, …
take any values at length 1 just as θᵀx₁, θᵀx₂, … do, so "equal" there is
equal for every length. The row stays matrix notation otherwise:

* it holds a derivative (``\partial``, ``\nabla``, ``\frac{d}{d…}``, a prime):
  the product depends on both vectors' components;
* a vector of a product is written elsewhere in the row (``h_\theta(x^{(i)})``,
  ``(\theta^T x^{(i)} - y^{(i)}) x^{(i)}``: a vector sum), or the transposed
  vector's components are (``\theta_j``: ``\theta^T x = \sum_j \theta_j x_j`` is
  about the parts); components of the other vector (``x_j^{(i)}``, a
  multiplier) and a name's label (``h_\theta``) stay;
* two transposed vectors (``\theta^T x`` and ``w^T z``: at length 1 the products
  would be tied), a vector times itself (``e^T e`` is never negative, θ_T·e
  can be), a transposed side with an index (``\theta_k^T x``), a capital
  (``X^T y``: a matrix), or something other than a name after ``^T``;
* it is a definition (``NAME = … \theta^T x …``): a later ``∂/∂\theta_j`` of
  that name must not see θ as one number. Rows beginning with ``=`` and rows
  with an inner product left of their first ``=`` are read.
"""
from __future__ import annotations

import re

from .layout import closing_brace

_TRANSPOSE = re.compile(r"\^\s*(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T(?![A-Za-z])|\\top(?![A-Za-z])|\\intercal(?![A-Za-z]))")
_DECORATION = re.compile(r"\\(?:boldsymbol|mathbf|textbf|bm|vec|overrightarrow|pmb)(?![A-Za-z])")
_DERIVATIVE = re.compile(r"\\partial(?![A-Za-z])|∂|\\nabla(?![A-Za-z])|∇|\\[dtc]?frac\s*\{\s*d\s*\}|\\frac\s*\{\s*d\s*[^{}]*\}\s*\{\s*d|'|\\prime(?![A-Za-z])")
_LETTER = re.compile(r"\\[A-Za-z]+|[A-Za-zα-ωΑ-Ω]")
_INDEX_ONLY = re.compile(r"[A-Za-z0-9]")


class _Refused(Exception):
    pass


def _group(text: str, i: int) -> int:
    """The end of the brace group opening at ``text[i]`` (``{``)."""
    close = closing_brace(text, i)
    if close < 0:
        raise _Refused
    return close + 1


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\n":
        i += 1
    return i


def _operand(text: str, i: int) -> tuple[str, bool, str, int]:
    """One vector name from ``i``: (base letter or Greek name, hatted, index, end).
    ``{…}`` around it, ``\\boldsymbol``/``\\mathbf``/``\\hat`` on it, a subscript
    ``_i`` and a superscript index ``^{(i)}`` are read."""
    i = _skip_space(text, i)
    if i < len(text) and text[i] == "{":
        end = _group(text, i)
        base, hat, index, inner_end = _operand(text, i + 1)
        if _skip_space(text, inner_end) != end - 1:
            raise _Refused
        return _scripts(text, end, base, hat, index)
    m = _DECORATION.match(text, i)
    if m:
        return _operand(text, m.end())
    if text.startswith("\\hat", i) and not text[i + 4:i + 5].isalpha():
        base, _, index, end = _operand(text, i + 4)
        return _scripts(text, end, base, True, index)
    m = _LETTER.match(text, i)
    if not m or m.group(0) in ("\\left", "\\right", "\\frac", "\\sum", "\\log", "\\exp", "\\ln") \
            or m.group(0).lstrip("\\")[:1].isupper():  # X^T y: a capital is a matrix
        raise _Refused
    return _scripts(text, m.end(), m.group(0).lstrip("\\"), False, "")


def _scripts(text: str, i: int, base: str, hat: bool, index: str) -> tuple[str, bool, str, int]:
    """An index after a name: ``_i``, ``_{i}``, ``^{(i)}``; a transpose is left for the caller."""
    while True:
        j = _skip_space(text, i)
        if text.startswith("_", j):
            k = _skip_space(text, j + 1)
            if k < len(text) and text[k] == "{":
                end = _group(text, k)
                sub = text[k + 1:end - 1].strip()
            elif k < len(text):
                end, sub = k + 1, text[k]
            else:
                raise _Refused
            if index or not sub or not all(_INDEX_ONLY.fullmatch(c) for c in sub):
                raise _Refused
            index, i = sub, end
            continue
        m = re.compile(r"\^\s*\{\s*\(\s*([A-Za-z0-9]+)\s*\)\s*\}").match(text, j)
        if m:
            if index:
                raise _Refused
            index, i = m.group(1), m.end()
            continue
        return base, hat, index, i


def _left_operand(text: str, mark: re.Match) -> tuple[str, bool, int, int]:
    """The transposed vector ending where ``mark`` (its ``^T``) begins, and
    whether it sits in braces of its own (``{\\theta^T}``): (base, hat, start, end)."""
    found = None
    for start in range(mark.start() - 1, max(-1, mark.start() - 40), -1):
        if text[start] in " \t":
            continue
        try:
            base, hat, index, end = _operand(text, start)
        except (_Refused, IndexError):
            continue
        if _skip_space(text, end) == mark.start():
            found = (base, hat, index, start)  # the furthest back: \theta, not its last letter
    if found is not None:
        base, hat, index, start = found
        if index:
            raise _Refused
        before, after = text[:start].rstrip(), _skip_space(text, mark.end())
        if before.endswith("{") and after < len(text) and text[after] == "}":
            return base, hat, len(before) - 1, after + 1
        if before.endswith(("_", "^")):
            raise _Refused
        return base, hat, start, mark.end()
    raise _Refused


def _top_level_relation(latex: str) -> int:
    """Where the first ``=`` outside braces and brackets is (-1 when none)."""
    depth = 0
    for i, ch in enumerate(latex):
        depth += (ch in "{([") - (ch in "})]")
        if ch == "=" and depth == 0:
            return i
    return -1


def inner_products_as_scalars(latex: str) -> str | None:
    """``latex`` with each ``a^T b`` read at vectors of length 1 (``a_T b``, the
    bold markers blanked, so positions stay put), or None when
    the row has none or must stay matrix notation (see the module's docstring)."""
    if _DERIVATIVE.search(latex):
        return None
    chars, pos, pairs = list(latex), 0, []
    try:
        for mark in _TRANSPOSE.finditer(latex):
            if mark.start() < pos:
                raise _Refused
            left, left_hat, start, end = _left_operand(latex, mark)
            if start < pos:
                raise _Refused
            right, right_hat, _, stop = _operand(latex, end)
            if (left, left_hat) == (right, right_hat):
                raise _Refused  # e^T e ≥ 0: θ_T·e would forget that both are e
            # θ^T becomes θ_T: a name of its own, so no other row's θ or θ_j meets it
            written = "_{T" + " " * (len(mark.group(0)) - 4) + "}" if "{" in mark.group(0) else \
                "_T" + " " * (len(mark.group(0)) - 2)
            chars[mark.start():mark.end()] = written
            for m in _DECORATION.finditer(latex, start, stop):
                for i in range(m.start(), m.end()):
                    chars[i] = " "
            pairs.append((start, stop, left, right))
            pos = stop
    except _Refused:
        return None
    if not pairs:
        return None
    relation = _top_level_relation(latex)
    if not latex.lstrip().startswith("=") and not 0 <= pairs[0][0] < relation:
        return None  # NAME = … θᵀx …: a definition, whose derivatives would treat θ as one number
    if len({left for _, _, left, _ in pairs}) > 1:
        return None  # θᵀx and wᵀz: at length 1 the products are tied to each other
    outside = "".join(" " if any(a <= i < b for a, b, _, _ in pairs) else c for i, c in enumerate(latex))
    left_name, rights = pairs[0][2], {right for _, _, _, right in pairs}
    for base, components_allowed in [(left_name, False)] + [(r, True) for r in rights]:
        spelled = re.escape("\\" + base) + r"(?![A-Za-z])" if len(base) > 1 else r"(?<![A-Za-z\\])" + re.escape(base) + r"(?![A-Za-z])"
        for m in re.finditer(spelled, outside):
            before = outside[:m.start()].rstrip().rstrip("{").rstrip()
            if before.endswith("_"):
                continue  # h_\theta: a label, not the vector
            after = outside[m.end():].lstrip().lstrip("}").lstrip()
            if components_allowed and after.startswith("_"):
                continue  # x_j^{(i)}: one component, a number
            return None
    return "".join(chars)
