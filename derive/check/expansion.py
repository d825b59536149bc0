"""Definitions and derivatives expanded: a name replaced by what the notes
define it as, a derivative taken through the definitions (chain rule), a
derivative of something undefined kept as an opaque symbol; and the cheap
and thorough symbolic tests for zero.

Every function here takes and returns plain SymPy objects so that it can run
in the worker process of :mod:`derive.worker` as well as in this one.
"""
from __future__ import annotations

import sympy as sp

from ..symbols import numeric_form, symbol
from .greek_names import show_name
from .latex_operators import indexed
from .index_conditions import component_definition
from .limits import limit_value
from .siblings import sibling
from .sum_derivatives import indexed_bases, sum_derivative
from .bound_indices import TERM_READING, bound_derivative, clashing_index, one_term


#: Names of opaque derivatives (∂L/∂ŷ of an L the notes never define) start with this.
OPAQUE = "\u2202"


#: Ends the name of an opaque derivative of a name the notes define without the
#: variable (∂L/∂w of L(a, y) = …): how it depends on the variable is not written.
UNWRITTEN = "\u2060"


def opaque_derivative(operand: sp.Expr, var: sp.Expr, unwritten: bool = False) -> sp.Symbol:
    """The derivative of something the checker does not know, as a symbol of
    its own (``∂L/∂y_hat``): equal only to itself, never to 0."""
    return symbol(f"{OPAQUE}{operand}/{OPAQUE}{var}{UNWRITTEN if unwritten else ''}")


#: Marks the names in ``unknown`` that are inputs (used in a definition or as
#: a differentiation variable): constants under any other variable.
INPUT = "\u2218input:"
#: Marks the names in ``unknown`` that the notes define by a formula somewhere.
FORMULA = "\u2218formula:"


def unknown_inputs(unknown: frozenset) -> set:
    """The input names carried in ``unknown`` (see :data:`INPUT`)."""
    return {symbol(s.name[len(INPUT):]) for s in unknown if s.name.startswith(INPUT)}


def _shown(name: str) -> str:
    return show_name(name).replace("_hat", "\u0302")


def opaque_names(*exprs: sp.Expr) -> list[str]:
    """The opaque derivatives in ``exprs``, by name."""
    return sorted({s.name for e in exprs for s in e.free_symbols if s.name.startswith(OPAQUE)})


def evaluate(expr: sp.Expr, defs: dict, stop: frozenset = frozenset(), expanding: tuple = (),
             unknown: frozenset = frozenset()) -> sp.Expr:
    """``expr`` with every defined name expanded and every derivative taken.

    A derivative d/dv expands its operand through the definitions down to v
    but not v itself, so intermediate variables work as in the chain rule.
    Names in ``unknown`` (used by the notes as functions, never defined in a
    way the checker could read) are unknown functions of v: their
    derivatives stay opaque symbols. An operand that does not contain v at
    all but names something undefined is not known to be constant: its
    derivative is opaque too, never 0.
    """
    if isinstance(expr, sp.Derivative):
        variables = frozenset(v for v, _ in expr.variable_count)
        # the values of a worked example come after differentiating: a name the
        # notes also define by a formula is, here, an unknown function
        valued = {k for k, v in defs.items() if v.is_number and symbol(FORMULA + k.name) in unknown}
        held = {k: v for k, v in defs.items() if k not in unknown and k not in valued}
        inner = unknown | valued
        result = evaluate(expr.expr, held, stop | variables, expanding, inner)
        expanded = _names(expr.expr) & (set(held) - variables)
        for k, (v, n) in enumerate(expr.variable_count):
            if k:  # ∂²L/∂w∂b: the second variable's derivative of the first's
                _refuse_opaque_again(result, inner)
            if expanded and not _mentions(result, v) and not result.free_symbols & inner:
                # ∂L/∂w of an L defined without w (L(a, y) = …): the notes mean a
                # dependence they did not write down, not a constant
                result = opaque_derivative(expr.expr, v, unwritten=True)
                break
            result = _differentiate(result, v, n, inner, held)
        # a kink (ReLU at 0) has no derivative: points there are not judged
        result = result.replace(lambda e: isinstance(e, sp.Heaviside) and e.args[1:] != (sp.nan,),
                                lambda e: sp.Heaviside(e.args[0], sp.nan))
        return evaluate(result, defs, stop, expanding, unknown)
    if isinstance(expr, sp.Limit):  # \lim_{h \to 0}: worked out once the definitions are in (limits.py)
        return limit_value(evaluate(expr.args[0], defs, stop | {expr.args[1]}, expanding, unknown), *expr.args[1:3])
    if isinstance(expr, sp.Symbol):
        if expr in defs and expr not in stop:
            if expr in expanding:
                chain = " → ".join(s.name for s in expanding + (expr,))
                raise ValueError(f"the definitions refer to each other in a cycle: {chain}")
            return evaluate(defs[expr], defs, stop, expanding + (expr,), unknown)
        pattern = None if expr in stop or expr in expanding else component_definition(expr, defs)
        if pattern is not None:  # a_i, where the notes define a_j for every j
            return evaluate(pattern, defs, stop, expanding + (expr,), unknown)
        return expr
    if isinstance(expr, sp.Indexed):
        key = _indexed_name(expr)
        if key in defs and key not in stop and expr not in stop:  # ŷ_i = w x_i + b, read at y_hat[i]
            return evaluate(indexed(defs[key], expr.indices[0]), defs, stop, expanding + (key,), unknown)
        return expr
    if not expr.args:
        return expr
    args = [evaluate(a, defs, stop, expanding, unknown) for a in expr.args]
    return expr.func(*args) if args != list(expr.args) else expr


def _refuse_opaque_again(result: sp.Expr, unknown: frozenset) -> None:
    """A derivative still unknown (an opaque ∂L/∂w, or L itself) is not differentiated
    again: its derivative is not 0, and nothing else is known of it."""
    if result.free_symbols & unknown or any(getattr(s, "name", "").startswith(OPAQUE) for s in result.free_symbols):
        raise ValueError("a second derivative of something the notes do not define (or define in a way the "
                         "checker could not read) is not checked")


def _differentiate(operand: sp.Expr, v: sp.Expr, n: int, unknown: frozenset, defs: dict) -> sp.Expr:
    if n > 1:  # ∂²/∂v²: by v, then by v again, each time as a first derivative (second_derivatives.py)
        once = _differentiate(operand, v, n - 1, unknown, defs)
        _refuse_opaque_again(once, unknown)
        return _differentiate(once, v, 1, unknown, defs)
    if letter := clashing_index(operand, v):  # ∂/∂W_ij of Σ_i X_li W_ij: which term is meant? (bound_indices.py)
        read = None if n != 1 or TERM_READING not in unknown else one_term(
            operand, v, letter, lambda term: _differentiate(term, v, 1, unknown, defs))
        return bound_derivative(operand, v, letter) if read is None else read
    base, _, index = v.name.rpartition("_") if isinstance(v, sp.Symbol) else ("", "", "")
    if base and any(i.base.label.name == base for i in operand.atoms(sp.Indexed)):
        # ∂/∂z_i of a sum over z_k: its term k = i, when that can be read with certainty
        def rest(outside: sp.Expr, var: sp.Expr) -> sp.Expr:
            return _differentiate(outside, var, 1, unknown, {**defs, **{d: d for d in outside.atoms(sp.Dummy)}})
        read = sum_derivative(operand, v, n, indexed_bases(set(defs) | set(unknown)), rest)
        return opaque_derivative(operand, v) if read is None else read
    if operand.is_number:
        return sp.Integer(0) if n else operand
    # a numbered sibling of v written beside it (ŷ_2 next to ŷ_1) is held fixed, unless the notes define
    # that family for any index (h_t = …: h_2 may be built from h_1)
    known = [symbol(k.name.rpartition(":")[2]) for k in (*defs, *unknown) if isinstance(k, sp.Symbol)]
    beside = operand.has(v) and not any(sibling(k, v, generic=True) for k in known)
    names = [s for s in operand.free_symbols if s in unknown and s != v and not (beside and sibling(s, v))]
    if not names and not operand.has(v):
        inputs = unknown_inputs(unknown)
        # an index of a sum around (i in y[i]) is not a name; y[i] is an input when y[…] is one
        undefined = [s for s in operand.free_symbols if isinstance(s, sp.Symbol) and s not in defs and s not in inputs and not s.is_integer
                     and not s.name.startswith(OPAQUE)]
        input_bases = {s.name.partition("[")[0] for s in inputs if "[" in s.name}
        undefined += [i for i in operand.atoms(sp.Indexed)
                      if _indexed_name(i) not in inputs and i.base.label.name not in input_bases]
        return opaque_derivative(operand, v) if undefined else sp.Integer(0)
    if not names:
        return sp.diff(operand, v, n)
    as_functions = {s: sp.Function(s.name, real=True)(v) for s in names}
    result = sp.diff(operand.xreplace(as_functions), v, n)
    back = {sp.Derivative(f, v): opaque_derivative(s, v) for s, f in as_functions.items()}
    result = result.xreplace(back)
    return result.xreplace({f: s for s, f in as_functions.items()})


def _mentions(expr: sp.Expr, v: sp.Expr) -> bool:
    """Whether ``expr`` contains ``v``, or an indexed entry of the name ``v`` is one of
    (``w[j]`` for ``w_1``)."""
    if expr.has(v):
        return True
    base = v.name.rpartition("_")[0] if isinstance(v, sp.Symbol) else ""
    return bool(base) and any(i.base.label.name == base for i in expr.atoms(sp.Indexed))


def _indexed_name(item: sp.Indexed) -> sp.Symbol | None:
    """The symbol ``y_hat_i`` that the notes define for ``y_hat[i]``."""
    if len(item.indices) == 1 and isinstance(item.indices[0], sp.Symbol):
        return symbol(f"{item.base.label.name}_{item.indices[0].name}")
    return None


def _names(expr: sp.Expr) -> set:
    return expr.free_symbols | _variables(expr) | {_indexed_name(i) for i in expr.atoms(sp.Indexed)}


def relevant_definitions(defs: dict, exprs) -> dict:
    """The part of ``defs`` that ``exprs`` reach, directly or through others."""
    todo = set().union(*(_names(e) for e in exprs))
    seen: dict = {}
    while todo:
        name = todo.pop()
        if name in defs and name not in seen:
            seen[name] = defs[name]
            todo |= _names(defs[name])
    return seen


def _variables(expr: sp.Expr) -> set:
    return {v for d in expr.atoms(sp.Derivative) for v, _ in d.variable_count}


def is_zero_fast(diff: sp.Expr) -> bool:
    """Cheap symbolic test: expanding or cancelling gives 0."""
    if diff == 0:
        return True
    try:
        return sp.expand(diff) == 0 or sp.cancel(sp.together(diff)) == 0
    except (sp.PolynomialError, TypeError, ValueError):
        return False


def is_zero_full(diff: sp.Expr) -> bool:
    """Thorough symbolic test (may be slow: run it under a budget)."""
    if is_zero_fast(diff):
        return True
    for form in (diff, numeric_form(diff)):
        if sp.simplify(form.doit()) == 0:
            return True
    return False
