"""scikit-learn's estimator protocol, written out so neuron never imports
scikit-learn: parameters read from the ``__init__`` signature, the
not-fitted error, and input checks whose messages say what scikit-learn's
tools (and its conformance suite) expect to read.

scikit-learn is imported only by ``__sklearn_tags__``, which only
scikit-learn itself calls.
"""
from __future__ import annotations

import inspect
import numbers
import sys
import warnings
from functools import lru_cache

import numpy as np


class NotFittedError(ValueError, AttributeError):
    """The estimator was used before ``fit``.

    A ``ValueError`` and an ``AttributeError``, as scikit-learn's own. When
    scikit-learn is loaded, the error raised is also an instance of
    ``sklearn.exceptions.NotFittedError``, so ``except`` clauses and checks
    written for scikit-learn recognise it.
    """

    def __reduce__(self):
        return not_fitted_error, self.args


class DataConversionWarning(UserWarning):
    """The data was given in a shape that had to be converted (a column y)."""


def not_fitted_error(message: str) -> NotFittedError:
    """A :class:`NotFittedError`, also scikit-learn's when scikit-learn is loaded."""
    sklearn_exceptions = sys.modules.get("sklearn.exceptions")
    if sklearn_exceptions is None:
        return NotFittedError(message)
    return _joint_error(sklearn_exceptions.NotFittedError)(message)


@lru_cache(maxsize=None)
def _joint_error(sklearn_error: type) -> type:
    return type("NotFittedError", (NotFittedError, sklearn_error), {"__module__": __name__})


class Estimator:
    """``get_params``/``set_params``, ``repr`` and tags for a class whose
    ``__init__`` stores each keyword argument under its own name, unchanged."""

    _estimator_type = ""  # "regressor" or "classifier"

    @classmethod
    def _param_names(cls) -> list[str]:
        parameters = inspect.signature(cls.__init__).parameters.values()
        return sorted(p.name for p in parameters if p.name != "self" and p.kind != p.VAR_KEYWORD)

    def get_params(self, deep: bool = True) -> dict:
        """The hyperparameters, by name (none of them is an estimator, so
        ``deep`` changes nothing)."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params) -> "Estimator":
        """Set hyperparameters by name; an unknown name is a ``ValueError``."""
        valid = self._param_names()
        for name, value in params.items():
            if name not in valid:
                raise ValueError(f"Invalid parameter {name!r} for estimator {type(self).__name__}. "
                                 f"Valid parameters are: {valid!r}.")
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        defaults = {p.name: p.default for p in inspect.signature(type(self).__init__).parameters.values()}
        changed = [f"{name}={value!r}" for name, value in self.get_params().items()
                   if not _same(value, defaults.get(name))]
        return f"{type(self).__name__}({', '.join(changed)})"

    def __sklearn_tags__(self):
        """scikit-learn's tags: called only by scikit-learn, so importing it here is safe."""
        from sklearn.utils import ClassifierTags, InputTags, RegressorTags, Tags, TargetTags

        classifies = self._estimator_type == "classifier"
        return Tags(
            estimator_type=self._estimator_type,
            target_tags=TargetTags(required=True),
            classifier_tags=ClassifierTags(multi_class=False) if classifies else None,
            regressor_tags=None if classifies else RegressorTags(),
            transformer_tags=None,
            input_tags=InputTags(),
        )

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise not_fitted_error(f"This {type(self).__name__} instance is not fitted yet. Call 'fit' with "
                                   "appropriate arguments before using this estimator.")

    def _features(self, X) -> np.ndarray:
        """``X`` for ``predict``: checked, with the number of features seen in ``fit``."""
        self._check_fitted()
        X = features_array(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"X has {X.shape[1]} features, but {type(self).__name__} is expecting "
                             f"{self.n_features_in_} features as input.")
        return X


def features_array(X) -> np.ndarray:
    """``X`` as a finite float array (samples × features), or a clear error."""
    if X is None:
        raise ValueError("X is None: expected a 2-D array of samples × features")
    if hasattr(X, "toarray") or type(X).__module__.startswith("scipy.sparse"):
        raise TypeError("sparse input is not supported: pass a dense array (X.toarray())")
    arr = np.asarray(X)
    if np.iscomplexobj(arr):
        raise ValueError("Complex data not supported: X must hold real numbers")
    arr = np.asarray(arr, dtype=np.float64)  # a dict or None in X: TypeError from float(), as NumPy says it
    if arr.ndim != 2:
        raise ValueError(f"Expected a 2-D array of samples × features, got {arr.ndim}-D with shape {arr.shape}. "
                         "Reshape your data: X.reshape(-1, 1) for one feature, X.reshape(1, -1) for one sample")
    for axis, what in ((0, "sample(s)"), (1, "feature(s)")):
        if arr.shape[axis] == 0:
            raise ValueError(f"Found array with 0 {what} (shape={arr.shape}) while a minimum of 1 is required.")
    _require_finite(arr, "X")
    return arr


def target_array(y, samples: int, owner: str) -> np.ndarray:
    """``y`` as a 1-D array of ``samples`` values, dtype kept (labels may be text)."""
    if y is None:
        raise ValueError(f"{owner} requires y to be passed, but the target y is None.")
    arr = np.asarray(y)
    if arr.ndim == 2 and arr.shape[1] == 1:
        warnings.warn(DataConversionWarning("A column-vector y was passed when a 1d array was expected. "
                                            "Please change the shape of y to (n_samples,), for example using "
                                            "ravel()."), stacklevel=3)
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(f"y should be a 1d array, got an array of shape {arr.shape} instead.")
    if arr.shape[0] != samples:
        raise ValueError(f"X has {samples} samples but y has {arr.shape[0]}: they must have the same length")
    if arr.dtype.kind in "fc":
        _require_finite(arr, "y")
    return arr


def seed_of(random_state) -> int | None:
    """An int seed for the neuron from scikit-learn's ``random_state``
    (None, an int, a ``RandomState`` or a ``Generator``)."""
    if random_state is None:
        return None
    if isinstance(random_state, numbers.Integral) and not isinstance(random_state, bool):
        return int(random_state)
    if isinstance(random_state, np.random.RandomState):
        return int(random_state.randint(np.iinfo(np.int32).max))
    if isinstance(random_state, np.random.Generator):
        return int(random_state.integers(np.iinfo(np.int32).max))
    raise ValueError(f"random_state must be None, an int, a numpy RandomState or Generator, got {random_state!r}")


def weighted_mean(values: np.ndarray, sample_weight) -> float:
    """The mean of ``values``, weighted by ``sample_weight`` when given."""
    if sample_weight is None:
        return float(np.mean(values))
    weights = np.asarray(sample_weight, dtype=np.float64)
    if weights.shape != values.shape:
        raise ValueError(f"sample_weight has shape {weights.shape}, expected {values.shape}")
    return float(np.average(values, weights=weights))


def _require_finite(arr: np.ndarray, name: str) -> None:
    bad = ~np.isfinite(arr)
    if bad.any():
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        kind = "NaN" if np.isnan(arr[index]) else "infinity"
        where = f"row {index[0]}" + (f", column {index[1]}" if len(index) > 1 else "")
        raise ValueError(f"Input {name} contains {kind} at {where}; remove or fill NaN and inf values first")


def _same(a, b) -> bool:
    """Whether a parameter still has its default (arrays compared by value)."""
    if a is b:
        return True
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return False
    try:
        return bool(a == b) and type(a) is type(b)
    except (TypeError, ValueError):
        return False
