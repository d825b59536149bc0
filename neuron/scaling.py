"""Standardising features: ``neuron fit --standardize`` and ``neuron predict``.

Each feature column x becomes (x − mean) / std, with the mean and standard
deviation of the training rows. A constant column has std 0 and is only
centred (divided by 1), as scikit-learn's ``StandardScaler`` does. The mean
and std are saved with the neuron, so ``neuron predict`` applies the same
transform to new rows.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Standardization:
    """The mean and standard deviation of each feature of the training rows."""

    mean: tuple[float, ...]
    std: tuple[float, ...]

    @classmethod
    def of(cls, X: np.ndarray) -> "Standardization":
        """The standardisation of the columns of X (n, d); a constant column's std is 1."""
        mean, std = X.mean(axis=0), X.std(axis=0)
        std = np.where(std > 0, std, 1.0)
        return cls(tuple(map(float, mean)), tuple(map(float, std)))

    def apply(self, X: np.ndarray) -> np.ndarray:
        """(X − mean) / std, column by column."""
        return (X - np.asarray(self.mean)) / np.asarray(self.std)

    def to_json(self) -> dict[str, list[float]]:
        return {"mean": list(self.mean), "std": list(self.std)}
