"""Sums and fractions: ``\\frac{d}{dv}`` and ``\\sum_{i=a}^{b}`` as operators
that apply to the rest of a product, ``dF/dv`` read as a derivative, and the
bounds on powers; used by the tree → SymPy transformer (``latex_tree.py``)."""
from __future__ import annotations

import re

import sympy as sp

from ..symbols import symbol
from .latex_errors import LatexError
from .limits import limit_of
from .second_derivatives import by_twice

MAX_EXPONENT = 100

#: Stands for ``d`` or ``\partial`` while a fraction is read.
D = symbol("d")
PARTIAL = sp.Symbol("partial_marker")

#: The upper limit of a sum written without one (``\\sum_i``, ``\\sum``).
SUM_UPPER = symbol("n")
_INDEX_LETTERS = ("i", "j", "k", "n", "m", "t", "l")


class _Operator:
    """``\\frac{d}{dv}`` or ``\\sum_{i=a}^{b}``: applies to the rest of a product.
    A sum without an index takes the one its operand's subscripts use; one
    ``\\sum_{k \\neq i}`` leaves out the term k = i."""

    def __init__(self, kind: str, var: sp.Expr | None, low: sp.Expr | None = None, high: sp.Expr | None = None,
                 excluded: sp.Expr | None = None, bare: bool = False):
        self.kind, self.var, self.low, self.high, self.excluded = kind, var, low, high, excluded
        self.bare = bare  # \sum with no index (its ^ script, if any, is in high)

    def apply(self, operand: sp.Expr) -> sp.Expr:
        if self.kind == "derivative":  # by a tuple of names: a second derivative
            return sp.Derivative(operand, *self.var) if isinstance(self.var, tuple) else sp.Derivative(operand, self.var)
        if self.kind == "limit":  # \lim_{h \to 0}: limits.py
            return limit_of(operand, self.var, self.low)
        var = self.var if self.var is not None else _guess_index(operand)
        shifted = [s.name for s in operand.free_symbols if re.search(rf"_{re.escape(var.name)}[+-]\d+$", s.name)]
        if shifted:  # \sum_t w_{t+1}: the term after each term, not read as an indexed name
            raise LatexError(f"a name indexed by {var} shifted ({shifted[0]}) inside a sum over {var} is not read")
        operand = operand.xreplace({symbol(var.name): var})  # \sum_{k=1}^{3} k x: the k summed is the index
        body = indexed(operand, var)
        if self.kind == "product":  # \prod_{i=1}^{n}: products.py
            return sp.Product(body, (var, self.low, self.high))
        total = sp.Sum(body, (var, self.low, self.high))
        if self.excluded is not None:  # the term k = i, in the names the notes write it with (y_i, not y[i])
            term = body.xreplace({var: sp.Symbol(self.excluded.name, integer=True)})
            total -= term.xreplace({item: symbol(f"{item.base.label.name}_{self.excluded.name}")
                                    for item in term.atoms(sp.Indexed)
                                    if item.indices == (sp.Symbol(self.excluded.name, integer=True),)})
        return total


def _guess_index(operand: sp.Expr) -> sp.Symbol:
    counts = {}
    for s in operand.free_symbols:
        base, _, sub = s.name.rpartition("_")
        if base and sub in _INDEX_LETTERS:
            counts[sub] = counts.get(sub, 0) + 1
    if not counts:  # \sum x, \sum xy: the data are not indexed names, so which values are added is not written
        raise LatexError("a sum over data without an index (its terms are not indexed names, so the values it "
                         "adds are not written where the checker reads them)")
    if len(counts) != 1:
        raise LatexError("a sum without an index, over terms whose index is not clear")
    return sp.Symbol(next(iter(counts)), integer=True)


def indexed(expr: sp.Expr, index: sp.Symbol) -> sp.Expr:
    """``y_i`` inside a sum over ``i`` becomes the indexed ``y[i]``."""
    suffix = "_" + index.name
    mapping = {}
    for s in expr.free_symbols:
        if isinstance(s, sp.Symbol) and s.name.endswith(suffix) and len(s.name) > len(suffix):
            mapping[s] = sp.IndexedBase(s.name[: -len(suffix)], real=True)[index]
        elif isinstance(s, sp.Symbol) and len(parts := s.name.split("_")) == 3 and parts[1] == index.name \
                and "hat" not in parts:  # x_j_i (x_j^{(i)}) in a sum over j: x[j, i]
            mapping[s] = sp.IndexedBase(parts[0], real=True)[index, sp.Symbol(parts[2], integer=True)]
    for item in expr.atoms(sp.Indexed):  # x[j, i] inside a sum over i
        if any(isinstance(k, sp.Symbol) and k.name == index.name and k != index for k in item.indices):
            mapping[item] = item.base[tuple(index if getattr(k, "name", None) == index.name else k
                                            for k in item.indices)]
    return expr.xreplace(mapping)


#: ``\sum`` written alone (``\frac{e_i}{\sum}``): the notes' name for a sum they wrote out earlier.
SUM_NAME = symbol("Sigma")


def _value(item) -> sp.Expr:
    if isinstance(item, _Operator) and item.kind == "sum" and item.bare:
        return SUM_NAME if item.high == SUM_UPPER else SUM_NAME ** item.high  # \sum^2: the name squared
    if isinstance(item, _Operator):
        what = "d/d" + str(item.var) if item.kind == "derivative" else "a " + item.kind
        raise LatexError(f"{what} is applied to nothing")
    return item


def _power(base, exponent) -> sp.Expr:
    base, exponent = _value(base), _value(exponent)
    if exponent.is_Number and abs(exponent) > MAX_EXPONENT:
        raise LatexError(f"the exponent {exponent} is larger than {MAX_EXPONENT}")
    if base.is_Number and exponent.is_Number and abs(base) > 1 and abs(exponent) > 20:
        raise LatexError("the power is too large to compute")
    if base == PARTIAL and exponent == 2:  # ∂² on top of a second derivative: second_derivatives.py
        return base**exponent
    if base == D or base == PARTIAL:
        raise LatexError("higher derivatives are not supported")
    return base**exponent


def _combine(factors: list[tuple[bool, object]]) -> sp.Expr:
    result = sp.Integer(1)
    for k, (divide, factor) in enumerate(factors):
        if isinstance(factor, _Operator) and k + 1 == len(factors):
            factor = _value(factor)  # a bare \sum names a sum; any other operator here is an error
        elif isinstance(factor, _Operator):
            factor = factor.apply(_combine(factors[k + 1:]))
            return result / factor if divide else result * factor
        result = result / factor if divide else result * factor
    return result


def _fraction(num: sp.Expr, den: sp.Expr) -> sp.Expr | _Operator:
    """``num/den``, or a derivative when it reads ``dF/dv`` or ``∂F/∂v`` (or ``∂²F/∂v²``)."""
    if (twice := by_twice(PARTIAL, num, den)) is not None:  # second_derivatives.py
        operand, variables = twice
        return _Operator("derivative", variables) if operand is None else sp.Derivative(operand, *variables)
    for marker in (D, PARTIAL):
        if isinstance(den, sp.Mul) and len(den.args) == 2 and marker in den.args:
            var = den.args[0] if den.args[1] == marker else den.args[1]
            if var.has(marker):
                continue
            if not isinstance(var, (sp.Symbol, sp.Indexed)):
                if num == marker or (isinstance(num, sp.Mul) and marker in num.args):
                    # d/d(x^2), ∂L/∂W^L: a derivative by what is not one name (a power? a layer index?)
                    raise LatexError(f"a derivative by {sp.sstr(var)}, which is not one name (a power, or a "
                                     "superscript index such as a layer?), is not read")
                continue
            if num == marker:
                return _Operator("derivative", var)
            if marker == D and isinstance(num, sp.Symbol) and num.name.startswith("d") and len(num.name) > 2:
                return sp.Derivative(symbol(num.name[1:]), var)  # \frac{dloss}{dw}
            if isinstance(num, sp.Mul) and marker in num.args:
                operand = num / marker
                if not operand.has(marker):
                    return sp.Derivative(operand, var)
        if isinstance(den, sp.Mul) and any(isinstance(a, sp.Pow) and a.base == marker for a in den.args):
            raise LatexError("higher derivatives are not supported")
    if den == 0:
        raise LatexError("division by zero")
    if num.has(PARTIAL) or den.has(PARTIAL):
        raise LatexError("\\partial outside a derivative fraction")
    if any(_bodies(side).has(D) for side in (num, den)):
        # \frac{dy}{dd} · \frac{dd}{da}: read as y/d · d/a, the d's cancel and the product is y/a;
        # a d left in a fraction that is not a derivative is refused here, before anything cancels it
        raise LatexError("the letter d as a name beside derivatives written with d (\\frac{dy}{dd}) is not read")
    return num / den


def _bodies(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each sum replaced by its body: a d in a sum's limits (``\\sum_{j=1}^{d}``) is a name."""
    return expr.replace(lambda e: isinstance(e, sp.Sum), lambda e: e.function)
