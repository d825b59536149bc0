r"""Named numeric matrices and functions of a whole numeric matrix, inside one side.

A worked example names its matrices and uses the names later: after
``Z = \begin{bmatrix} 0.05 \\ 0.17 \end{bmatrix}`` a row writes ``e^{Z}``,
``\text{ReLU}(Z)``, ``\sigma(Z)`` or ``\text{softmax}(Z)``. Here a side of a
link (``numeric_matrix_sides.py``) reads

- a name the notes gave a numeric matrix (``named_matrices.py`` keeps the table)
  as that matrix;
- a function of a named numeric matrix, entry by entry, only where the function has
  one meaning: ``e^{…}`` and ``\exp`` of a matrix that is not square (of a square
  one it may be the matrix exponential), ``\sigma`` / sigmoid, ReLU (also
  ``g_{\text{ReLU}}``) and ``\max(0, …)``, and ``\text{softmax}`` of a vector
  (of a matrix: by rows or by columns?). Anything else about a matrix stays
  unread with the reason, and so does a function written around a matrix of
  numbers itself (``\sigma(\begin{bmatrix}…)``), as before.

Each entry keeps its text (``e^{0.05}``), so a claim shows what it computes and
the rounding of its inputs is followed as for any number.
"""
from __future__ import annotations

import re

import sympy as sp

#: A name as worked examples write a matrix or a vector: a letter (or a bold or
#: Greek one) with a subscript, a layer index ``^{[1]}`` / ``^{(1)}`` or ``[1]``.
NAME = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*\\?[A-Za-z]+\s*\}|"
                  r"\\(?:alpha|beta|gamma|delta|theta|lambda|mu|phi|psi|omega)(?![A-Za-z])|[A-Za-z](?![A-Za-z]))"
                  r"(?:_\s*\{[^{}]*\}|_\s*[A-Za-z0-9]|\^\s*\{\s*[\[(][^{}]*[\])]\s*\}|\[\s*\d+\s*\])*")
_CALL = r"\s*(?:\\left\s*)?\("
_WORDED = r"(?:\\(?:text|operatorname|mathrm)\s*\{\s*{w}\s*\}|{w})"
_FUNCTION = re.compile(
    r"(?P<exp>e\s*\^\s*\{|\\exp" + _CALL + ")|"
    r"(?P<sigmoid>(?:\\sigma|" + _WORDED.replace("{w}", "sigmoid") + ")" + _CALL + ")|"
    r"(?P<relu>(?:g_\s*\{\s*" + _WORDED.replace("{w}", "(?:ReLU|relu)") + r"\s*\}|"
    + _WORDED.replace("{w}", "(?:ReLU|relu)") + ")" + _CALL + ")|"
    r"(?P<max>\\max" + _CALL + ")|"
    r"(?P<softmax>" + _WORDED.replace("{w}", "softmax") + _CALL + ")")


class Unreadable(Exception):
    """Why a function of a matrix is not computed."""


def name_key(text: str) -> str:
    """The name as a key: its text without blanks."""
    return re.sub(r"\s+", "", text)


def _closing(text: str, start: int, opener: str, closer: str) -> int:
    depth, k = 1, start
    while k < len(text):
        if text[k] == "\\" and k + 1 < len(text) and not text[k + 1].isalpha():
            k += 2
            continue
        depth += {opener: 1, closer: -1}.get(text[k], 0)
        if depth == 0:
            return k
        k += 1
    raise Unreadable("a bracket that does not close")


def _top_level_comma(text: str) -> int | None:
    depth = 0
    for k, ch in enumerate(text):
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            return k
    return None


def function_at(latex: str, original: str, k: int, evaluate):
    """``(value, end)`` when a function of one of the named kinds, applied to
    something that ``evaluate(latex, original)`` computes as a matrix, starts at
    ``k``; None when it does not (a function of a number is left to the scalar
    reader). Raises :class:`Unreadable` when it is one with no single meaning."""
    if k > 0 and (latex[k - 1].isalnum() or latex[k - 1] == "\\"):
        return None
    m = _FUNCTION.match(latex, k)
    if m is None:
        return None
    kind = m.lastgroup
    opener, closer = ("{", "}") if latex[m.end() - 1] == "{" else ("(", ")")
    close = _closing(latex, m.end(), opener, closer)
    inner, inner_original = latex[m.end():close], original[m.end():close]
    inner = re.sub(r"\\right\s*$", "", inner)
    if kind == "max":
        comma = _top_level_comma(inner)
        if comma is None:
            return None
        first, second = inner[:comma], inner[comma + 1:]
        if first.strip() == "0":
            inner, inner_original = second, inner_original[comma + 1:]
        elif second.strip() == "0":
            inner, inner_original = first, inner_original[:comma]
        else:
            return None
    if NAME.fullmatch(inner.strip()) is None:
        return None  # \sigma(\begin{bmatrix}…): only a matrix the notes named (a row's own value) is read
    try:
        value = evaluate(inner, inner_original[:len(inner)])
    except Exception:  # noqa: BLE001 - a side it cannot compute is the scalar reader's
        return None
    if value.matrix is None:
        return None
    return apply(kind, value), close + 1


def apply(kind: str, v):
    """``kind`` (exp, sigmoid, relu, max, softmax) of the matrix value ``v``, entry by entry."""
    rows, cols = v.matrix.shape
    if kind == "exp" and rows == cols > 1:
        raise Unreadable(f"e^{{…}} of a square {rows}×{cols} matrix: the matrix exponential or entry by entry?")
    if kind == "softmax" and 1 not in (rows, cols):
        raise Unreadable(f"softmax of a {rows}×{cols} matrix: by rows or by columns?")
    texts = v.text
    if kind == "softmax":
        flat = [t for row in texts for t in row]
        total = sum(sp.exp(x) for x in v.matrix)
        below = " + ".join(f"e^{{{t}}}" for t in flat)
        values = v.matrix.applyfunc(lambda x: sp.exp(x) / total)
        shown = [[f"\\frac{{e^{{{t}}}}}{{{below}}}" for t in row] for row in texts]
    else:
        f = {"exp": sp.exp, "sigmoid": lambda x: 1 / (1 + sp.exp(-x)),
             "relu": lambda x: sp.Max(0, x), "max": lambda x: sp.Max(0, x)}[kind]
        show = {"exp": "e^{{{}}}", "sigmoid": "\\frac{{1}}{{1 + e^{{-({})}}}}",
                "relu": "\\max(0, {})", "max": "\\max(0, {})"}[kind]
        values = v.matrix.applyfunc(f)
        shown = [[show.format(t) for t in row] for row in texts]
    return type(v)(None, shown, values, v.loose, True)


def matrix_at(latex: str, original: str, k: int, known, evaluate):
    """``(value, end)`` of a function of a matrix (:func:`function_at`) or of a name
    ``known`` gives a numeric matrix, starting at ``k``; None for anything else."""
    named_e = bool(known) and known.get("e") is not None  # e = [..] (an error vector): e^{…} is not exp
    found = None if named_e and latex.startswith("e", k) else function_at(latex, original, k, evaluate)
    if found is not None or not known:
        return found
    if k > 0 and (latex[k - 1].isalnum() or latex[k - 1] in "\\_^"):
        return None
    m = NAME.match(latex, k)
    if m is None or re.match(r"\s*(?:\\left\s*)?\(", latex[m.end():]):
        return None  # W(x): a call, not the matrix W
    value = known.get(name_key(m.group()))
    return None if value is None else (value, m.end())
