r"""Functions of computation-graph notes: ``f(x) = w x + b``, then "substituting
``g = w x``", ``f(x) = g + b``, and derivatives of the bare name f (``\frac{\partial f}{\partial g}``).

* **A function written through an intermediate name**: ``f(x) = g + b`` does not write
  x, but g is defined (before it, by a formula, not a worked number) as ``w x``, so the
  body reaches x. It defines f: a call ``f(a)`` is the body with those formulas put in
  (``w a + b``), and the bare name f is the body as written (``g + b``), so
  ``\frac{\partial f}{\partial g} = 1`` is checked and ``\frac{\partial f}{\partial x}``
  goes through g. When f was defined before, the row is also a claim that the two
  bodies agree: proved when they do, and when they do not it is a new definition of
  f (notes reuse f for a new example), never "wrong" (:class:`RestatedStep`).
* **The bare name of a function the notes define**: after ``f(x) = w x + b`` a bare f
  (``\frac{\partial f}{\partial w}``) is its value, the body, as ``J`` is after
  ``J(w, b) = …``; before this, f stayed an unknown function of everything.

Not read so: a body that reaches an argument only through a worked number
(``x = 5``), a body with derivatives, primes or unknown calls, and the per-sample
form ``f(x_i) = …`` (``per_sample.py``).
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from .derivation import Step
from .outcome import Outcome
from .per_sample import per_sample_definition
from .primes import Function

#: How many definitions deep a body may reach for its arguments.
MAX_DEPTH = 6


@dataclass(frozen=True)
class RestatedStep(Step):
    """``f(x) = g + b`` after ``f(x) = w x + b``: the new body claimed equal to the
    old one; ``name`` is f, ``defined_at`` the line of the earlier definition; when
    they were not seen to agree (``kept`` False), f is unknown from here on."""

    name: str = ""
    defined_at: int = 0
    kept: bool = True  # the new body was seen to agree while reading, and is used from here on


def _expanded(expr: sp.Expr, formulas: dict, stop: frozenset, depth: int = 0) -> sp.Expr | None:
    """``expr`` with every name that ``formulas`` define replaced by its formula, down to
    ``stop``; None when that goes deeper than :data:`MAX_DEPTH` (a cycle, or too far)."""
    names = {s for s in expr.free_symbols if s in formulas and s not in stop}
    if not names:
        return expr
    if depth >= MAX_DEPTH:
        return None
    replaced = expr.xreplace({s: formulas[s] for s in names})
    return _expanded(replaced, formulas, stop, depth + 1)


def abstract_functions(statements) -> frozenset[str]:
    """The functions the notes speak of in general (rule statements): written with a prime
    (``g'(x)``) or applied to a call (``f(g(x))``) anywhere. ``g(x) = -\\hat{y}`` about such a g
    names the inner function of a rule, so it is not read as a definition through names."""
    found: set[str] = set()
    for st in statements:
        for piece in st.pieces:
            for e in piece.exprs:
                for call in e.value.atoms(AppliedUndef):
                    name = call.func.__name__
                    if "'" in name or any(isinstance(a, AppliedUndef) or a.atoms(AppliedUndef) for a in call.args):
                        found.add(name.rstrip("'"))
    return frozenset(found)


def function_through_names(head: sp.Expr, body: sp.Expr, in_force: dict) -> Function | None:
    """``f(x) = body`` whose body does not write every argument but reaches each one
    through the formulas in force (``in_force``: name → formula; worked numbers are
    not formulas): the function f with those formulas put in, or None."""
    if not isinstance(head, AppliedUndef) or "'" in head.func.__name__:
        return None
    params = head.args
    if not params or not all(isinstance(p, sp.Symbol) for p in params) or len(set(params)) != len(params):
        return None
    if body.atoms(AppliedUndef) or body.has(sp.Derivative) or any("'" in s.name for s in body.free_symbols):
        return None
    if set(params) <= body.free_symbols or per_sample_definition(head, body) is not None:
        return None  # a function as primes.py reads it, or the term of one sample
    formulas = {k: v for k, v in in_force.items() if isinstance(k, sp.Symbol) and not v.is_number
                and k not in params and not v.has(sp.Derivative) and not v.atoms(AppliedUndef)}
    expanded = _expanded(body, formulas, frozenset(params))
    if expanded is None or not set(params) <= expanded.free_symbols:
        return None
    return Function(head.func.__name__, tuple(params), expanded)


#: Past this size, two bodies are not compared while the notes are read (no budget there).
MAX_OPS = 200


def same_function(previous: Function, function: Function, in_force: dict) -> bool:
    """Whether ``previous`` and ``function`` (one name, a new body) are one function once
    the formulas ``in_force`` are put in: expanded or cancelled to 0, for small bodies only;
    False when that cannot be shown quickly."""
    if len(previous.params) != len(function.params):
        return False
    formulas = {k: v for k, v in in_force.items() if isinstance(k, sp.Symbol) and not v.is_number
                and k not in function.params}
    old = _expanded(previous.body.xreplace(dict(zip(previous.params, function.params))), formulas,
                    frozenset(function.params))
    new = _expanded(function.body, formulas, frozenset(function.params))
    if old is None or new is None or sp.count_ops(old) + sp.count_ops(new) > MAX_OPS:
        return False
    if any(not p.exp.is_Integer or abs(p.exp) > 12 for e in (old, new) for p in e.atoms(sp.Pow)
           if p.exp.is_Number):
        return False
    try:
        return sp.expand(old - new) == 0 or sp.cancel(sp.together(old - new)) == 0
    except (sp.PolynomialError, TypeError, ValueError):
        return False


def restated(step: RestatedStep, o: Outcome) -> Outcome:
    """The verdict on a restated function: kept when the two bodies agree; when they
    differ the row is a new definition of the function from here on, never "wrong"."""
    if o.verdict in ("proved", "numeric"):
        return Outcome(o.verdict, f"{step.name} as defined at line {step.defined_at}, written through the "
                                  f"names it is defined in ({o.reason})")
    if o.verdict == "wrong" or not step.kept:
        return Outcome("skipped", f"differs from {step.name} as defined at line {step.defined_at} (or is not "
                                  f"known to agree): a new function {step.name}, or a slip in one of the two, so "
                                  f"{step.name} is not used from here on; not checked")
    return o
