r"""A dotted name applied to an argument: ``\dot{x}(t)``, ``\dot x(0)``, ``\ddot{\theta}(t)``.

Newton's dot is the time derivative: ``\dot{x}(t)`` is x'(t), the velocity at t. The
grammar reads an accent as a name of its own (``\hat{y}`` is ŷ), so ``\dot{x}(t)`` read as
the product ẋ·t and was compared with the velocity, and called wrong. The checker does
not take dotted derivatives, so such a row is refused with that reason (skipped), never
judged as a product. A dotted name without an argument (``\dot{x} = v``) is a name, as before.
"""
from __future__ import annotations

import re

from .latex_errors import refuse_match

#: ``\dot{x}(``, ``\dot x (``, ``\ddot{\theta}(``: a dotted name with an argument in brackets.
_DOTTED_CALL = re.compile(r"\\d?dot(?![A-Za-z])\s*(?:\{\s*(?:[A-Za-z]|\\[A-Za-z]+)(?:_\{?[A-Za-z0-9]+\}?)?\s*\}"
                          r"|\s[A-Za-z](?![A-Za-z])|\\[A-Za-z]+)\s*\(")


def dotted_calls_refused(latex: str) -> str:
    """``latex`` unchanged; :class:`LatexError` when it applies a dotted name to an argument."""
    return refuse_match(_DOTTED_CALL, latex, lambda m: f"a dotted name applied to an argument "
                        f"({' '.join(m.group(0)[:-1].split())}(…)) is a time derivative (Newton's dot), which is not checked")
