r"""Second derivatives written with ∂: ``\frac{\partial^2 f}{\partial x^2}`` and
``\frac{\partial^2 f}{\partial x \partial y}`` (Hessians), and the operator forms
``\frac{\partial^2}{\partial x^2} f``.

``\partial^2`` is let through as a power of ∂ (latex_operators._power), and a
fraction whose top holds it is read here: a bottom ``\partial x^2`` is twice
by x, ``\partial x \partial y`` by x then y; any other bottom is refused, and
a ∂² left anywhere else is refused as a differential outside a fraction
(latex.py). By TeX's convention the ² of ``\partial^2`` says "second": a bottom
``\partial \sigma^2`` under a top with one ∂ stays a derivative by σ², not read.
``d^2`` is not let through, since d may be a name (``d^2 = x^2 + y^2``).
"""
from __future__ import annotations

import sympy as sp

from .latex_errors import LatexError

_NAME = (sp.Symbol, sp.Indexed)


def by_twice(marker: sp.Symbol, num: sp.Expr, den: sp.Expr) -> tuple | None:
    """(operand or None for the operator form, variables) when ``num/den`` is a
    second derivative written with ``marker`` (∂); None when ``num`` has no ∂²."""
    top = marker**2
    if num != top and not (isinstance(num, sp.Mul) and top in num.args):
        return None
    operand = None if num == top else num / top
    if operand is not None and operand.has(marker):
        raise LatexError("a second derivative whose top holds another ∂ is not read")
    factors = den.args if isinstance(den, sp.Mul) else (den,)
    if len(factors) == 2 and marker in factors:  # ∂x²
        (power,) = [f for f in factors if f != marker]
        if isinstance(power, sp.Pow) and power.exp == 2 and isinstance(power.base, _NAME):
            return operand, (power.base, power.base)
    if len(factors) == 3 and top in factors:  # ∂x ∂y
        names = [f for f in factors if f != top]
        if all(isinstance(n, _NAME) for n in names) and len(set(names)) == 2:
            return operand, tuple(names)
    raise LatexError("a second derivative whose bottom is not ∂x² or ∂x ∂y is not read")
