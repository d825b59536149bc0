"""∂/∂z_j of a sum over the components z_k (``Σ_k e^{z_k}``, softmax
denominators): only the term k = j depends on z_j, so the derivative of the
sum is the derivative of its term, at k = j (the index j taken to be in the
sum's range, as the notes mean it).

Read only when that is certain: a first derivative, sums whose terms use z
only as z[k] with the sum's own index, no sum inside another, and no other
indexed name in a term that the notes leave undefined (it could depend on
z_j). A sum over samples whose terms hold z only inside such sums
(Σ_i (Σ_j θ_j x_j^{(i)} - y^{(i)})^2) is differentiated under its sign, term
by term. Anything else gives None and the derivative stays opaque."""
from __future__ import annotations

import sympy as sp

from ..symbols import symbol


def _component(v: sp.Expr) -> tuple[str, sp.Expr] | None:
    """(z, j) for the variable z_j (j a letter or a whole number)."""
    if not isinstance(v, sp.Symbol):
        return None
    base, _, index = v.name.rpartition("_")
    if not base or not index or "_" in base.removesuffix("_hat").removesuffix("_bar").removesuffix("_tilde"):
        return None  # z_j and ŷ_j (y_hat_j), not x_1_k
    if index.isdigit():
        return base, sp.Integer(int(index))
    if len(index) == 1 and index.isalpha():
        return base, sp.Symbol(index, integer=True)
    return None


def _term_at(summand: sp.Expr, index: sp.Symbol, at: sp.Expr) -> sp.Expr:
    """The summand at index = at, its entries x[at] written as the names x_at."""
    term = summand.xreplace({index: at})
    names = {i: symbol(f"{i.base.label.name}_{at}") for i in term.atoms(sp.Indexed)
             if len(i.indices) == 1 and i.indices[0] == at}
    # x[k, i] (x_k^{(i)} inside a sum over i) as the notes write it: x_k indexed by i
    names |= {i: sp.IndexedBase(f"{i.base.label.name}_{at}", real=True)[i.indices[1]] for i in term.atoms(sp.Indexed)
              if len(i.indices) == 2 and i.indices[0] == at}
    return term.xreplace(names)


def _readable(total: sp.Sum, base: str, undefined_bases: set) -> bool:
    if len(total.limits) != 1 or total.function.has(sp.Sum):
        return False
    index = total.limits[0][0]
    for item in total.function.atoms(sp.Indexed):
        name = item.base.label.name
        if name == base and item.indices != (index,):
            return False
        if name != base and name in undefined_bases:
            return False
    return True


def _over_samples(total: sp.Sum, base: str) -> bool:
    """A sum over something else (samples i) whose terms hold the components
    z_j only inside sums of their own (Σ_i (Σ_j θ_j x_j^{(i)} - y^{(i)})^2): its
    derivative is the sum of its terms' derivatives."""
    if len(total.limits) != 1:
        return False
    index = total.limits[0][0]
    if any(i.base.label.name == base and index in i.indices for i in total.function.atoms(sp.Indexed)):
        return False
    held = total.function.xreplace({s: sp.Dummy() for s in total.function.atoms(sp.Sum)})
    return not any(i.base.label.name == base for i in held.atoms(sp.Indexed))


def indexed_bases(names) -> set:
    """The bases (p for p_j) of the names given: an entry p[k] of one of them
    may depend on anything, so a sum over it is not read."""
    bases = set()
    for name in (s.name for s in names):
        bases.add(name)
        head, _, index = name.rpartition("_")
        if head and (index.isdigit() or (len(index) == 1 and index.isalpha())):
            bases.add(head)
    return bases


def sum_derivative(operand: sp.Expr, v: sp.Expr, n: int, undefined_bases: set, rest) -> sp.Expr | None:
    """∂operand/∂v with each sum over v's components read term by term;
    ``rest(expr, v)`` differentiates what is left outside the sums. None when
    the form is not one that can be read with certainty."""
    component = _component(v)
    if n != 1 or component is None:
        return None
    base, at = component
    sums = [s for s in operand.atoms(sp.Sum) if any(i.base.label.name == base for i in s.atoms(sp.Indexed))]
    sums = [s for s in sums if not any(s != other and other.has(s) for other in sums)]  # the outermost
    if not sums or not all(_readable(s, base, undefined_bases) or _over_samples(s, base) for s in sums):
        return None
    if any(s.limits[0][1].has(v) or s.limits[0][2].has(v) for s in sums):
        return None
    held = {s: sp.Dummy("sum") for s in sums}
    outside = operand.xreplace(held)
    if any(i.base.label.name == base for i in outside.atoms(sp.Indexed)):
        return None  # z[k] outside a sum: not read
    result = rest(outside, v)
    if result is None:
        return None
    for total, name in held.items():
        if not _readable(total, base, undefined_bases):  # Σ_i (Σ_j θ_j x_j^{(i)} - y^{(i)})^2: under the sum
            inner = rest(total.function, v)
            if inner is None:
                return None
            result += sp.diff(outside, name) * sp.Sum(inner, *total.limits)
            continue
        index = total.limits[0][0]
        (entry,) = {i for i in total.function.atoms(sp.Indexed) if i.base.label.name == base}
        inner = sp.diff(total.function, entry)
        if inner.has(sp.Derivative):
            return None
        result += sp.diff(outside, name) * _term_at(inner, index, at)
    return result.xreplace({name: total for total, name in held.items()})
