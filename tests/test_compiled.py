"""The numba-compiled loop and one-pass means give the Python loop's numbers:
to the last digit for the per-sample steps (the same operations in the same
order), up to summation order for means. Skipped without numba."""
import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

pytest.importorskip("numba")

import derive.compile  # noqa: E402
from derive.descent import Schedule, choose_method, train  # noqa: E402
from derive.descent.compiled import BLOCK, CompiledLoop  # noqa: E402
from derive.descent.schedule import epoch_orders  # noqa: E402
from neuron import Neuron, TrainingDiverged  # noqa: E402
from neuron.datasets import load_diabetes  # noqa: E402
from neuron.problem import build_problem  # noqa: E402
from training_data import data  # noqa: E402

X_ALL, Y = load_diabetes()
BMI = X_ALL[:, 2]
LOSSES = ["half-se", "se", "logistic", "abs"]


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test compiles into one cache of its own session, never the user's."""
    monkeypatch.setenv("DERIVE_NEURON_CACHE", str(tmp_path_factory.getbasetemp() / "numba-cache"))


def test_the_book_gives_the_loops_last_digit():
    n = Neuron().fit(BMI, Y, method="compiled")
    assert (n.w, n.b) == (913.5973364346786, 123.39414383177173)  # the loop's digits, not the scan's
    assert n.method_ == "compiled"


@settings(max_examples=30, deadline=None)
@given(
    loss=st.sampled_from(LOSSES),
    seed=st.integers(0, 2**32 - 1),
    samples=st.integers(1, 50),
    features=st.integers(1, 4),
    epochs=st.integers(1, 12),
    shuffle=st.booleans(),
    lr=st.floats(1e-4, 0.3),
)
@example(loss="half-se", seed=0, samples=1, features=1, epochs=1, shuffle=False, lr=1e-4)  # one sample
@example(loss="logistic", seed=1, samples=50, features=4, epochs=12, shuffle=True, lr=0.3)
@example(loss="abs", seed=2, samples=2, features=1, epochs=3, shuffle=True, lr=0.3)  # sign(0) = 0 edge
@example(loss="se", seed=3, samples=7, features=3, epochs=1, shuffle=False, lr=0.3)
def test_every_step_is_the_python_loops_to_the_last_digit(loss, seed, samples, features, epochs, shuffle, lr):
    X, y = data(loss, samples, features, seed)
    problem = build_problem(loss, features)
    columns = problem.data_columns(X, y)
    start = list(np.random.default_rng(seed).uniform(-1, 1, features + 1))
    schedule = Schedule(epochs, lr, 1, shuffle, seed)
    python = problem.objective.loop.fit(start, columns, lr, epochs, epoch_orders(schedule, samples))
    history, diverged = problem.objective.compiled.fit(start, columns, lr, epochs, epoch_orders(schedule, samples))
    assert diverged == python.diverged_at
    np.testing.assert_array_equal(history, python.history)  # bit for bit


def test_a_saturated_sigmoid_gives_the_loops_numbers():
    """σ printed stably: at z = ±1000 the Python loop's math.exp would
    overflow in the naive form; both give the finite saturated step."""
    problem = build_problem("logistic")
    columns = [np.array([-5.0, 5.0]), np.array([1.0, 0.0])]
    python = problem.objective.loop.fit([1000.0, 0.0], columns, 1e-6, 2)
    history, diverged = problem.objective.compiled.fit([1000.0, 0.0], columns, 1e-6, 2)
    assert diverged is None and np.isfinite(history).all()
    np.testing.assert_array_equal(history, python.history)


@pytest.mark.parametrize("lr, shuffle", [(2.5, False), (1e200, False), (2.5, True)])
def test_divergence_is_reported_at_the_loops_epoch(lr, shuffle):
    settings_ = dict(epochs=200, lr=lr, shuffle=shuffle, seed=3)
    caught = []
    for method in ["loop", "compiled"]:
        n = Neuron()
        with pytest.raises(TrainingDiverged) as err:
            n.fit(BMI, Y, method=method, **settings_)
        caught.append((err.value.epoch, n.w, n.b, n.history))
    assert caught[0] == caught[1]


def test_an_overflow_inside_an_epoch_is_reported_at_epoch_one():
    with pytest.raises(TrainingDiverged) as caught:
        Neuron().fit(np.array([1e150, -1e150, 1.0]), np.array([0.0, 0.0, 1.0]), epochs=3, method="compiled")
    assert caught.value.epoch == 1


@pytest.mark.parametrize("loss", LOSSES)
def test_full_batch_compiled_descent_matches_the_reference_loop(loss):
    X, y = data(loss, 300, 2, 5)
    ours = Neuron(loss, features=2).fit(X, y, epochs=20, lr=0.05, batch_size=300, method="compiled")
    loop = Neuron(loss, features=2).fit(X, y, epochs=20, lr=0.05, batch_size=300, method="loop")
    assert ours.method_ == "compiled"
    np.testing.assert_allclose(ours.w, loop.w, rtol=1e-12)  # means summed in another order
    assert ours.b == pytest.approx(loop.b, rel=1e-12)


def test_mini_batches_are_handed_to_the_reference_loop():
    n = Neuron().fit(BMI, Y, epochs=3, lr=0.5, batch_size=16, method="compiled")
    loop = Neuron().fit(BMI, Y, epochs=3, lr=0.5, batch_size=16, method="loop")
    assert (n.w, n.b, n.method_) == (loop.w, loop.b, "loop")


@settings(max_examples=20, deadline=None)
@given(loss=st.sampled_from(LOSSES), seed=st.integers(0, 2**32 - 1),
       samples=st.sampled_from([1, 2, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 5]), features=st.integers(1, 3))
@example(loss="logistic", seed=0, samples=BLOCK + 1, features=3)  # a second, one-sample block
@example(loss="half-se", seed=1, samples=1, features=1)
def test_one_pass_means_match_numpy(loss, seed, samples, features):
    X, y = data(loss, samples, features, seed)
    objective = build_problem(loss, features).objective
    columns = build_problem(loss, features).data_columns(X, y)
    params = list(np.random.default_rng(seed).normal(size=features + 1))
    with np.errstate(all="ignore"):
        expected = [np.mean(np.broadcast_to(g, (samples,))) for g in objective.gradient.numpy(*params, *columns)]
        loss_mean = np.mean(objective.loss_numpy(*params, *columns))
    kernels = objective.compiled
    scale = max(1.0, np.abs(expected).max())
    np.testing.assert_allclose(kernels.mean_gradient(params, columns), expected, rtol=1e-12, atol=1e-13 * scale)
    assert kernels.mean_loss(params, columns) == pytest.approx(loss_mean, rel=1e-12)


def test_backprop_is_the_mean_of_the_per_sample_gradients():
    rng = np.random.default_rng(7)
    x = rng.normal(size=10_001)
    y = (x > 0.3).astype(float)
    n = Neuron("logistic", w=0.5, b=-0.2)
    w_grad, b_grad = n.backprop(x, y)
    s = 1 / (1 + np.exp(-(0.5 * x - 0.2)))  # written here: ∂/∂w = −(y − σ)x, ∂/∂b = −(y − σ)
    assert w_grad == pytest.approx(np.mean(-(y - s) * x), rel=1e-12)
    assert b_grad == pytest.approx(np.mean(-(y - s)), rel=1e-12)


def test_moments_in_one_pass_match_their_definitions():
    rng = np.random.default_rng(8)
    X = rng.normal(size=(5000, 2))
    y = rng.normal(size=5000)
    moments = build_problem("half-se", 2).objective.moments
    got = dict(zip(map(str, moments.statistics), moments.moments(X[:, 0], X[:, 1], y)))
    x1, x2 = X.T
    expected = {"x_1**2": x1 @ x1, "x_1*x_2": x1 @ x2, "x_1": x1.sum(), "x_1*y": x1 @ y,
                "x_2**2": x2 @ x2, "x_2": x2.sum(), "x_2*y": x2 @ y, "y": y.sum()}
    assert got == pytest.approx({k: v / 5000 for k, v in expected.items()}, rel=1e-12)


def test_auto_picks_the_compiled_loop_where_the_scan_would_lose(monkeypatch):
    from derive.descent import methods

    monkeypatch.setattr(methods, "numba_imported", lambda: False)  # as in a fresh process (tests/test_cost.py)
    book = Schedule()
    assert choose_method(build_problem("half-se").objective, 442, book) == "scan"  # the book keeps its scan
    # the book's size: the Python loop (18 ms) is done before numba has started (COMPILED_START)
    assert choose_method(build_problem("logistic").objective, 442, book) == "loop"
    assert choose_method(build_problem("abs").objective, 442, book) == "loop"
    assert choose_method(build_problem("logistic").objective, 10**5, book) == "compiled"  # 4 s by the loop
    assert choose_method(build_problem("abs").objective, 10**5, book) == "compiled"
    shuffled = Schedule(epochs=10, shuffle=True)
    assert choose_method(build_problem("half-se").objective, 10**6, shuffled) == "compiled"
    assert choose_method(build_problem("se", 10).objective, 10**6, Schedule(epochs=10)) == "compiled"
    assert choose_method(build_problem("se", 10).objective, 10**5, Schedule(epochs=10_000)) == "scan"


def test_without_numba_compiled_says_how_to_get_it(monkeypatch):
    monkeypatch.setattr(derive.compile, "numba_available", lambda: False)
    with pytest.raises(ValueError, match=r"derive-neuron\[fast\]"):
        Neuron("logistic").fit(BMI, (Y > 140).astype(float), epochs=1, method="compiled")
    assert choose_method(build_problem("logistic").objective, 442, Schedule()) == "loop"


def test_a_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    """A cached module whose text is not its source, and numba cache files
    that do not load, are both written again."""
    monkeypatch.setenv("DERIVE_NEURON_CACHE", str(tmp_path))
    grad = build_problem("(w*x + b - y)**2 / 3").gradient
    first = CompiledLoop(grad)
    first.fit([1.0, 1.0], [BMI, Y], 0.5, 2)
    (module_file,) = tmp_path.glob("derive_loop_*.py")
    caches = list((tmp_path / "__pycache__").glob(f"{module_file.stem}.*.nb*"))
    assert caches, "numba wrote no cache next to the generated module"
    for cache in caches:
        cache.write_bytes(b"not a numba cache")
    module_file.write_text("raise RuntimeError('corrupt')\n")
    again = CompiledLoop(grad)
    history, _ = again.fit([1.0, 1.0], [BMI, Y], 0.5, 2)
    expected = build_problem("(w*x + b - y)**2 / 3").objective.loop.fit([1.0, 1.0], [BMI, Y], 0.5, 2)
    np.testing.assert_array_equal(history, expected.history)
    assert module_file.read_text() == again.source


def test_the_cache_directory_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("DERIVE_NEURON_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert derive.compile.cache_directory() == tmp_path / "derive-neuron"


def test_train_reports_the_compiled_method():
    problem = build_problem("logistic")
    trajectory = train(problem.objective, [1.0, 0.0], [BMI, (Y > 140).astype(float)], Schedule(3, 0.1), "compiled")
    assert trajectory.method == "compiled" and math.isfinite(trajectory.losses[-1])


def test_an_objective_with_compiled_kernels_pickles_for_dask_workers():
    """A Dask task ships the objective: its compiled kernels and moments go
    without their modules and load again where they arrive (cloudpickle, as
    Dask: the lambdified functions need it)."""
    pickle = pytest.importorskip("cloudpickle")

    objective = build_problem("half-se").objective
    objective.moments.moments(BMI, Y)
    objective.compiled.fit([1.0, 1.0], [BMI, Y], 0.5, 1)
    objective.epoch_losses  # noqa: B018 (holds the compiled mean loss)
    copy = pickle.loads(pickle.dumps(objective))
    np.testing.assert_array_equal(copy.moments.moments(BMI, Y), objective.moments.moments(BMI, Y))
    assert copy.epoch_losses.one_pass([1.0, 1.0], [BMI, Y]) == objective.compiled.mean_loss([1.0, 1.0], [BMI, Y])
