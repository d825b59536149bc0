"""The numbers of a linear model's affine step, with no SymPy: the maps,
Hessians and curvature of :class:`~derive.descent.affine.LinearAffineUpdate`
from its two scalars per sample, f''(z) = c and f'(0) = g₀.

:mod:`derive.descent.affine` proves the step affine and prints the NumPy
function of (c, g₀); this class needs only that function and which data
column each parameter's input is, so a process that read them from the cache
(:mod:`neuron.bundle`) runs the scan without importing SymPy.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np


class LinearMaps:
    """θ ↦ Aᵢθ + cᵢ with Aᵢ = I − lr·cᵢ·x̃ᵢx̃ᵢᵀ and cᵢ = −lr·g₀ᵢ·x̃ᵢ.

    Subclasses (and :meth:`stored`) set ``params`` (names or symbols),
    ``data_names``, ``positions`` (for each parameter the data column of its
    input, ``None`` for the bias) and ``_scalars`` (``(*data) -> [c, g₀]``).
    """

    params: Sequence
    data_names: tuple[str, ...]
    positions: tuple[int | None, ...]
    _scalars: Callable[..., list]

    @classmethod
    def stored(cls, gradient, params: Sequence[str], data_names: Sequence[str],
               positions: Sequence[int | None], scalars: Callable[..., list]) -> "LinearMaps":
        """The maps from what a cached bundle keeps; ``gradient`` is the
        object whose ``loss_numpy`` the scan reports losses with."""
        maps = cls()
        maps.gradient, maps.params, maps.data_names = gradient, tuple(params), tuple(data_names)
        maps.data = maps.data_names
        maps.positions, maps._scalars = tuple(positions), scalars
        return maps

    @property
    def size(self) -> int:
        """The number of parameters p."""
        return len(self.params)

    def _check_columns(self, columns: Sequence) -> None:
        if len(columns) != len(self.data_names):
            raise TypeError(f"the step takes the data {', '.join(self.data_names) or '(none)'} "
                            f"in that order; got {len(columns)} arrays")

    def _parts(self, columns: Sequence) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(x̃, c, g₀)`` per sample: shapes ``(n, p)``, ``(n,)``, ``(n,)``."""
        self._check_columns(columns)
        arrays = [np.asarray(col, dtype=float).reshape(-1) for col in columns]
        n = len(arrays[0]) if arrays else 1
        x = np.ones((n, self.size))
        for j, k in enumerate(self.positions):
            if k is not None:
                x[:, j] = arrays[k]
        with np.errstate(all="ignore"):
            slope, at_zero = (np.broadcast_to(np.asarray(v, dtype=float), (n,)) for v in self._scalars(*arrays))
        return x, slope, at_zero

    def augmented(self, *columns: np.ndarray, lr: float) -> np.ndarray:
        """The maps of every sample as ``[[Aᵢ, cᵢ], [0, 1]]``, shape ``(n, p+1, p+1)``."""
        x, slope, at_zero = self._parts(columns)
        n, p = x.shape
        out = np.zeros((n, p + 1, p + 1))
        with np.errstate(all="ignore"):
            outer = x[:, :, None] * x[:, None, :]  # x̃x̃ᵀ first: 1 − lr·(x·x), as the symbolic map printed
            out[:, :p, :p] = np.eye(p) - (lr * slope)[:, None, None] * outer
            out[:, :p, p] = (-lr * x) * at_zero[:, None]
        out[:, p, p] = 1.0
        return out

    def maps(self, *columns: np.ndarray, lr: float) -> tuple[np.ndarray, np.ndarray]:
        """``(A, c)`` of every sample, shapes ``(n, p, p)`` and ``(n, p)``."""
        m = self.augmented(*columns, lr=lr)
        p = self.size
        return m[:, :p, :p], m[:, :p, p]

    def hessians(self, *columns: np.ndarray) -> np.ndarray:
        """The Hessian cᵢ·x̃ᵢx̃ᵢᵀ of every sample, shape ``(n, p, p)``."""
        x, slope, _ = self._parts(columns)
        with np.errstate(all="ignore"):
            return slope[:, None, None] * (x[:, :, None] * x[:, None, :])

    def curvature(self, *columns: np.ndarray, chunk: int = 1 << 16) -> tuple[float, np.ndarray] | None:
        """``(largest, mean)`` in closed form: cᵢ·x̃ᵢx̃ᵢᵀ has the one nonzero
        eigenvalue cᵢ·‖x̃ᵢ‖², and the mean is X̃ᵀ·diag(c)·X̃ / n; ``None`` if
        not finite."""
        x, slope, _ = self._parts(columns)
        with np.errstate(all="ignore"):
            largest = max(0.0, float(np.max(slope * np.einsum("ij,ij->i", x, x)))) if len(x) else 0.0
            mean = (x * slope[:, None]).T @ x / max(len(x), 1)
        if not (np.isfinite(largest) and np.isfinite(mean).all()):
            return None
        return largest, mean

    def __repr__(self) -> str:
        return f"LinearMaps(params=({', '.join(map(str, self.params))}))"
