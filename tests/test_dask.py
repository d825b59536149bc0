"""Training on Dask arrays gives the in-memory methods' numbers (to 1e-9
relative) for every chunking, diverges at the same epoch, reads each chunk
the expected number of times (never the whole data silently), and refuses
what has no exact chunk-wise form."""
import subprocess
import sys
import warnings

import numpy as np
import pytest

da = pytest.importorskip("dask.array")
import dask  # noqa: E402

from derive.descent.dask_chunks import compose_entries, reduce_in_order  # noqa: E402
from derive.descent.scan import compose  # noqa: E402
from derive.errors import InputError  # noqa: E402
from neuron import Neuron, TrainingDiverged  # noqa: E402
from neuron.datasets import load_diabetes  # noqa: E402

X_ALL, Y = load_diabetes()
BMI = X_ALL[:, 2]
N = len(Y)
REL = 1e-9
#: one chunk; uneven chunks ending in a chunk of one sample; a chunk of one sample first.
CHUNKINGS = [(N,), (100, 200, N - 301, 1), (1, 150, N - 151)]


@pytest.fixture(autouse=True)
def threads():
    with dask.config.set(scheduler="threads"):
        yield


def lazy(values, chunks):
    values = np.asarray(values, dtype=float)
    return da.from_array(values, chunks=(chunks,) + values.shape[1:])


def assert_same(a, b, rel=REL):
    np.testing.assert_allclose(np.atleast_1d(a.w), np.atleast_1d(b.w), rtol=rel)
    assert a.b == pytest.approx(b.b, rel=rel)
    np.testing.assert_allclose(a.history, b.history, rtol=rel)


def several_features(n=120, d=3, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    return X, X @ np.array([1.5, -2.0, 0.5])[:d] + 0.3 + 0.1 * rng.standard_normal(n)


def test_reduce_in_order_keeps_the_order_of_a_non_commutative_combine():
    for count in range(1, 18):
        parts = [dask.delayed(str(i)) for i in range(count)]
        joined = reduce_in_order(parts, lambda earlier, later: f"({earlier}{later})").compute()
        assert joined.replace("(", "").replace(")", "") == "".join(map(str, range(count)))


@pytest.mark.parametrize("count", [0, 1, 2, 3, 7, 8, 33])
def test_compose_entries_is_the_product_of_the_maps_in_order(count):
    rng = np.random.default_rng(count)
    maps = np.zeros((count, 3, 3))
    maps[:, :2, :] = rng.normal(size=(count, 2, 3))
    maps[:, 1, 1] = 0.7  # an entry shared by every map stays one number
    maps[:, 2, 2] = 1.0
    grid = [[maps[:, i, j].copy() for j in range(3)] for i in range(3)]
    grid[1][1], grid[2] = 0.7, [0, 0, 1]
    expected = np.eye(3)
    for m in maps:  # the first map applied first
        expected = m @ expected
    np.testing.assert_allclose(compose_entries(grid, count), expected, rtol=1e-12, atol=1e-12)
    if count:
        np.testing.assert_allclose(compose_entries(grid, count), compose(maps), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("chunks", CHUNKINGS)
def test_the_book_per_sample_on_dask_for_every_chunking(chunks):
    n = Neuron().fit(lazy(BMI, chunks), lazy(Y, chunks))
    assert n.w == pytest.approx(913.5973364346786, rel=REL) and n.b == pytest.approx(123.3941438317717, rel=REL)
    assert_same(n, Neuron().fit(BMI, Y, method="loop"))


@pytest.mark.parametrize("chunks", [(120,), (50, 1, 69)])
@pytest.mark.parametrize("method", ["scan", "loop"])
def test_per_sample_with_several_features(chunks, method):
    X, y = several_features()
    epochs = 5 if method == "loop" else 40
    ours = Neuron().fit(lazy(X, chunks), lazy(y, chunks), lr=0.05, epochs=epochs, method=method)
    assert_same(ours, Neuron().fit(X, y, lr=0.05, epochs=epochs, method="loop"))


@pytest.mark.parametrize("chunks", CHUNKINGS)
def test_full_batch_from_moments_for_every_chunking(chunks):
    ours = Neuron().fit(lazy(X_ALL[:, :4], chunks), lazy(Y, chunks), batch_size=N, epochs=200)
    assert_same(ours, Neuron().fit(X_ALL[:, :4], Y, batch_size=N, epochs=200, method="loop"))


@pytest.mark.parametrize("loss", ["logistic", "abs"])
def test_losses_without_an_affine_step_run_full_batch_descent(loss):
    X, y = several_features(80)
    if loss == "logistic":
        y = (y > 0).astype(float)
    ours = Neuron(loss).fit(lazy(X, (30, 1, 49)), lazy(y, (30, 1, 49)), batch_size=80, epochs=12, lr=0.5)
    assert_same(ours, Neuron(loss).fit(X, y, batch_size=80, epochs=12, lr=0.5, method="loop"))


def test_numpy_targets_with_dask_features_train_alike():
    ours = Neuron().fit(lazy(BMI, 100), Y)
    assert_same(ours, Neuron().fit(BMI, Y))


@pytest.mark.parametrize("method, in_memory, kw, lr", [
    ("scan", "scan", {}, 2.2), ("batch", "batch", {"batch_size": N}, 3000.0), ("gd", "loop", {"batch_size": N}, 3000.0)])
def test_divergence_at_the_in_memory_epoch_with_the_same_weights(method, in_memory, kw, lr):
    memory, ours = Neuron(), Neuron()
    with pytest.raises(TrainingDiverged) as expected:
        memory.fit(BMI, Y, lr=lr, method=in_memory, **kw)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(TrainingDiverged) as got:
            ours.fit(lazy(BMI, (100, 1, N - 101)), lazy(Y, (100, 1, N - 101)), lr=lr, method=method, **kw)
    assert got.value.epoch == expected.value.epoch > 1
    # the last finite weights are ~1e150: compare them as a vector (w is
    # ~1e-15 of b there, so w alone is rounding); the losses one by one
    theta, reference = np.array([ours.w, ours.b]), np.array([memory.w, memory.b])
    assert np.isfinite(theta).all() and np.linalg.norm(theta - reference) <= REL * np.linalg.norm(reference)
    np.testing.assert_allclose(ours.history, memory.history, rtol=REL)


STANDARD_BMI = (BMI - BMI.mean()) / BMI.std()


@pytest.mark.parametrize("x, kw", [
    (STANDARD_BMI, {"lr": 1.0}),  # a finite loss far above its start (2e10), found in epoch 1
    (STANDARD_BMI, {"lr": 3.0, "batch_size": N}),  # full batch, 1.5 times the stable rate
    (BMI, {"lr": 2.2}),  # per sample: an overflow in epoch 5
])
def test_divergence_is_reported_as_in_memory(x, kw):
    with pytest.raises(TrainingDiverged) as expected:
        Neuron().fit(x, Y, **kw)
    with pytest.raises(TrainingDiverged) as got:
        Neuron().fit(lazy(x, (100, 1, N - 101)), lazy(Y, (100, 1, N - 101)), **kw)
    ours, theirs = got.value, expected.value
    assert (ours.epoch, ours.began, ours.method) == (theirs.epoch, theirs.began, theirs.method)
    assert ours.stable_lr == pytest.approx(theirs.stable_lr, rel=1e-12)
    assert str(ours).split(":")[0] == str(theirs).split(":")[0]
    np.testing.assert_allclose(ours.history, theirs.history, rtol=REL)


class CountingReads:
    """A Dask array whose every chunk read is counted."""

    def __init__(self, values, chunks):
        self.reads = 0
        self.array = lazy(values, chunks).map_blocks(self._read, dtype=float)

    def _read(self, block):
        self.reads += block.size > 0  # Dask also calls it on an empty block to learn the output type
        return block


@pytest.mark.parametrize("kw, passes", [({}, 1), ({"batch_size": N}, 1),
                                        ({"batch_size": N, "method": "gd", "epochs": 5}, 6)])
def test_each_chunk_is_read_once_per_pass(kw, passes):
    x, y = CountingReads(BMI, 100), CountingReads(Y, 100)
    Neuron().fit(x.array, y.array, **kw)
    assert x.reads == y.reads == passes * 5  # 442 samples in chunks of 100: 5 chunks


def test_a_bad_value_is_named_by_its_row_in_the_whole_data():
    x = BMI.copy()
    x[250] = np.nan
    with pytest.raises(InputError, match="row 250"):
        Neuron().fit(lazy(x, 100), lazy(Y, 100))


@pytest.mark.parametrize("kw, words", [
    ({"shuffle": True, "seed": 1}, "shuffled per-sample epochs cannot"),
    ({"batch_size": 10}, "mini-batches"),
    ({"method": "batch"}, "at least 442"),
])
def test_what_has_no_exact_chunk_wise_form_is_refused(kw, words):
    with pytest.raises(InputError, match=words):
        Neuron().fit(lazy(BMI, 100), lazy(Y, 100), **kw)


def test_per_sample_logistic_names_the_alternatives():
    with pytest.raises(InputError, match="batch size of at least n.*method='loop'"):
        Neuron("logistic").fit(lazy(BMI, 100), lazy((Y > 140).astype(float), 100))


def test_a_shuffled_full_batch_is_exact():
    ours = Neuron().fit(lazy(BMI, 100), lazy(Y, 100), batch_size=N, shuffle=True, seed=3)
    assert_same(ours, Neuron().fit(BMI, Y, batch_size=N, shuffle=True, seed=3, method="loop"))


def test_without_dask_the_package_imports_and_names_the_extra():
    script = (
        "import sys; sys.modules['dask'] = None\n"  # import dask now raises ImportError
        "from neuron import Neuron\n"
        "import numpy as np\n"
        "assert Neuron().fit(np.arange(3.0), np.arange(3.0), epochs=1).history\n"
        "class Lazy:\n"
        "    shape = (3,)\n"
        "    def __dask_graph__(self): return {}\n"
        "try:\n"
        "    Neuron().fit(Lazy(), Lazy())\n"
        "except ImportError as err:\n"
        "    print(err)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "pip install 'derive-neuron[dask]'" in out.stdout


def test_on_a_local_cluster_of_two_worker_processes():
    distributed = pytest.importorskip("distributed")
    X, y = several_features(200)
    chunks = (70, 1, 129)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        scan = Neuron().fit(lazy(X, chunks), lazy(y, chunks), lr=0.05, epochs=30)
        batch = Neuron().fit(lazy(X, chunks), lazy(y, chunks), lr=0.5, epochs=30, batch_size=200)
        classes = (y > 0).astype(float)
        gd = Neuron("logistic").fit(lazy(X, chunks), lazy(classes, chunks), lr=0.5, epochs=3, batch_size=200)
    assert_same(scan, Neuron().fit(X, y, lr=0.05, epochs=30, method="loop"))
    assert_same(batch, Neuron().fit(X, y, lr=0.5, epochs=30, batch_size=200, method="loop"))
    assert_same(gd, Neuron("logistic").fit(X, classes, lr=0.5, epochs=3, batch_size=200, method="loop"))
