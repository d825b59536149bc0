"""Gradient checks for your own test suite.

    from derive.testing import check_gradient, gradient_cases, gradient_test

:func:`check_gradient` compares a gradient with the loss's numerical
derivative at one point (complex step, or central differences with a step
and tolerance chosen from the magnitudes); :func:`gradient_cases` is a
Hypothesis strategy of points; :func:`gradient_test` makes a property test
of the two in one line.
"""
from .checks import Comparison, GradientMismatch, check_gradient
from .numeric import NumericDerivative, numeric_derivative
from .strategies import gradient_cases, gradient_test, numbers

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
