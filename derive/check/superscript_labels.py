r"""A word set upright as a superscript is a label: ``\hat\lambda^{\mathrm{MLE}}``,
``w^{\text{new}}``, ``\beta^{\textrm{OLS}}``.

Read as scalars, ``\hat\lambda^{\mathrm{MLE}}`` is λ̂ raised to the power of a
name MLE, and ``\hat\lambda^{\mathrm{MLE}} = \bar X`` is then "wrong" at
MLE = 2. Notes mean the estimate's name: the word is rewritten as the
superscript label ``^{(MLE)}`` (same length), which the reader already takes as
part of the name, like the sample index ``x^{(i)}``. A single letter
(``^{\mathrm{T}}``, a transpose; ``^{\mathrm{c}}``) is left as it is.
"""
from __future__ import annotations

import re

_WORD_SUPERSCRIPT = re.compile(
    r"\^\s*(?:\{\s*\\(?:text|textrm|mathrm|rm|mathit|operatorname)\s*\{\s*([A-Za-z]{2,})\s*\}\s*\}"
    r"|\\(?:text|textrm|mathrm|mathit|operatorname)\s*\{\s*([A-Za-z]{2,})\s*\})")


def word_superscripts_as_labels(latex: str) -> str:
    """``latex`` with each upright word superscript (``^{\\mathrm{MLE}}``)
    rewritten as the label ``^{(MLE)}``, padded with spaces to the same length."""
    def label(m: re.Match) -> str:
        text = "^{(" + (m.group(1) or m.group(2)) + ")}"
        return text[:-1] + " " * (len(m.group(0)) - len(text)) + "}"
    return _WORD_SUPERSCRIPT.sub(label, latex)
