"""The symbol table: every name in a loss becomes one real SymPy symbol, and
the few functions a user may call map to SymPy functions.

Keeping this in one place means the loss builders, the expression reader and
the derivation checker all agree that ``w`` is the same real ``w``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import sympy as sp

from . import names


@lru_cache(maxsize=None)
def symbol(name: str) -> sp.Symbol:
    """The real symbol called ``name`` (``w``, ``b``, ``x_1``, ``SE``, ...)."""
    return sp.Symbol(name, real=True)


class sigmoid(sp.Function):
    """The logistic function σ(z) = 1 / (1 + e^(−z)).

    Kept as one function, with σ' = σ(1 − σ), so that gradients read
    ``x·(σ(w·x + b) − y)`` instead of a tangle of exponentials. The code
    printers (``math``, NumPy, C, JAX) know it: its hooks below print a form
    that does not overflow.
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

    def _latex(self, printer, exp: str | None = None) -> str:
        power = "" if exp is None else "^{%s}" % exp  # σ(z)²: the printer passes the exponent
        return r"\sigma%s\left(%s\right)" % (power, printer._print(self.args[0]))

    # Code printers: σ(z) = e^min(z, 0) / (1 + e^(−|z|)), which takes exp of
    # no positive number, so it neither overflows (math raises, NumPy warns)
    # nor loses relative accuracy where σ is tiny.
    def _stable(self, printer, exp: str, minimum: str, absolute: str) -> str:
        z = printer._print(self.args[0])
        return f"({exp}({minimum}({z}, 0))/(1 + {exp}(-{absolute}({z}))))"

    def _pythoncode(self, printer) -> str:
        return self._stable(printer, printer._module_format("math.exp"), "min", "abs")

    def _numpycode(self, printer) -> str:  # NumPy, and CuPy through the printer's module
        m = printer._module
        return self._stable(printer, *(printer._module_format(f"{m}.{f}") for f in ("exp", "minimum", "abs")))

    def _jaxcode(self, printer) -> str:
        return self._numpycode(printer)

    def _ccode(self, printer) -> str:
        return self._stable(printer, "exp", "fmin", "fabs")


class log_sigmoid(sp.Function):
    """log σ(z) = −softplus(−z), for code only: the code generator
    (:mod:`derive.compile`) writes log σ(z) and log(1 − σ(z)) = log σ(−z)
    with it, so that the loss stays finite where σ saturates to 0 or 1."""

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sigmoid(-self.args[0])

    # min(z, 0) − log1p(e^(−|z|)): again no exp of a positive number
    def _stable(self, printer, exp: str, log1p: str, minimum: str, absolute: str) -> str:
        z = printer._print(self.args[0])
        return f"({minimum}({z}, 0) - {log1p}({exp}(-{absolute}({z}))))"

    def _pythoncode(self, printer) -> str:
        return self._stable(printer, *(printer._module_format(f"math.{f}") for f in ("exp", "log1p")), "min", "abs")

    def _numpycode(self, printer) -> str:
        m = printer._module
        return self._stable(printer, *(printer._module_format(f"{m}.{f}") for f in ("exp", "log1p", "minimum", "abs")))

    def _jaxcode(self, printer) -> str:
        return self._numpycode(printer)

    def _ccode(self, printer) -> str:
        return self._stable(printer, "exp", "log1p", "fmin", "fabs")


def almost_everywhere(expr: sp.Expr) -> sp.Expr:
    """``expr`` with every Dirac delta written as 0: the derivative of
    ``sign`` is 0 wherever it is defined (everywhere but at 0, where it has
    none), and no code printer can print a delta."""
    return expr.replace(sp.DiracDelta, lambda *args: sp.S.Zero) if expr.has(sp.DiracDelta) else expr


#: Said wherever a loss with ``sign`` is differentiated.
SIGN_NOTE = "sign(u) is differentiated as 0, its derivative wherever u ≠ 0 (at u = 0 it has none)"


def numeric_form(expr: sp.Expr) -> sp.Expr:
    """``expr`` with σ written as 1 / (1 + e^(−z)): an analytic form for
    ``evalf`` and the complex step (the code printers need no rewriting)."""
    return expr.replace(sigmoid, lambda z: 1 / (1 + sp.exp(-z)))


#: Functions a user expression may call, by the name it uses (the table is
#: :data:`derive.names.FUNCTIONS`).
FUNCTIONS: dict[str, object] = {
    name: sigmoid if target == "sigmoid" else getattr(sp, target) for name, target in names.FUNCTIONS.items()
}

#: Names that read as constants rather than symbols.
CONSTANTS: dict[str, sp.Expr] = {name: getattr(sp, target) for name, target in names.CONSTANTS.items()}

w, b, x, y = (symbol(n) for n in ("w", "b", "x", "y"))


def sort_key(s: sp.Symbol) -> tuple:
    """Order symbols by name, numbering aware: x_2 before x_10."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", s.name))
