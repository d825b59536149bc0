"""Notation rewritten in the LaTeX text before it is parsed (``latex.py``):
number sets blanked, bold names read as scalars where that is safe, ``\\log``
of a sum bracketed, and matrix or piecewise notation refused with a message."""
from __future__ import annotations

import re

from .superscript_labels import word_superscripts_as_labels
from .digit_groups import digit_groups_read
from .equation_labels import hand_labels_blanked
from .powers_of_ten import e_notation_refused
from .dot_functions import dotted_calls_refused
from .expectations import expectations_refused
from .bracket_indices import bracket_indices_read
from .bold_numbers import bold_numbers_read
from .font_switches import font_switches_read
from .script_groups import script_groups_read
from .font_scripts import font_scripts_read
from .bare_arguments import bare_arguments_refused
from .elementary_functions import number_then_name_refused
from .ell_letter import ell_read
from .empty_limits import empty_limits_blanked
from .hyperbolic_names import hyperbolic_read
from .increments import increments_read
from .indices import AmbiguousExponent, indices_rewritten
from .index_transpose import index_transpose_refused
from .delta_derivatives import delta_derivatives_as_partials
from .kronecker import indicators_as_deltas
from .operator_reach import operator_reach_checked
from .partial_subscripts import partial_subscripts_checked
from .latex_errors import LatexError, refuse_match
from .scalar_norms import scalar_norms
from .superscript_primes import SUPERSCRIPT_PRIME, superscript_primes_read


_MATRIX = re.compile(
    r"\^\s*\{?\s*(?:T|\\top|\\intercal|\\(?:mathsf|mathrm|mathit|text|textrm|rm)\s*\{\s*T\s*\})\s*\}?(?![A-Za-z0-9])"
    r"|\^\s*(?:\{\s*T\s*\}|T)(?=\s*\\?[A-Za-z])"  # w^Tx, w^{T}x: TeX's superscript is the T alone
    r"|\\(?:mathbf|textbf|boldsymbol|bm|mathbb|nabla|lVert|Vert|odot|otimes|oplus|top|intercal|operatorname\s*\{\s*(?:softmax|diag|tr)\s*\})(?![A-Za-z])"
    r"|\\\||\\begin\s*\{\s*[bpvBV]?matrix"
)
_PIECEWISE = re.compile(r"\\begin\s*\{\s*(?:cases|array)")


#: A number set: ``\mathbb{R}``, ``\mathbb{R}^n``, ``\mathbb{R}^{n \times d}``.
_NUMBER_SET = re.compile(r"\\mathbb\s*\{\s*([RNZCQ])\s*\}(?:\s*\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?")
#: A bold name of one letter (``\mathbf{w}``, ``\boldsymbol{\theta}``, ``\bm{x}``).
_BOLD = re.compile(r"\\(?:mathbf|textbf|boldsymbol|bm)\s*\{\s*(\\[A-Za-z]+|[A-Za-z])\s*\}")
#: What follows a bold name when it is multiplied with another name as a
#: matrix or vector would be: juxtaposed, or with ``\cdot``/``\times``.
_PRODUCT_GAP = re.compile(r"(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*(?:\\cdot|\\times|\\ast|\*|·|⋅)?\s*(?:\^\s*\{?\s*-?\s*\d\s*\}?\s*)?")


def _number_sets_blanked(latex: str) -> str:
    """``\\mathbb{R}^{n}`` (a domain, as in ``x \\in \\mathbb{R}^n``) becomes the
    one-letter name ``R`` padded with spaces, so the statement around it is read."""
    return _NUMBER_SET.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - 1), latex)


_FUNCTION_OF_SUM = re.compile(r"\\(?:log|ln|exp)(\s)\s*(?=\\(?:sum|prod)(?![A-Za-z]))")


def _function_of_sum_bracketed(latex: str) -> str:
    """``\\log \\sum_k e^{o_k} - …`` is log(Σ_k e^{o_k}) - …: the space after
    ``\\log`` becomes ``(`` and the space before the next top-level + or -
    (or the end) ``)``, so nothing before it moves."""
    for m in reversed(list(_FUNCTION_OF_SUM.finditer(latex))):
        depth, i = 0, m.end()
        while i < len(latex):
            ch = latex[i]
            if ch in "({[":
                depth += 1
            elif ch in ")}]":
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0 and ch in "+-=,&" and i > m.end() + 5:
                break
            i += 1
        if i == len(latex):
            latex = latex + ")"
        elif latex[i - 1].isspace():
            latex = latex[:i - 1] + ")" + latex[i:]
        else:
            continue
        latex = latex[:m.start(1)] + "(" + latex[m.end(1):]
    return latex


def _bold_read_as_scalars(latex: str) -> str:
    """Bold names as plain names (same length) when nothing in the segment
    treats them as vectors: no bold capital (a matrix), no two bold names
    multiplied, no bold name next to a capital letter (``X\\mathbf{w}``).
    The transpose and norm markers are refused by ``_MATRIX`` afterwards."""
    found = list(_BOLD.finditer(latex))
    if not found:
        return latex
    for m in found:
        inner = m.group(1)
        if inner.lstrip("\\")[:1].isupper():
            return latex
        after = _PRODUCT_GAP.match(latex, m.end())
        rest = latex[after.end():]
        if _BOLD.match(rest) or re.match(r"[A-Z](?![A-Za-z(])", rest):
            return latex
        before = latex[:m.start()].rstrip()
        before = re.sub(r"(?:\\cdot|\\times|\\ast|\*|·|⋅)$", "", before).rstrip()
        if re.search(r"(?<![A-Za-z\\])[A-Z]$|\}\s*\^\s*\{?\s*(?:T|\\top)\s*\}?$", before):
            return latex
    chars = list(latex)
    for m in found:
        inner_start, inner_end = m.start(1), m.end(1)
        for i in range(m.start(), m.end()):
            if not inner_start <= i < inner_end:
                chars[i] = " "
    return "".join(chars)


#: A subscript that is a text command without braces around it (``x_\text{max}``).
_BARE_TEXT_SUBSCRIPT = re.compile(r"_\s*(\\(?:text|mathrm|textrm|rm)\s*)(?=\{)")


def _text_subscripts_braced(latex: str) -> str:
    r"""``x_\text{max}`` is TeX's shorthand for ``x_{\text{max}}``: the command is
    blanked (same length), leaving ``x_{max}``, which is how both read."""
    return _BARE_TEXT_SUBSCRIPT.sub(lambda m: "_" + " " * (len(m.group(0)) - 1), latex)


#: A sum with its upper limit written first (``\sum^K_{k=1}``).
_LIMITS_REVERSED = re.compile(r"(\\(?:sum|prod)\s*)(\^\s*(?:\{[^{}]*\}|\w))(\s*)(_\s*(?:\{[^{}]*\}|\w))")


def _sum_limits_in_order(latex: str) -> str:
    r"""``\sum^K_{k=1}`` is ``\sum_{k=1}^K``: the two scripts swap places (same length)."""
    return _LIMITS_REVERSED.sub(lambda m: m.group(1) + m.group(4) + m.group(3) + m.group(2), latex)


#: ``f: A \to B``, ``\sigma_j : \mathbb{R}^K \rightarrow (0,1)``: a name, a colon (not ``:=``), then an arrow.
_SIGNATURE = re.compile(r"^\s*(?:\\[A-Za-z]+|[A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\w|\\[A-Za-z]+))?\s*:(?!=)"
                        r"(?=.*(?:\\(?:to|rightarrow|mapsto|longrightarrow|longmapsto)(?![A-Za-z])|→|↦))", re.S)
#: A membership in an interval at the end of the math: ``\in (0, 1)``, ``\in [0, 1]^K``, then maybe ``.``/``,``.
_IN_INTERVAL = re.compile(r"\\in\s*[(\[]\s*-?[\w.\\]+\s*,\s*-?[\w.\\]+\s*[)\]]"
                          r"(?:\s*\^\s*(?:\{[^{}]*\}|\w))?(?=\s*[.,;]?\s*$)")


def _signature_refused(latex: str) -> str:
    """A function's signature says what a function maps to what, not a value:
    refused with a reason that says so rather than "unexpected ':'"."""
    m = _SIGNATURE.match(latex)
    if m:
        raise LatexError("a function's signature (f: A → B) says what the function maps, not a value; not checked",
                         m.end() - 1)
    return latex


#: ``\sigma^{-1}(p)``, ``f^{-1}(y)``: a function's inverse applied (σ is the sigmoid; f, g, h are functions).
_INVERSE_FUNCTION = re.compile(r"(?:\\sigma|σ|(?<![A-Za-z\\])[fghFGH])\s*\^\s*(?:\{\s*-\s*1\s*\}|-\s*1)"
                               r"\s*(?:\\left\s*)?\(")


def _inverse_function_refused(latex: str) -> str:
    """``\\sigma^{-1}(p)`` is the inverse function at p, not p/σ: refused with that reason."""
    return refuse_match(_INVERSE_FUNCTION, latex, "an inverse function (f^{-1}(…)) is not read")


def _interval_membership_blanked(latex: str) -> str:
    r"""``s = \frac{1}{1+e^{-a}} \in (0,1)``: the range the value lies in is
    not judged; it is blanked (same length) so the equation before it is read."""
    return _IN_INTERVAL.sub(lambda m: " " * len(m.group(0)), latex)


def _notation_check(latex: str) -> str:
    """Refuse notation that must not be judged as scalars; rewrite the
    superscript index ``x^{(i)}`` as the subscript ``x_{ i }`` (same length)."""
    latex = hand_labels_blanked(digit_groups_read(word_superscripts_as_labels(latex)))  # \hat p^{\mathrm{MLE}}: a label (superscript_labels.py); 60\,000 is one number; \qquad (2) a label
    latex = e_notation_refused(latex)  # 7.5e-5 is not 7.5·e − 5 (powers_of_ten.py)
    latex = empty_limits_blanked(hyperbolic_read(latex))  # \operatorname{sh} x: sinh (hyperbolic_names.py); \sum_{}^{} (empty_limits.py)
    latex = increments_read(partial_subscripts_checked(latex))  # \Delta x is one name (increments.py); \partial_w L
    latex = number_then_name_refused(ell_read(latex))  # \ell, ℓ: the letter l; \sin 3h refused (elementary_functions.py)
    latex = bare_arguments_refused(latex)  # \log x^2, \operatorname{sech} x, 1/2n: reach not bracketed
    latex = expectations_refused(dotted_calls_refused(latex))  # \dot{x}(t): dot_functions.py; E[X]: expectations.py
    latex = bracket_indices_read(latex)  # w[t + 1], g[0]: an index, not a product (bracket_indices.py)
    latex = _interval_membership_blanked(_signature_refused(index_transpose_refused(font_switches_read(latex))))  # {\bf w} is \mathbf{w}
    latex = _inverse_function_refused(script_groups_read(font_scripts_read(latex)))  # \delta{_2} is \delta_2
    latex = _sum_limits_in_order(indicators_as_deltas(operator_reach_checked(delta_derivatives_as_partials(latex), latex)))
    latex = bold_numbers_read(latex)  # \mathbf{6.0}: emphasis, the number
    latex = superscript_primes_read(_text_subscripts_braced(latex))  # f^{\prime}, f^{'}: superscript_primes.py
    latex = _bold_read_as_scalars(_number_sets_blanked(latex))
    latex = scalar_norms(latex)  # \|t_{o1} - o_{o1}\|: a norm of one number is its absolute value
    m = _MATRIX.search(latex)
    if m:
        raise LatexError(f"matrix notation ({' '.join(m.group(0).split())}): vectors and matrices are not "
                         "checked as scalars", m.start(), notation=True)
    m = _PIECEWISE.search(latex)
    if m:
        raise LatexError("a piecewise definition (cases) is not checked", m.start(), notation=True)
    try:
        return indices_rewritten(latex)
    except AmbiguousExponent as err:
        raise LatexError(str(err), err.pos) from None
