"""The errors a neuron raises besides ``ValueError`` for bad input."""
from __future__ import annotations

import math


class TrainingDiverged(ArithmeticError):
    """Training produced a non-finite loss or weight.

    Raised at the first epoch whose loss is not finite, so no NaN weight is
    ever returned: the neuron keeps the weights of the last finite epoch.
    """

    def __init__(self, epoch: int, lr: float, loss: float | None = None):
        self.epoch = epoch
        self.lr = lr
        self.loss = loss
        #: [w…, b] and the loss per epoch up to the last finite epoch.
        self.params: list[float] = []
        self.history: list[float] = []
        what = "a weight became infinite or NaN" if loss is None or math.isfinite(loss) else f"the loss became {loss}"
        super().__init__(
            f"training diverged at epoch {epoch} with learning rate {lr:g}: {what}; "
            f"try a smaller learning rate, such as {lr / 10:g}"
        )


class NeuronFileError(ValueError):
    """A file that is not a saved neuron, or a path a neuron will not be saved over.

    Every refusal of :meth:`Neuron.load` and :meth:`Neuron.save` about the
    file itself (what it is, what it holds) is this one type; the message
    names the file and ``path`` holds it.
    """

    def __init__(self, path, message: str):
        self.path = str(path)
        super().__init__(message)
