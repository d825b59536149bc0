"""neuron: the lecture's one-neuron trainer — ``forpass``, ``backprop`` and
``fit`` — with every gradient taken from :mod:`derive`.

    >>> from neuron import Neuron
    >>> from neuron.datasets import load_diabetes
    >>> X, y = load_diabetes()
    >>> n = Neuron().fit(X[:, 2], y)      # the book: w ≈ 913.6, b ≈ 123.4
"""
from derive.descent import TrainingDiverged

from . import datasets
from .neuron import Neuron

__all__ = ["Neuron", "TrainingDiverged", "datasets"]
