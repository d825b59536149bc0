"""The data a neuron's generated functions take, in their order (no SymPy)."""
from __future__ import annotations

from typing import Sequence

import numpy as np


def data_columns(data_names: Sequence[str], inputs: Sequence[str], X: np.ndarray,
                 y: np.ndarray | None) -> list[np.ndarray]:
    """The columns of X (n, d) named by ``inputs`` and y, in the order of
    ``data_names`` (the gradient's data arguments, e.g. ``x, y``)."""
    position = {name: i for i, name in enumerate(inputs)}  # one look-up a column (list.index: d² with d = 1000)
    return [y if name == "y" else X[:, position[name] if name in position else list(inputs).index(name)]
            for name in data_names]
