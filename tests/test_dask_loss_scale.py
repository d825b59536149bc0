"""The divergence rule's loss scale on Dask data is the in-memory one (issue 16):
on an exact fit whose targets are 0 the loss at θ = 0 is 0, and the scale must
still measure the model's terms, or rounding on a fit reads as divergence."""
import numpy as np
import pytest

da = pytest.importorskip("dask.array")

from derive import losses  # noqa: E402
from derive.descent.dask_chunks import Chunks  # noqa: E402
from derive.descent.dask_methods import _loss_scale as dask_loss_scale  # noqa: E402
from derive.descent.divergence import _loss_scale  # noqa: E402
from derive.descent.objective import objective  # noqa: E402

XS = np.array([1.0, 2.0, -1.0, 3.0])


@pytest.mark.parametrize("ys, start", [
    (np.zeros(4), [0.5, -0.25]),          # targets 0: the loss at θ = 0 is 0
    (np.array([0.5, 1.5, 0.0, -2.0]), [1.0, 1.0]),
    (np.array([0.5, 1.5, 0.0, -2.0]), [-3.0, 0.0]),
])
def test_the_dask_loss_scale_is_the_in_memory_one(ys, start):
    half_se = objective(losses.half_squared_error(), ["w", "b"])
    chunks = Chunks([da.from_array(XS, chunks=2), da.from_array(ys, chunks=2)], half_se.data_names)
    w, b = np.abs(start)
    by_hand = max(np.mean(ys ** 2) / 2, np.mean((np.abs(ys) - (w * np.abs(XS) + b)) ** 2) / 2)
    with __import__("dask").config.set(scheduler="synchronous"):
        assert dask_loss_scale(half_se, chunks, start) == pytest.approx(by_hand, rel=1e-12)
    assert _loss_scale(half_se, [XS, ys], start) == pytest.approx(by_hand, rel=1e-12)
