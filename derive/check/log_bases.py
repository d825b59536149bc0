r"""A logarithm with its base written as a subscript: ``\log_2 0.25``, ``\log_{10}(x)``, ``\log_2\frac{1-p}{p}``.

Entropy in bits and decibels write the base under the log. The grammar knew
``\log`` only without one, so every such row was a parse error ("unexpected
'_'") and a slip in an entropy (``-0.25\log_2 0.25 - …``) went unseen. Here
``\log_b x`` (b a whole number, or e) is read as ln x / ln b, for a bracket or
a bare argument as ``\log x`` is; any other subscript (``\log_a x``, a name)
stays a parse error.
"""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

#: the grammar's LOG_BASE token: \log (or log, \lg) with a subscript base of digits or e
TOKEN = r"/\\log\s*_\s*(?:\{\s*(?:\d+|e)\s*\}|\d|e(?![A-Za-z]))/"


def log_base(token: str, argument: sp.Expr) -> sp.Expr:
    """``\\log_b`` (``token``) at ``argument``: ln(argument) / ln(b)."""
    base = re.search(r"_\s*\{?\s*(\d+|e)", token).group(1)
    return sp.log(argument) if base == "e" else sp.log(argument) / sp.log(sp.Integer(base))


#: ``\log`` or ``log`` written without a base (``\ln`` is always natural)
_BARE_LOG = re.compile(r"(?<![A-Za-z])log(?!\s*_)")


def other_base_reason(step, defs: dict, written: str, holds) -> str:
    r"""Why a wrong ``step`` written with a bare ``\log`` (in its row or in the
    rows ``written`` that define its names) is skipped: it holds (``holds(step,
    defs)``) when the log is read in base 2 or 10, as notes on entropy in bits
    or on decibels write it ("logarithms are base 2"); "" otherwise."""
    if not _BARE_LOG.search(step.latex + " " + written) or "\\ln" in step.latex + written \
            or step.first.has(sp.Derivative) or step.claim.has(sp.Derivative):
        return ""  # a derivative of a loss in logs is scaled by the base: no reading of the step's own logs
    for base in (2, 10):
        rebased = lambda e: e.replace(sp.log, lambda *a: sp.log(a[0]) / sp.log(base))
        again = replace(step, first=rebased(step.first), claim=rebased(step.claim),
                        previous=rebased(step.previous) if step.previous is not None else None)
        if holds(again, {k: rebased(v) for k, v in defs.items()}):
            return (f"holds when log is read in base {base}, as notes on bits or decibels write it; which base "
                    "these notes mean is not said where the checker reads it; not checked")
    return ""
