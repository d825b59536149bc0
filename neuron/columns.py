"""The data a neuron's generated functions take, in their order (no SymPy)."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from derive.descent.matrix import MatrixColumns


def data_columns(data_names: Sequence[str], inputs: Sequence[str], X: np.ndarray,
                 y: np.ndarray | None) -> Sequence[np.ndarray]:
    """The columns of X (n, d) named by ``inputs`` and y, in the order of
    ``data_names`` (the gradient's data arguments, e.g. ``x, y``): views of a
    float64 X as :class:`~derive.descent.matrix.MatrixColumns`, which keep X
    for a wide model's rows; a list of views otherwise (Dask arrays, …)."""
    position = {name: i for i, name in enumerate(inputs)}  # one look-up a column (list.index: d² with d = 1000)
    picks = [y if name == "y" else position[name] if name in position else list(inputs).index(name)
             for name in data_names]
    if (isinstance(X, np.ndarray) and X.ndim == 2 and X.dtype == np.float64
            and all(isinstance(p, (int, np.ndarray)) for p in picks)):
        return MatrixColumns(X, picks)
    return [p if not isinstance(p, int) else X[:, p] for p in picks]
