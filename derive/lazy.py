"""Module attributes imported when first used (PEP 562), for the packages'
``__init__``: ``import derive`` and ``import neuron`` stay cheap, so that
``--help`` and a warm start do not pay for SymPy."""
from __future__ import annotations

from importlib import import_module
from typing import Callable


def lazy_attributes(namespace: dict, table: dict[str, str]) -> tuple[Callable, Callable]:
    """``(__getattr__, __dir__)`` for the package whose globals are ``namespace``:
    a name in ``table`` (name → module, relative to the package) is imported
    and kept on first use; ``__version__`` is read from the installed metadata
    when first asked for."""
    package = namespace["__name__"]

    def __getattr__(name: str):
        if name == "__version__":
            from .version import package_version

            namespace[name] = package_version()
            return namespace[name]
        if name not in table:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = import_module(table[name], package)
        value = module if name == module.__name__.rpartition(".")[2] else getattr(module, name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(namespace.get("__all__", ())))

    return __getattr__, __dir__
