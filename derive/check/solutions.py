r"""A closed-form solution for a parameter is not the parameter's value in the steps.

Least-squares notes often state the result first, ``a = \frac{n\sum x_i y_i - \sum x_i
\sum y_i}{n \sum x_i^2 - (\sum x_i)^2}``, and then derive it by setting ∂S/∂a to 0.
Read as a definition in force, a is replaced by that formula in every later step,
where the gradient ∂S/∂a vanishes identically: a planted sign error in
``\frac{\partial S}{\partial a} = \sum 2(y_i - a x_i - b)(x_i)`` came out "numeric"
(both sides are 0 at the solution). So a definition of a name the notes
differentiate by, whose value holds a sum and no other differentiation
variable (a formula over the data, not a step of the chain rule such as
``z = \sum_i w_i x_i``), is not put in for the name (``derivation.py``).
"""
from __future__ import annotations

import sympy as sp


def is_solution(name: sp.Symbol, value: sp.Expr, variables: frozenset) -> bool:
    """Whether ``name = value`` is a closed-form solution for the parameter ``name``."""
    if name not in variables or value.is_number or not value.has(sp.Sum):
        return False
    others = {_base(v) for v in variables if v != name}  # w_j differentiated: the w_k of a sum is one of them
    return not ({_base(s) for s in value.free_symbols} & others)


def _base(s: sp.Basic) -> str:
    return str(getattr(s, "name", s)).split("_")[0]
