"""An objective rebuilt from generated source kept on disk, with no SymPy.

A fresh process that trains a loss it trained before should not pay for
SymPy (importing it costs more than a whole small fit). :func:`stored_parts`
takes from a derived :class:`~derive.descent.objective.Objective` the
source of every function training runs — the loss, the per-sample loop,
the scalars of an affine step, the Taylor coefficients of the epoch losses,
the numba module when it was generated — as plain JSON-ready data;
:class:`StoredObjective` runs that source again, and is an objective to
:func:`derive.descent.train`: the same source, so the same numbers, bit for
bit. Anything it does not hold (another method's analysis, the expressions
themselves) comes from the derived objective, built with SymPy on first use.

Whoever stores the parts (:mod:`neuron.bundle`) keys and checksums them;
this module only checks that they have the shape it reads.
"""
from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Sequence

import numpy as np

from ..generated import numba_available, numpy_function
from .epoch_losses import EpochLosses
from .matrix import as_columns, linear_mean_gradient
from .numba_loop import CompiledLoop
from .loop_runner import SGDLoop

if TYPE_CHECKING:
    from .objective import Objective

#: Up to this many parameters the numba module is generated for the parts
#: even when training did not need it (0.2 s with 9; it grows as p²).
COMPILED_MAX_PARAMS = 9

#: The parts every stored objective has (more may be ``None``: not kept).
REQUIRED = ("params", "names", "loss", "loop", "origin", "affine", "expansion", "gradient", "compiled",
            "vectorised", "wide_derivative")


class StoredGradient:
    """What training reads of a :class:`~derive.gradient.Gradient` —
    parameter and argument names, the loss and gradient as NumPy functions —
    from stored source; any other attribute is the derived gradient's."""

    def __init__(self, parts: dict[str, Any], symbolic: Callable[[], Objective]):
        self._symbolic = symbolic
        self.params: tuple[str, ...] = tuple(parts["params"])
        self.names: tuple[str, ...] = tuple(parts["names"])
        self.wrt = self.params
        self.loss_numpy = numpy_function(parts["loss"])
        self._gradient_source = parts["gradient"]

    @cached_property
    def numpy(self) -> Callable[..., tuple]:
        """The gradient as a NumPy function (``backprop`` without numba), compiled on first use."""
        if self._gradient_source is None:
            return self._symbolic().gradient.numpy
        return numpy_function(self._gradient_source)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._symbolic().gradient, name)

    def __repr__(self) -> str:
        return f"StoredGradient(wrt={self.wrt})"


class StoredObjective:
    """An objective whose functions run stored source; ``symbolic()`` gives
    the derived one (SymPy) for whatever else is asked of it."""

    def __init__(self, parts: dict[str, Any], symbolic: Callable[[], Objective]):
        check_parts(parts)
        self._parts = parts
        self._symbolic = symbolic
        self.gradient = StoredGradient(parts, symbolic)
        self.data_names: tuple[str, ...] = self.gradient.names[len(self.gradient.params):]
        self.loss_numpy = self.gradient.loss_numpy
        #: the per-sample loop, compiled here so that a bad source fails now, not in fit
        self.loop = SGDLoop(self.gradient, parts["loop"], parts["origin"])
        affine = parts["affine"]
        if affine is not None and affine["kind"] == "linear":
            from .affine_maps import LinearMaps  # a linear model's scan only: a logistic loss has none

            self.__dict__["affine"] = LinearMaps.stored(self.gradient, self.gradient.params, self.data_names,
                                                        affine["positions"], numpy_function(affine["scalars"]))
        elif affine is None:
            self.__dict__["affine"] = None
        wide = parts["wide_derivative"]
        self._wide_derivative = None if wide is None else numpy_function(wide, "_derivative_of_z")
        expansion = parts["expansion"]
        self._expansion = None if expansion is None else ([tuple(t) for t in expansion["terms"]], expansion["source"])

    @property
    def symbolic(self) -> Objective:
        """The objective derived with SymPy (built on first use)."""
        return self._symbolic()

    @cached_property
    def affine(self):
        """An affine step that is not a linear model's: the derived one."""
        return self.symbolic.affine

    @property
    def vector_step(self) -> bool:
        """Whether the stored loop steps the parameter vector (as :attr:`Objective.vector_step`)."""
        return self.loop.vector is not None

    @property
    def moments(self):
        """Batch descent's moments: the derived objective's."""
        return self.symbolic.moments

    @property
    def compiled(self) -> CompiledLoop | None:
        """The numba kernels, from stored source when it was kept; ``None``
        without numba, as :attr:`Objective.compiled`."""
        if not numba_available():
            return None
        if "_kernels" not in self.__dict__:
            source = self._parts["compiled"]
            self.__dict__["_kernels"] = (CompiledLoop(self.gradient, source) if source is not None
                                         else _DerivedKernels(self.gradient, self._symbolic))
        return self.__dict__["_kernels"]

    def mean_gradient(self, params: Sequence[float], columns: Sequence[np.ndarray]) -> list[float]:
        """As :meth:`Objective.mean_gradient`, on the same functions."""
        return self.mean_gradient_and_total(params, columns)[0]

    def mean_gradient_and_total(self, params: Sequence[float],
                                columns: Sequence[np.ndarray]) -> tuple[list[float], float]:
        """As :meth:`Objective.mean_gradient_and_total`: the numba kernel from
        stored source; the blocked NumPy pass is the derived objective's."""
        arrays = as_columns(columns)
        if not arrays or not len(arrays[0]):  # no data: the per-sample function gives its NaN means
            with np.errstate(all="ignore"):
                return [float(np.mean(g)) for g in self.gradient.numpy(*params, *arrays)], 0.0
        if self._wide_derivative is not None:  # a wide linear model: the derived objective's one pass, stored
            return linear_mean_gradient(self._wide_derivative, params, arrays)
        if self.mean_pass == "numba":
            with np.errstate(all="ignore"):
                return self.compiled.mean_gradient_and_total(params, arrays)
        return self.symbolic.blocked.mean_gradient_and_total(params, arrays)

    @property
    def mean_pass(self) -> str:
        """The pass :meth:`mean_gradient` runs, as :attr:`Objective.mean_pass` chooses it."""
        if self._wide_derivative is not None:
            return "vector"
        return "numpy blocks" if not numba_available() or self._parts["vectorised"] else "numba"

    @cached_property
    def epoch_losses(self) -> EpochLosses:
        """The mean loss at many parameter vectors (every epoch's)."""
        kernels = self.compiled
        return EpochLosses(self.gradient, self.loss_numpy, None if kernels is None else kernels.mean_loss,
                           stored=self._expansion)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.symbolic, name)

    def __repr__(self) -> str:
        return f"StoredObjective(wrt={self.gradient.wrt})"


class _DerivedKernels(CompiledLoop):
    """Kernels whose source was not stored: generated by the derived
    objective (SymPy) when a kernel first runs, not when asked whether they exist."""

    def __init__(self, gradient: StoredGradient, symbolic: Callable[[], Objective]):
        super().__init__(gradient)
        self._symbolic = symbolic

    @cached_property
    def source(self) -> str:
        return self._symbolic().compiled.source


def check_parts(parts: Any) -> None:
    """Raise ``ValueError`` unless ``parts`` has the shape :func:`stored_parts` writes."""
    def need(ok: bool, what: str) -> None:
        if not ok:
            raise ValueError(f"stored parts: {what}")

    need(isinstance(parts, dict) and all(k in parts for k in REQUIRED), "a part is missing")
    need(_strings(parts["params"]) and _strings(parts["names"]) and len(parts["names"]) > len(parts["params"]) > 0,
         "params and names")
    need(list(parts["names"][:len(parts["params"])]) == list(parts["params"]), "names start with the params")
    for key in ("loss", "loop", "origin"):
        need(isinstance(parts[key], str), key)
    for key in ("gradient", "compiled", "wide_derivative"):
        need(parts[key] is None or isinstance(parts[key], str), key)
    need(isinstance(parts["vectorised"], bool), "vectorised")
    affine = parts["affine"]
    need(affine is None or (isinstance(affine, dict) and affine.get("kind") in ("linear", "symbolic")), "affine")
    if affine is not None and affine["kind"] == "linear":
        positions = affine.get("positions")
        data = len(parts["names"]) - len(parts["params"])
        need(isinstance(positions, list) and len(positions) == len(parts["params"])
             and all(p is None or (type(p) is int and 0 <= p < data) for p in positions)
             and isinstance(affine.get("scalars"), str), "affine positions")
    expansion = parts["expansion"]
    need(expansion is None or (isinstance(expansion, dict) and isinstance(expansion.get("source"), str)
                               and isinstance(expansion.get("terms"), list)
                               and all(isinstance(t, list) and all(type(i) is int and 0 <= i < len(parts["params"])
                                                                   for i in t) for t in expansion["terms"])),
         "expansion")


def _strings(values: Any) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values)


def stored_parts(objective: Objective) -> dict[str, Any]:
    """The source of everything :class:`StoredObjective` runs, from a derived
    objective (SymPy work for what training has not derived yet)."""
    from .affine import LinearAffineUpdate
    from .loop_runner import origin

    grad = objective.gradient
    affine = objective.affine
    if affine is None:
        affine_part = None
    elif isinstance(affine, LinearAffineUpdate):
        affine_part = {"kind": "linear", "positions": list(affine.positions), "scalars": affine.scalars_source}
    else:
        affine_part = {"kind": "symbolic"}
    losses = objective.epoch_losses
    expansion = None
    if losses.expansion is not None:
        expansion = {"terms": [list(t) for t in losses.expansion[0]], "source": losses.expansion_source}
    kernels = objective.compiled
    # the numba module (backprop's one-pass mean, the compiled loop) when it is cheap to generate or
    # training generated it: its SymPy work grows as p² (1.3 s with 30 features, minutes with 200)
    small = len(grad.params) <= COMPILED_MAX_PARAMS
    compiled = kernels.source if kernels is not None and (small or "source" in vars(kernels)) else None
    # the per-sample gradient function is on no default path (backprop runs a one-pass mean), and costs
    # 0.4 s with 1000 features: not stored (None), the derived gradient gives it when asked
    return {"params": list(grad.wrt), "names": list(grad.names), "loss": grad.function_source("loss", "numpy"),
            "gradient": None, "loop": objective.loop.source,
            "origin": origin(grad), "affine": affine_part, "expansion": expansion, "compiled": compiled,
            "vectorised": bool(objective._vectorised), "wide_derivative": objective.wide_derivative_source}
