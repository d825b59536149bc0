"""neuron: the lecture's one-neuron trainer — ``forpass``, ``backprop`` and
``fit`` — with every gradient taken from :mod:`derive`.

    >>> from neuron import Neuron
    >>> from neuron.datasets import load_diabetes
    >>> X, y = load_diabetes()
    >>> n = Neuron().fit(X[:, 2], y)      # the book: w ≈ 913.6, b ≈ 123.4

``NeuronRegressor`` and ``NeuronClassifier`` are the same neuron with
scikit-learn's conventions (scikit-learn itself stays optional).
"""
from __future__ import annotations

from importlib import import_module

from derive.version import package_version as _package_version

#: public name → the module that defines it, imported when first used, so
#: that ``neuron fit --help`` does not pay for importing SymPy
_LAZY = {
    "Neuron": ".neuron",
    "NeuronClassifier": ".estimators",
    "NeuronRegressor": ".estimators",
    "NotFittedError": ".estimator_api",
    "NeuronFileError": ".errors",
    "TrainingDiverged": "derive.descent",
    "datasets": ".datasets",
}


def __getattr__(name: str):
    if name == "__version__":  # from the installed metadata (importlib.metadata costs 70 ms), when first asked for
        globals()[name] = _package_version()
        return globals()[name]
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = import_module(_LAZY[name], __name__)
    value = module if name == module.__name__.rpartition(".")[2] else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = ["__version__", "Neuron", "NeuronClassifier", "NeuronFileError", "NeuronRegressor", "NotFittedError", "TrainingDiverged", "datasets"]
