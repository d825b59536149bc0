"""The mathematics behind a verdict: expand definitions and derivatives,
test equality symbolically and at points, and print the expected expression.

Every function here takes and returns plain SymPy objects so that it can run
in the worker process of :mod:`derive.worker` as well as in this one.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

import sympy as sp

from ..symbols import numeric_form, sort_key, symbol
from .latex_operators import indexed

#: The first test point gives these values in turn to w, b, x, y, …: small,
#: distinct, and easy to check by hand (the lecture's wrong step: 21 vs 7).
FIRST_POINT = (2, 1, 3, 0, 5, -1, 4, -2, 6, 7, -3, 8)
POINTS = 14
#: The number every sum's upper limit n takes in numeric tests.
SUM_LENGTH = 3
TOLERANCE = sp.Float("1e-20", 30)
#: A printed decimal may be this many units of its last place from the value.
ROUNDING_UNITS = 3


@dataclass(frozen=True)
class Outcome:
    """What :func:`assess` found; ``verdict`` is proved, numeric, wrong,
    skipped, or undecided (numerically equal, symbolic proof not tried)."""

    verdict: str
    reason: str = ""
    expected: str | None = None
    counterexample: dict | None = None


#: Names of opaque derivatives (∂L/∂ŷ of an L the notes never define) start with this.
OPAQUE = "\u2202"


def opaque_derivative(operand: sp.Expr, var: sp.Expr) -> sp.Symbol:
    """The derivative of something the checker does not know, as a symbol of
    its own (``∂L/∂y_hat``): equal only to itself, never to 0."""
    return symbol(f"{OPAQUE}{operand}/{OPAQUE}{var}")


#: Marks the names in ``unknown`` that are inputs (used in a definition or as
#: a differentiation variable): constants under any other variable.
INPUT = "\u2218input:"
#: Marks the names in ``unknown`` that the notes define by a formula somewhere.
FORMULA = "\u2218formula:"


def unknown_inputs(unknown: frozenset) -> set:
    """The input names carried in ``unknown`` (see :data:`INPUT`)."""
    return {symbol(s.name[len(INPUT):]) for s in unknown if s.name.startswith(INPUT)}


def _shown(name: str) -> str:
    return name.replace("_hat", "\u0302")


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
        for v, n in expr.variable_count:
            result = _differentiate(result, v, n, inner, held)
        # a kink (ReLU at 0) has no derivative: points there are not judged
        result = result.replace(lambda e: isinstance(e, sp.Heaviside) and e.args[1:] != (sp.nan,),
                                lambda e: sp.Heaviside(e.args[0], sp.nan))
        return evaluate(result, defs, stop, expanding, unknown)
    if isinstance(expr, sp.Symbol):
        if expr in defs and expr not in stop:
            if expr in expanding:
                chain = " → ".join(s.name for s in expanding + (expr,))
                raise ValueError(f"the definitions refer to each other in a cycle: {chain}")
            return evaluate(defs[expr], defs, stop, expanding + (expr,), unknown)
        return expr
    if isinstance(expr, sp.Indexed):
        key = _indexed_name(expr)
        if key in defs and key not in stop:  # ŷ_i = w x_i + b, read at y_hat[i]
            return evaluate(indexed(defs[key], expr.indices[0]), defs, stop, expanding + (key,), unknown)
        return expr
    if not expr.args:
        return expr
    args = [evaluate(a, defs, stop, expanding, unknown) for a in expr.args]
    return expr.func(*args) if args != list(expr.args) else expr


def _differentiate(operand: sp.Expr, v: sp.Expr, n: int, unknown: frozenset, defs: dict) -> sp.Expr:
    base, _, index = v.name.rpartition("_") if isinstance(v, sp.Symbol) else ("", "", "")
    if base and any(i.base.label.name == base for i in operand.atoms(sp.Indexed)):
        return opaque_derivative(operand, v)  # ∂/∂z_i of a sum over z_j: one term of the sum, not read
    if operand.is_number:
        return sp.Integer(0) if n else operand
    names = [s for s in operand.free_symbols if s in unknown and s != v]
    if not names and not operand.has(v):
        inputs = unknown_inputs(unknown)
        undefined = [s for s in operand.free_symbols
                     if s not in defs and s not in inputs and not s.name.startswith(OPAQUE)]
        undefined += [i for i in operand.atoms(sp.Indexed) if _indexed_name(i) not in inputs]
        return opaque_derivative(operand, v) if undefined else sp.Integer(0)
    if not names:
        return sp.diff(operand, v, n)
    as_functions = {s: sp.Function(s.name, real=True)(v) for s in names}
    result = sp.diff(operand.xreplace(as_functions), v, n)
    back = {sp.Derivative(f, v): opaque_derivative(s, v) for s, f in as_functions.items()}
    result = result.xreplace(back)
    return result.xreplace({f: s for s, f in as_functions.items()})


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


def _concrete(*exprs: sp.Expr) -> list[sp.Expr]:
    """Sums written out with n = SUM_LENGTH terms; the upper limits of every
    sum in any of ``exprs`` take that value in all of them, so that
    ``Σ_{i=1}^{n} b = n b`` gives n the same value on both sides."""
    limits = {s for e in exprs for s_ in e.atoms(sp.Sum) for lim in s_.limits for s in lim[2].free_symbols}
    if not limits:
        return list(exprs)
    return [e.xreplace({n: sp.Integer(SUM_LENGTH) for n in limits}).doit() for e in exprs]


def _point_variables(exprs) -> list:
    atoms = set()
    for e in exprs:
        atoms |= e.atoms(sp.Indexed)
        atoms |= {s for s in e.free_symbols if isinstance(s, sp.Symbol)}
    labels = {i.base.label for i in atoms if isinstance(i, sp.Indexed)}
    atoms -= labels

    def key(v):
        name = str(v)
        group = 0 if name.startswith(("w", "theta")) else 1 if name.startswith("b") else 2
        return (group, sort_key(symbol(name.replace("[", "_").replace("]", ""))))

    return sorted(atoms, key=key)


def _points(variables: list):
    yield {v: sp.Integer(FIRST_POINT[k % len(FIRST_POINT)]) for k, v in enumerate(variables)}
    rng = random.Random(20240515)
    for k in range(POINTS - 1):
        if k % 3 == 2:  # inside (0, 1): probabilities, sigmoid outputs
            yield {v: sp.Rational(rng.randint(1, 6), 7) for v in variables}
        elif k % 3 == 1:  # positive: logarithms, square roots
            yield {v: sp.Integer(rng.randint(1, 6)) for v in variables}
        else:
            yield {v: sp.Integer(rng.randint(-4, 5)) for v in variables}


_BRANCHING = (sp.Piecewise, sp.Abs, sp.sign, sp.Heaviside, sp.Max, sp.Min)


def _points_for(left: sp.Expr, right: sp.Expr, variables: list):
    """The test points; for sides that branch (piecewise, |x|, max), each
    point and its negation, so that every branch is met."""
    branching = any(e.has(*_BRANCHING) for e in (left, right))
    for point in _points(variables):
        yield point
        if branching:
            yield {v: -value for v, value in point.items()}


def value_at(expr: sp.Expr, point: dict):
    """Exact value (Rational) or 30-digit Float, or None where undefined."""
    v = expr.xreplace(point)
    if v.is_Rational:
        return v
    if v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return None
    v = numeric_form(v).evalf(30)
    if not v.is_number or v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return None
    real, imag = v.as_real_imag()
    if abs(imag) > TOLERANCE:
        return None
    return real


def numeric_difference(left: sp.Expr, right: sp.Expr, domain: tuple = ()):
    """(equal points, first differing point with both values or None);
    ``domain`` (("x", 1), …) keeps x positive (-1: negative) at every point."""
    left, right = _concrete(left, right)
    variables = _point_variables([left, right])
    signs = {v: sign for v in variables for name, sign, *_ in domain if str(v) == name}
    equal = 0
    for point in _points_for(left, right, variables):
        point = {v: (abs(value) * signs[v] if v in signs else value) for v, value in point.items()}
        lv, rv = value_at(left, point), value_at(right, point)
        if lv is None or rv is None:
            continue
        if lv == rv or abs(lv - rv) <= TOLERANCE * max(1, abs(lv), abs(rv)):
            equal += 1
        else:
            return equal, (point, lv, rv)
    return equal, None


def counterexample(found) -> dict:
    point, lv, rv = found
    return {"point": {str(k): _plain(v) for k, v in point.items()}, "left": _plain(lv), "right": _plain(rv)}


def _plain(v):
    if v.is_Integer:
        return int(v)
    if v.is_Rational:
        return str(v)
    return float(f"{float(v):.8g}")


def expected_latex(left: sp.Expr, defs: dict, raw, spellings: dict) -> str:
    """``left`` in the notes' own names: definitions folded back (w·x + b →
    ŷ) when that makes it shorter, printed with the notes' spelling."""
    names = relevant_definitions(defs, raw)
    expanded = {n: evaluate(n, defs) for n in names}
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
            if isinstance(full, sp.Symbol) or _variables(defs[name]):
                continue
            candidate = folded.subs(full, name)
            if candidate != folded and is_zero_fast(evaluate(candidate, defs) - left):
                folded = candidate
        options.append((folded == form, sp.count_ops(folded), len(options), folded))
    # the brackets as the claim writes them (not the claim itself: -(y - ŷ) is read as ŷ - y)
    prefer = frozenset(a for e in raw[1:] for a in e.atoms(sp.Add) if a != e)
    return to_latex(min(options, key=lambda o: o[:3])[3], spellings, prefer)


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
            return f"{sign}\\frac{{1}}{{{sp.latex(means[0].base, symbol_names=names)}}} " + \
                to_latex(-rest if sign else rest, spellings, prefer)
        if coeff.is_Integer and any(isinstance(f, sp.Add) for f in factors):
            ordered = sorted(factors, key=lambda f: 0 if isinstance(f, sp.Add) else 1)
            parts = [f"({sp.latex(f, symbol_names=names)})" if isinstance(f, sp.Add)
                     else sp.latex(f, symbol_names=names) for f in ordered]
            sign = {1: "", -1: "-"}.get(int(coeff), f"{int(coeff)} ")
            return sign + " ".join(parts)
    return sp.latex(expr, symbol_names=names)


def _names_of(expr: sp.Expr) -> set:
    """The names an expression is written in: x for x[i] (Σ_i x_i and Σ_k x_k
    are written in the same name, whatever their index)."""
    return ({s for s in expr.free_symbols if not isinstance(s, sp.Indexed)}
            | {i.base.label for i in expr.atoms(sp.Indexed)})


def _unknown_outcome(left: sp.Expr, right: sp.Expr) -> Outcome | None:
    """Why sides that differ are not known to be wrong: a derivative of
    something undefined, or names on each side that the other lacks (the
    step replaced a name the notes never define)."""
    names = opaque_names(left, right)
    only_left, only_right = _names_of(left) - _names_of(right), _names_of(right) - _names_of(left)
    means = sorted(_shown(s.name) for s in only_left | only_right if s.name.endswith("_bar"))
    if not names and means:
        return Outcome("skipped", f"depends on {', '.join(means)} (a mean?), which the notes use on one side "
                                  "without a definition the checker could read; not checked")
    if not names and only_left and only_right:
        shown = lambda names: ", ".join(sorted(_shown(s.name) for s in names))
        return Outcome("skipped", f"the sides are written in different names ({shown(only_left)} on the left, "
                                  f"{shown(only_right)} on the right) and the notes do not say how they relate")
    if not names:
        return None
    shown = ", ".join(n.replace("_hat", "\u0302") for n in names)
    return Outcome("skipped", f"depends on {shown}, a derivative of something the notes do not define "
                              "(or define in a way the checker could not read), so the step is not checked")


def _labels_summing_to_one(left: sp.Expr, right: sp.Expr) -> str:
    """The name y (summed over in a side) such that the sides are equal at
    every test point where y_1 + … + y_n = 1 (softmax notes use that one-hot
    labels sum to 1), or ""."""
    bases = sorted({i.base for e in (left, right) for total in e.atoms(sp.Sum)
                    for i in total.function.atoms(sp.Indexed)}, key=str)
    if not bases:
        return ""
    left, right = _concrete(left, right)
    for base in bases:
        items = sorted({i for e in (left, right) for i in e.atoms(sp.Indexed) if i.base == base}, key=str)
        if len(items) < 2:
            continue
        on_simplex = {items[-1]: 1 - sum(items[:-1])}
        equal, found = numeric_difference(left.xreplace(on_simplex), right.xreplace(on_simplex))
        if found is None and equal:
            return _shown(str(base))
    return ""


def _labels_outcome(left: sp.Expr, right: sp.Expr) -> Outcome | None:
    names = _labels_summing_to_one(left, right)
    if not names:
        return None
    return Outcome("skipped", f"equal only if the {names} sum to 1 (as one-hot labels do), which the notes "
                              "assume but the checker does not; not checked")


def _numeric_reference(left: sp.Expr, right: sp.Expr, previous, defs: dict, unknown: frozenset):
    """A number claimed for an expression: compared with the expression just
    before it when that is a number (a worked example's previous line),
    else with the chain's first: (reference, "previous" / "first" / None
    when the claim is not a number), or (None, the Outcome of a skip)."""
    if right.free_symbols or right == 0:  # "= 0" may be an equation: see verdicts
        return left, None
    if previous is not None:
        before = evaluate(previous, defs, unknown=unknown)
        if not before.free_symbols:
            return before, "previous"
    if not left.free_symbols:
        return left, "first"
    names = ", ".join(sorted(s.name.replace("_hat", "\u0302") for s in left.free_symbols))
    return None, Outcome("skipped", f"a number claimed for an expression in {names}, whose values the notes "
                                    "do not give where the checker could read them")


_PRINTED = re.compile(r"(?<![\w.])(\d*)\.(\d+)")


def rounding_slack(reference: str, defs: dict, unknown: frozenset) -> sp.Expr:
    """How far the value of the expression ``reference`` may move when its
    decimals of three significant digits or more (values rounded for print,
    such as 0.7514; 0.01 or 0.7 are taken as exact) move by half a unit of
    their last place: the sum of |∂value/∂decimal| · ½·10⁻ᵏ."""
    found = []

    def placeholder(m: re.Match) -> str:
        significant = (m.group(1) + m.group(2)).lstrip("0")
        if len(significant) < 3 or len(found) >= 12:
            return m.group(0)
        found.append((sp.Rational(m.group(0)), len(m.group(2))))
        return f" zzqrounded{chr(ord('a') + len(found) - 1)} "

    text = _PRINTED.sub(placeholder, reference)
    if not found:
        return sp.Integer(0)
    try:
        from .latex import parse_statement  # here, not at the top: latex imports this module's helpers
        (piece,) = parse_statement(text).pieces
        value = evaluate(piece.exprs[0].value, defs, unknown=unknown)
    except (ValueError, TypeError, ArithmeticError):
        return sp.Integer(0)
    slack = sp.Integer(0)
    point = {symbol(f"zzqrounded{chr(ord('a') + k)}"): c for k, (c, _) in enumerate(found)}
    for k, (c, places) in enumerate(found):
        change = value_at(sp.diff(value, symbol(f"zzqrounded{chr(ord('a') + k)}")), point)
        if change is not None:
            slack += abs(change) * sp.Rational(1, 2 * 10**places)
    return slack


def _other_values(reference: sp.Expr | None, literals: tuple | None, defs: dict) -> str:
    """Names of ``reference`` with a value given by the notes that an
    arithmetic claim does not write: it substitutes other values."""
    if reference is None or literals is None:
        return ""
    written = {abs(n) for n in literals}
    other = [s.name for s in reference.free_symbols
             if s in defs and defs[s].is_number and abs(defs[s]) not in written]
    return ", ".join(sorted(other))


def printed_precision(left: sp.Expr, right: sp.Expr, digits: int, slack: sp.Expr = sp.Integer(0)) -> Outcome:
    """A decimal claim (``= 0.246`` or ``≈ 0.246``) is right when it is within
    :data:`ROUNDING_UNITS` units of its last printed decimal of the exact value
    (notes round intermediate values, so the last digit may be off by a few)."""
    value = value_at(left, {})
    if value is None:
        return Outcome("skipped", "could not evaluate the value the decimal number stands for")
    if abs(value - right) <= sp.Rational(ROUNDING_UNITS, 10**digits) + slack:
        return Outcome("numeric", f"equal to the {digits} decimals printed")
    shown = f"{float(value):.{max(digits + 2, 4)}g}" if abs(value) >= 10**6 else f"{float(value):.{digits + 2}f}"
    return Outcome("wrong", f"differs from the exact value beyond the {digits} decimals printed", shown,
                   {"point": {}, "left": _plain(value), "right": _plain(right)})


def within_rounding(left: sp.Expr, right: sp.Expr, rounding: tuple) -> Outcome:
    """Arithmetic on decimals rounded to k places (``0.5498 \\cdot 0.4502``)
    is right when within count·10⁻ᵏ (relative, above 1) of the exact value."""
    lv, rv = value_at(left, {}), value_at(right, {})
    if lv is None or rv is None:
        return Outcome("skipped", "could not evaluate the numbers")
    count, k = rounding
    if abs(lv - rv) <= sp.Rational(count, 10**k) * max(1, abs(lv)):
        exact = lv == rv
        return Outcome("proved" if exact else "numeric",
                       "equal" if exact else f"equal within the rounding of its {k}-decimal numbers")
    return Outcome("wrong", "differs by more than the rounding of its decimal numbers",
                   f"{float(lv):.{k + 2}f}", {"point": {}, "left": _plain(lv), "right": _plain(rv)})


def _sides_or_outcome(first: sp.Expr, claim: sp.Expr, defs: dict, unknown: frozenset,
                      previous: sp.Expr | None, digits: int | None, rounding: tuple | None,
                      references: tuple, literals: tuple | None,
                      domain: tuple = ()) -> tuple[sp.Expr, sp.Expr] | Outcome:
    """The two sides a claim is judged on (a number claimed for a number is
    compared with the expression before it), or the outcome already decided
    without a proof: other example values, a printed precision, a rounding.
    Under a sign condition (``= 1 \\quad (x > 0)``) a whole number is an
    identity claimed where the condition holds, not a worked example's value."""
    left, right = evaluate(first, defs, unknown=unknown), evaluate(claim, defs, unknown=unknown)
    if domain:
        written = {s.name for s in left.free_symbols | right.free_symbols if isinstance(s, sp.Symbol)}
        hidden = sorted(name for name, *_ in domain if name not in written and symbol(name) in defs)
        if hidden:  # z > 0 with z = w x + b: the points cannot be chosen to keep it
            return Outcome("skipped", f"holds under a condition on {', '.join(hidden)}, which the notes define "
                                      "by other names; not checked")
    if domain and digits is None and right.is_Integer:
        return left, right
    left, used = _numeric_reference(left, right, previous, defs, unknown)
    if isinstance(used, Outcome):
        return used
    other = _other_values(previous if used == "previous" else first, literals, defs)
    if other:
        return Outcome("skipped", f"substitutes values other than those the notes gave for {other} "
                                  "(another example?); not checked")
    if digits is not None:
        reference = {"previous": references[0], "first": references[1]}.get(used, "")
        return printed_precision(left, right, digits, rounding_slack(reference, defs, unknown))
    if rounding is not None and not left.free_symbols and not right.free_symbols:
        return within_rounding(left, right, rounding)
    return left, right


def assess(first: sp.Expr, claim: sp.Expr, defs: dict, spellings: dict, thorough: bool,
           unknown: frozenset = frozenset(), previous: sp.Expr | None = None,
           digits: int | None = None, rounding: tuple | None = None,
           references: tuple = ("", ""), literals: tuple | None = None, domain: tuple = ()) -> Outcome:
    """Compare the claim with the chain's first expression under ``defs``
    (a number claimed for a number: with the expression before it)."""
    sides = _sides_or_outcome(first, claim, defs, unknown, previous, digits, rounding, references, literals, domain)
    if isinstance(sides, Outcome):
        return sides
    left, right = sides
    diff = left - right
    if is_zero_fast(diff):
        return Outcome("proved", "equal after expanding both sides")
    equal, found = numeric_difference(left, right, domain)
    if found is not None and (unknown_outcome := _unknown_outcome(left, right) or _labels_outcome(left, right)):
        return unknown_outcome
    if found is not None:
        expected = expected_latex(left, defs, (first, claim), spellings)
        return Outcome("wrong", "the two sides differ", expected, counterexample(found))
    if equal == 0:
        return Outcome("skipped", "could not evaluate either side at any test point")
    if not thorough:
        return Outcome("undecided", f"equal at {equal} test points")
    if is_zero_full(diff):
        return Outcome("proved", "equal after simplifying")
    return Outcome("numeric", f"equal at {equal} test points; not proved symbolically")


def numeric_only(first: sp.Expr, claim: sp.Expr, defs: dict, spellings: dict,
                 unknown: frozenset = frozenset(), previous: sp.Expr | None = None,
                 digits: int | None = None, rounding: tuple | None = None,
                 references: tuple = ("", ""), literals: tuple | None = None, domain: tuple = ()) -> Outcome:
    """The fallback when a symbolic proof overran its budget: points only."""
    sides = _sides_or_outcome(first, claim, defs, unknown, previous, digits, rounding, references, literals, domain)
    if isinstance(sides, Outcome):
        return sides
    left, right = sides
    equal, found = numeric_difference(left, right, domain)
    if found is not None and (unknown_outcome := _unknown_outcome(left, right) or _labels_outcome(left, right)):
        return unknown_outcome
    if found is not None:
        return Outcome("wrong", "the two sides differ", to_latex(left, spellings), counterexample(found))
    if equal == 0:
        return Outcome("skipped", "could not evaluate either side at any test point")
    return Outcome("numeric", f"equal at {equal} test points; the symbolic proof ran out of time")


def is_consequence(first: sp.Expr, claim: sp.Expr, equation: tuple, defs: dict, unknown: frozenset) -> bool:
    """``first = claim`` is the equation ``equation`` (a pair of sides) times
    a nonzero constant: a rearrangement of it, tested at points."""
    d = evaluate(first, defs, unknown=unknown) - evaluate(claim, defs, unknown=unknown)
    e = evaluate(equation[0], defs, unknown=unknown) - evaluate(equation[1], defs, unknown=unknown)
    d, e = _concrete(d, e)
    ratios = []
    for point in _points(_point_variables([d, e])):
        dv, ev = value_at(d, point), value_at(e, point)
        if dv is None or ev is None or ev == 0:
            continue
        ratios.append(dv / ev)
    if len(ratios) < 3 or ratios[0] == 0:
        return False
    return all(abs(r - ratios[0]) <= TOLERANCE * max(1, abs(ratios[0])) for r in ratios)
