r"""Products a TeX reader takes one way and a writer means another: refused, never judged.

A function name without a bracket takes one factor in the grammar: ``\log x^2`` is
(log x)², ``\ln ab`` is (ln a)·b, ``\log wx`` is (log w)·x, ``\cos x^2`` is (cos x)².
Writers mean log(x²), ln(ab), log(wx), cos(x²) — the textbook rule ``\log x^2 =
2\log x`` was called wrong. An ``\operatorname{sech}`` the reader does not know became a
name of its own (sech·x), and ``\tanh'(x) = \operatorname{sech}^2 x`` was wrong. An
inline slash before a product, ``1/2n`` or ``w^2/2m``, is (1/2)·n to the grammar and
1/(2n) to the writer. Each is refused here with what was not understood; a bracket
(``\log(x^2)``, ``\log(x)^2``, ``1/(2n)``) says which is meant and is read.
"""
from __future__ import annotations

import re

from .latex_errors import LatexError

_GREEK = (r"\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|lambda|mu|nu|xi|pi|rho|sigma|"
          r"tau|phi|varphi|chi|psi|omega)(?![A-Za-z])")
#: one name: a letter or a Greek letter, with a subscript
_NAME = rf"(?:[A-Za-z]|{_GREEK})(?:\s*_\s*(?:\{{[^{{}}]*\}}|[A-Za-z0-9]))?"
_FUNCTIONS = ("sin|cos|tan|cot|sec|csc|sinh|cosh|tanh|coth|sh|ch|th|cth|arcsin|arccos|arctan|ln|log|exp|lg")
#: \log x^2, \log x^{-1}, \ln ab, \log wx, \cos x^2, \log \sigma^2
_BARE_ARGUMENT = re.compile(rf"\\(?:{_FUNCTIONS})(?![A-Za-z])\s*(?!\\(?:left|right|frac|big))"
                            rf"{_NAME}\s*(?=\^|[A-Za-z]|{_GREEK})")
#: \operatorname{sech} x, \operatorname{csch}^2 x: a name the reader has no function for, without a bracket
_UNKNOWN_OPERATOR = re.compile(r"\\operatorname\s*\{\s*([A-Za-z]+)\s*\}\s*(?=\^|[A-Za-z0-9]|\\[A-Za-z])")
_KNOWN = frozenset(_FUNCTIONS.split("|"))
#: \mathrm{sech}^2(x), \text{erf}(z), \sech x: a function of mathematics the reader has none for (read as a
#: name, sech·x, a true tanh' = sech² was wrong)
_UNKNOWN_FUNCTION = re.compile(r"\\(?:(?:mathrm|text|textrm|operatorname|rm)\s*\{\s*)?"
                               r"(sech|csch|arsinh|arcosh|artanh|arcsinh|arccosh|arctanh|erf|erfc|sinc)(?![A-Za-z])")
#: 1/2n, w^2/2m, a/bc: a slash before a number and a name, or before two letters
_SLASH_PRODUCT = re.compile(r"/(?!\s*(?:d[A-Za-z]|\\partial))\s*(?:\d+(?:\.\d+)?\s*(?:[A-Za-z]|" + _GREEK + r")|[A-Za-z]\s*[A-Za-z](?![A-Za-z]))")


def bare_arguments_refused(latex: str) -> str:
    """Refuse a function name or a slash whose reach the writer did not bracket (see the module)."""
    if m := _BARE_ARGUMENT.search(latex):
        raise LatexError(f"{' '.join(m.group(0).split())}… without a bracket: the function of the whole product "
                         "or power, or of its first name? not read", m.start())
    if m := _UNKNOWN_FUNCTION.search(latex):
        raise LatexError(f"{m.group(1)}(…) is a function the checker does not know: not read", m.start())
    for m in _UNKNOWN_OPERATOR.finditer(latex):
        if m.group(1) not in _KNOWN:
            raise LatexError(f"\\operatorname{{{m.group(1)}}} is a function the checker does not know, written "
                             "without a bracket: not read", m.start())
    if m := _SLASH_PRODUCT.search(latex):
        raise LatexError(f"'{' '.join(m.group(0).split())}' after a slash: a divisor of one factor or of the "
                         "whole product (1/2n = 1/(2n)?) not read", m.start())
    return latex
