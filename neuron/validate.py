"""Checks on what a user hands to a neuron: data and training settings.

Every check raises ``derive.InputError`` (a ``ValueError``) naming the
argument and, for data, the first bad row, so the message says what to fix.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from derive.errors import InputError


def as_features(x, name: str = "x", features: int | None = None) -> np.ndarray:
    """``x`` as a float array of shape (n, d): a 1-D array is n samples of
    one feature. ``features``, when known, is the d the neuron expects."""
    arr = _as_float_array(x, name)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    elif arr.ndim != 2:
        raise InputError(f"{name} must be 1-D (one feature) or 2-D (samples × features), "
                         f"got {arr.ndim} dimensions with shape {arr.shape}")
    if arr.shape[0] == 0:
        raise InputError(f"{name} is empty: it needs at least one sample")
    if arr.shape[1] == 0:
        raise InputError(f"{name} has no feature columns")
    if features is not None and arr.shape[1] != features:
        raise InputError(f"{name} has {arr.shape[1]} feature column(s) but the neuron has {features}")
    _require_finite(arr, name)
    return arr


def as_targets(y, samples: int, name: str = "y") -> np.ndarray:
    """``y`` as a float array of shape (samples,); a column (n, 1) is accepted."""
    arr = _as_float_array(y, name)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise InputError(f"{name} must be 1-D (one target per sample), got shape {arr.shape}")
    if arr.shape[0] == 0:
        raise InputError(f"{name} is empty: it needs at least one sample")
    if arr.shape[0] != samples:
        raise InputError(f"x has {samples} samples but {name} has {arr.shape[0]}: they must have the same length")
    _require_finite(arr, name)
    return arr


def probabilities(y: np.ndarray, name: str = "y") -> np.ndarray:
    """``y`` unchanged if every value is a class 0/1 (or a probability in
    between), as the logistic loss needs."""
    outside = (y < 0) | (y > 1)
    if outside.any():
        row = int(np.argmax(outside))
        raise InputError(f"a sigmoid neuron needs {name} of 0 and 1 (classes), but {name} is {y[row]} at row {row}")
    return y


def positive_int(value, name: str) -> int:
    """``value`` as an int of at least 1 (``epochs``, ``batch_size``)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise InputError(f"{name} must be a whole number of at least 1, got {value!r}")
    return int(value)


def positive_float(value, name: str) -> float:
    """``value`` as a finite float above 0 (the learning rate)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputError(f"{name} must be a number, got {value!r}")
    value = float(value)
    if not (math.isfinite(value) and value > 0):
        raise InputError(f"{name} must be a finite number above 0, got {value!r}")
    return value


def _as_float_array(values, name: str) -> np.ndarray:
    if values is None:
        raise InputError(f"{name} is missing")
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as err:
        raise InputError(f"{name} must hold numbers only: {err}") from None
    return arr


def _require_finite(arr: np.ndarray, name: str) -> None:
    bad = ~np.isfinite(arr)
    if bad.any():
        index = np.argwhere(bad)[0]
        row = int(index[0])
        value = arr[tuple(index)]
        where = f"row {row}" + (f", column {int(index[1])}" if arr.ndim == 2 and arr.shape[1] > 1 else "")
        raise InputError(f"{name} has a non-finite value ({value}) at {where}; "
                         "remove or fill NaN and infinite values first")
