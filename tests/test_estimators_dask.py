"""The scikit-learn-style estimators on Dask arrays: the same fit as on the
same data in memory, and the data never gathered into one array."""
import numpy as np
import pytest

da = pytest.importorskip("dask.array")
import dask  # noqa: E402

from neuron import NeuronClassifier, NeuronRegressor  # noqa: E402
from neuron.datasets import load_diabetes  # noqa: E402

X, y = load_diabetes()
X = X[:, [2, 3]]


@pytest.fixture(autouse=True)
def threads():
    with dask.config.set(scheduler="threads"):
        yield


@pytest.mark.parametrize("lr", ["auto", 0.05])
def test_the_regressor_fits_dask_arrays_as_it_fits_the_same_numbers_in_memory(lr, monkeypatch):
    import neuron.estimators

    eager = NeuronRegressor(lr=lr, epochs=20).fit(X, y)
    # the in-memory check would gather the data into one array: the Dask path must not reach it
    monkeypatch.setattr(neuron.estimators, "features_array", lambda *a: pytest.fail("gathered into memory"))
    lazy = NeuronRegressor(lr=lr, epochs=20).fit(da.from_array(X, chunks=(100, 2)), da.from_array(y, chunks=100))
    np.testing.assert_allclose(lazy.coef_, eager.coef_, rtol=1e-9)
    assert lazy.intercept_ == pytest.approx(eager.intercept_, rel=1e-9)
    assert lazy.lr_ == pytest.approx(eager.lr_, rel=1e-12) and lazy.n_features_in_ == 2
    np.testing.assert_allclose(lazy.predict(X), eager.predict(X), rtol=1e-9)


def test_the_classifier_fits_dask_arrays_with_string_labels_as_in_memory():
    labels = np.where(y > 140, "high", "low")
    eager = NeuronClassifier(batch_size=len(y), epochs=30, lr=0.5).fit(X, labels)
    lazy = NeuronClassifier(batch_size=len(y), epochs=30, lr=0.5).fit(
        da.from_array(X, chunks=(150, 2)), da.from_array(labels, chunks=150))
    assert list(lazy.classes_) == ["high", "low"] == list(eager.classes_)
    np.testing.assert_allclose(lazy.coef_, eager.coef_, rtol=1e-9)
    assert (lazy.predict(X) == eager.predict(X)).all()


def test_dask_x_with_numpy_y_is_refused_with_a_message():
    with pytest.raises(ValueError, match="both X and y as Dask arrays"):
        NeuronRegressor().fit(da.from_array(X, chunks=(100, 2)), y)
