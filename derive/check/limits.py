r"""Limits: ``\lim_{h \to 0} \frac{\sin(x+h) - \sin x}{h} = \cos x``.

Notes that derive the rules from first principles write the derivative as the
limit of a difference quotient and work the limit out step by step
(``\lim_{\Delta x \to 0}(2x + \Delta x) = 2x``). The reader did not know
``\lim`` and skipped every such row as unparsable. Here ``\lim_{v \to a}``
(``\rightarrow``, ``→``; ``\limits`` is layout) is an operator like ``\sum``:
it applies to the rest of the product after it (``e^x \lim_{h\to 0}
\frac{e^h - 1}{h}``). The parser makes an unevaluated limit; it is worked out
(SymPy's two-sided ``limit``, within the step's time budget) only when the
notes' definitions have been put into its body (``expansion.evaluate``), so
``\frac{f(x+h) - f(x)}{h}`` with f defined by the notes is the quotient of f.

Refused, with a reason (the step is skipped, never called wrong):
- a limit that does not exist or is infinite, or that SymPy cannot work out;
- a body that still holds a function the notes do not define (f(x+h) of an
  unknown f), or an increment (Δy, δy) the notes do not define: it changes
  with the variable, so its limit is not the one SymPy would take;
- ``\lim_{h\to 0} A + B`` with h in B: whether the limit covers B is not clear.
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from .latex_errors import LatexError


def limit_of(body: sp.Expr, var: sp.Expr, point: sp.Expr) -> sp.Expr:
    """The unevaluated two-sided limit of ``body`` as ``var`` tends to ``point``."""
    if not isinstance(var, sp.Symbol):
        raise LatexError(f"a limit as {var} tends to a value: not one name, not read")
    if point.has(var):
        raise LatexError("a limit whose point depends on its own variable is not read")
    if point.has(sp.oo, -sp.oo, sp.zoo):
        raise LatexError("a limit at infinity is not checked", notation=True)
    return sp.Limit(body, var, point, "+-")


def limit_reach(left: sp.Expr, right: sp.Expr) -> None:
    """``\\lim_{h\\to 0} A + B``: refused when B (or A, for ``A + \\lim…``) holds h
    outside the limit, since the limit may or may not cover it."""
    for one, other in ((left, right), (right, left)):
        for lim in one.atoms(sp.Limit) if isinstance(one, sp.Basic) else ():
            var = lim.args[1]
            if isinstance(other, sp.Basic) and var in other.free_symbols:
                raise LatexError(f"a limit as {var} tends to {lim.args[2]} is followed or preceded by a sum that "
                                 f"holds {var} too: whether the limit covers it is not clear; not read")


def _increment(name: str) -> bool:
    return name.startswith(("Delta", "delta", "Δ", "δ"))


def limit_value(body: sp.Expr, var: sp.Symbol, point: sp.Expr) -> sp.Expr:
    """The value of the limit of ``body`` (definitions already in it), or ValueError with the reason."""
    functions = sorted({str(f.func) for f in body.atoms(AppliedUndef)})
    if functions:
        raise ValueError(f"a limit of {', '.join(functions)}, a function the notes do not define: not worked out")
    increments = sorted(s.name for s in body.free_symbols - {var} if isinstance(s, sp.Symbol) and _increment(s.name))
    if increments:
        raise ValueError(f"a limit of an expression in {', '.join(increments)}, which the notes do not define and "
                         f"which changes with {var}: not worked out")
    if not body.has(var):
        return body
    try:
        value = sp.limit(body, var, point, "+-")
    except (ValueError, NotImplementedError, TypeError) as error:
        raise ValueError(f"the limit as {var} → {point} could not be worked out ({error})") from None
    if value.has(sp.Limit, sp.oo, -sp.oo, sp.zoo, sp.nan, sp.AccumBounds):
        raise ValueError(f"the limit as {var} → {point} is infinite, does not exist or could not be worked out")
    return value


def _derivative_of_notes(expr) -> bool:
    """``dy/dx``, ``f'(x)``: a derivative, whose value comes from the notes' definitions."""
    if not isinstance(expr, sp.Basic):
        return False
    return expr.has(sp.Derivative) or any(str(f.func).endswith("'") for f in expr.atoms(AppliedUndef))


def limit_doubted(verdict, claim):
    """A ``wrong`` verdict on a step that compares a limit with a derivative
    (``\\frac{dy}{dx} = \\lim_{h\\to 0} …``) as a skip: the derivative's value
    comes from the notes' definitions of y, and first-principles notes redefine
    f and y section by section, in rows the checker may not have read; the
    limit rows compared with explicit expressions keep their verdicts."""
    sides = [getattr(claim, k, None) for k in ("first", "claim", "previous")]
    if getattr(verdict, "verdict", None) != "wrong" or not any(isinstance(s, sp.Basic) and s.has(sp.Limit)
                                                               for s in sides):
        return verdict
    if not any(_derivative_of_notes(s) for s in sides):
        return verdict
    return replace(verdict, verdict="skipped", counterexample=None, expected=None,
                   reason="a limit compared with a derivative the notes define through other rows (f, y may have "
                          "been redefined where the checker could not read it): not called wrong")
