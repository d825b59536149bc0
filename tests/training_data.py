"""Random training data shared by the tests of the training engines."""
from __future__ import annotations

import numpy as np


def data(loss: str, samples: int, features: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Features on different scales and a noisy linear target (0/1 labels for ``logistic``)."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(samples, features)) * rng.uniform(0.2, 3, size=features)
    y = X @ rng.normal(size=features) + rng.normal(size=samples)
    if loss == "logistic":
        y = (y > 0).astype(float)
    return X, y
