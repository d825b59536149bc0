"""The error a neuron raises about a file: one type for every refusal of
:meth:`Neuron.load` and :meth:`Neuron.save` (training's own error,
``TrainingDiverged``, lives with the descent engine in :mod:`derive.descent`)."""
from __future__ import annotations

from derive.errors import InputError


class NeuronFileError(InputError):
    """A file that is not a saved neuron, or a path a neuron will not be saved over.

    Every refusal of :meth:`Neuron.load` and :meth:`Neuron.save` about the
    file itself (what it is, what it holds) is this one type; the message
    names the file and ``path`` holds it.
    """

    def __init__(self, path, message: str):
        self.path = str(path)
        super().__init__(message)
