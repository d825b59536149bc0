r"""A name defined by its square: ``\sigma^2 = \frac{1}{m}\sum_i (x_i - \mu)^2``.

Notes define a variance by the square of its name. Read as a claim, the row
set σ² equal to an expression in other names and was skipped, and σ stayed
an independent name, so ``\frac{\partial \sigma^2}{\partial \mu}`` was 0 and
its true value was called wrong. A row ``s^2 = E``, with s one name not
defined before, E not a number and not written in s, and no arrow before it
(``\Rightarrow x^2 = …`` solves an equation), defines s as √E: then σ² is E
wherever it is used, and σ its root.
"""
from __future__ import annotations

import sympy as sp


def squared_head(head: sp.Expr, value: sp.Expr, relation: str, after_arrow: bool, defined) -> sp.Symbol | None:
    """The name s when ``head = value`` defines it by its square (head s², see
    above), or None. ``defined``: the names with a definition so far."""
    if relation != "=" or after_arrow or not isinstance(head, sp.Pow) or head.exp != 2:
        return None
    base = head.base
    if not isinstance(base, sp.Symbol) or isinstance(base, sp.Dummy) or base in defined:
        return None
    if value.is_number or not value.free_symbols or base in value.free_symbols:
        return None
    return base


def root_of(value: sp.Expr) -> sp.Expr:
    """s for s² = value (the root of a variance is not negative)."""
    return sp.sqrt(value)
