"""Gradient checks for your own test suite.

    from derive.testing import check_gradient, gradient_cases, gradient_test

:func:`check_gradient` compares a gradient with the loss's numerical
derivative at one point (complex step, or central differences with a step
and tolerance chosen from the magnitudes); :func:`gradient_cases` is a
Hypothesis strategy of points; :func:`gradient_test` makes a property test
of the two in one line. Only the strategies need Hypothesis, and they
import it when first used: ``check_gradient`` works without it.
"""
from .checks import Comparison, GradientMismatch, check_gradient
from .numeric import NumericDerivative, numeric_derivative

_STRATEGIES = ("gradient_cases", "gradient_test", "numbers")


def __getattr__(name: str):
    if name in _STRATEGIES:
        from . import strategies

        return getattr(strategies, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "check_gradient",
    "GradientMismatch",
    "Comparison",
    "gradient_cases",
    "gradient_test",
    "numbers",
    "numeric_derivative",
    "NumericDerivative",
]
