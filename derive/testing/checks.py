"""``check_gradient``: compare a gradient with the loss's numerical
derivative at one point, and fail with a table that says where and by how
much."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import numpy as np
import sympy as sp

from ..compile import lambdify
from ..symbols import numeric_form, sort_key
from .numeric import NumericDerivative, numeric_derivative

#: Functions whose derivative the complex step gets wrong (they are not
#: analytic), so a loss that uses them is checked by central differences.
NOT_ANALYTIC = (sp.Abs, sp.sign, sp.Heaviside, sp.Max, sp.Min, sp.floor, sp.ceiling, sp.re, sp.im, sp.arg)


@dataclass(frozen=True)
class Comparison:
    """One parameter's row of the check: the worst component (``index``
    is ``()`` for a number) of the analytic and numeric derivatives."""

    parameter: str
    index: tuple
    analytic: float
    numeric: float
    allowed: float

    @property
    def abs_error(self) -> float:
        return abs(self.analytic - self.numeric)

    @property
    def rel_error(self) -> float:
        return self.abs_error / abs(self.numeric) if self.numeric else (0.0 if not self.abs_error else float("inf"))

    @property
    def ok(self) -> bool:
        return bool(self.abs_error <= self.allowed)  # False for NaN, as it should be

    @property
    def label(self) -> str:
        return self.parameter + ("[" + ",".join(map(str, self.index)) + "]" if self.index else "")


class GradientMismatch(AssertionError):
    """A gradient differs from the numerical derivative of its loss by more
    than rounding explains. ``rows`` holds every parameter's
    :class:`Comparison`; ``point`` and ``method`` say where and how."""

    def __init__(self, rows: Sequence[Comparison], point: Mapping[str, object], method: str):
        self.rows, self.point, self.method = tuple(rows), dict(point), method
        super().__init__(format_table(self.rows, self.point, self.method))


def check_gradient(
    loss: Callable[..., object] | sp.Expr,
    grad: Callable[..., object],
    at: Mapping[str, object],
    wrt: Sequence[str],
    *,
    method: str = "auto",
    rtol: float = 1e-6,
    atol: float = 0.0,
) -> tuple[Comparison, ...]:
    """Assert that ``grad(**at)`` is the gradient of ``loss`` at ``at``.

    ``loss(**at)`` returns the loss (a number, or one per sample when data
    are arrays); a SymPy expression such as ``derive.losses.half_squared_error()``
    is accepted too. ``grad(**at)`` returns the partial derivatives in
    ``wrt`` order, numbers or arrays. Each is compared with the numerical
    derivative: ``method="auto"`` takes the complex step ``Im f(v + ih)/h``
    (exact to rounding) when the loss accepts complex input and is analytic,
    else central differences (``"complex"`` and ``"central"`` force one).
    Central differences err by rounding ≈ ε·|f|/h plus truncation
    ≈ h²·|f'''|/6; the step h = (3ε)^(1/3)·max(|v|, 1) minimises the sum when
    f varies on the scale of its input v, and the tolerance adds the
    rounding from the loss's magnitude and the truncation measured by
    repeating the difference with step 2h (details in
    :mod:`derive.testing.numeric`). A parameter passes when

        |analytic − numeric| ≤ atol + rtol·|numeric| + the numeric error estimate.

    The estimate makes the check scale-free: no false alarm from rounding
    or truncation at any magnitude, while a gradient 0.1% off is caught.
    ``rtol`` allows for rounding in ``grad`` itself; raise it for float32
    code, or ``atol`` for gradients that subtract nearly equal terms.

    Raises :class:`GradientMismatch` with a table otherwise; returns the
    comparisons when all agree.
    """
    __tracebackhide__ = True  # pytest shows the table, not this function's source
    wrt = [wrt] if isinstance(wrt, str) else list(wrt)
    unknown = [n for n in wrt if n not in at]
    if unknown:
        raise ValueError(f"wrt names {', '.join(unknown)}, which the point does not give (it has {', '.join(at)})")
    if isinstance(loss, sp.Expr):
        loss, method = _loss_function(loss, method)
    analytic = grad(**at)
    if len(wrt) == 1 and not isinstance(analytic, (tuple, list)):
        analytic = (analytic,)
    if len(analytic) != len(wrt):
        raise ValueError(f"the gradient returned {len(analytic)} values for {len(wrt)} parameters {', '.join(wrt)}")
    rows, used = [], method
    for name, a in zip(wrt, analytic):
        numeric = numeric_derivative(loss, at, name, method)
        _require_finite(numeric, name, at)
        rows.append(_compare(name, np.asarray(a, dtype=float), numeric, rtol, atol))
        used = numeric.method
    if not all(r.ok for r in rows):
        raise GradientMismatch(rows, at, used)
    return tuple(rows)


def _compare(name: str, analytic: np.ndarray, numeric: NumericDerivative, rtol: float, atol: float) -> Comparison:
    try:
        a, n, e = np.broadcast_arrays(analytic, numeric.value, numeric.error)
    except ValueError:
        raise ValueError(
            f"the gradient for {name} has shape {analytic.shape}, the loss's derivative {np.shape(numeric.value)}"
        ) from None
    allowed = atol + rtol * np.abs(n) + e
    excess = np.where(np.isnan(a), np.inf, np.abs(a - n) - allowed)
    worst = np.unravel_index(int(np.argmax(excess)), excess.shape) if excess.ndim else ()
    return Comparison(name, tuple(int(i) for i in worst), float(a[worst]), float(n[worst]), float(allowed[worst]))


def _require_finite(numeric: NumericDerivative, name: str, at: Mapping[str, object]) -> None:
    if not np.all(np.isfinite(numeric.value)):
        raise ValueError(
            f"the loss's numerical derivative for {name} is not finite at {format_point(at)}; "
            "the loss is not differentiable there (or overflows), so there is nothing to compare"
        )


def _loss_function(expr: sp.Expr, method: str) -> tuple[Callable[..., object], str]:
    """A NumPy function of the expression's symbols by name, and the method
    to use: central differences when the expression is not analytic."""
    symbols = sorted(expr.free_symbols, key=sort_key)
    function = lambdify(symbols, numeric_form(expr), "numpy")  # σ analytic: the complex step needs it
    names = [s.name for s in symbols]

    def loss(**values):
        return function(*(values[n] for n in names))

    if method == "auto" and expr.has(*NOT_ANALYTIC):
        method = "central"
    return loss, method


def format_point(point: Mapping[str, object]) -> str:
    """``w=0.5, b=-1.25, x=array([...])``, exact enough to reproduce."""
    def show(v: object) -> str:
        if np.ndim(v) == 0:
            return repr(float(np.real(v)))
        return "[" + ", ".join(repr(float(e)) for e in np.ravel(v)) + "]"

    return ", ".join(f"{k}={show(v)}" for k, v in point.items())


def format_table(rows: Sequence[Comparison], point: Mapping[str, object], method: str) -> str:
    """The failure message: the point, then one row per parameter."""
    head = f"{'parameter':<12}{'analytic':>16}{'numeric':>16}{'abs error':>12}{'rel error':>12}{'allowed':>12}"
    lines = [f"gradient does not match the loss's derivative ({method}) at", f"  {format_point(point)}", head]
    for r in rows:
        lines.append(
            f"{r.label:<12}{r.analytic:>16.8g}{r.numeric:>16.8g}{r.abs_error:>12.2e}{r.rel_error:>12.2e}"
            f"{r.allowed:>12.2e}  {'ok' if r.ok else 'MISMATCH'}"
        )
    return "\n".join(lines)
