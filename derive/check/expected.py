"""The expected expression of a wrong step, printed as the notes would
write it: definitions folded back (w·x + b → ŷ), signs moved out of
brackets, the notes' spelling of each name."""
from __future__ import annotations

import sympy as sp

from ..symbols import symbol
from .expansion import _indexed_name, _variables, evaluate, is_zero_fast, relevant_definitions
from .latex_operators import indexed
from .products import logs_of_products_as_sums


def expected_latex(left: sp.Expr, defs: dict, raw, spellings: dict) -> str:
    """``left`` in the notes' own names: definitions folded back (w·x + b →
    ŷ) when that makes it shorter, printed with the notes' spelling."""
    names = relevant_definitions(defs, raw)
    expanded = {n: evaluate(n, defs) for n in names}
    left = logs_of_products_as_sums(left)  # log ∏ → Σ log: products.py
    left = left.replace(lambda e: isinstance(e, sp.Sum), _coefficient_outside)
    for item in {i for i in left.atoms(sp.Indexed) if _indexed_name(i) in defs} | _summed_definitions(left, defs):
        full = indexed(evaluate(_indexed_name(item), defs), item.indices[0])
        left_folded = left.subs(full, item).replace(  # inside a sum over the index too (subs stops at bound names)
            lambda e: isinstance(e, sp.Sum), lambda e: sp.Sum(e.function.subs(full, item), *e.limits))
        if left_folded != left and is_zero_fast(evaluate(left_folded, defs) - evaluate(left, defs)):
            left = left_folded
    options = []
    for form in (left, sp.factor(left) if not left.has(sp.Sum) else sp.factor_terms(left)):
        folded = form
        for name, full in sorted(expanded.items(), key=lambda kv: -sp.count_ops(kv[1])):
            if isinstance(full, sp.Symbol) or full.is_number or _variables(defs[name]):  # 0.5 is no x
                continue
            candidate = folded.subs(full, name)
            if candidate != folded and is_zero_fast(evaluate(candidate, defs) - left):
                folded = candidate
        if folded != form and folded == raw[0]:  # folded back to the very side the claim starts from: no help
            folded = form
        options.append((folded == form, sp.count_ops(folded), len(options), folded))
    # the brackets as the claim writes them (not the claim itself: -(y - ŷ) is read as ŷ - y)
    prefer = frozenset(a for e in raw[1:] for a in e.atoms(sp.Add) if a != e)
    return to_latex(min(options, key=lambda o: o[:3])[3], spellings, prefer)


def _coefficient_outside(total: sp.Sum) -> sp.Expr:
    """Σ 2(b + w x_i - y_i) as 2 Σ (b + w x_i - y_i): the summand's common
    factors gathered and its number put in front, so that b + w x_i folds to ŷ_i."""
    coefficient, rest = sp.factor_terms(total.function).as_coeff_Mul()
    return coefficient * sp.Sum(rest, *total.limits)


def _summed_definitions(expr: sp.Expr, defs: dict) -> set:
    """``ŷ[i]`` for each name ``ŷ_i`` the notes define whose index is the
    variable of a sum in ``expr``: inside that sum, w x_i + b folds back to ŷ_i."""
    found = set()
    for total in expr.atoms(sp.Sum):
        for var, *_ in total.limits:
            suffix = "_" + var.name
            for name in defs:
                if isinstance(name, sp.Symbol) and name.name.endswith(suffix) and len(name.name) > len(suffix):
                    found.add(sp.IndexedBase(name.name[: -len(suffix)], real=True)[var])
    return found


def tidy(expr: sp.Expr, prefer: frozenset = frozenset()) -> sp.Expr:
    """Signs moved out of brackets as notes write them: η(ŷ − y) → −η(y − ŷ),
    sign(ŷ − y) → −sign(y − ŷ); a bracket the notes wrote the other way
    round (one of ``prefer``, such as ŷ − y) keeps their orientation."""
    if not expr.args or isinstance(expr, sp.Indexed):
        return expr
    expr = expr.func(*[tidy(a, prefer) for a in expr.args])

    def flip(f: sp.Expr) -> bool:
        return isinstance(f, sp.Add) and f not in prefer and (-f in prefer or f.could_extract_minus_sign())

    if isinstance(expr, sp.Sum) and expr.function.could_extract_minus_sign() \
            and not (expr.function.atoms(sp.Add) & prefer):
        return -sp.Sum(-expr.function, *expr.limits)
    if isinstance(expr, sp.sign) and expr.args[0].could_extract_minus_sign():
        return -expr.func(-expr.args[0])
    if isinstance(expr, sp.Abs) and expr.args[0].could_extract_minus_sign():
        return sp.Abs(-expr.args[0])
    if isinstance(expr, sp.Mul):
        factors = expr.args
        flips = [f for f in factors if flip(f)]
        if flips:
            return sp.Mul(*[(-f if f in flips else f) for f in factors]) * (-1) ** len(flips)
    return expr


def to_latex(expr: sp.Expr, spellings: dict, prefer: frozenset = frozenset()) -> str:
    """LaTeX with the notes' spelling of names, and −(y − ŷ) x written as
    the notes write it: the coefficient, bracketed sums, then other factors;
    a mean keeps ``\\frac{1}{n}`` in front of its sum."""
    names = {symbol(k): v for k, v in spellings.items()}
    expr = tidy(expr, prefer)
    expr = expr.xreplace({i: _indexed_name(i) for i in expr.atoms(sp.Indexed) if _indexed_name(i)})
    if isinstance(expr, sp.Add) and expr.could_extract_minus_sign() and len(expr.args) == 2:
        return f"-({sp.latex(-expr, symbol_names=names)})"
    if isinstance(expr, sp.Mul):
        coeff, factors = expr.as_coeff_mul()
        means = [f for f in factors if isinstance(f, sp.Pow) and f.exp == -1 and f.base.is_Symbol]
        if means and any(isinstance(f, sp.Sum) for f in factors):
            rest = sp.Mul(coeff, *[f for f in factors if f is not means[0]])
            sign = "-" if rest.could_extract_minus_sign() else ""
            inner = to_latex(-rest if sign else rest, spellings, prefer)
            if inner.startswith("-"):  # the sum's sign moved out of it: -(1/n)·(-2 Σ …) is (1/n)·2 Σ …
                sign, inner = ("" if sign else "-"), inner[1:].lstrip()
            top, _, after = inner.partition(" ")
            top, inner = (top, after) if top.isdigit() and after else ("1", inner)  # 2/n Σ …, not 1/n 2 Σ …
            return f"{sign}\\frac{{{top}}}{{{sp.latex(means[0].base, symbol_names=names)}}} " + inner
        if coeff.is_Integer and any(isinstance(f, sp.Add) for f in factors):
            ordered = sorted(factors, key=lambda f: 0 if isinstance(f, sp.Add) else 1)
            parts = [f"({sp.latex(f, symbol_names=names)})" if isinstance(f, sp.Add)
                     else sp.latex(f, symbol_names=names) for f in ordered]
            sign = {1: "", -1: "-"}.get(int(coeff), f"{int(coeff)} ")
            return sign + " ".join(parts)
    return sp.latex(expr, symbol_names=names, order="old")  # positive terms first: y_i - ŷ_i
