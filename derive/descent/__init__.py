"""Gradient descent on derive's gradients: one engine, one result type.

    train(objective(loss, ["w", "b"]), start, [x, y], Schedule(epochs=100, lr=1.0)) -> Trajectory

- :mod:`.schedule`: epochs, learning rate, batch size, the shuffled orders;
- :mod:`.objective`: a loss and its parameters, with everything derived for it, cached;
- :mod:`.reference`: the lecture's loop, the reference every method is measured against;
- :mod:`.generated_loop`: the per-sample SGD loop generated as one Python function per loss;
- :mod:`.compiled`: the same loop and one-pass means compiled by numba (extra ``[fast]``), cached on disk;
- :mod:`.affine` and :mod:`.scan`: the proof that a step is affine, and the scan that composes steps;
- :mod:`.moments`: full-batch descent from the data's moments;
- :mod:`.epoch_losses`: the mean loss after every epoch, from the loss's Taylor moments;
- :mod:`.cost`: what each per-sample method costs, for ``auto``'s choice;
- :mod:`.methods`: the methods by name, ``auto``'s choice, and hand-over to a loop;
- :mod:`.divergence`: when a run diverged, and a stable learning rate for the data;
- :mod:`.trajectory`: what every method returns;
- :mod:`.dask_chunks` and :mod:`.dask_methods`: the same training on data held as Dask arrays
  (``train_dask``), chunk by chunk where the chunks are; needs the ``dask`` extra;
  :mod:`.dask_protocol` tells Dask data from NumPy's, importing neither;
- :mod:`.progress`: a listener told of each epoch a loop finishes (a progress bar).
"""
import sys
import types
from importlib import import_module

from .divergence import TrainingDiverged
from .methods import METHODS, choose_method, train
from .progress import reporting_epochs
from .schedule import Schedule
from .trajectory import TrainingInterrupted, Trajectory

#: Names that derive with SymPy, imported when first used: training on
#: generated functions read from the cache (:mod:`neuron.bundle`) needs none of them.
_SYMBOLIC = ("Objective", "affine_update", "batch_moments", "objective", "sgd_loop")


def __getattr__(name: str):
    if name not in _SYMBOLIC:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(".objective", __name__), name)
    globals()[name] = value
    return value


__all__ = ["METHODS", "Objective", "Schedule", "TrainingDiverged", "TrainingInterrupted", "Trajectory",
           "affine_update", "batch_moments", "choose_method", "objective", "reporting_epochs", "sgd_loop", "train"]


class _Package(types.ModuleType):
    """``derive.descent.objective`` is the function, as it always was, even
    after the import system binds the submodule of the same name to the package."""

    @property
    def objective(self):
        return import_module(".objective", __name__).objective

    @objective.setter
    def objective(self, value) -> None:  # the submodule derive.descent.objective, being imported
        pass


sys.modules[__name__].__class__ = _Package
