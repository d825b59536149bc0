"""The bundled diabetes data is scikit-learn's, scaled as scikit-learn scales it."""
import numpy as np
import pytest

from neuron.datasets import DIABETES_FEATURES, load_diabetes


def test_diabetes_has_442_patients_and_10_features():
    X, y = load_diabetes()
    assert X.shape == (442, 10) and y.shape == (442,)
    assert len(DIABETES_FEATURES) == 10 and DIABETES_FEATURES[2] == "bmi"


def test_each_scaled_column_is_centred_with_unit_length():
    X, _ = load_diabetes()
    np.testing.assert_allclose(X.mean(axis=0), 0, atol=1e-15)
    np.testing.assert_allclose(np.linalg.norm(X, axis=0), 1, rtol=1e-12)


def test_scaling_is_centring_and_dividing_by_std_times_root_n():
    raw, y_raw = load_diabetes(scaled=False)
    X, y = load_diabetes()
    expected = (raw - raw.mean(axis=0)) / (raw.std(axis=0) * np.sqrt(len(raw)))
    np.testing.assert_allclose(X, expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(y, y_raw)


def test_diabetes_is_bit_for_bit_scikit_learns():
    datasets = pytest.importorskip("sklearn.datasets")
    X_sk, y_sk = datasets.load_diabetes(return_X_y=True)
    X, y = load_diabetes()
    np.testing.assert_array_equal(X, X_sk)
    np.testing.assert_array_equal(y, y_sk)
    X_raw, _ = datasets.load_diabetes(return_X_y=True, scaled=False)
    np.testing.assert_array_equal(load_diabetes(scaled=False)[0], X_raw)
