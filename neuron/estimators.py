"""The book's neuron as scikit-learn estimators: ``NeuronRegressor`` and
``NeuronClassifier``.

Each ``fit`` builds a fresh :class:`neuron.Neuron` from the hyperparameters
and trains it with ``Neuron.fit``; what it learned is kept as scikit-learn
names it (``coef_``, ``intercept_``, ``loss_curve_``, …). They follow
scikit-learn's conventions (hyperparameters stored unchanged by
``__init__``, ``fit(X, y)`` taking only data, ``get_params``/``set_params``)
without importing scikit-learn, so ``Pipeline``, ``GridSearchCV`` and
``cross_val_score`` take them, and neuron still runs without it::

    >>> from neuron import NeuronClassifier
    >>> clf = NeuronClassifier(init_w=1.0, init_b=0.0)   # the book's chapter 4
    >>> clf.fit(X_train, y_train).score(X_test, y_test)   # doctest: +SKIP
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from derive.descent.dask_protocol import is_dask

from .estimator_api import Estimator, features_array, seed_of, target_array, weighted_mean
from .neuron import Neuron

if TYPE_CHECKING:
    from .problem import LossSpec

_HYPERPARAMETERS = """
    loss : the neuron's loss, as ``Neuron(loss)`` takes it.
    epochs, lr, batch_size, shuffle, method : as ``Neuron.fit`` takes them;
        the defaults train as the book does: 100 epochs, one sample at a
        time, in order, by the fastest exact method (``"auto"``).
        ``lr="auto"`` is 1 / (2 max |(x, 1)|²) over the training rows.
    random_state : seed (int, ``RandomState`` or ``Generator``) for
        ``shuffle`` and ``init="random"``.
    init : ``"book"`` (w = b = 1), ``"zeros"``, ``"random"``, or an array
        ``[w_1, …, w_d, b]``.
    init_w, init_b : starting w (one number for every feature, or d numbers)
        and b, over what ``init`` gives.

    Learned: ``coef_`` (w, shape (d,)), ``intercept_`` (b), ``lr_`` (the
    learning rate used), ``n_iter_`` (epochs run), ``loss_curve_`` (mean
    loss per epoch; past a million epochs thinned, at the epochs
    ``loss_curve_epochs_`` gives, as ``Neuron.history``), ``method_`` (the method that ran: ``auto`` resolved), ``n_features_in_``.
"""


class _NeuronEstimator(Estimator):
    def __init__(self, loss: LossSpec = None, *, epochs: int = 100, lr: float = 1.0, batch_size: int = 1,
                 shuffle: bool = False, random_state=None, init="book", init_w=None, init_b=None,
                 method: str = "auto"):
        self.loss = loss
        self.epochs = epochs
        self.lr = lr
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.random_state = random_state
        self.init = init
        self.init_w = init_w
        self.init_b = init_b
        self.method = method

    def _train(self, X: np.ndarray, y: np.ndarray) -> Neuron:
        """A new neuron from the hyperparameters, trained on X, y; its
        weights and history become the learned attributes."""
        seed = seed_of(self.random_state)
        neuron = Neuron(self.loss, features=X.shape[1], init=self.init, seed=seed, w=self.init_w, b=self.init_b)
        if neuron.problem.classifies != (self._estimator_type == "classifier"):
            raise ValueError(_wrong_loss(neuron.problem.label, neuron.problem.classifies))
        lr = safe_rate(X) if isinstance(self.lr, str) and self.lr == "auto" else self.lr
        neuron.fit(X, y, epochs=self.epochs, lr=lr, batch_size=self.batch_size,
                   shuffle=self.shuffle, seed=seed, method=self.method)
        self.coef_ = np.atleast_1d(np.asarray(neuron.w, dtype=np.float64)).copy()
        self.intercept_ = float(neuron.b)
        self.lr_ = lr
        self.n_iter_ = neuron.epochs_
        self.loss_curve_ = list(neuron.history)
        self.loss_curve_epochs_ = neuron.history_epochs
        self.method_ = neuron.method_
        self.n_features_in_ = X.shape[1]
        return neuron

    def _linear(self, X) -> np.ndarray:
        """z = w·x + b for each row of X, with the fitted w and b."""
        return self._features(X) @ self.coef_ + self.intercept_


class NeuronRegressor(_NeuronEstimator):
    __doc__ = """The book's neuron as a scikit-learn regressor: ŷ = w·x + b,
    trained on ``loss`` (default ½(y − ŷ)², ``"half-se"``) by
    ``Neuron.fit``. ``score`` is R².

    The default ``lr="auto"`` is 1 / (2 max |(x, 1)|²) over the training
    rows, a rate at which descent on a squared loss cannot diverge, whatever
    the scale of X; the book's lr 1 diverges on standardised features
    (per-sample descent needs lr < 2 / |(x, 1)|²). Pass ``lr=1.0`` for the
    book's run on its scaled diabetes data.
    """ + _HYPERPARAMETERS

    _estimator_type = "regressor"

    def __init__(self, loss: LossSpec = "half-se", *, epochs: int = 100, lr: float | str = "auto", batch_size: int = 1,
                 shuffle: bool = False, random_state=None, init="book", init_w=None, init_b=None,
                 method: str = "auto"):
        super().__init__(loss, epochs=epochs, lr=lr, batch_size=batch_size, shuffle=shuffle,
                         random_state=random_state, init=init, init_w=init_w, init_b=init_b, method=method)

    def fit(self, X, y) -> "NeuronRegressor":
        """Train a new neuron on X (samples × features) and targets y; Dask
        arrays train where their chunks are, as ``Neuron.fit`` does."""
        if is_dask(X) or is_dask(y):
            self._train(*_lazy_data(X, y))
            return self
        X = features_array(X)
        y = target_array(y, X.shape[0], type(self).__name__)
        try:
            y = y.astype(np.float64)
        except (TypeError, ValueError):
            raise ValueError(f"NeuronRegressor needs numeric targets y, got {y.dtype} values") from None
        self._train(X, y)
        return self

    def predict(self, X) -> np.ndarray:
        """ŷ = w·x + b for each row of X: the fitted neuron's ``predict``."""
        X = self._features(X)
        neuron = Neuron(self.loss, init=[*self.coef_, self.intercept_])
        return np.asarray(neuron.predict(X), dtype=np.float64)

    def score(self, X, y, sample_weight=None) -> float:
        """R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² on X, y (weighted by ``sample_weight``)."""
        predicted = self.predict(X)
        y = target_array(y, predicted.shape[0], type(self).__name__).astype(np.float64)
        residual = weighted_mean((y - predicted) ** 2, sample_weight)
        spread = weighted_mean((y - weighted_mean(y, sample_weight)) ** 2, sample_weight)
        if spread == 0.0:  # a constant y: perfect or not, as scikit-learn's r2_score
            return 1.0 if residual == 0.0 else 0.0
        return 1.0 - residual / spread


class NeuronClassifier(_NeuronEstimator):
    __doc__ = """The book's chapter-4 logistic neuron as a scikit-learn
    classifier: P(y = classes_[1] | x) = σ(w·x + b), trained on ``loss``
    (default the logistic cross-entropy, ``"logistic"``) by ``Neuron.fit``.

    y holds any two labels (0/1, −1/1, strings, booleans); ``classes_``
    lists them sorted, and the second is the positive class. ``predict``
    is the book's: the positive class where z = w·x + b > 0.
    ``score`` is the accuracy. The chapter-4 start is ``init_w=1.0,
    init_b=0.0``.
    """ + _HYPERPARAMETERS

    _estimator_type = "classifier"

    def __init__(self, loss: LossSpec = "logistic", *, epochs: int = 100, lr: float = 1.0, batch_size: int = 1,
                 shuffle: bool = False, random_state=None, init="book", init_w=None, init_b=None,
                 method: str = "auto"):
        super().__init__(loss, epochs=epochs, lr=lr, batch_size=batch_size, shuffle=shuffle,
                         random_state=random_state, init=init, init_w=init_w, init_b=init_b, method=method)

    def fit(self, X, y) -> "NeuronClassifier":
        """Train a new neuron on X (samples × features) and labels y of two
        classes; Dask arrays train where their chunks are (the labels are read
        once for their classes)."""
        if is_dask(X) or is_dask(y):
            X, y = _lazy_data(X, y)
            classes = _two_classes(np.asarray(_unique_labels(y)))
            self._train(X, (y == classes[1]).astype(np.float64))
            self.classes_ = classes
            return self
        X = features_array(X)
        y = target_array(y, X.shape[0], type(self).__name__)
        classes = _two_classes(y)
        self._train(X, (y == classes[1]).astype(np.float64))
        self.classes_ = classes
        return self

    def decision_function(self, X) -> np.ndarray:
        """z = w·x + b for each row of X: the log-odds of the positive class."""
        return self._linear(X)

    def predict_proba(self, X) -> np.ndarray:
        """(n, 2): P(classes_[0] | x) and P(classes_[1] | x) = σ(z)."""
        z = self._linear(X)
        return np.column_stack([_sigmoid(-z), _sigmoid(z)])

    def predict(self, X) -> np.ndarray:
        """The label of each row of X: ``classes_[1]`` where z > 0, as the book predicts."""
        positive = self._linear(X) > 0
        return self.classes_[positive.astype(int)]

    def score(self, X, y, sample_weight=None) -> float:
        """The accuracy: the (weighted) share of rows whose label is predicted."""
        predicted = self.predict(X)
        y = target_array(y, predicted.shape[0], type(self).__name__)
        return weighted_mean((predicted == y).astype(np.float64), sample_weight)


def _lazy_data(X, y):
    """Dask X (samples × features) and y (samples), checked for shape only:
    the values are read where the chunks are, never gathered here."""
    if not (is_dask(X) and is_dask(y)):
        raise ValueError("with Dask data, give both X and y as Dask arrays")
    if X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"X must be 2-D (samples × features) and y 1-D, got {X.ndim}-D and {y.ndim}-D")
    return X, y


def _unique_labels(y):
    """The distinct labels of Dask y, in one pass over its chunks."""
    import dask.array as da

    return da.unique(y).compute()


def safe_rate(X: np.ndarray) -> float:
    """1 / (2 max |(x, 1)|²): each per-sample step on ½(y − w·x − b)² then
    moves θ = (w, b) by a map whose eigenvalues lie in [1/2, 1], so descent
    cannot diverge (and on c·(y − ŷ)² with c ≤ 1 neither); the same holds for
    mini-batch averages, and for the logistic loss, whose curvature is lower."""
    if is_dask(X):  # one pass over the chunks
        return float(0.5 / (1.0 + (X * X).sum(axis=1).max()).compute())
    return float(0.5 / np.max(1.0 + np.einsum("ij,ij->i", X, X)))


def _wrong_loss(label: str, classifies: bool) -> str:
    if classifies:
        return f"the loss {label!r} is a classifier's (its neuron outputs σ(w·x + b)): use NeuronClassifier"
    return (f"the loss {label!r} is a regressor's (its neuron outputs w·x + b, not a probability): "
            "use NeuronRegressor, or a loss of σ(w·x + b) such as 'logistic'")


def _two_classes(y: np.ndarray) -> np.ndarray:
    """The two sorted labels of y, or a ``ValueError`` saying why there are not two."""
    if y.dtype.kind == "f" and np.any(y != np.round(y)):
        raise ValueError("Unknown label type: continuous. NeuronClassifier needs class labels, "
                         "not a regression target: use NeuronRegressor for continuous y")
    try:
        classes = np.unique(y)
    except TypeError as err:
        raise ValueError(f"the labels in y cannot be sorted (mixed types?): {err}") from None
    if len(classes) < 2:
        raise ValueError(f"NeuronClassifier needs samples of two classes; y has one class ({classes[0]!r})")
    if len(classes) > 2:
        raise ValueError(f"Only binary classification is supported. y has {len(classes)} classes; wrap "
                         "NeuronClassifier in sklearn.multiclass.OneVsRestClassifier for more")
    return classes


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) without overflow: e^z / (1 + e^z) where z < 0."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
