r"""``\sigma(x) = \max(0, x)``: σ named as the activation the notes choose.

The reader takes ``\sigma(…)`` for the logistic function, as most notes mean it.
Notes about networks, though, write σ for *whatever* activation a layer uses and
then list the choices: ``\sigma(x) = \max(0, x)`` (ReLU), ``\sigma(x) =
\frac{e^x - e^{-x}}{e^x + e^{-x}}`` (tanh). Read as claims about the logistic
function such rows are "wrong"; they are definitions of σ. A row ``σ(v) = body``
whose body, in v alone, *is* one of the common activations other than the logistic
function (checked at points) is therefore skipped with that reason. A body that is
no common activation (``\frac{1}{1 + e^{x}}``, a slip of the sign) is still
judged as a claim about the logistic function.
"""
from __future__ import annotations

import math

import sympy as sp

from ..symbols import sigmoid

#: Where a body is compared with each activation: both signs, away from the kink at 0.
_POINTS = (-3.1, -1.3, -0.4, 0.35, 1.2, 2.7)
_TOLERANCE = 1e-9


def _leaky_slope(body: sp.Expr, v: sp.Symbol) -> sp.Expr | None:
    """The slope a of ``max(a v, v)`` (leaky ReLU, 0 < a < 1), else None."""
    if not isinstance(body, sp.Max) or len(body.args) != 2 or v not in body.args:
        return None
    (other,) = [a for a in body.args if a != v]
    slope = sp.simplify(other / v)
    return slope if slope.is_number and 0 < slope < 1 else None


def _activations(v: sp.Symbol, body: sp.Expr) -> dict[str, sp.Expr]:
    found = {
        "ReLU": sp.Max(0, v),
        "tanh": sp.tanh(v),
        "softplus": sp.log(1 + sp.exp(v)),
        "identity (linear)": v,
    }
    slope = _leaky_slope(body, v)
    if slope is not None:
        found["leaky ReLU"] = sp.Max(slope * v, v)
    return found


def _same(body: sp.Expr, candidate: sp.Expr, v: sp.Symbol) -> bool:
    for x in _POINTS:
        try:
            a = complex(body.subs(v, x).evalf())
            b = complex(candidate.subs(v, x).evalf())
        except (TypeError, ValueError, ArithmeticError):
            return False
        if not (math.isfinite(a.real) and math.isfinite(b.real)) or abs(a - b) > _TOLERANCE * max(1.0, abs(b)):
            return False
    return True


def other_activation(first: sp.Expr, claim: sp.Expr) -> str:
    """The name of the activation that ``claim`` is, when ``first = claim`` is
    ``σ(v) = body`` with v a name, the body written in v alone and equal to a
    common activation other than the logistic function; "" otherwise."""
    if not isinstance(first, sigmoid) or not isinstance(first.args[0], sp.Symbol):
        return ""
    v = first.args[0]
    if claim.free_symbols != {v} or claim.has(sigmoid):
        return ""
    for name, candidate in _activations(v, claim).items():
        if _same(claim, candidate, v):
            return name
    return ""


def activation_reason(first_text: str, name: str) -> str:
    """Why such a row is skipped."""
    return (f"{first_text} is written here as the {name} function: notes write σ for the activation they choose, "
            "so the row defines σ rather than claims something about the logistic function; not checked")
