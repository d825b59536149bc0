"""Losses built from two small blocks: a model ŷ of the parameters and the
data, and a loss of (y, ŷ).

    >>> half_squared_error()          # ½(y − (w·x + b))²
    >>> squared_error(linear(2))      # (y − (w_1·x_1 + w_2·x_2 + b))²
"""
from __future__ import annotations

import sympy as sp

from . import names
from .errors import InputError
from .symbols import sigmoid, symbol

y = symbol("y")


def linear(features: int = 1) -> sp.Expr:
    """The lecture's model ŷ = w·x + b; with several features
    ŷ = w_1·x_1 + … + w_n·x_n + b."""
    if features < 1:
        raise InputError(f"a model needs at least one feature, got {features}")
    if features == 1:
        return symbol("w") * symbol("x") + symbol("b")
    return sp.Add(*(symbol(f"w_{i}") * symbol(f"x_{i}") for i in range(1, features + 1)), symbol("b"))


def squared_error(model: sp.Expr | None = None) -> sp.Expr:
    """SE = (y − ŷ)², the lecture's loss."""
    return (y - _model(model)) ** 2


def half_squared_error(model: sp.Expr | None = None) -> sp.Expr:
    """½SE = ½(y − ŷ)², whose gradient has no factor 2 (the book's choice)."""
    return sp.Rational(1, 2) * (y - _model(model)) ** 2


def absolute_error(model: sp.Expr | None = None) -> sp.Expr:
    """|y − ŷ|, differentiable everywhere but at y = ŷ."""
    return sp.Abs(y - _model(model))


def logistic_cross_entropy(model: sp.Expr | None = None) -> sp.Expr:
    """−(y·log a + (1 − y)·log(1 − a)) with a = σ(ŷ), for y in {0, 1}."""
    a = sigmoid(_model(model))
    return -(y * sp.log(a) + (1 - y) * sp.log(1 - a))


#: Losses by the names the command lines accept (the table is :data:`derive.names.LOSSES`).
BY_NAME = {name: globals()[builder] for name, (builder, _) in names.LOSSES.items()}


def _model(model: sp.Expr | None) -> sp.Expr:
    return linear() if model is None else model
