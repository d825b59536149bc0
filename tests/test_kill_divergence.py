"""The stable learning rate and the divergence message (derive/descent/divergence.py) from
Hessians written here: which kind of descent a batch size is, the rate 2/λ, no rate where the
curvature is not positive or not finite, the scales sentence at its edges, the message word
by word. Each test names the bug it catches."""
import math

import numpy as np
import pytest

from derive.descent.divergence import TrainingDiverged, _round_down, rate_from_hessians


class Update:
    params = ("w", "b")


MEAN = np.array([[4.0, 1.0], [1.0, 2.0]])  # eigenvalues 3 ± √2


@pytest.mark.parametrize("batch_size, n, kind, top", [
    (1, 10, "per-sample descent", 9.0),
    (3, 10, "descent in batches of 3", 9.0),
    (9, 10, "descent in batches of 9", 9.0),
    (10, 10, "full-batch descent", 3 + math.sqrt(2)),   # batch = n: the mean Hessian's largest eigenvalue
    (50, 10, "full-batch descent", 3 + math.sqrt(2)),
])
def test_the_kind_of_descent_and_its_rate(batch_size, n, kind, top):
    """Catches ``>=`` made ``>`` (a batch of all n samples is full batch), the largest sample
    Hessian used for full batch, or 2/λ written as 1/λ."""
    found_kind, rate, _ = rate_from_hessians(Update(), 9.0, MEAN, n, batch_size)
    assert found_kind == kind
    assert rate == pytest.approx(2.0 / top, rel=1e-14)


@pytest.mark.parametrize("largest", [0.0, -1.0, math.inf, math.nan])
def test_no_rate_where_the_curvature_is_not_positive_and_finite(largest):
    assert rate_from_hessians(Update(), largest, MEAN, 10, 1)[1] is None


def test_a_tiny_positive_curvature_still_has_a_rate():
    assert rate_from_hessians(Update(), 1e-300, MEAN, 10, 1)[1] == pytest.approx(2e300)


@pytest.mark.parametrize("diagonal, words", [
    ((100.0, 1.0), ""),                                    # exactly 100 times: not more
    ((100.5, 1.0), "100 times more along w than along b"),
    ((1.0, 250.0), "250 times more along b than along w"),  # the larger may be the bias's
    ((3.0, 0.0), ""),                                      # one positive curvature: nothing to compare
    ((0.0, 0.0), ""),
    ((1.0, 1e-309), "more than 1e308 times more along w than along b"),  # the ratio overflows
])
def test_the_scales_sentence_at_its_edges(diagonal, words):
    _, _, scales = rate_from_hessians(Update(), 1.0, np.diag(diagonal), 10, 1)
    if words:
        assert words in scales and "standardise the features" in scales
    else:
        assert scales == ""


def test_the_message_says_where_how_and_what_to_try():
    error = TrainingDiverged(7, 0.5, 2.5e7, began=3, start_loss=12.0, params=[1.0, 2.0], history=[12.0, 5.0],
                             method="loop", stable_lr=0.36, stable_kind="per-sample descent", scales="")
    assert str(error) == ("training diverged at epoch 7 with learning rate 0.5: the loss reached 2.5e+07, over "
                          "1000 times its start (it started at 12 and rose above that from epoch 3 on); "
                          "per-sample descent on this data is stable for learning rates below 0.36; try a "
                          "smaller learning rate, such as 0.32")
    assert (error.epoch, error.lr, error.loss, error.began, error.start_loss) == (7, 0.5, 2.5e7, 3, 12.0)
    assert error.params == [1.0, 2.0] and error.history == [12.0, 5.0] and error.method == "loop"


def test_the_message_without_a_rate_or_a_finite_start_and_with_scales():
    error = TrainingDiverged(2, 1.0, math.inf, began=1, start_loss=math.nan, params=[0.0], history=[],
                             method="scan", scales="The inputs are on very different scales")
    assert str(error) == ("training diverged at epoch 2 with learning rate 1: the loss became inf; the loss is not "
                          "finite at the starting weights, before any step, so no learning rate would help; start "
                          "from other weights, or scale the data or the loss. The inputs are on very different scales")
    assert error.stable_lr is None


def test_the_message_without_a_rate_from_a_finite_start_advises_a_smaller_rate():
    error = TrainingDiverged(2, 1.0, math.inf, began=1, start_loss=3.0, params=[0.0], history=[],
                             method="scan", scales="")
    assert str(error) == ("training diverged at epoch 2 with learning rate 1: the loss became inf (it started at 3 "
                          "and rose above that from epoch 1 on); try a smaller learning rate")


@pytest.mark.parametrize("rate", [math.inf, math.nan, 0.0, -1.0])
def test_a_rate_that_is_not_positive_and_finite_is_not_rounded(rate):
    out = _round_down(rate)
    assert out == rate or (math.isnan(rate) and math.isnan(out))


def test_rounding_down_works_below_the_smallest_normal_power_of_ten():
    assert _round_down(3.6e-310) == pytest.approx(3.6e-310, rel=1e-3, abs=0)
    assert _round_down(3.6e-310) <= 3.6e-310
