r"""Products over an index and factorials, as likelihood derivations write them.

``L(p) = \prod_{i=1}^{n} p^{x_i}(1-p)^{1-x_i}`` is SymPy's ``Product`` of the
indexed term, read like ``\sum`` (the operator takes the rest of the product
after it, ``x_i`` becomes ``x[i]``); ``∏`` is the same operator. ``y_i!`` is
the factorial of ``y_i`` (Poisson likelihoods), and ``\log y!`` is log(y!). A product over an index needs
its index written (``\prod_i`` or ``\prod_{i=1}^{n}``): a bare ``\prod`` stays
unread. At the test points every upper limit takes the one value sums take
(``points.py``), so ``\log \prod_i f_i = \sum_i \log f_i`` is checked term by
term written out.
"""
from __future__ import annotations

import sympy as sp

from .latex_operators import SUM_UPPER, _Operator, _value

#: What adds or multiplies terms over an index: the checker treats their
#: limits and bound indices alike.
AGGREGATES = (sp.Sum, sp.Product)


class ProductReading:
    """The parse-tree rules for ``\\prod`` and ``!`` (mixed into latex_tree's transformer)."""

    def prod_op(self, items):
        index, low, high = items[0], _value(items[2]), _value(items[3])
        return _Operator("product", sp.Symbol(index.name, integer=True), low, high)

    def prod_op_short(self, items):
        return _Operator("product", sp.Symbol(items[0].name, integer=True), sp.Integer(1), _value(items[1]))

    def prod_op_index(self, items):
        high = _value(items[1]) if len(items) > 1 and items[1] is not None else SUM_UPPER
        return _Operator("product", sp.Symbol(items[0].name, integer=True), sp.Integer(1), high)

    def factorial(self, items):
        return sp.factorial(_value(items[0]))

    def call_of_factorial(self, items):
        r"""``\log n!`` is log(n!), as TeX writes it, not (log n)!."""
        return self.call([items[0], sp.factorial(_value(items[1]))])


def logs_of_products_as_sums(expr: sp.Expr) -> sp.Expr:
    """log ∏_i f_i written as Σ_i log f_i, each log expanded (log(λ^y e^{-λ}/y!) →
    y log λ - λ - log y!): how a wrong step's expected value reads in a likelihood."""
    def as_sum(e: sp.log) -> sp.Expr:
        product = e.args[0]
        return sp.Sum(sp.expand_log(sp.log(product.function), force=True), *product.limits)
    return expr.replace(lambda e: isinstance(e, sp.log) and isinstance(e.args[0], sp.Product), as_sum)
