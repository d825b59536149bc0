"""The lecture's neuron: ``forpass`` (forward pass), ``backprop``
(backpropagation) and ``fit`` (the training function).

It never differentiates by hand: the gradient of its loss comes from
``derive`` — the scalar ``math`` path for one sample, NumPy for batches.
"""
from __future__ import annotations

import math
import sys
from typing import TYPE_CHECKING, Sequence

import numpy as np

from derive.descent import Schedule, TrainingDiverged, TrainingInterrupted, train
from derive.descent import thinned
from derive.descent.dask_protocol import is_dask
from derive.errors import InputError
from derive.names import INITS, LOSSES

from .bundle import find_problem
from .validate import as_features, as_targets, positive_float, positive_int, probabilities, require_finite

if TYPE_CHECKING:
    from .problem import LossSpec, Problem

#: Most epochs one ``fit`` runs: a bound on the number, against a typing
#: slip, not on memory. Memory is bounded whatever the epochs: a long run
#: trains in pieces (:mod:`derive.descent.pieces`) and keeps at most
#: :data:`~derive.descent.thinned.HISTORY_POINTS` losses in ``history``.
MAX_EPOCHS = 10**12


class Neuron:
    """One neuron z = w·x + b (w a vector with several features), trained on ``loss``.

    The starting weights: ``init="book"`` starts at w = b = 1.0 as the book's
    chapter 3 does; ``"random"`` draws them uniformly from [-1, 1) with
    ``seed``, as the lecture's first step; ``"zeros"`` starts at 0; an array
    ``[w_1, …, w_d, b]`` gives every value. ``w=`` (one number for every
    feature, or d numbers) and ``b=`` override what ``init`` gives, so the
    book's chapter-4 logistic neuron, w = 1 for every feature and b = 0, is
    ``Neuron("logistic", w=1.0, b=0.0)``. With no ``features`` given (and no
    array of weights) the first ``fit`` takes their number from the data.
    """

    def __init__(self, loss: LossSpec = None, *, features: int | None = None,
                 init: str | Sequence[float] = "book", seed: int | None = None,
                 w: float | Sequence[float] | None = None, b: float | None = None):
        self.loss = loss
        self.init = init if isinstance(init, str) and init in INITS else _init_spec(init)
        self.seed = seed
        self._start_w = None if w is None else _start_values(w, "w")
        self._start_b = None if b is None else _start_values(b, "b", scalar=True)
        given = None if w is None and isinstance(self.init, str) else _given_features(self.init, self._start_w)
        if features is not None:
            features = positive_int(features, "features")
            if given is not None and given != features:
                raise ValueError(f"the starting weights are for {given} feature(s), not features={features}")
        features = features or given
        #: The mean loss after each epoch, over every ``fit`` since the start
        #: (or :meth:`reset`); past ``HISTORY_POINTS`` epochs, thinned (see :attr:`history_epochs`).
        self.history: list[float] = []
        self._history_epochs: list[int] | None = None  # None: history holds every epoch, from 1
        #: The method the last ``fit`` ran (``loop``, ``scan`` or ``batch``;
        #: ``auto`` resolved, and a fast method's hand-over to a loop shown).
        self.method_: str | None = None
        self._fixed = features is not None or _is_expression(loss)
        self._setup(find_problem(loss, features))

    # the parameters ---------------------------------------------------------
    @property
    def w(self) -> float | np.ndarray:
        """The weight: a float with one feature, an array of d with several."""
        ws = self._params[:-1]
        return ws[0] if self.problem.features == 1 else np.array(ws)

    @w.setter
    def w(self, value) -> None:
        ws = as_features(np.reshape(value, (1, -1)), "w", self.problem.features)[0]
        self._params = [float(v) for v in ws] + [self._params[-1]]

    @property
    def b(self) -> float:
        """The bias."""
        return self._params[-1]

    @b.setter
    def b(self, value) -> None:
        self._params[-1] = float(as_targets([value], 1, "b")[0])

    @property
    def features(self) -> int:
        return self.problem.features

    @property
    def history_epochs(self) -> list[int]:
        """The epoch (1-based, counted over every ``fit`` since the start) of
        each loss in ``history``: ``1, 2, …, len(history)`` while it holds every
        epoch. Past :data:`~derive.descent.thinned.HISTORY_POINTS` epochs the
        history is thinned to at most that many losses: epochs 1, 1 + s, 1 + 2s, …
        and the last, with s a power of two (:mod:`derive.descent.thinned`)."""
        if self._history_epochs is None:
            return list(range(1, len(self.history) + 1))
        return list(self._history_epochs)

    @property
    def epochs_(self) -> int:
        """How many epochs were trained since the start (or :meth:`reset`)."""
        return len(self.history) if self._history_epochs is None else self._history_epochs[-1]

    # the lecture's three steps ----------------------------------------------
    def forpass(self, x) -> float | np.ndarray:
        """The forward pass: z = w·x + b for each sample (σ(z) for a sigmoid neuron).

        ``x`` is one number, one sample of d features, or an array of samples.
        """
        X, single = self._inputs(x)
        with np.errstate(all="ignore"):
            out = np.broadcast_to(self.problem.forward(*self._params, *X.T), (X.shape[0],)).astype(float)
        return float(out[0]) if single else out

    def backprop(self, x, y) -> tuple:
        """The gradient of the loss at the current w and b, averaged over the
        samples: ``(w_grad, b_grad)`` as the book returns, from ``derive``.

        Shapes are checked first; the scan for NaN and ±inf runs only when
        the one pass's sum of the data is not finite, and gives ``fit``'s error."""
        X, _ = self._inputs(x, lazy=True)
        y = as_targets(np.atleast_1d(y), X.shape[0], lazy=True)
        columns = self.problem.data_columns(X, y)
        grads, total = self.problem.objective.mean_gradient_and_total(self._params, columns)
        if not math.isfinite(total) or len(columns) < X.shape[1] + 1:  # or a column the pass did not read
            require_finite(X, "x")
            require_finite(y, "y")
        w_grad = grads[0] if self.problem.features == 1 else np.array(grads[:-1])
        return w_grad, grads[-1]

    def fit(self, x, y, epochs: int = 100, lr: float = 1.0, batch_size: int = 1,
            shuffle: bool = False, seed: int | None = None, method: str = "auto") -> "Neuron":
        """Train on samples ``x`` (n, or n × d) and targets ``y`` (n): per
        sample in order by default, as the book; ``batch_size`` > 1 averages
        the gradient over mini-batches. Appends the mean loss of each epoch
        to ``history`` (thinned past a million epochs, see below); raises :class:`TrainingDiverged` when training
        diverged (a loss that is not finite, or that ends far above where it
        started), keeping the weights of the epoch before it was found.

        ``fit`` continues from the current weights (a warm start: the first
        call starts from ``init``); call :meth:`reset` first to start over.

        ``method`` is ``"loop"``, ``"compiled"`` (numba), ``"scan"``, ``"batch"``
        or ``"auto"`` (the cheapest that applies; see :mod:`derive.descent.methods`): all give
        the loop's numbers up to rounding. ``method_`` says which ran.
        Dask arrays train where their chunks are, never gathered into memory
        (:mod:`derive.descent.dask_methods`).

        Memory is bounded, not the epochs (up to :data:`MAX_EPOCHS` a call), on
        NumPy and Dask data alike: a run of more than a million epochs trains in pieces, and ``history``
        keeps at most a million losses, thinned with their epoch numbers in
        :attr:`history_epochs`. Ctrl-C stops a loop between
        epochs: the weights and ``history`` of the epochs that finished are
        kept, and the ``KeyboardInterrupt`` (a :class:`TrainingInterrupted`)
        is raised again."""
        if is_dask(x) or is_dask(y):
            return self._fit_dask(x, y, epochs, lr, batch_size, shuffle, seed, method)
        X = as_features(x, "x")
        y = as_targets(y, X.shape[0])
        self._match_features(X.shape[1])
        if self.problem.classifies:
            probabilities(y)
        schedule = Schedule(_epochs(epochs), positive_float(lr, "lr"),
                            positive_int(batch_size, "batch_size"), bool(shuffle), seed)
        columns = self.problem.data_columns(X, y)
        return self._train(lambda: train(self.problem.objective, self._params, columns, schedule, method,
                                         keep=thinned.HISTORY_POINTS, before=self.epochs_))

    def _train(self, run) -> "Neuron":
        """Keep the weights and losses of the trajectory ``run()`` returns, or
        those before divergence when it raises."""
        try:
            trajectory = run()
        except TrainingDiverged as err:
            self._params, self.method_ = list(err.params), err.method
            self._record(err.history, err.history_epochs)
            raise
        except TrainingInterrupted as err:  # Ctrl-C between epochs: keep what was trained
            done = err.trajectory
            self._params, self.method_ = list(done.params), done.method
            self._record(done.losses, done.loss_epochs)
            raise
        self._params, self.method_ = list(trajectory.params), trajectory.method
        self._record(trajectory.losses, trajectory.loss_epochs)
        return self

    def _record(self, losses, epochs=None) -> None:
        """Add a fit's ``losses`` (of its epochs 1, 2, … or, thinned, of
        ``epochs``, numbered after the epochs before the fit) to ``history``,
        thinned past ``HISTORY_POINTS`` epochs."""
        before = self.epochs_
        capacity = thinned.HISTORY_POINTS
        if epochs is None and self._history_epochs is None and before + len(losses) <= capacity:
            self.history.extend(np.asarray(losses, dtype=float).tolist())  # every epoch, as always
            return
        if epochs is None:
            kept = thinned.ThinnedHistory(capacity, self.history_epochs, self.history)
            kept.extend(losses)
        else:  # a long run's thinned losses, on the same grid as the history's
            kept = thinned.ThinnedHistory(capacity, [*self.history_epochs, *np.asarray(epochs).tolist()],
                                          [*self.history, *np.asarray(losses, dtype=float).tolist()])
        self.history = kept.losses.tolist()
        self._history_epochs = kept.epochs.tolist() if kept.stride > 1 else None

    def _fit_dask(self, x, y, epochs, lr, batch_size, shuffle, seed, method) -> "Neuron":
        from derive.descent.dask_methods import train_dask

        from .dask_input import dask_columns

        X, y = dask_columns(x, y)
        self._match_features(X.shape[1])
        schedule = Schedule(_epochs(epochs), positive_float(lr, "lr"),
                            positive_int(batch_size, "batch_size"), bool(shuffle), seed)
        columns = self.problem.data_columns(X, y)
        probabilities = "y" if self.problem.classifies else None
        return self._train(lambda: train_dask(self.problem.objective, self._params, columns, schedule, method,
                                              probabilities=probabilities, keep=thinned.HISTORY_POINTS,
                                              before=self.epochs_))

    def predict(self, x) -> float | np.ndarray:
        """The prediction: the output of ``forpass``, or the class 0/1 of a sigmoid neuron.

        Before any ``fit`` this is the book's forward pass with the starting
        weights (``init``, ``w=``, ``b=``), not an error."""
        out = self.forpass(x)
        if self.problem.classifies:
            return np.asarray(out >= 0.5, dtype=int) if isinstance(out, np.ndarray) else int(out >= 0.5)
        return out

    def predict_proba(self, x) -> float | np.ndarray:
        """P(y = 1 | x) for a sigmoid neuron."""
        if not self.problem.classifies:
            raise InputError(f"predict_proba needs a sigmoid neuron (loss 'logistic'), not {self.problem.label!r}")
        return self.forpass(x)

    def reset(self) -> "Neuron":
        """Start over: the starting weights again (the same draw for
        ``init="random"`` with a seed) and an empty ``history``."""
        self.history = []
        self._history_epochs = None
        self._params = self._start(self.problem.features)
        return self

    # saving -----------------------------------------------------------------
    def save(self, path) -> None:
        """Write the neuron as JSON, atomically (a temporary file, then a rename)."""
        from . import persist

        persist.save(self, path)

    @classmethod
    def load(cls, path) -> "Neuron":
        """A neuron written by :meth:`save`."""
        from . import persist

        return persist.load(cls, path)

    def __repr__(self) -> str:
        w = self.w
        w_text = f"{w!r}" if isinstance(w, float) else np.array2string(w, precision=6, separator=", ")
        return f"Neuron(loss={self.problem.label!r}, w={w_text}, b={self.b!r}, epochs={self.epochs_})"

    # internals --------------------------------------------------------------
    def _setup(self, problem: Problem) -> None:
        self.problem = problem
        self._params = self._start(problem.features)

    def _start(self, features: int) -> list[float]:
        """The starting [w…, b]: ``init``, then ``w=`` and ``b=`` over it."""
        if isinstance(self.init, str):
            params = _initial(self.init, features + 1, self.seed)
            if self._start_w is None and self._start_b is None:
                return params
        elif len(self.init) == features + 1:
            params = list(self.init)
        else:
            raise ValueError(f"init has {len(self.init)} values but the neuron has {features} feature(s) "
                             f"and a bias: give {features + 1}, [w_1, …, w_{features}, b]")
        if isinstance(self._start_w, float):
            params[:-1] = [self._start_w] * features
        elif self._start_w is not None:
            if len(self._start_w) != features:
                raise ValueError(f"w has {len(self._start_w)} values but the neuron has {features} feature(s)")
            params[:-1] = self._start_w
        if self._start_b is not None:
            params[-1] = self._start_b
        return params

    def _match_features(self, features: int) -> None:
        if features == self.problem.features:
            return
        if self._fixed or self.history:
            raise InputError(f"x has {features} feature column(s) but the neuron has {self.problem.features}")
        self._setup(find_problem(self.loss, features))

    def _inputs(self, x, lazy: bool = False) -> tuple[np.ndarray, bool]:
        """``x`` as (n, d), and whether it was a single sample (``lazy`` as
        :func:`~neuron.validate.as_features`)."""
        d = self.problem.features
        single = np.ndim(x) == 0 or (np.ndim(x) == 1 and d > 1)
        return as_features(np.reshape(x, (1, -1)) if single else x, "x", d, lazy), single


def _epochs(epochs) -> int:
    """``epochs`` as a positive int of at most :data:`MAX_EPOCHS`, for data in memory or Dask."""
    epochs = positive_int(epochs, "epochs")
    if epochs > MAX_EPOCHS:
        raise InputError(f"epochs must be at most {MAX_EPOCHS:,} in one fit, got {epochs:,}; "
                         "fit again to continue from where it stopped")
    return epochs


def _initial(init: str, size: int, seed: int | None) -> list[float]:
    if init == "random":
        return np.random.default_rng(seed).uniform(-1.0, 1.0, size).tolist()
    return [1.0 if init == "book" else 0.0] * size


def _init_spec(init) -> str | list[float]:
    """``init`` as a name or a list of floats (JSON-ready, so it can be saved)."""
    if isinstance(init, str):
        if init not in INITS:
            raise InputError(f"init must be one of {', '.join(INITS)} or an array [w…, b], got {init!r}")
        return init
    values = _start_values(init, "init")
    if isinstance(values, float) or len(values) < 2:
        raise InputError(f"init as values must be an array [w_1, …, w_d, b] of at least 2 numbers, got {init!r}")
    return values


def _start_values(value, name: str, scalar: bool = False) -> float | list[float]:
    """A starting value (a float) or values (a list of floats), finite."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or an array of numbers, got {value!r}") from None
    if arr.ndim > (0 if scalar else 1) or arr.size == 0:
        raise ValueError(f"{name} must be {'one number' if scalar else 'a number or a 1-D array'}, got {value!r}")
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite, got {value!r}")
    return float(arr) if arr.ndim == 0 else arr.tolist()


def _given_features(init, start_w) -> int | None:
    """The number of features the given starting values fix, if any."""
    if isinstance(start_w, list):
        return len(start_w)
    if isinstance(init, list):
        return len(init) - 1
    return None


def _is_expression(loss: LossSpec) -> bool:
    if isinstance(loss, str):
        return loss.strip() not in LOSSES
    sympy = sys.modules.get("sympy")  # a SymPy expression: SymPy is imported
    return sympy is not None and isinstance(loss, sympy.Expr)
