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


def __getattr__(name: str):
    if name == "__version__":  # from the installed metadata, read when first asked for
        from .version import package_version

        globals()[name] = package_version()
        return globals()[name]
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = import_module(_LAZY[name], __name__)
    value = module if name == module.__name__.rpartition(".")[2] else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


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
