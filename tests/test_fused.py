"""The blocked mean gradient (derive.descent.fused) gives the per-sample
mean and the finite differences of the mean loss, at every block boundary,
at saturated σ, with numba and without; backprop's lazy finiteness check
still refuses NaN and inf with fit's errors."""
import importlib.util
import math

import numpy as np
import pytest

import derive.compile
from derive.descent.fused import BlockedMean, block_size, calls_scalar_functions
from derive.descent.objective import objective
from derive.parse import parse_expression
from neuron import Neuron
from neuron.problem import build_problem
from training_data import data

HAS_NUMBA = importlib.util.find_spec("numba") is not None
LOSSES = ["half-se", "se", "logistic", "abs"]
TINY = 16  # a block this small puts many boundaries inside a few samples


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Any numba compile goes to a cache of this session, never the user's."""
    monkeypatch.setenv("DERIVE_NEURON_CACHE", str(tmp_path_factory.getbasetemp() / "numba-cache"))


@pytest.fixture(params=["numba", "no numba"])
def numba(request, monkeypatch):
    """Each test that takes it runs as with numba installed, then as without."""
    if request.param == "numba":
        if not HAS_NUMBA:
            pytest.skip("numba is not installed")
    else:
        monkeypatch.setattr(derive.compile, "numba_available", lambda: False)
    return request.param


def per_sample_mean(grad, params, columns):
    """The old way: the generated NumPy gradient per sample, then np.mean."""
    n = len(columns[0])
    with np.errstate(all="ignore"):
        return [float(np.mean(np.broadcast_to(g, (n,)))) for g in grad.numpy(*params, *columns)]


def assert_means_equal(got, expected):
    scale = max(1.0, float(np.abs(expected).max()))
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-13 * scale)


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("features", [1, 3])
@pytest.mark.parametrize("samples", [1, TINY - 1, TINY, TINY + 1, 3 * TINY + 5])
def test_blocked_mean_matches_the_per_sample_mean_across_block_boundaries(loss, features, samples):
    problem = build_problem(loss, features)
    X, y = data(loss, samples, features, seed=samples + features)
    columns = problem.data_columns(X, y)
    params = list(np.random.default_rng(samples).normal(size=features + 1))
    blocked = BlockedMean(problem.gradient, block=TINY)
    assert blocked.fused  # f'(z) gives every partial: the fused pass, not the fallback
    assert_means_equal(blocked.mean_gradient(params, columns), per_sample_mean(problem.gradient, params, columns))


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_the_default_block_size_and_one_sample_more(offset):
    problem = build_problem("logistic")
    block = block_size(2)
    X, y = data("logistic", block + offset, 1, seed=5)
    columns = problem.data_columns(X, y)
    blocked = BlockedMean(problem.gradient)
    assert blocked.block == block
    assert_means_equal(blocked.mean_gradient([0.7, -0.3], columns),
                       per_sample_mean(problem.gradient, [0.7, -0.3], columns))


def test_a_gradient_by_some_parameters_runs_the_generated_function_block_by_block():
    obj = objective(parse_expression("-y*log(sigmoid(w*x + b)) - (1 - y)*log(1 - sigmoid(w*x + b))"), ["w"])
    blocked = BlockedMean(obj.gradient, block=TINY)
    assert not blocked.fused  # b is data here: the per-block fallback
    rng = np.random.default_rng(3)
    columns = [rng.normal(size=50), rng.normal(size=50), (rng.random(50) > 0.5).astype(float)]  # b, x, y
    assert_means_equal(blocked.mean_gradient([0.4], columns), per_sample_mean(obj.gradient, [0.4], columns))


@pytest.mark.parametrize("loss", ["half-se", "logistic"])
def test_blocked_mean_is_the_finite_difference_of_the_mean_loss(loss):
    problem = build_problem(loss, 2)
    X, y = data(loss, 3 * TINY + 7, 2, seed=11)
    columns = problem.data_columns(X, y)
    params = [0.3, -0.8, 0.2]

    def mean_loss(p):
        return float(np.mean(problem.objective.loss_numpy(*p, *columns)))

    h = 1e-6
    differences = []
    for k in range(3):
        up, down = list(params), list(params)
        up[k] += h
        down[k] -= h
        differences.append((mean_loss(up) - mean_loss(down)) / (2 * h))
    got = BlockedMean(problem.gradient, block=TINY).mean_gradient(params, columns)
    np.testing.assert_allclose(got, differences, rtol=1e-6, atol=1e-8)


def test_saturated_sigmoid_at_z_near_800_stays_finite_and_exact(numba):
    x = np.array([800.0, -800.0, 700.0, -750.0, 0.5, 745.0])
    y = np.array([0.0, 1.0, 1.0, 0.0, 1.0, 1.0])
    # σ written here: 1 or 0 where e^−|z| is below double precision, σ(0.5) in full
    s = np.array([1.0, 0.0, 1.0, 0.0, 1 / (1 + math.exp(-0.5)), 1.0])
    expected = [float(np.mean((s - y) * x)), float(np.mean(s - y))]
    problem = build_problem("logistic")
    for block in (TINY, 2, None):
        got = BlockedMean(problem.gradient, block=block).mean_gradient([1.0, 0.0], [x, y])
        assert all(map(math.isfinite, got))
        np.testing.assert_allclose(got, expected, rtol=1e-14)
    got = problem.objective.mean_gradient([1.0, 0.0], [x, y])
    np.testing.assert_allclose(got, expected, rtol=1e-14)


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("features", [1, 3])
def test_objective_mean_gradient_is_the_per_sample_mean_with_and_without_numba(loss, features, numba):
    problem = build_problem(loss, features)
    X, y = data(loss, 2 * block_size(features + 1) + 3, features, seed=features)
    columns = problem.data_columns(X, y)
    params = list(np.random.default_rng(features).normal(size=features + 1))
    means, total = problem.objective.mean_gradient_and_total(params, columns)
    assert_means_equal(means, per_sample_mean(problem.gradient, params, columns))
    assert math.isfinite(total)


def test_numba_runs_exponentials_and_wide_gradients_and_numpy_one_feature_logs_and_trig(numba):
    assert not calls_scalar_functions(build_problem("logistic").gradient)  # σ: vectorised (derive.descent.simd)
    assert not calls_scalar_functions(build_problem("half-se").gradient)
    assert calls_scalar_functions(build_problem("cos(w*x + b - y)").gradient)  # sin: a call per sample
    assert calls_scalar_functions(build_problem("log(1 + exp(w*x + b - y))").gradient) is False  # σ again
    with_numba = "numba" if numba == "numba" else "numpy blocks"
    assert build_problem("logistic").objective.mean_pass == with_numba
    assert build_problem("logistic", 3).objective.mean_pass == with_numba
    assert build_problem("half-se").objective.mean_pass == with_numba
    assert build_problem("cos(w*x + b - y)").objective.mean_pass == "numpy blocks"
    assert build_problem("cos(w_1*x_1 + w_2*x_2 + w_3*x_3 + b - y)").objective.mean_pass == with_numba


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
@pytest.mark.parametrize("where", ["first", "last", "boundary"])
def test_the_data_total_is_not_finite_when_one_value_is_not(bad, where, numba):
    problem = build_problem("half-se")
    n = 3 * TINY
    x, y = np.linspace(-1, 1, n), np.linspace(2, 3, n)
    row = {"first": 0, "last": n - 1, "boundary": TINY}[where]
    y[row] = bad
    _, total = problem.objective.mean_gradient_and_total([1.0, 1.0], [x, y])
    assert not math.isfinite(total)
    _, total = BlockedMean(problem.gradient, block=TINY).mean_gradient_and_total([1.0, 1.0], [x, y])
    assert not math.isfinite(total)


@pytest.mark.parametrize(
    "loss, x, y, match",
    [
        ("half-se", [1.0, 2.0, float("nan")], [1.0, 2.0, 3.0], r"x has a non-finite value \(nan\) at row 2"),
        ("half-se", [1.0, 2.0, 3.0], [1.0, float("inf"), 3.0], r"y has a non-finite value \(inf\) at row 1"),
        ("logistic", [1.0, 2.0, 3.0], [1.0, 0.0, float("nan")], r"y has a non-finite value \(nan\) at row 2"),
        # |y − z| has gradient sign(z − y): −1 at y = inf, a finite mean that hides the inf
        ("abs", [1.0, 2.0, 3.0], [1.0, float("inf"), 3.0], r"y has a non-finite value \(inf\) at row 1"),
        ("abs", [1.0, -np.inf, 3.0], [1.0, 2.0, 3.0], r"x has a non-finite value \(-inf\) at row 1"),
        ("half-se", [1.0, 2.0, 3.0], [1.0, 2.0], "x has 3 samples but y has 2"),
        ("half-se", np.ones((2, 2, 2)), [1.0, 2.0], "x must be 1-D .* got 3 dimensions"),
        ("half-se", [1.0, 2.0], np.ones((2, 2)), "y must be 1-D"),
        ("half-se", ["a", "b"], [1.0, 2.0], "x must hold numbers only"),
        ("half-se", [], [], "x is empty"),
    ],
)
def test_backprop_refuses_bad_data_with_the_errors_of_fit(loss, x, y, match, numba):
    with pytest.raises(ValueError, match=match):
        Neuron(loss).backprop(x, y)


def test_backprop_finds_a_nan_in_a_second_feature_past_the_first_block(numba):
    X = np.random.default_rng(1).normal(size=(3 * block_size(3) + 1, 2))
    X[-1, 1] = np.nan
    with pytest.raises(ValueError, match=rf"x has a non-finite value \(nan\) at row {len(X) - 1}, column 1"):
        Neuron(features=2).backprop(X, np.ones(len(X)))


def test_backprop_on_finite_data_skips_the_scan(monkeypatch, numba):
    import neuron.neuron

    def scan(*args):
        raise AssertionError("the finiteness scan ran on finite data")

    monkeypatch.setattr(neuron.neuron, "require_finite", scan)
    x = np.linspace(-2, 2, 1000)
    w_grad, b_grad = Neuron().backprop(x, 3 * x + 1)
    s = (1.0 * x + 1.0) - (3 * x + 1)  # ∂/∂b of ½(y − z)², written here, at w = b = 1
    assert (w_grad, b_grad) == pytest.approx((np.mean(s * x), np.mean(s)), rel=1e-12)


def test_backprop_of_finite_data_whose_sum_overflows_still_answers(numba):
    x = np.array([1e308, 1e308, -1e308])  # their sum is inf: the scan runs, finds nothing, and the mean stands
    w_grad, b_grad = Neuron("abs", w=0.0, b=0.0).backprop(x, np.zeros(3))
    assert (w_grad, b_grad) == (0.0, 0.0)  # sign(z − y) = sign(0) = 0 for every sample
