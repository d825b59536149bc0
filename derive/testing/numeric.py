"""Numerical derivatives of a loss with respect to one named input, each
with an estimate of its own error, so a check can tell a wrong gradient
from rounding.

Two methods:

* the **complex step**, ``Im f(v + ih) / h``: no subtraction, so no
  cancellation; exact to rounding for any step small enough, when the loss
  is analytic and accepts complex numbers;
* **central differences**, ``(f(v + h) − f(v − h)) / 2h``, for everything
  else. Its error has two parts that pull the step in opposite directions:
  rounding in the two values of f, about ``ε·|f| / h``, and truncation of
  the Taylor series, about ``h²·|f'''| / 6`` (and the rounding of v ± h
  inside the loss, about ``ε·s·|∂f/∂r| / h`` with s the largest input and r
  the rounded quantity, which is what remains where the gradient is zero). If f varies on the scale of
  its input, ``|f'''| ≈ |f| / s³`` with ``s = max(|v|, 1)``, and the sum is
  smallest at ``h = (3ε)^(1/3)·s ≈ 9e-6·s``. The actual truncation is then
  measured rather than assumed: a second difference with step 2h has four
  times the truncation error, so ``|D(2h) − D(h)| / 3`` estimates it; the
  bound used is six times that, which also covers rounding noise that
  differs between the two steps.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Callable, Mapping

import numpy as np

EPS = float(np.finfo(float).eps)

#: The complex step, relative to the input's scale: small enough that the
#: truncation h²|f'''|/6 vanishes beside rounding, large enough not to
#: underflow the imaginary part of any realistic loss.
COMPLEX_STEP = 1e-20

#: The central-difference step, relative to the input's scale (see above).
CENTRAL_STEP = (3 * EPS) ** (1 / 3)

#: Bounds on how many roundings a loss and a derivative commit, used to turn
#: ε into error estimates; generous so that rounding is never a false alarm.
ROUNDINGS_IN_LOSS = 4
ROUNDINGS_IN_STEP = 8

Loss = Callable[..., object]


@dataclass(frozen=True)
class NumericDerivative:
    """∂loss/∂name at a point: ``value`` and an estimate of its absolute
    ``error`` (both shaped like the loss's output for a scalar input, like
    the input for an array input), and the ``method`` that produced them."""

    value: np.ndarray
    error: np.ndarray
    method: str


class NotComplexSafe(Exception):
    """The loss cannot be evaluated at a complex point (or drops the
    imaginary part, as ``abs`` does), so the complex step does not apply."""


def numeric_derivative(loss: Loss, at: Mapping[str, object], name: str, method: str = "auto") -> NumericDerivative:
    """∂loss/∂name at ``at`` by ``method``: ``"complex"``, ``"central"`` or
    ``"auto"`` (the complex step when the loss accepts complex input and
    returns a complex value, else central differences)."""
    if method not in ("auto", "complex", "central"):
        raise ValueError(f"method must be 'auto', 'complex' or 'central', got {method!r}")
    with np.errstate(all="ignore"):  # a loss that overflows shows as a non-finite value, reported by the caller
        if method != "central":
            try:
                return _per_component(loss, at, name, complex_step)
            except NotComplexSafe:
                if method == "complex":
                    raise ValueError(
                        f"the loss does not accept complex input for {name} (or is not analytic there); "
                        "use method='central'"
                    ) from None
        return _per_component(loss, at, name, central_difference)


def complex_step(loss: Loss, at: Mapping[str, object], name: str, v: float) -> NumericDerivative:
    """``Im f(v + ih) / h`` with ``h = 1e-20·max(|v|, 1)``; its error is a
    few roundings of the result itself."""
    h = COMPLEX_STEP * max(abs(v), 1.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            f = np.asarray(loss(**{**at, name: complex(v, h)}))
        except (TypeError, ValueError, AttributeError) as error:
            raise NotComplexSafe(str(error)) from None
    if not np.iscomplexobj(f):
        raise NotComplexSafe("the loss returned a real value for complex input")
    value = f.imag / h
    return NumericDerivative(value, ROUNDINGS_IN_STEP * EPS * np.abs(value), "complex step")


def central_difference(loss: Loss, at: Mapping[str, object], name: str, v: float) -> NumericDerivative:
    """``(f(v + h) − f(v − h)) / 2h`` with ``h ≈ 9e-6·max(|v|, 1)``; its error
    is the rounding ``ε·max|f| / h`` plus the truncation measured against
    the same difference with step 2h."""
    h = CENTRAL_STEP * max(abs(v), 1.0)
    h = (v + h) - v  # a step the input can represent exactly

    scale = _input_scale(at)

    def f(step: float) -> np.ndarray:
        point = {**at, name: v + step}
        try:
            return np.asarray(loss(**point), dtype=float)
        except (ValueError, ArithmeticError) as error:
            raise ValueError(f"the loss fails at {name}={point[name]!r}: {error}") from None

    values = {step: f(step) for step in (-2 * h, -h, h, 2 * h)}
    d1 = (values[h] - values[-h]) / (2 * h)
    d2 = (values[2 * h] - values[-2 * h]) / (4 * h)
    largest = np.maximum.reduce([np.abs(fv) for fv in values.values()])
    rounding = ROUNDINGS_IN_LOSS * EPS * largest / h
    # v ± h meets the other inputs inside the loss and is rounded there, by about ε·s (s the
    # largest input). That moves f by ε·s times f's slope in the rounded quantity: at most
    # f's slope in v, or, as a loss is quadratic in its residual r near its minimum
    # (f ≈ ½r², df/dr ≈ √(2f)), about √(2|f|). This is the error left at a zero gradient.
    slope = np.maximum(np.abs(values[2 * h] - values[h]), np.abs(values[-h] - values[-2 * h])) / h
    rounding_of_input = EPS * max(scale, abs(v) + 2 * h) * np.maximum(slope, np.sqrt(2 * largest)) / h
    # D(2h) − D(h) is three times D(h)'s truncation; it also shows rounding noise that differs
    # between the two steps, so twice it bounds both with room to spare
    disagreement = 2 * np.abs(d2 - d1)
    return NumericDerivative(d1, rounding + rounding_of_input + disagreement, "central differences")


def _input_scale(at: Mapping[str, object]) -> float:
    """The largest magnitude among the inputs, at least 1: the scale at which
    the loss's intermediate results are rounded."""
    magnitudes = [np.max(np.abs(v), initial=0.0) for v in at.values() if np.size(v)]
    return float(max([1.0, *(m for m in magnitudes if np.isfinite(m))]))


def _per_component(loss: Loss, at: Mapping[str, object], name: str, method) -> NumericDerivative:
    """Apply a scalar ``method`` to the input ``name``: once if it is a
    number, once per component if it is an array (whose loss must then be
    a single number)."""
    value = at[name]
    if np.ndim(value) == 0:
        return method(loss, at, name, float(np.real(value)))
    array = np.asarray(value, dtype=float)
    values, errors, used = np.empty(array.shape), np.empty(array.shape), ""
    for index in np.ndindex(array.shape):

        def component_loss(**point):
            whole = array.astype(type(point[name]))
            whole[index] = point[name]
            return loss(**{**point, name: whole})

        d = method(component_loss, at, name, float(array[index]))
        if np.ndim(d.value) != 0:
            raise ValueError(f"{name} is an array, so the loss must return one number, not shape {np.shape(d.value)}")
        values[index], errors[index], used = d.value, d.error, d.method
    return NumericDerivative(values, errors, used)
