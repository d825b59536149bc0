"""Losses of the linear model z = w_1·x_1 + … + w_d·x_d + b, differentiated
once, whatever d is.

When a loss depends on the weights and features only through z, it is
f(z, y, …), and the chain rule gives every partial at once:

    ∂L/∂w_i = x_i · f'(z),    ∂L/∂b = f'(z)

so one derivative, f'(z), is taken and tidied — not d + 1 of them, each of
an expression whose size grows with d. The partials of a linear model then
differ only in the index, and generated code computes f'(z) once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

import sympy as sp

_WEIGHT = re.compile(r"w(?:_(\d+))?$")


@dataclass(frozen=True)
class LinearModel:
    """A loss written as f(z) of the model's output z."""

    weights: tuple[sp.Symbol, ...]  # w, or w_1 … w_d
    features: tuple[sp.Symbol, ...]  # x, or x_1 … x_d, paired with the weights
    bias: sp.Symbol  # b
    output: sp.Expr  # z = w·x + b, as a SymPy expression
    z: sp.Symbol  # a symbol standing for z in ``outer``
    outer: sp.Expr  # the loss as f(z, …): no weight, feature or bias left in it
    _derivative: sp.Expr | None = field(default=None, compare=False, repr=False)

    def derivative(self, tidy: Callable[[sp.Expr], sp.Expr]) -> sp.Expr:
        """f'(z), tidied by ``tidy``: the one derivative taken."""
        if self._derivative is None:
            object.__setattr__(self, "_derivative", tidy(sp.diff(self.outer, self.z)))
        return self._derivative

    def moves_every_parameter(self, params: Sequence[sp.Symbol]) -> bool:
        """True when ``params`` are exactly the weights and the bias (in any
        order): then a step moves all of z's parameters and the structure
        z = w·x̃ gives the whole step (:mod:`derive.descent`)."""
        return len(params) == len(self.weights) + 1 and set(params) == {*self.weights, self.bias}

    def inputs(self, params: Sequence[sp.Symbol]) -> list[sp.Expr]:
        """x̃: the input each parameter multiplies in z (x_i for w_i, 1 for b)."""
        feature_of = dict(zip(self.weights, self.features))
        return [sp.Integer(1) if p == self.bias else feature_of[p] for p in params]

    def partials(self, params: Sequence[sp.Symbol], tidy: Callable[[sp.Expr], sp.Expr]) -> dict[str, sp.Expr]:
        """∂L/∂p for each p in ``params`` (weights or the bias) from one
        derivative of f; ``tidy`` shortens that one derivative."""
        coefficient, rest = self.derivative(tidy).as_coeff_Mul()
        dz = rest.xreplace({self.z: self.output})
        if coefficient != 1:  # 2·(z − y) stays 2·(b + w·x − y), not 2b + 2w·x − 2y
            dz = sp.Mul(coefficient, dz, evaluate=False)
        feature_of = dict(zip(self.weights, self.features))
        return {p.name: dz if p == self.bias else feature_of[p] * dz for p in params}

    def code(self, params: Sequence[sp.Symbol] | None, avoid: Sequence[sp.Basic],
             tidy: Callable[[sp.Expr], sp.Expr]) -> tuple[list, list]:
        """``(shared, reduced)`` as :func:`derive.compile.common_subexpressions`
        gives them, for the partials by ``params`` (or, with None, the loss),
        built from the structure: z once, then the small f'(z) (or f(z)),
        then x_i times it. The work and the code grow linearly in d: ``cse``
        never sees the d-term sums."""
        from .compile import common_subexpressions, temporaries

        z = next(temporaries("z", [self.outer, *avoid]))
        outer = self.outer if params is None else self.derivative(tidy)
        small, (reduced,) = common_subexpressions([outer.xreplace({self.z: z})], avoid=[z, *avoid])
        if not _worth_a_temporary(z, [e for _, e in small] + [reduced]):  # z − y: as cse would, inline z
            small = [(s, e.xreplace({z: self.output})) for s, e in small]
            reduced = reduced.xreplace({z: self.output})
            shared = small
        else:
            shared = [(z, self.output), *small]
        if params is None:
            return shared, [reduced]
        if not isinstance(reduced, sp.Symbol):  # f'(z) once, then x_i·f'(z) for each weight
            t = next(temporaries("t", [reduced, z, *avoid, *(s for s, _ in small)]))
            shared.append((t, reduced))
            reduced = t
        feature_of = dict(zip(self.weights, self.features))
        return shared, [reduced if p == self.bias else feature_of[p] * reduced for p in params]


    def loss_source(self, args: Sequence[sp.Symbol]) -> str:
        """The NumPy source of the loss as a function of positional ``args``
        (defining ``_lambdifygenerated``, as :func:`derive.compile.lambdify_source`
        does), for a wide model: f(z) printed by lambdify as a function of z
        and the data it reads, and z = b + Σ w_i·x_i summed in index order by
        a loop over constant argument positions. The source does not grow
        with d (a function of 2d + 2 named arguments and a d-term sum costs
        Python 15 ms to compile at d = 1000, every warm start); NumPy
        broadcasts every argument as before."""
        from .compile import lambdify_source, positions_source, temporaries

        position = {a: i for i, a in enumerate(args)}
        z = next(temporaries("z", [self.outer, *args]))
        outer = self.outer.xreplace({self.z: z})
        reads = [a for a in args if a in outer.free_symbols]
        inner = lambdify_source([z, *reads], outer, "numpy").replace("def _lambdifygenerated(", "def _loss_of_z(", 1)
        return f"""{inner}

#: The positions of w_1 … w_d, of x_1 … x_d and of b in the arguments, and of
#: what _loss_of_z reads besides z (:func:`derive.descent.matrix.linear_parts`
#: reads them to sum z for many samples and parameter vectors in one product).
WEIGHTS = {positions_source([position[w] for w in self.weights])}
FEATURES = {positions_source([position[x] for x in self.features])}
BIAS = {position[self.bias]}
READS = {positions_source([position[a] for a in reads])}


def _lambdifygenerated(*args):
    z = args[BIAS]
    for w, x in zip(WEIGHTS, FEATURES):
        z = z + args[w]*args[x]
    return _loss_of_z(z, *[args[r] for r in READS])
"""


    def derivative_source(self, args: Sequence[sp.Symbol], params: Sequence[sp.Symbol],
                          tidy: Callable[[sp.Expr], sp.Expr]) -> str:
        """The NumPy source of f'(z) as ``_derivative_of_z(z, …)`` (printed by
        lambdify, ``tidy`` as for :meth:`derivative`) and the positions in the
        positional ``args`` that :func:`derive.descent.matrix.linear_mean_gradient`
        reads to take the mean gradient x̃ᵀ·f'(z)/n of a wide model in one pass:
        the weights, features and bias as :meth:`loss_source` names them,
        what f' reads besides z, and the argument each of ``params`` multiplies
        in z (INPUTS, −1 for the bias's 1). Its size does not grow with d."""
        from .compile import lambdify_source, positions_source, temporaries

        position = {a: i for i, a in enumerate(args)}
        z = next(temporaries("z", [self.outer, *args]))
        derivative = self.derivative(tidy).xreplace({self.z: z})
        reads = [a for a in args if a in derivative.free_symbols]
        inner = lambdify_source([z, *reads], derivative, "numpy").replace(
            "def _lambdifygenerated(", "def _derivative_of_z(", 1)
        inputs = [-1 if v == 1 else position[v] for v in self.inputs(params)]
        return f"""{inner}

#: The positions of w_1 … w_d, of x_1 … x_d and of b in the arguments, of what
#: _derivative_of_z reads besides z, and of the input each parameter multiplies (-1: 1).
WEIGHTS = {positions_source([position[w] for w in self.weights])}
FEATURES = {positions_source([position[x] for x in self.features])}
BIAS = {position[self.bias]}
READS = {positions_source([position[a] for a in reads])}
INPUTS = {positions_source(inputs)}
"""


def _worth_a_temporary(z: sp.Symbol, exprs: Sequence[sp.Expr]) -> bool:
    """True when z is used more than once, or inside σ or log σ (whose
    stable printed forms read their argument twice)."""
    from .symbols import log_sigmoid, sigmoid

    uses = sum(e.count(z) for e in exprs)
    inside = any(f.args[0].has(z) for e in exprs for f in e.atoms(sigmoid, log_sigmoid))
    return uses > 1 or inside


def linear_model(loss: sp.Expr, params: tuple[sp.Symbol, ...]) -> LinearModel | None:
    """The loss as f(z) of z = Σ w_i·x_i + b, when every parameter is a
    weight or the bias and the loss uses them only through z; else None."""
    names = {s.name: s for s in loss.free_symbols}
    bias = names.get("b")
    pairs = []
    for name, s in names.items():
        m = _WEIGHT.match(name)
        if m:
            feature = names.get("x" if m.group(1) is None else f"x_{m.group(1)}")
            if feature is None:
                return None
            pairs.append((s, feature))
    paired = dict(pairs)
    if bias is None or not pairs or any(p != bias and p not in paired for p in params):
        return None
    if len(pairs) > 1 and any(s.name == "w" for s, _ in pairs):
        return None  # w next to w_1, …: not the model of derive.losses.linear
    pairs.sort(key=lambda pair: int(pair[0].name[2:] or 0) if pair[0].name != "w" else 0)
    weights, features = zip(*pairs)
    products = sp.Add(*(w * x for w, x in pairs))
    z = sp.Dummy("z", real=True)
    outer = loss.xreplace({bias: z - products})  # Add cancels Σ w_i·x_i wherever z is
    if outer.free_symbols & {*weights, *features, bias}:
        return None
    return LinearModel(tuple(weights), tuple(features), bias, products + bias, z, outer)
