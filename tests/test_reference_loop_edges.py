"""The reference loop's trajectory: its per-epoch losses, columns given as (n, 1), and the
NumPy fallback where plain math overflows. Numbers from a loop written here."""
import math

import numpy as np
import pytest

from derive import losses
from derive.descent import Schedule
from derive.descent.generated_loop import SGDLoop
from derive.descent.objective import objective
from derive.descent.reference import reference_loop

XS, YS = np.array([0.5, -1.0, 2.0, 1.5, 0.0]), np.array([1.0, 0.0, 3.0, -2.0, 0.5])


def half_se():
    return objective(losses.half_squared_error(), ["w", "b"])


def mean_half_se(w, b):
    return float(np.mean(0.5 * (YS - (w * XS + b)) ** 2))


@pytest.mark.parametrize("batch_size", [1, 2, 5])
def test_the_losses_are_the_mean_loss_after_each_epoch(batch_size):
    result = reference_loop(half_se(), [0.3, -0.2], [XS, YS], Schedule(epochs=3, lr=0.05, batch_size=batch_size))
    assert result.method == "loop" and len(result.history) == 4
    expected = [mean_half_se(w, b) for w, b in result.history]
    np.testing.assert_allclose(result.losses, expected[1:], rtol=1e-12)
    assert result.start_loss == pytest.approx(expected[0], rel=1e-12)


def test_the_generated_loops_losses_are_the_mean_loss_after_each_epoch():
    result = SGDLoop(half_se().gradient).fit([0.3, -0.2], [XS, YS], 0.05, 3)
    np.testing.assert_allclose(result.losses, [mean_half_se(w, b) for w, b in result.history[1:]], rtol=1e-12)


def test_columns_of_shape_n_by_1_are_the_same_data():
    schedule = Schedule(epochs=2, lr=0.05)
    flat = reference_loop(half_se(), [0.3, -0.2], [XS, YS], schedule)
    column = reference_loop(half_se(), [0.3, -0.2], [XS[:, None], YS[:, None]], schedule)
    np.testing.assert_array_equal(flat.history, column.history)


def test_where_a_step_overflows_the_loop_stops_at_that_epoch_with_finite_weights():
    xs, ys = np.array([1.0, 1e200]), np.array([0.5, 0.0])  # the second sample's step is ±inf
    with np.errstate(all="ignore"):
        result = reference_loop(half_se(), [1.0, 0.0], [xs, ys], Schedule(epochs=3, lr=1.0))
    assert result.diverged_at == 1
    np.testing.assert_array_equal(result.history, [[1.0, 0.0]])
    assert all(math.isfinite(v) for v in result.params)
