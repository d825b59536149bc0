"""What a neuron learns: its loss, the model it predicts with, and the
``derive`` gradient that connects them.

The neuron is the lecture's: z = w·x + b (w_1·x_1 + … + w_d·x_d + b with
several features). Its output is z, or σ(z) when the loss is taken of σ(z)
(logistic cross-entropy), so ``forpass`` gives probabilities for a sigmoid
neuron. A loss may be named (``half-se``, ``se``, ``abs``, ``logistic``), a
``derive.losses`` builder, a SymPy expression or text read by
``derive.parse_expression`` — never by ``eval``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Union

import numpy as np
import sympy as sp

from derive import Gradient, losses, parse_expression, symbol
from derive.budget import degree_bound
from derive.compile import function_from_source, lambdify_source, positions_source, temporaries
from derive.gradient import WIDE_MODEL
from derive.descent import Objective, objective
from derive.errors import InputError
from derive.printer import expression_text
from derive.symbols import sigmoid

from .columns import data_columns

LossSpec = Union[None, str, sp.Expr, Callable[[sp.Expr], sp.Expr]]

#: Above this size the loss is not tested for being a squared error.
SQUARED_CHECK_MAX_OPS = 200

_INDEXED = re.compile(r"([wx])_(\d+)$")


@dataclass(frozen=True)
class Problem:
    """One loss of one neuron with ``features`` inputs, differentiated once."""

    loss: sp.Expr
    linear: sp.Expr  # z = w·x + b
    output: sp.Expr  # what forpass computes: z, or σ(z)
    params: tuple[str, ...]  # ("w", "b") or ("w_1", …, "w_d", "b")
    features: int
    label: str  # the loss's name, or readable text of the expression

    @cached_property
    def objective(self) -> Objective:
        """What descent minimises: the loss over the parameters, with
        everything derive derived for it (cached per loss)."""
        return objective(self.loss, self.params)

    @property
    def gradient(self) -> Gradient:
        return self.objective.gradient

    @property
    def data_names(self) -> tuple[str, ...]:
        """The data each gradient call takes after the parameters (``x, y``)."""
        return self.objective.data_names

    @property
    def classifies(self) -> bool:
        """True for a sigmoid neuron, whose output is a probability."""
        return self.output != self.linear

    @cached_property
    def inputs(self) -> tuple[str, ...]:
        return ("x",) if self.features == 1 else tuple(f"x_{i}" for i in range(1, self.features + 1))

    @cached_property
    def forward(self) -> Callable[..., np.ndarray]:
        """NumPy function of (params…, x columns…) giving the neuron's output."""
        return function_from_source(self.forward_source)

    @cached_property
    def forward_source(self) -> str:
        """The source of :attr:`forward` (kept in the cached bundle, :mod:`neuron.bundle`)."""
        args = [symbol(n) for n in self.params + self.inputs]
        if self.features > WIDE_MODEL:
            return _wide_forward_source(args, self.linear, self.output)
        z = next(temporaries("z", args))  # z once (σ's stable form reads it twice); no cse of a d-term sum
        common = ([(z, self.linear)], [self.output.xreplace({self.linear: z})]) if self.classifies else ([], [self.output])
        return lambdify_source(args, self.output, "numpy", common=common)

    def data_columns(self, X: np.ndarray, y: np.ndarray | None) -> list[np.ndarray]:
        """The columns of X (n, d) and y in the order the gradient takes them."""
        return data_columns(self.data_names, self.inputs, X, y)

    @cached_property
    def loss_expression(self) -> str:
        """The loss as readable text (what ``neuron fit`` reports)."""
        return expression_text(self.loss)

    @cached_property
    def squared_error_scale(self) -> float | None:
        """c when the loss is c·(y − z)² with c > 0, so least squares gives
        its minimum in closed form; ``None`` for any other loss."""
        if self.classifies or sp.count_ops(self.loss) > SQUARED_CHECK_MAX_OPS:
            return None
        if degree_bound(self.loss, [symbol(p) for p in self.params]) != 2:  # cancel would expand it
            return None
        ratio = sp.cancel(self.loss / (symbol("y") - self.linear) ** 2)
        if ratio.is_number and ratio.is_positive:
            return float(ratio)
        return None


def _wide_forward_source(args: list[sp.Symbol], linear: sp.Expr, output: sp.Expr) -> str:
    """The forward pass of a model wider than WIDE_MODEL features as source
    that does not grow with d: the output printed by lambdify as a function
    of z, and z = b + Σ w_i·x_i summed in index order by a loop over constant
    argument positions, as :meth:`derive.linear.LinearModel.loss_source` sums
    the loss's z (27 KB of 2d + 1 named arguments and a d-term sum took a
    warm process's first ``forpass`` 15 ms to compile at d = 1000)."""
    d = (len(args) - 1) // 2  # w_1 … w_d, b, x_1 … x_d
    z = next(temporaries("z", args))
    outer = lambdify_source([z], output.xreplace({linear: z}), "numpy").replace(
        "def _lambdifygenerated(", "def _output_of_z(", 1)
    return f"""{outer}

#: The positions of w_1 … w_d, of x_1 … x_d and of b in the arguments.
WEIGHTS = {positions_source(list(range(d)))}
FEATURES = {positions_source(list(range(d + 1, 2 * d + 1)))}
BIAS = {d}


def _lambdifygenerated(*args):
    z = args[BIAS]
    for w, x in zip(WEIGHTS, FEATURES):
        z = z + args[w]*args[x]
    return _output_of_z(z)
"""


def build_problem(loss: LossSpec = None, features: int | None = None) -> Problem:
    """The :class:`Problem` for ``loss`` (default ½SE) and ``features`` inputs.

    A named loss or builder takes any number of features (1 when not given);
    an expression fixes its own from its symbols (x, or x_1 … x_d).
    Cached, with everything derived from it: the second neuron with the same
    loss costs a dictionary lookup, not SymPy work.
    """
    try:
        return _cached_problem(loss, features)
    except TypeError as err:  # an unhashable loss spec: build it afresh
        if "unhashable" not in str(err):
            raise
        return _build_problem(loss, features)


@lru_cache(maxsize=256)
def _cached_problem(loss: LossSpec, features: int | None) -> Problem:
    return _build_problem(loss, features)


def _build_problem(loss: LossSpec, features: int | None) -> Problem:
    if loss is None:
        loss = "half-se"
    if isinstance(loss, str) and loss.strip() in losses.BY_NAME:
        name = loss.strip()
        return _from_builder(losses.BY_NAME[name], features or 1, name)
    if isinstance(loss, str):
        loss = parse_expression(loss)
    if isinstance(loss, sp.Expr):
        return _from_expression(loss, features)
    if callable(loss):
        return _from_builder(loss, features or 1, None)
    raise TypeError(f"loss must be a name ({', '.join(losses.BY_NAME)}), an expression or a "
                    f"derive.losses builder, got {type(loss).__name__}")


def _from_builder(builder: Callable[[sp.Expr], sp.Expr], features: int, name: str | None) -> Problem:
    linear = losses.linear(features)
    loss = builder(linear)
    if not isinstance(loss, sp.Expr):
        raise TypeError(f"the loss builder returned {type(loss).__name__}, not a SymPy expression")
    return _problem(loss, linear, features, name or expression_text(loss))


def _from_expression(loss: sp.Expr, features: int | None) -> Problem:
    names = {s.name for s in loss.free_symbols}
    plain = names & {"w", "x"}
    indexed = {n: int(m.group(2)) for n in names if (m := _INDEXED.match(n))}
    unknown = sorted(names - {"w", "b", "x", "y"} - set(indexed))
    if unknown:
        raise InputError(f"the loss may use w, b, x, y (or w_1…w_d, x_1…x_d with several features); "
                         f"it also uses {', '.join(unknown)}")
    if plain and indexed:
        raise InputError("the loss mixes w/x with w_1…/x_1…: use one form")
    own = max(indexed.values()) if indexed else 1
    if features is not None and features != own:
        raise InputError(f"the loss is written for {own} feature(s), not {features}")
    linear = losses.linear(own)
    params = _params(own)
    missing = [p for p in params if p not in names]
    if missing:
        raise InputError(f"the loss must use every parameter of the neuron z = {linear}; "
                         f"it does not use {', '.join(missing)}")
    return _problem(loss, linear, own, expression_text(loss))


def _problem(loss: sp.Expr, linear: sp.Expr, features: int, label: str) -> Problem:
    output = sigmoid(linear) if loss.has(sigmoid(linear)) else linear
    return Problem(loss, linear, output, _params(features), features, label)


def _params(features: int) -> tuple[str, ...]:
    ws = ("w",) if features == 1 else tuple(f"w_{i}" for i in range(1, features + 1))
    return ws + ("b",)
