"""derive: symbolic gradients with SymPy, generated gradient functions and
gradient code, and a checker for derivations written in lecture notes."""
from . import losses
from .gradient import Gradient, gradient
from .errors import InputError
from .parse import ExpressionError, parse_expression
from .symbols import symbol

__all__ = ["Gradient", "gradient", "losses", "parse_expression", "ExpressionError", "InputError", "symbol"]
