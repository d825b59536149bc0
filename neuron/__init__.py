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

from derive.lazy import lazy_attributes

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


__getattr__, __dir__ = lazy_attributes(globals(), _LAZY)

__all__ = ["__version__", "Neuron", "NeuronClassifier", "NeuronFileError", "NeuronRegressor", "NotFittedError", "TrainingDiverged", "datasets"]
