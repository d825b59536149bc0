"""Checks on what a user hands to a neuron: data and training settings.

Every check raises ``ValueError`` naming the argument and, for data, the
first bad row, so the message says what to fix.
"""
from __future__ import annotations

import math
import numbers
import sys

import numpy as np

from derive.errors import InputError


def as_features(x, name: str = "x", features: int | None = None, lazy: bool = False) -> np.ndarray:
    """``x`` as a float array of shape (n, d): a 1-D array is n samples of
    one feature. ``features``, when known, is the d the neuron expects.

    Float64 data comes back uncopied (a view of ``x``): nothing that trains
    or predicts writes to its data (``tests/test_validate_edges.py`` fits
    read-only arrays by every method), and copying a 569 × 1000 matrix cost a
    wide warm start 2 ms. ``lazy=True`` also skips the scan for NaN and ±inf:
    for a caller that runs :func:`require_finite` when its result says the
    data may hold one (``Neuron.backprop``, from the sum its pass takes)."""
    arr = _as_float_array(x, name, copy=False)
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
    if not lazy:
        require_finite(arr, name)
    return arr


def as_targets(y, samples: int, name: str = "y", lazy: bool = False) -> np.ndarray:
    """``y`` as a float array of shape (samples,); a column (n, 1) is
    accepted. Uncopied and ``lazy`` as for :func:`as_features`."""
    arr = _as_float_array(y, name, copy=False)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise InputError(f"{name} must be 1-D (one target per sample), got shape {arr.shape}")
    if arr.shape[0] == 0:
        raise InputError(f"{name} is empty: it needs at least one sample")
    if arr.shape[0] != samples:
        raise InputError(f"x has {samples} samples but {name} has {arr.shape[0]}: they must have the same length")
    if not lazy:
        require_finite(arr, name)
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


#: For each NumPy dtype kind refused as data: what it holds, and what to do.
_REFUSED_KINDS = {
    "c": ("complex numbers", "pass real numbers (for example .real, if every imaginary part is 0)"),
    "M": ("dates or times", "convert them to numbers first (for example days since a start date)"),
    "m": ("time differences", "convert them to numbers first (for example seconds)"),
    "U": ("text", "convert it to numbers first"),
    "S": ("bytes", "convert them to numbers first"),
    "V": ("structured records", "pass the numeric fields as columns"),
}


def _as_float_array(values, name: str, copy: bool = True) -> np.ndarray:
    """``values`` as a float array, refusing what a cast would silently change:
    complex numbers (imaginary part dropped), dates and times (turned into
    counts of units), text (parsed), masked values (the mask dropped) and
    numbers beyond the float range. ``copy=False`` returns float64 data
    as it is."""
    if values is None:
        raise InputError(f"{name} is missing")
    masked = sys.modules.get("numpy.ma")  # a masked array exists only once numpy.ma is imported;
    if masked is not None and isinstance(values, masked.MaskedArray):  # importing it costs 13 ms
        if masked.is_masked(values):
            raise InputError(f"{name} is a masked array with masked values; fill them "
                             f"({name}.filled(value)) or drop them ({name}.compressed()) first")
        values = masked.getdata(values)
    try:
        raw = np.asarray(values)
    except (TypeError, ValueError, OverflowError) as err:
        raise InputError(f"{name} must be a rectangular array of numbers: {err}") from None
    kind = raw.dtype.kind
    if kind in _REFUSED_KINDS:
        what, fix = _REFUSED_KINDS[kind]
        raise InputError(f"{name} must hold numbers only, not {what} (dtype {raw.dtype}); {fix}")
    if kind == "O":
        return _objects_as_floats(raw, name)
    with np.errstate(over="ignore"):  # a long double beyond the float range: refused just below
        arr = raw.astype(float, copy=copy)
    if kind == "f" and raw.dtype.itemsize > arr.dtype.itemsize:  # long double: may overflow
        _require_in_float_range(raw, arr, name)
    return arr


def _objects_as_floats(raw: np.ndarray, name: str) -> np.ndarray:
    """An object array (a list mixing types, or of ints beyond 64 bits) as
    floats, element by element, naming the first element that is not a real
    number or does not fit in a float."""
    import decimal  # only for object arrays, a rare path: a plain fit does not import it

    out = np.empty(raw.shape, dtype=float)
    for index, item in np.ndenumerate(raw):
        where = _position(index)
        if isinstance(item, numbers.Complex) and not isinstance(item, numbers.Real):
            raise InputError(f"{name} must hold numbers only; at {where} it holds the complex number {item!r}")
        if not isinstance(item, (numbers.Real, decimal.Decimal)):
            what = "None (a missing value)" if item is None else f"{_short(item)} (a {type(item).__name__})"
            raise InputError(f"{name} must hold numbers only; at {where} it holds {what}")
        try:
            out[index] = float(item)
        except OverflowError:
            raise InputError(f"{name} has {_short(item)} at {where}, too large for a float "
                             f"(the largest is about 1.8e308)") from None
        except (TypeError, ValueError) as err:
            raise InputError(f"{name} holds {_short(item)} at {where}, which is not a number: {err}") from None
    return out


def _require_in_float_range(raw: np.ndarray, arr: np.ndarray, name: str) -> None:
    overflow = np.isfinite(raw) & ~np.isfinite(arr)
    if overflow.any():
        index = tuple(int(i) for i in np.argwhere(overflow)[0])
        raise InputError(f"{name} has {raw[index]!s} at {_position(index)}, too large "
                         f"for a float (the largest is about 1.8e308)")


def _position(index: tuple) -> str:
    if len(index) == 0:
        return "its only value"
    if len(index) == 1:
        return f"row {index[0]}"
    if len(index) == 2:
        return f"row {index[0]}, column {index[1]}"
    return f"position {index}"


def _short(item) -> str:
    """A short description of ``item`` for a message; a huge int is described,
    not printed (its repr alone can be refused or take long)."""
    if isinstance(item, int) and item.bit_length() > 128:
        return f"an integer of about {int(item.bit_length() * math.log10(2)) + 1} digits"
    try:
        text = repr(item)
    except Exception:  # a user object whose repr fails still gets a message
        text = f"a {type(item).__name__}"
    return text if len(text) <= 40 else text[:37] + "..."


def require_finite(arr: np.ndarray, name: str) -> None:
    """Raise naming the first row (and column) of ``arr`` holding NaN or ±inf.

    The data's sum first: finite, every value is (NaN and ±inf survive a
    sum), found in one pass with no array of flags (two of n × d booleans
    were a fresh process's first touch of 1 MB at d = 1000); only a sum that
    is not finite (a bad value, or finite values adding past 1.8e308) is
    followed by the scan that names the row."""
    with np.errstate(all="ignore"):
        if math.isfinite(float(np.add.reduce(arr, axis=None))):
            return
    bad = ~np.isfinite(arr)
    if bad.any():
        index = np.argwhere(bad)[0]
        row = int(index[0])
        value = arr[tuple(index)]
        where = f"row {row}" + (f", column {int(index[1])}" if arr.ndim == 2 and arr.shape[1] > 1 else "")
        raise InputError(f"{name} has a non-finite value ({value}) at {where}; "
                         "remove or fill NaN and infinite values first")
