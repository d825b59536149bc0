r"""The derivative of a mean over samples by one sample's entry, read two ways.

``J = \frac{1}{n}\sum_{i=1}^{n} (y_i - \hat{y}_i)^2`` differentiated by ``\hat{y}_i``
is, as written, ``-\frac{2}{n}(y_i - \hat{y}_i)``: the other samples' terms do not hold
ŷ_i. Many notes, though, write ``-2(y_i - \hat{y}_i)``: the per-sample convention,
in which the loss of sample i is its own term and the 1/n of the mean is left for
the end (or the mean is of one sample). Both readings are reasonable, so a claim that
holds in the second only is skipped with that reason, never called wrong; a claim
that holds in neither (a sign lost) is still wrong.

The second reading is the first with the number of samples set to 1 (a mean over
one sample is its loss): the upper limit n of every sum whose terms hold entries of
the variable's name is set to 1 on both sides, once the derivative is taken.
"""
from __future__ import annotations

import sympy as sp

from .expansion import evaluate, opaque_names
from .expected import to_latex
from .outcome import Outcome
from .points import counterexample, numeric_difference
from .sum_derivatives import _term_at


def _entry_base(v: sp.Expr) -> str:
    """ŷ for the variable ŷ_i (y_hat_i), z for z_j; "" for a name with no index."""
    if not isinstance(v, sp.Symbol):
        return ""
    base, _, index = v.name.rpartition("_")
    return base if base and index and (index.isdigit() or (len(index) == 1 and index.isalpha())) else ""


def _mean_of_samples(expr: sp.Expr, v: sp.Symbol) -> tuple[sp.Expr, sp.Sum] | None:
    """(c, S) for ``expr`` = c·S, S one sum over samples Σ_{i=1}^{N} with a symbolic N and c a
    factor free of v and of the sum's index (1/N, 1/(2N), 2); None for any other form."""
    if isinstance(expr, sp.Sum):
        factor, total = sp.Integer(1), expr
    elif isinstance(expr, sp.Mul) and sum(isinstance(a, sp.Sum) for a in expr.args) == 1:
        (total,) = [a for a in expr.args if isinstance(a, sp.Sum)]
        factor = sp.Mul(*[a for a in expr.args if a is not total])
    else:
        return None
    if len(total.limits) != 1 or not isinstance(total.limits[0][2], sp.Symbol):
        return None
    index, count = total.limits[0][0], total.limits[0][2]
    if factor.has(v) or factor.has(index) or factor.atoms(sp.Indexed) or factor.free_symbols - {count}:
        return None
    return factor, total


def _one_sample(expr: sp.Expr, index: sp.Symbol) -> sp.Expr | None:
    """``expr`` with each sum over ``index`` replaced by its term at that index, its entries
    x[i] written as the names x_i (the claim's names for sample i); None when an entry is
    indexed otherwise."""
    for total in expr.atoms(sp.Sum):
        if total.limits[0][0] == index and any(len(i.indices) != 1 for i in total.function.atoms(sp.Indexed)):
            return None
    term = lambda total: _term_at(total.function, index, index) if total.limits[0][0] == index else total
    return expr.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1, term)


def _sample_names(expr: sp.Expr, total: sp.Sum) -> set:
    """The names of sample i (x_i for the entries x[i] of the sum) that ``expr`` uses outside any sum."""
    index = total.limits[0][0]
    bases = {i.base.label.name for i in total.function.atoms(sp.Indexed) if i.indices == (index,)}
    return {s for s in expr.free_symbols if s.name in {f"{b}_{index}" for b in bases}}


def sample_counts(first: sp.Expr, defs: dict, unknown: frozenset) -> set:
    """The numbers of samples (n in Σ_{i=1}^{n}) of the sums that a derivative in ``first``
    by one entry (ŷ_i) reaches: sums over the entries of that name, with a symbolic upper limit."""
    counts = set()
    for d in first.atoms(sp.Derivative):
        if len(d.variable_count) != 1 or d.variable_count[0][1] != 1:
            continue
        v = d.variable_count[0][0]
        base = _entry_base(v)
        if not base:
            continue
        try:
            operand = evaluate(d.expr, defs, stop=frozenset({v}), unknown=unknown)
        except (ValueError, TypeError, RecursionError):
            continue
        for total in operand.atoms(sp.Sum):
            if not any(i.base.label.name == base for i in total.function.atoms(sp.Indexed)):
                continue
            for _, low, high in total.limits:
                if isinstance(high, sp.Symbol) and not high.has(v):
                    counts.add(high)
    return counts


def per_sample_outcome(first: sp.Expr, left: sp.Expr, right: sp.Expr, defs: dict, unknown: frozenset,
                       domain: tuple = ()) -> Outcome | None:
    """A skip when sides that differ agree once the number of samples is 1 (the claim
    holds for one sample's loss, as many notes mean a derivative by ŷ_i); else None."""
    # only a factor of the mean (1/n) left in the derivative makes the readings differ: n in the
    # claim alone (∂/∂z_j Σ_k e^{z_k} = n e^{z_j}) is no reading of it
    counts = {n for n in sample_counts(first, defs, unknown) if n in left.free_symbols}
    if not counts:
        return None
    one = {n: sp.Integer(1) for n in counts}
    try:  # a sum left over (over another index) may not come to a number: then no such reading
        equal, found = numeric_difference(left.xreplace(one).doit(), right.xreplace(one).doit(), domain)
    except (TypeError, ValueError):
        return None
    if found is not None or equal == 0:
        return None
    shown = ", ".join(sorted(str(n) for n in counts))
    return Outcome("skipped", f"holds for the loss of one sample (the per-sample reading, as if {shown} were 1), "
                              f"not for the sum over {shown} samples as the notes define it (with its factor); "
                              "which one the notes mean is not said, so the step is not checked")


def one_sample_outcome(first: sp.Expr, left: sp.Expr, right: sp.Expr, defs: dict, unknown: frozenset,
                       spellings: dict, domain: tuple = ()) -> Outcome | None:
    """``∂J/∂w = 2(w x_i - y_i) x_i`` with J a sum (or mean) over samples i: the claim is
    written in the names of one sample, so it is about the loss of sample i. Proved when it
    is that loss's derivative (the sum at one sample: N = 1), skipped when it holds with the
    factor of the mean kept or dropped, wrong when it holds in none of those readings;
    None when the step is not of that form."""
    if opaque_names(left, right) or right.has(sp.Sum) or len(first.atoms(sp.Derivative)) != 1:
        return None
    (d,) = first.atoms(sp.Derivative)
    if len(d.variable_count) != 1 or d.variable_count[0][1] != 1 or d != first:
        return None
    v = d.variable_count[0][0]
    try:
        mean = _mean_of_samples(evaluate(d.expr, defs, stop=frozenset({v}), unknown=unknown), v)
    except (ValueError, TypeError, RecursionError):
        return None
    if mean is None:
        return None
    factor, total = mean
    index, count = total.limits[0][0], total.limits[0][2]
    if not _sample_names(right, total) or _sample_names(sp.Integer(0) + v, total):
        return None  # not written in sample i's names, or a derivative by one sample's entry (per_sample_outcome)
    term = _one_sample(left, index)
    if term is None or term.has(sp.Sum):
        return None
    one = term.xreplace({count: 1})
    readings = [("one", one), ("kept", term), ("dropped", term / factor)]
    for name, reading in readings:
        equal, found = numeric_difference(reading, right, domain)
        if found is None and equal:
            if name == "one":
                return Outcome("proved", f"for the loss of one sample {index} (the claim is written in the names of "
                                         f"sample {index}: the sum over {index} at one sample, {count} = 1)")
            return Outcome("skipped", f"holds for sample {index}'s term of the sum with its factor "
                                      f"{'kept' if name == 'kept' else 'dropped'}, not for the loss of one sample; "
                                      "which one the notes mean is not said, so the step is not checked")
    equal, found = numeric_difference(one, right, domain)
    if found is None:
        return None
    return Outcome("wrong", f"differs from the derivative of the loss of one sample {index} (the claim is written in "
                            f"the names of sample {index}), with or without the factor of the mean",
                   to_latex(one, spellings), counterexample(found))
