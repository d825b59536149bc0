"""Generates the per-sample SGD loop of a loss: the whole descent step as one
inlined Python function, compiled once per loss, as fast as plain Python
allows.

For the book's ½SE the generated epoch reads (names are positional, so no
symbol a user types can clash with Python):

    def epoch(p0, p1, d0_all, d1_all, lr):
        for d0, d1 in zip(d0_all, d1_all):
            x0 = lr*(d0*p0 - d1 + p1)
            p0, p1 = p0 - d0*x0, p1 - x0
        return p0, p1

with p0, p1 = w, b and d0, d1 = x, y. Common subexpressions are shared
(SymPy's ``cse``, which also multiplies by lr once) and printed by SymPy's ``PythonCodePrinter``; the source is
our own, generated from SymPy expressions, never user text.
:class:`~derive.descent.loop_runner.SGDLoop` runs it (with no SymPy).

A loss f(z) of a linear model with more than INLINE_MAX_FEATURES features
gets one step on the parameter vector instead of d + 1 statements
(:func:`vector_source`): ``z0 = float(row.dot(p))``, ``x0 = lr*f'(z0)``,
``p -= x0*row``. Its source and its cost per sample hardly grow with d
(at d = 1000 the statements took 0.15 s to compile in every warm process
and 0.2 s an epoch on 569 samples; the vector step compiles in 1 ms and runs
the epoch in 2 ms), and every parameter moves by the same product x_i·x0
as in the written-out step: only z is summed by NumPy, in its own order.
"""
from __future__ import annotations

from typing import Sequence

import sympy as sp
from sympy.printing.precedence import precedence
from sympy.printing.pycode import PythonCodePrinter

from ..cache import cached_source, expression_key
from ..compile import common_subexpressions, positions_source, temporaries
from ..gradient import Gradient
from .loop_runner import INLINE_MAX_FEATURES, SGDLoop, origin  # noqa: F401 (the runner, kept importable here)


def source_key(grad: Gradient) -> tuple[str, ...]:
    """What the generated source depends on: the loss and the argument
    order (the parameters first), for :func:`derive.cache.cached_source`."""
    return (expression_key(grad.loss), ",".join(grad.wrt), ",".join(grad.names))


def loop_source(grad: Gradient) -> str:
    """The source of ``epoch`` and ``epoch_checked`` for ``grad``, kept
    across processes by :func:`derive.cache.cached_source`."""
    return cached_source("loop", source_key(grad), lambda: _source(grad), defines_epochs)


def defines_epochs(source: str) -> bool:
    """A cached source (whose checksum held) must at least define both epochs."""
    return "\ndef epoch(" in "\n" + source and "\ndef epoch_checked(" in source


def update_lines(exprs: Sequence[sp.Expr], params: Sequence[sp.Symbol],
                 printer: PythonCodePrinter | None = None) -> list[str]:
    """Python lines that set ``params`` to ``param − lr·expr`` at once, with
    common subexpressions shared (``x0 = lr*(…)``, so the learning rate is
    multiplied in once) and printed by SymPy's ``PythonCodePrinter`` (or
    ``printer``: the numba loop's); ``exprs`` and ``params`` use
    identifier-safe names."""
    lr = sp.Symbol("lr")
    shared, reduced = common_subexpressions([lr * e for e in exprs], prefix="x")
    printer = printer or PythonCodePrinter({"standard": "python3", "fully_qualified_modules": True})
    lines = [f"{s} = {printer.doprint(e)}" for s, e in shared]
    one = "," if len(params) == 1 else ""  # a tuple of one parameter still needs its comma
    targets = ", ".join(map(str, params)) + one
    updates = ", ".join(_minus(printer, q, g) for q, g in zip(params, reduced)) + one
    lines.append(f"{targets} = {updates}")
    return lines


def _minus(printer: PythonCodePrinter, param: sp.Symbol, step: sp.Expr) -> str:
    """``param - step`` printed with the parameter first and no unary minus."""
    if step.could_extract_minus_sign():
        return f"{param} + {printer.parenthesize(-step, precedence(sp.Add(param, step)))}"
    return f"{param} - {printer.parenthesize(step, precedence(sp.Add(param, step)) + 1)}"


def _step_of_z(grad: Gradient, rename: dict[sp.Symbol, sp.Symbol], z: sp.Symbol,
               taken: Sequence[sp.Symbol]) -> tuple[list[tuple[sp.Symbol, sp.Expr]], sp.Expr]:
    """``(shared, reduced)`` of lr·f'(z) for a loss f(z) of a linear model,
    written with the symbol ``z`` for the model's output: f'(z) as
    :meth:`~derive.linear.LinearModel.partials` writes it, common
    subexpressions shared (``x0 = lr*…``); ``cse`` sees only the small
    f'(z), never the d-term sum."""
    from ..gradient import _tidied

    model = grad.model
    coefficient, rest = model.derivative(_tidied).as_coeff_Mul()  # as LinearModel.partials writes it
    first = rest if coefficient == 1 else sp.Mul(coefficient, rest, evaluate=False)
    first_z = sp.Symbol("_z", real=True)  # sorts before p…, d…: cse keeps z − y's sign as the partials have it
    first = first.xreplace({**rename, model.z: first_z})
    shared, (reduced,) = common_subexpressions([sp.Symbol("lr") * first], prefix="x", avoid=[z, *taken])
    return [(s, e.xreplace({first_z: z})) for s, e in shared], reduced.xreplace({first_z: z})


def linear_update_lines(grad: Gradient, rename: dict[sp.Symbol, sp.Symbol]) -> list[str]:
    """The step of a loss f(z) of a linear model of at most
    INLINE_MAX_FEATURES features (:mod:`derive.linear`), written from f'(z)
    once: z (when worth a temporary), then ``x0 = lr*f'(z)``, then
    ``p_i - d_i*x0`` for each weight and ``p_b - x0``. For one feature the
    lines are the ones :func:`update_lines` writes for the d + 1 partials."""
    from ..linear import _worth_a_temporary

    model = grad.model
    params = [rename[q] for q in grad.params]
    taken = [*rename.values(), sp.Symbol("lr")]
    z = next(temporaries("z", taken))
    shared, reduced = _step_of_z(grad, rename, z, taken)
    printer = PythonCodePrinter({"standard": "python3", "fully_qualified_modules": True})
    lines = []
    if _worth_a_temporary(z, [e for _, e in shared] + [reduced]):
        # z = Σ d_i·p_i + p_b in index order, written here (SymPy's printer would sort the sum)
        terms = [f"{rename[x]}*{rename[w]}" for w, x in zip(model.weights, model.features)]
        lines.append(f"{z} = {' + '.join([*terms, str(rename[model.bias])])}")
    else:  # as the partials read, z − y: z written out where it is used
        output = model.output.xreplace(rename)
        shared = [(s, e.xreplace({z: output})) for s, e in shared]
        reduced = reduced.xreplace({z: output})
    if not isinstance(reduced, sp.Symbol):
        step = next(temporaries("x", [*taken, z, *(s for s, _ in shared)]))
        shared.append((step, reduced))
        reduced = step
    lines += [f"{s} = {printer.doprint(e)}" for s, e in shared]
    steps = [f"{q} - {reduced}" if v == 1 else f"{q} - {rename[v]}*{reduced}"  # p_i − d_i·x0, as printed
             for q, v in zip(params, model.inputs(grad.params))]
    one = "," if len(params) == 1 else ""
    lines.append(", ".join(map(str, params)) + one + " = " + ", ".join(steps) + one)
    return lines


def vector_source(grad: Gradient) -> str:
    """Python source of ``epoch`` and ``epoch_checked`` for a loss f(z) of a
    linear model wider than INLINE_MAX_FEATURES: the step on the parameter
    vector with NumPy, one dot and one axpy per sample, whatever d is::

        def epoch(p, rows, d1000_all, lr):
            p = p.copy()
            for row, d1000 in zip(rows, d1000_all):
                z0 = float(row.dot(p))
                x0 = lr*(…f'(z0)…)
                p -= x0*row
            return p

    ``p`` holds the parameters in ``grad.params`` order and ``rows`` the
    samples' x̃ (the input each parameter multiplies in z: x_i for w_i, 1
    for b), so the step is p − lr·f'(z)·x̃: each parameter moves by the same
    product as in the scalar lines (x_i·x0), only z is summed by NumPy's dot,
    in its own order. ``INPUTS`` says which data column each column of
    ``rows`` is (−1: the bias's 1), ``OTHERS`` which data columns follow it,
    one value a sample (y, …): :class:`~derive.descent.loop_runner.SGDLoop`
    builds both from the columns. f'(z) comes from derive
    (:meth:`~derive.linear.LinearModel.derivative`), never written by hand."""
    model = grad.model
    p = len(grad.params)
    data = grad.args[p:]
    position = {s: i for i, s in enumerate(data)}
    features = set(model.features)
    others = [i for i, s in enumerate(data) if s not in features]
    rename = {data[i]: sp.Symbol(f"d{i}") for i in others}
    taken = [*rename.values(), sp.Symbol("lr"), sp.Symbol("p"), sp.Symbol("row"), sp.Symbol("rows")]
    z = next(temporaries("z", taken))
    shared, reduced = _step_of_z(grad, rename, z, taken)
    if not isinstance(reduced, sp.Symbol):
        step = next(temporaries("x", [*taken, z, *(s for s, _ in shared)]))
        shared.append((step, reduced))
        reduced = step
    printer = PythonCodePrinter({"standard": "python3", "fully_qualified_modules": True})
    body = [f"{z} = float(row.dot(p))", *(f"{s} = {printer.doprint(e)}" for s, e in shared),
            f"p -= {reduced}*row"]
    inputs = [-1 if v == 1 else position[v] for v in model.inputs(grad.params)]
    samples = [f"d{i}" for i in others]
    signature = ", ".join(["p", "rows", *(f"{d}_all" for d in samples), "lr"])
    columns = ", ".join(["rows", *(f"{d}_all" for d in samples)])
    loop_vars = ", ".join(["row", *samples]) + ("" if samples else ",")  # zip of one column gives 1-tuples
    fast = "\n".join(f"        {line}" for line in body)
    checked = "\n".join(f"            {line}" for line in body)
    return f'''#: The data column each column of ``rows`` holds (-1: the bias's constant 1).
INPUTS = {positions_source(inputs)}
#: The data columns that follow ``rows``, one value a sample.
OTHERS = {positions_source(others)}


def epoch({signature}):
    p = p.copy()
    for {loop_vars} in zip({columns}):
{fast}
    return p


def epoch_checked({signature}):
    p = p.copy()
    i = -1
    try:
        for i, ({loop_vars}) in enumerate(zip({columns})):
{checked}
            if not all_finite(p):
                return p, i
    except NumericErrors:
        return p, i
    return p, -1
'''


def steps_vector(grad: Gradient) -> bool:
    """Whether the generated step of ``grad`` is :func:`vector_source`'s (a
    linear model wider than INLINE_MAX_FEATURES whose parameters are its
    weights and bias), not a statement a parameter."""
    model = grad.model
    return model is not None and model.moves_every_parameter(grad.params) and len(model.weights) > INLINE_MAX_FEATURES


def _source(grad: Gradient) -> str:
    """Python source of ``epoch`` and ``epoch_checked`` for ``grad``."""
    p = len(grad.params)
    data = grad.args[p:]
    params = [sp.Symbol(f"p{i}") for i in range(p)]
    samples = [sp.Symbol(f"d{i}") for i in range(len(data))]
    rename = dict(zip(grad.args, params + samples))
    if steps_vector(grad):
        return vector_source(grad)
    if grad.model is not None and grad.model.moves_every_parameter(grad.params):
        body = linear_update_lines(grad, rename)
    else:
        exprs = [grad.exprs[q.name].xreplace(rename) for q in grad.params]
        body = update_lines(exprs, params)
    targets = ", ".join(map(str, params)) + ("," if p == 1 else "")
    signature = ", ".join([*map(str, params), *(f"{d}_all" for d in samples), "lr"])
    columns = ", ".join(f"{d}_all" for d in samples)
    loop_vars = ", ".join(map(str, samples)) + ("," if len(samples) == 1 else "")
    fast = "\n".join(f"        {line}" for line in body)
    checked = "\n".join(f"            {line}" for line in body)
    finite = " and ".join(f"isfinite({q})" for q in params)
    return f'''def epoch({signature}):
    for {loop_vars} in zip({columns}):
{fast}
    return {targets}


def epoch_checked({signature}):
    i = -1
    try:
        for i, ({loop_vars}) in enumerate(zip({columns})):
{checked}
            if not ({finite}):
                return ({targets}), i
    except NumericErrors:
        return ({targets}), i
    return ({targets}), -1
'''
