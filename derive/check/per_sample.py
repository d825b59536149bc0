r"""A function of one sample: ``\text{Let } f(x_i) = \ln(1 + e^{-z_i}) + (1 - y_i) z_i``.

The body does not use x_i, so this is not a function of x_i that could be
called at other arguments (``primes.py``); it names the per-sample term: f
at sample i is the body, whose names carry that sample's index (z_i, y_i).
So ``f(x_i)`` is the name f_i (``f[i]`` inside a sum over i, read through
the definition as ŷ_i is), and a bare f, as in ``\frac{df}{dz_i}``, is f_i too.

Read only when that is what it can mean: the head is a call of an unknown
function (f, g, h, F, G, H), its arguments are names with one index letter
(all the same, i), the body does not use them, calls nothing unknown, takes
no derivative, and uses names with that index; f itself is defined nowhere
else. A call of f at another argument (``f(x)``) stays a rule statement.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from ..symbols import symbol
from .latex_operators import indexed


@dataclass(frozen=True)
class PerSample:
    """``f(x_i) = body``: f at sample ``index`` is ``name`` (f_i), defined as ``body``."""

    function: str
    index: str
    name: sp.Symbol
    body: sp.Expr


def _index(s: sp.Expr) -> str | None:
    """i for the name x_i (one index letter after the last underscore)."""
    if not isinstance(s, sp.Symbol):
        return None
    base, _, index = s.name.rpartition("_")
    return index if base and len(index) == 1 and index.isalpha() else None


def per_sample_definition(head: sp.Expr, body: sp.Expr) -> PerSample | None:
    """``f(x_i) = body`` read as the per-sample name f_i, or None."""
    if not isinstance(head, AppliedUndef) or "'" in head.func.__name__ or not head.args:
        return None
    indices = {_index(a) for a in head.args}
    if len(indices) != 1 or None in indices:
        return None
    (index,) = indices
    if body.free_symbols & set(head.args) or body.atoms(AppliedUndef) or body.has(sp.Derivative):
        return None
    if body.atoms(sp.Indexed) or not any(_index(s) == index for s in body.free_symbols):
        return None
    name = head.func.__name__
    return PerSample(name, index, symbol(f"{name}_{index}"), body)


def per_sample_applied(expr: sp.Expr, samples: dict[str, PerSample]) -> sp.Expr:
    """``expr`` with f(x_i) and a bare f read as f_i (f[i] inside a sum over i)."""
    if not samples:
        return expr

    def call(e) -> bool:
        sample = samples.get(e.func.__name__) if isinstance(e, AppliedUndef) else None
        if sample is None or len(e.args) != 1:
            return False
        (arg,) = e.args
        return _index(arg) == sample.index or (isinstance(arg, sp.Indexed) and arg.indices == (sp.Symbol(sample.index, integer=True),))

    def name(e):
        sample = samples[e.func.__name__]
        (arg,) = e.args
        if isinstance(arg, sp.Indexed):
            return sp.IndexedBase(sample.name.name[: -len(sample.index) - 1], real=True)[arg.indices[0]]
        return sample.name

    bare = {symbol(s.function): s.name for s in samples.values()}
    result = expr
    if result.free_symbols & set(bare):  # before the calls: f[i] has the label f, which must stay
        result = result.xreplace(bare)
        result = result.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1,
                                lambda e: sp.Sum(indexed(e.function, e.limits[0][0]), *e.limits))
    return result.replace(call, name)
