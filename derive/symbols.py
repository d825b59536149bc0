"""The symbol table: every name in a loss becomes one real SymPy symbol, and
the few functions a user may call map to SymPy functions.

Keeping this in one place means the loss builders, the expression reader and
the derivation checker all agree that ``w`` is the same real ``w``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import sympy as sp


@lru_cache(maxsize=None)
def symbol(name: str) -> sp.Symbol:
    """The real symbol called ``name`` (``w``, ``b``, ``x_1``, ``SE``, ...)."""
    return sp.Symbol(name, real=True)


class sigmoid(sp.Function):
    """The logistic function σ(z) = 1 / (1 + e^(−z)).

    Kept as one function, with σ' = σ(1 − σ), so that gradients read
    ``x·(σ(w·x + b) − y)`` instead of a tangle of exponentials; before
    numbers or code are generated it is written out by :func:`numeric_form`.
    """

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, z, **kwargs):
        return 1 / (1 + sp.exp(-z))

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_positive(self):
        return self.args[0].is_real

    def _latex(self, printer) -> str:
        return r"\sigma\left(%s\right)" % printer._print(self.args[0])


def numeric_form(expr: sp.Expr) -> sp.Expr:
    """``expr`` with σ written as 1 / (1 + e^(−z)), which every printer and
    ``lambdify`` know (and which does not overflow to NaN for large z)."""
    return expr.replace(sigmoid, lambda z: 1 / (1 + sp.exp(-z)))


#: Functions a user expression may call, by the name it uses.
FUNCTIONS: dict[str, object] = {
    "exp": sp.exp,
    "log": sp.log,
    "ln": sp.log,
    "sqrt": sp.sqrt,
    "abs": sp.Abs,
    "sign": sp.sign,
    "sigmoid": sigmoid,
    "sin": sp.sin,
    "cos": sp.cos,
    "tanh": sp.tanh,
}

#: Names that read as constants rather than symbols.
CONSTANTS: dict[str, sp.Expr] = {"pi": sp.pi, "e": sp.E}

w, b, x, y = (symbol(n) for n in ("w", "b", "x", "y"))


def sort_key(s: sp.Symbol) -> tuple:
    """Order symbols by name, numbering aware: x_2 before x_10."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", s.name))
