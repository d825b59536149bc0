"""The data a neuron trains on is read where the caller keeps it (issue 11 §1,
warm target): float64 arrays are not copied by the input checks, and so
nothing that trains, predicts or takes a gradient may write to them. Every
method runs here on read-only arrays (a write raises), on one feature and on
a wide model, and must give the numbers of the same fit on a private copy."""
import numpy as np
import pytest

from derive.generated import numba_available
from neuron import Neuron
from neuron.validate import as_features, as_targets


def read_only(*arrays):
    out = []
    for a in arrays:
        a = np.array(a)
        a.flags.writeable = False
        out.append(a)
    return out


def test_float64_features_and_targets_are_not_copied():
    X = np.arange(12.0).reshape(6, 2)
    y = np.linspace(0, 1, 6)
    assert np.shares_memory(as_features(X), X)
    assert np.shares_memory(as_features(X[:, 0]), X)  # one feature: a column view, reshaped
    assert np.shares_memory(as_targets(y, 6), y)


def test_other_dtypes_are_still_converted_to_float64():
    X = np.arange(12).reshape(6, 2)
    out = as_features(X)
    assert out.dtype == np.float64 and not np.shares_memory(out, X)
    assert (out == X).all()


def methods(loss: str, d: int) -> list[tuple[str, dict]]:
    runs = [("auto", {}), ("loop", {}), ("loop", {"shuffle": True, "seed": 3}), ("loop", {"batch_size": 4}),
            ("auto", {"batch_size": 10**6})]
    if loss == "half-se":
        runs += [("scan", {}), ("scan", {"shuffle": True, "seed": 3}), ("batch", {"batch_size": 10**6})]
    if numba_available() and d == 1:  # compiling a wide kernel is slow; one feature shows the method reads only
        runs += [("compiled", {})]
    return runs


@pytest.mark.parametrize("d", [1, 12])
@pytest.mark.parametrize("loss", ["half-se", "logistic"])
def test_every_method_reads_the_data_without_writing_to_it(loss, d):
    rng = np.random.default_rng(d)
    X = rng.normal(size=(40, d))
    y = (X[:, 0] > 0).astype(float) if loss == "logistic" else X @ np.linspace(1, 2, d) + 0.3
    X_ro, y_ro = read_only(X, y)
    x_ro = X_ro[:, 0] if d == 1 else X_ro
    for method, extra in methods(loss, d):
        kept = Neuron(loss, features=d).fit(x_ro, y_ro, epochs=3, lr=0.05, method=method, **extra)
        copied = Neuron(loss, features=d).fit(x_ro.copy(), y_ro.copy(), epochs=3, lr=0.05, method=method, **extra)
        assert kept._params == copied._params, (method, extra)
        assert kept.history == copied.history, (method, extra)
    n = Neuron(loss, features=d)
    n.forpass(x_ro)
    n.backprop(x_ro, y_ro)
    n.predict(x_ro)
    assert (X_ro == X).all() and (y_ro == y).all()
