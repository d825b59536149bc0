"""neuron: the lecture's one-neuron trainer — ``forpass``, ``backprop`` and
``fit`` — with every gradient taken from :mod:`derive`.

    >>> from neuron import Neuron
    >>> from neuron.datasets import load_diabetes
    >>> X, y = load_diabetes()
    >>> n = Neuron().fit(X[:, 2], y)      # the book: w ≈ 913.6, b ≈ 123.4

``NeuronRegressor`` and ``NeuronClassifier`` are the same neuron with
scikit-learn's conventions (scikit-learn itself stays optional).
"""
from derive.descent import TrainingDiverged
from derive.version import package_version as _package_version

from . import datasets
from .estimator_api import NotFittedError
from .errors import NeuronFileError
from .estimators import NeuronClassifier, NeuronRegressor
from .neuron import Neuron

#: The installed version of derive-neuron (the package both derive and neuron ship in).
__version__ = _package_version()

__all__ = ["__version__", "Neuron", "NeuronClassifier", "NeuronFileError", "NeuronRegressor", "NotFittedError", "TrainingDiverged", "datasets"]
