"""Whether a value is a Dask collection, told without importing Dask or the
chunked training (:mod:`derive.descent.dask_chunks`): every ``fit`` asks,
and a warm start on NumPy data should not import the modules Dask data needs.
"""
from __future__ import annotations

from typing import Any


def is_dask(value: Any) -> bool:
    """True for a Dask collection (array, dataframe, series), recognised by
    the Dask collection protocol, so telling needs no import of Dask."""
    return hasattr(value, "__dask_graph__") and callable(getattr(value, "__dask_graph__"))
