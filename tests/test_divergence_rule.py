"""The divergence rule at its edges, on trajectories written by hand: a loss that ends
exactly FAR_ABOVE times its start has not diverged, one just above has; the epoch found,
the epoch the climb began and the weights kept; the stable rate computed in chunks."""
import math
from contextlib import contextmanager

import numpy as np
import pytest

from derive import losses
from derive.descent import Schedule, TrainingDiverged, divergence
from derive.descent.divergence import FAR_ABOVE, _round_down, check_divergence, stable_rate
from derive.descent.objective import objective
from derive.descent.trajectory import Trajectory

def half_se():
    """Built in each test, not at import, so that mutation testing builds it with the mutant."""
    return objective(losses.half_squared_error(), ["w", "b"])
XS, YS = np.array([1.0, 2.0, -1.0]), np.array([0.5, 1.5, 0.0])


def run(loss_values, params=None, diverged_at=None, lr=0.1, batch_size=1):
    """A trajectory whose start loss and per-epoch losses are ``loss_values``."""
    values = np.asarray(loss_values, dtype=float)
    history = np.array(params if params is not None else [[float(e), -float(e)] for e in range(len(values))])
    trajectory = Trajectory(history, diverged_at, _mean_loss=lambda rows: values[:len(rows)], method="loop")
    check_divergence(half_se(), trajectory, [XS, YS], Schedule(epochs=len(values) - 1, lr=lr, batch_size=batch_size))


def test_far_above_is_a_thousand():
    assert FAR_ABOVE == 1e3


def test_a_loss_ending_exactly_far_above_its_start_is_not_divergence():
    run([2.0, 50.0, 2000.0])


def test_a_loss_ending_just_above_far_above_its_start_is_divergence():
    with pytest.raises(TrainingDiverged) as info:
        run([2.0, 1.0, 50.0, 2000.0 * (1 + 1e-12)])
    error = info.value
    assert error.epoch == 3 and error.began == 2 and error.start_loss == 2.0
    assert error.params == [2.0, -2.0]  # the weights after epoch 2, the last before it
    assert error.history == [1.0, 50.0]
    assert "the loss reached 2e+03, over 1000 times its start" in str(error)
    assert "rose above that from epoch 2 on" in str(error)


def test_a_loss_that_climbs_back_down_below_the_limit_is_not_divergence():
    run([1.0, 5000.0, 10.0])


def test_the_first_epoch_above_the_limit_is_the_one_reported():
    with pytest.raises(TrainingDiverged) as info:
        run([1.0, 0.5, 3000.0, 1e4, 2e4])
    assert info.value.epoch == 2 and info.value.began == 2 and info.value.loss == 3000.0


def test_a_loss_that_becomes_infinite_is_divergence_at_that_epoch():
    with pytest.raises(TrainingDiverged) as info:
        run([1.0, 0.5, 2.0, math.inf, math.nan])
    error = info.value
    assert error.epoch == 3 and error.loss == math.inf and error.began == 2
    assert error.history == [0.5, 2.0] and error.params == [2.0, -2.0]
    assert "the loss became inf" in str(error)


def test_weights_that_stopped_being_finite_are_divergence_after_the_last_finite_epoch():
    with pytest.raises(TrainingDiverged) as info:
        run([1.0, 0.9, 0.8], diverged_at=3)
    assert info.value.epoch == 3 and info.value.loss == math.inf and info.value.history == [0.9, 0.8]


def test_a_zero_start_is_judged_against_the_loss_at_zero():
    """Starting on an exact fit (loss 0), 1e-20 is rounding, not divergence; the loss at θ = 0
    is 0.4166…, so the limit is 1000·1e-12·0.4166 ≈ 4.2e-10."""
    run([0.0, 1e-20, 4e-10])
    with pytest.raises(TrainingDiverged):
        run([0.0, 1e-20, 5e-10])


def test_the_rate_is_suggested_only_when_the_run_exceeded_it():
    # per sample, the stable rate is 2 / max(x² + 1) = 2 / 5 = 0.4
    with pytest.raises(TrainingDiverged) as info:
        run([1.0, math.inf], lr=0.5)
    assert info.value.stable_lr == pytest.approx(0.4)
    assert "per-sample descent on this data is stable for learning rates below 0.4" in str(info.value)
    assert "such as 0.36" in str(info.value)
    with pytest.raises(TrainingDiverged) as info:
        run([1.0, math.inf], lr=0.3)
    assert info.value.stable_lr is None and "try a smaller learning rate" in str(info.value)


@contextmanager
def hessian_chunk(size):
    saved, divergence.HESSIAN_CHUNK = divergence.HESSIAN_CHUNK, size
    try:
        yield
    finally:
        divergence.HESSIAN_CHUNK = saved


@pytest.mark.parametrize("chunk", [1, 2, 7, 1 << 16])
def test_the_stable_rate_is_the_same_in_any_chunk_size(chunk):
    rng = np.random.default_rng(3)
    xs, ys = rng.normal(size=7) * 3, rng.normal(size=7)
    with hessian_chunk(chunk):
        kind, per_sample, _ = stable_rate(half_se(), [xs, ys], 1)
        batch_kind, batch, _ = stable_rate(half_se(), [xs, ys], 7)
        mini_kind, mini, _ = stable_rate(half_se(), [xs, ys], 3)
    assert kind == "per-sample descent" and per_sample == pytest.approx(2 / (xs**2 + 1).max(), rel=1e-12)
    moments = np.array([[np.mean(xs**2), np.mean(xs)], [np.mean(xs), 1.0]])
    assert batch_kind == "full-batch descent"
    assert batch == pytest.approx(2 / np.linalg.eigvalsh(moments).max(), rel=1e-12)
    assert mini_kind == "descent in batches of 3" and mini == per_sample


def test_features_whose_curvatures_differ_by_more_than_100_are_named():
    xs = np.array([10.0, -10.0, 10.0, -10.0])  # mean x² = 100 against the bias's 1: not more than 100
    assert stable_rate(half_se(), [xs, np.zeros(4)], 1)[2] == ""
    xs = xs * 1.01
    scales = stable_rate(half_se(), [xs, np.zeros(4)], 1)[2]
    assert "102 times more along w than along b" in scales


@pytest.mark.parametrize("rate, expected", [(0.36, 0.36), (0.4567, 0.45), (1234.0, 1200.0), (9.99e-5, 9.9e-5),
                                            (1.0, 1.0), (0.999, 0.99)])
def test_rates_are_rounded_down_to_two_significant_digits(rate, expected):
    assert _round_down(rate) == pytest.approx(expected, rel=1e-12)
    assert _round_down(rate) <= rate


def test_a_loss_that_becomes_nan_is_reported_as_nan():
    with pytest.raises(TrainingDiverged) as info:
        run([1.0, 0.5, math.nan])
    assert info.value.epoch == 2 and math.isnan(info.value.loss) and "the loss became nan" in str(info.value)


@pytest.mark.parametrize("lr", [1e-300, 0.1, 0.5])
def test_a_loss_not_finite_at_the_start_suggests_no_learning_rate(lr):
    """(y − (w·x + b))¹⁰⁰⁰ overflows before any step: "try a smaller learning rate" at 1e-300 was no advice."""
    with pytest.raises(TrainingDiverged) as info:
        run([math.inf, math.inf], lr=lr)
    message = str(info.value)
    assert "smaller learning rate" not in message and "stable for learning rates" not in message
    assert "not finite at the starting weights, before any step, so no learning rate would help" in message
