"""LaTeX → MathML for the HTML report, with latex2mathml (pure Python).

latex2mathml reads ``align*`` and ``split`` as tables but not ``aligned``,
and writes ``\\boxed`` as ``<menclose>``, which Chromium does not draw; both are
adjusted here. A formula latex2mathml cannot read is shown as its source in a
``<code class="tex-error">``, never dropped.
"""
from __future__ import annotations

import re
from html import escape

from latex2mathml.converter import convert

_ENVIRONMENTS = {
    "aligned": "split", "alignedat": "split", "align": "align*", "alignat": "align*", "alignat*": "align*",
    "eqnarray": "align*", "eqnarray*": "align*", "gathered": "split", "gather": "split", "gather*": "split",
    "multline": "split", "multline*": "split",
}
_ENVIRONMENT = re.compile(r"\\(begin|end)\s*\{\s*([A-Za-z]+\*?)\s*\}(?:\{\d+\})?")
_EQUATION = re.compile(r"\\(?:begin|end)\s*\{\s*equation\*?\s*\}")
_MENCLOSE = re.compile(r'<menclose notation="([^"]*)">')
_FUNCTION = re.compile(r"<mi>(ln|log|exp|sin|cos|tan|tanh|sinh|cosh|arcsin|arccos|arctan|max|min|det)</mi>")
_THIN = '<mspace width="0.17em"></mspace>'
_LABEL = re.compile(r"\\(?:label|tag|nonumber|notag)(?:\s*\{[^{}]*\})?")


def _prepare(latex: str) -> str:
    latex = _EQUATION.sub(" ", latex)
    latex = _LABEL.sub(" ", latex)
    return _ENVIRONMENT.sub(
        lambda m: f"\\{m.group(1)}{{{_ENVIRONMENTS.get(m.group(2), m.group(2))}}}", latex)


def to_mathml(latex: str, display: bool = False) -> str:
    """``latex`` typeset as a ``<math>`` element (block when ``display``)."""
    try:
        math = convert(_prepare(latex), display="block" if display else "inline")
    except Exception:  # latex2mathml raises many kinds on text it cannot read
        return f'<code class="tex-error" title="derive could not typeset this formula">{escape(latex)}</code>'
    math = _MENCLOSE.sub(lambda m: f'<mrow class="{"boxed" if "box" in m.group(1) else "enclosed"}">', math)
    math = math.replace("</menclose>", "</mrow>")
    math = _FUNCTION.sub(lambda m: _spaced(m, math), math)
    return math.replace(' xmlns="http://www.w3.org/1998/Math/MathML"', "", 1)


def _spaced(match: re.Match, math: str) -> str:
    """A function name with a thin space on each side that touches an operand
    (latex2mathml writes \\ln a as two <mi>, which browsers set as "lna")."""
    before = "" if math[:match.start()].endswith(("</mo>", "<mrow>")) else _THIN
    after = _THIN if math.startswith(("<mi>", "<mn>", "<mrow><mi>"), match.end()) else ""
    return before + match.group(0) + after
