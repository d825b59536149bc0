"""The one expression printer: SymPy expressions as the text
:func:`derive.parse_expression` reads, so that whatever derive or neuron
prints (``derive grad``, reports, emitted docstrings, errors) can be pasted
back in and reads as the same expression."""
from __future__ import annotations

import sympy as sp
from sympy.printing.str import StrPrinter


class ExpressionPrinter(StrPrinter):
    """SymPy's ``str`` with the reader's spelling: ``abs``, and ``e`` for
    Euler's number (``E`` would read back as a new symbol)."""

    def _print_Abs(self, expr: sp.Abs) -> str:
        return f"abs({self._print(expr.args[0])})"

    def _print_Exp1(self, expr) -> str:
        return "e"


def expression_text(expr: sp.Expr) -> str:
    """``expr`` as text that :func:`derive.parse_expression` reads back."""
    return ExpressionPrinter().doprint(expr)
