"""Long runs in pieces (derive.descent.pieces, thinned) and the generated exponential's
coefficients (derive.descent.simd): edges the end-to-end long-run tests do not reach —
a start loss of 0, a climb far above the start that comes back, a thinned history read back,
a run of 0 epochs, the Taylor coefficients 1/k!."""
from __future__ import annotations

import math
from fractions import Fraction
from types import SimpleNamespace

import numpy as np
import pytest

from derive.descent import simd
from derive.descent.divergence import FAR_ABOVE, FLOOR
from derive.descent.pieces import _Judge
from derive.descent.thinned import ThinnedHistory, _points
from neuron.problem import build_problem


def piece(losses, start_loss, first_params=(1.0, 1.0)):
    history = np.zeros((len(losses) + 1, 2))
    history[0] = first_params
    return SimpleNamespace(losses=np.asarray(losses, dtype=float), start_loss=start_loss,
                           history=history, diverged_at=None)


def judge_on_two_samples() -> _Judge:
    columns = [np.array([1.0, 3.0]), np.array([2.0, 4.0])]  # x, y: y = x + 1 fits exactly
    return _Judge(build_problem("half-se").objective, columns, schedule=None, before=0)


def test_a_run_starting_on_an_exact_fit_is_judged_against_the_datas_own_loss_scale():
    # loss at θ = 0: mean(y²/2) = (4 + 16) / 4 = 5; at |θ| on |data| the fit is exact: 0
    judge = judge_on_two_samples()
    judge.piece(piece([0.0, 0.0], start_loss=0.0), ThinnedHistory(64), "scan")
    assert judge.limit == pytest.approx(FAR_ABOVE * FLOOR * 5.0, rel=1e-12, abs=0)


def test_a_climb_far_above_the_start_is_forgotten_once_the_loss_comes_back():
    judge = judge_on_two_samples()
    history = ThinnedHistory(64)
    judge.piece(piece([0.5, 5000.0], start_loss=1.0), history, "loop")  # limit 1000: epoch 2 is far above
    assert judge.above is not None and judge.above[0] == 2
    judge.piece(piece([0.5], start_loss=1.0), history, "loop")  # epoch 3 back below the start
    assert judge.above is None and judge.low == 3
    judge.end(history, "loop")  # ends near its start: no TrainingDiverged


@pytest.mark.parametrize("stride", [1, 2, 4, 8])
def test_points_counts_the_kept_epochs(stride: int):
    for epochs in range(0, 40):
        kept = set(range(1, epochs + 1, stride)) | ({epochs} if epochs else set())
        assert _points(epochs, stride) == len(kept), (epochs, stride)


def test_a_thinned_history_read_back_thins_on_as_the_original():
    original = ThinnedHistory(8)
    original.extend(np.arange(1.0, 30.0))
    assert original.stride > 1
    copy = ThinnedHistory(8, original.epochs, original.losses)
    assert copy.stride == original.stride
    # read back where a run may keep more points (a larger capacity): the stride it was thinned
    # at is read from the epoch numbers, so new epochs are not kept denser than the old ones
    roomy = ThinnedHistory(1000, original.epochs, original.losses)
    assert roomy.stride == original.stride
    more = np.arange(30.0, 70.0)
    original.extend(more)
    copy.extend(more)
    assert list(copy.epochs) == list(original.epochs)
    assert list(copy.losses) == list(original.losses)


def test_the_exponentials_taylor_coefficients_are_one_over_k_factorial():
    lines = simd._coefficients().splitlines()
    assert len(lines) == simd.DEGREE + 1 == 14
    for k, line in enumerate(lines):
        name, value = (part.strip() for part in line.split("="))
        assert name == f"_C{k}"
        assert Fraction(float(value)) == Fraction(float(Fraction(1, math.factorial(k))))
