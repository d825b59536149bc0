"""The errors a neuron raises besides ``ValueError`` for bad input.

:class:`TrainingDiverged` is raised by derive's trainer
(:mod:`derive.descent.divergence`), where divergence is found; it is
re-exported here and as ``neuron.TrainingDiverged``.
"""
from derive.descent import TrainingDiverged

__all__ = ["TrainingDiverged"]
