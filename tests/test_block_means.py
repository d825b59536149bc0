"""The one-pass means over many samples run by fixed blocks on threads
(derive.descent.numba_loop.block_means): the same numbers whatever the number of
threads, every sample counted once, each block weighted by its size."""
from __future__ import annotations

import numpy as np
import pytest

from derive.descent import numba_loop


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(numba_loop, "PARALLEL_ROWS", 1000)
    monkeypatch.setattr(numba_loop, "_POOL", None)


def recording_means(lengths: list[int]):
    def means(*columns):
        lengths.append(len(columns[0]))
        return tuple(float(np.mean(c)) for c in columns)
    return means


@pytest.mark.parametrize("n, blocks", [(1999, [1999]), (2000, [1000, 1000]), (3500, [1000, 1000, 1000, 500])])
def test_blocks_are_fixed_by_the_sample_count(small_blocks, n: int, blocks: list[int]) -> None:
    """Below two blocks one call; from two blocks on, blocks of PARALLEL_ROWS and the rest."""
    lengths: list[int] = []
    x = np.arange(n, dtype=float)
    got = numba_loop.block_means(recording_means(lengths), [x, x * x])
    assert sorted(lengths, reverse=True) == blocks
    # the exact means, written independently: Σk = n(n-1)/2, Σk² = (n-1)n(2n-1)/6
    assert got[0] == pytest.approx((n - 1) / 2, rel=1e-13)
    assert got[1] == pytest.approx((n - 1) * (2 * n - 1) / 6, rel=1e-13)


@pytest.mark.parametrize("workers", [1, 2, 5])
def test_the_result_does_not_depend_on_the_threads(small_blocks, monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=4321) * 10.0 ** rng.integers(-8, 8, size=4321)
    monkeypatch.setattr(numba_loop, "WORKERS", 1)
    alone = numba_loop.block_means(recording_means([]), [x])
    monkeypatch.setattr(numba_loop, "WORKERS", workers)
    monkeypatch.setattr(numba_loop, "_POOL", None)
    assert numba_loop.block_means(recording_means([]), [x]) == alone


def test_the_logistic_mean_gradient_by_blocks_is_the_mean_of_the_per_sample_gradients(small_blocks) -> None:
    pytest.importorskip("numba")
    from neuron.problem import build_problem

    rng = np.random.default_rng(7)
    x = rng.normal(size=3500) * 3
    t = (x + rng.normal(size=3500) > 0).astype(float)
    w, b = 0.7, -0.2
    sigma = 1 / (1 + np.exp(-(w * x + b)))  # the gradient of the log loss written by hand
    got = build_problem("logistic").objective.compiled.mean_gradient([w, b], [x, t])
    assert got == pytest.approx([np.mean((sigma - t) * x), np.mean(sigma - t)], rel=1e-12)
