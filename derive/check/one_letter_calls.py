r"""``p(x_k)``: the function p at x_k, or the product p·x_k?

The reader takes a lower-case letter other than f, g, h before a bracket as a
factor, which is right for ``w(x + 1)``.  Around a single name, though —
``p(x_k)``, ``q(x)``, ``a(\hat{y})`` — notes nearly always mean a function they
named in words ("p(x_i) is the softmax of x_i").  Read as a product such a step
can come out wrong when it is right, so a "wrong" verdict on a step that holds
one is not kept unless the notes define the letter as a value."""
from __future__ import annotations

import re

#: a letter, not part of a word or a command, applied to one name (maybe hatted, subscripted).
_CALL = re.compile(
    r"(?<![A-Za-z\\])([a-df-z])\s*\(\s*(?:\\(?:hat|bar|tilde)\s*\{\s*)?\\?[A-Za-z]+\s*\}?"
    r"\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*\)")
_FUNCTIONS = frozenset("fgh")


def undefined_call(latex: str, defined: frozenset) -> str:
    """The first ``p(x)`` in ``latex`` whose letter ``defined`` (the names the notes
    define) does not hold, as written; "" when there is none."""
    for match in _CALL.finditer(latex):
        if match.group(1) not in _FUNCTIONS and match.group(1) not in defined:
            return " ".join(match.group(0).split())
    return ""
