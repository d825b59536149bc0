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

import sympy as sp

#: the grammar's LOG_BASE token: \log (or log, \lg) with a subscript base of digits or e
TOKEN = r"/\\log\s*_\s*(?:\{\s*(?:\d+|e)\s*\}|\d|e(?![A-Za-z]))/"


def log_base(token: str, argument: sp.Expr) -> sp.Expr:
    """``\\log_b`` (``token``) at ``argument``: ln(argument) / ln(b)."""
    base = re.search(r"_\s*\{?\s*(\d+|e)", token).group(1)
    return sp.log(argument) if base == "e" else sp.log(argument) / sp.log(sp.Integer(base))
