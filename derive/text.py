"""Expressions printed in the syntax :func:`derive.parse_expression` reads,
so that what ``derive grad`` prints can be pasted back in."""
from __future__ import annotations

import sympy as sp
from sympy.printing.str import StrPrinter


class ExpressionPrinter(StrPrinter):
    """SymPy's ``str`` with the reader's spelling of its functions."""

    def _print_Abs(self, expr: sp.Abs) -> str:
        return f"abs({self._print(expr.args[0])})"


def to_text(expr: sp.Expr) -> str:
    """``expr`` as text that :func:`derive.parse_expression` reads back."""
    return ExpressionPrinter().doprint(expr)
