"""derive: symbolic gradients with SymPy, generated gradient functions and
gradient code, and a checker for derivations written in lecture notes.

The names below are imported when first used, so that ``import derive``
(and ``derive grad --help``) does not pay for importing SymPy.
"""
from __future__ import annotations

import sys
import types
from importlib import import_module

from .errors import InputError
from .lazy import lazy_attributes

#: public name → the module that defines it
_LAZY = {
    "Gradient": ".gradient",
    "losses": ".losses",
    "parse_expression": ".parse",
    "ExpressionError": ".parse",
    "symbol": ".symbols",
}

__all__ = ["Gradient", "gradient", "losses", "parse_expression", "ExpressionError", "InputError", "symbol",
           "__version__"]


__getattr__, __dir__ = lazy_attributes(globals(), _LAZY)


class _Package(types.ModuleType):
    """``derive.gradient`` is the function, as it always was, even after the
    import system binds the submodule of the same name to the package."""

    @property
    def gradient(self):
        return import_module(".gradient", __name__).gradient

    @gradient.setter
    def gradient(self, value) -> None:  # the submodule derive.gradient, being imported
        pass


sys.modules[__name__].__class__ = _Package
