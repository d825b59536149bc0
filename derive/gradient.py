"""Differentiate a loss with respect to chosen parameters, once per process.

:func:`gradient` returns a :class:`Gradient`: the derivative expressions, a
NumPy function that broadcasts over arrays, a scalar ``math`` fast path for
per-sample loops, emitted source for several languages and LaTeX.
"""
from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Callable, Sequence

import numpy as np
import sympy as sp

from .compile import common_subexpressions, function_from_source, lambdify_source
from .errors import InputError
from .linear import LinearModel, linear_model
from .printer import expression_text
from .symbols import almost_everywhere, sort_key, symbol

#: Above this many operations a derivative is left as differentiated rather
#: than tidied (the tidying multiplies out products); also the bound of
#: the affine proof's own simplification.
SIMPLIFY_MAX_OPS = 150

#: A linear model with more features than this has its generated functions
#: print sums unsorted (SymPy's sorted printing grows as d²).
WIDE_MODEL = 8


class Gradient:
    """The gradient of one loss with respect to ``params``, in that order.

    ``exprs`` maps each parameter name to its derivative. Calling the object
    with every symbol by name evaluates the gradient with NumPy (arrays
    broadcast) and returns a tuple in parameter order, as the book's
    ``backprop`` returns ``(w_grad, b_grad)``.
    """

    def __init__(self, loss: sp.Expr, params: tuple[sp.Symbol, ...]):
        self.loss = loss
        self.params = params
        #: The loss as f(z) of a linear model's output z, when it is one: then
        #: one derivative f'(z) gives every partial (:mod:`derive.linear`).
        self.model: LinearModel | None = linear_model(loss, params)
        if self.model is not None:
            self.exprs: dict[str, sp.Expr] = self.model.partials(params, _tidied)
        else:
            self.exprs = {p.name: _tidied(sp.diff(loss, p)) for p in params}
        others = sorted(loss.free_symbols - set(params), key=sort_key)
        #: Argument order of every generated function: parameters, then the
        #: other symbols sorted by name (``w, b, x, y`` for the lecture).
        self.args: tuple[sp.Symbol, ...] = params + tuple(others)
        self.names: tuple[str, ...] = tuple(a.name for a in self.args)

    @property
    def wrt(self) -> tuple[str, ...]:
        """The parameter names, in the order results are returned."""
        return tuple(p.name for p in self.params)

    @property
    def derivatives(self) -> tuple[sp.Expr, ...]:
        """The derivatives in parameter order."""
        return tuple(self.exprs.values())

    @property
    def outer_derivative(self) -> sp.Expr | None:
        """f'(z), the one derivative of a linear model's loss f(z) (z = w·x + b),
        written with ``model.z``; ``None`` when the loss is not of that form."""
        return None if self.model is None else self.model.derivative(_tidied)

    def code(self, of: str = "gradient") -> tuple[list, list]:
        """``(shared, reduced)``: the subexpressions every generated function
        computes first, and the derivatives (or, with ``of="loss"``, the
        loss) written with them. For a linear model built from its structure
        (z once, then f'(z)), otherwise by ``cse``."""
        if self.model is not None:
            return self.model.code(self.params if of == "gradient" else None, self.args, _tidied)
        return common_subexpressions(self.derivatives if of == "gradient" else [self.loss], avoid=self.args)

    @cached_property
    def numpy(self) -> Callable[..., tuple]:
        """The generated NumPy function of positional ``args``."""
        return self._function("gradient", "numpy")

    @cached_property
    def scalar(self) -> Callable[..., tuple]:
        """The fast path for one sample: plain ``math`` on Python floats,
        positional ``args``, returning a tuple in parameter order."""
        return self._function("gradient", "math")

    @cached_property
    def loss_numpy(self) -> Callable[..., object]:
        """The loss itself as a NumPy function of the same positional ``args``
        (log σ printed stably: a saturated sigmoid gives a large finite loss)."""
        return self._function("loss", "numpy")

    def _function(self, of: str, target: str) -> Callable[..., object]:
        """The generated function of the gradient (or the loss)."""
        return function_from_source(self.function_source(of, target), target)

    @lru_cache(maxsize=None)  # noqa: B019 - one Gradient per loss (gradient() caches them), a few sources each
    def function_source(self, of: str = "gradient", target: str = "numpy") -> str:
        """The source of the generated function of the gradient (or, with
        ``of="loss"``, the loss) for ``target``, kept across processes by
        :mod:`derive.cache`."""
        from .cache import cached_source, expression_key

        def build() -> str:
            if of == "loss" and target == "numpy" and self._order == "none":  # a wide linear model
                return self.model.loss_source(self.args)
            exprs = self.derivatives if of == "gradient" else self.loss
            return lambdify_source(self.args, exprs, target, common=self.code(of), order=self._order)

        parts = (of, target, expression_key(self.loss), ",".join(self.wrt), ",".join(self.names))
        return cached_source("function", parts, build, lambda text: "def _lambdifygenerated(" in text)

    @property
    def _order(self) -> str | None:
        """How generated functions print sums: sorted as SymPy prints them,
        or for a wide linear model in stored order (sorting costs O(d²))."""
        return "none" if self.model is not None and len(self.model.weights) > WIDE_MODEL else None

    def __call__(self, **values) -> tuple:
        results = self.numpy(*self._positional(values))
        if any(np.ndim(r) for r in results):  # a constant derivative still gets the data's shape
            results = tuple(np.broadcast_arrays(*results))
        return results

    def loss_value(self, **values):
        """The loss at the named values (NumPy, broadcasting)."""
        return self.loss_numpy(*self._positional(values))

    def _positional(self, values: dict) -> list:
        missing = [n for n in self.names if n not in values]
        unknown = sorted(set(values) - set(self.names))
        if missing or unknown:
            parts = []
            if missing:
                parts.append("missing " + ", ".join(missing))
            if unknown:
                parts.append("unknown " + ", ".join(unknown))
            raise TypeError(f"the gradient takes {', '.join(self.names)}: {'; '.join(parts)}")
        return [values[n] for n in self.names]

    def source(self, target: str = "numpy", name: str = "gradient") -> str:
        """Standalone source defining ``name(*args)`` in ``target``
        (``numpy``, ``python``, ``c`` or ``jax``)."""
        from .emit import emit

        return emit(self, target, name)

    def latex(self) -> str:
        """One ``\\frac{\\partial L}{\\partial p} = …`` line per parameter."""
        return " \\\\\n".join(
            f"\\frac{{\\partial L}}{{\\partial {sp.latex(symbol(n))}}} = {sp.latex(e)}" for n, e in self.exprs.items()
        )

    def _repr_latex_(self) -> str:
        return "$\\displaystyle \\begin{aligned}" + self.latex().replace(" = ", " &= ") + "\\end{aligned}$"

    def __repr__(self) -> str:
        body = ", ".join(f"{n}: {expression_text(e)}" for n, e in self.exprs.items())
        return f"Gradient({body})"


def _tidied(expr: sp.Expr) -> sp.Expr:
    """The shortest of ``expr`` and two cheap rewritings of it: common
    factors pulled out, before and after multiplying out products (powers
    of sums stay as they are, so the work stays polynomial in the size).
    No ``simplify``: its cost has no bound. Past :data:`SIMPLIFY_MAX_OPS` the
    derivative is kept as differentiated (correct, just longer). A Dirac
    delta (from ``sign``) is 0 almost everywhere, and is written so."""
    expr = almost_everywhere(expr)
    if sp.count_ops(expr) > SIMPLIFY_MAX_OPS:
        return expr
    candidates = (expr, sp.factor_terms(expr), sp.factor_terms(sp.expand_mul(expr)))
    return min(candidates, key=sp.count_ops)


def _as_symbols(loss: sp.Expr, names: tuple[str, ...]) -> tuple[sp.Symbol, ...]:
    if not names:
        raise InputError("name at least one parameter to differentiate with respect to")
    if len(set(names)) != len(names):
        raise InputError(f"a parameter is named twice in {names}")
    by_name = {s.name: s for s in loss.free_symbols}
    absent = [n for n in names if n not in by_name]
    if absent:
        have = ", ".join(sorted(by_name, key=lambda n: sort_key(symbol(n)))) or "none"
        raise InputError(f"the loss has no symbol {', '.join(absent)}; its symbols are {have}")
    return tuple(by_name[n] for n in names)


def gradient(loss: sp.Expr, wrt: Sequence[str | sp.Symbol] = ("w", "b")) -> Gradient:
    """The :class:`Gradient` of ``loss`` with respect to ``wrt``.

    Cached: the same loss and parameters are differentiated (and their
    functions generated) once per process, however many neurons ask.
    """
    if not isinstance(loss, sp.Expr):
        raise TypeError(f"the loss must be a SymPy expression, got {type(loss).__name__}; "
                        "use derive.parse_expression for text")
    if loss.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise InputError(f"the loss {expression_text(loss)} is not finite (a division by zero, or log of 0)")
    if isinstance(wrt, (str, sp.Symbol)):
        wrt = [wrt]
    names = tuple(p.name if isinstance(p, sp.Symbol) else str(p) for p in wrt)
    try:
        return _cached_gradient(loss, names)
    except OverflowError:  # SymPy's assumptions evaluate numbers such as tanh(exp(1e300)) with mpmath
        raise InputError(f"the loss {expression_text(loss)} holds a number too large to work with "
                         "(its evaluation overflows); rescale it") from None


@lru_cache(maxsize=256)
def _cached_gradient(loss: sp.Expr, names: tuple[str, ...]) -> Gradient:
    return Gradient(loss, _as_symbols(loss, names))
