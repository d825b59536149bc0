"""NeuronRegressor and NeuronClassifier inside scikit-learn: its conformance
suite, Pipeline, GridSearchCV, cross_val_score, its metrics, and the book's
chapter-4 logistic neuron on the breast-cancer data."""
import warnings

import numpy as np
import pytest

sklearn = pytest.importorskip("sklearn")

from sklearn.datasets import load_breast_cancer, make_classification  # noqa: E402
from sklearn.exceptions import NotFittedError as SklearnNotFittedError  # noqa: E402
from sklearn.linear_model import LinearRegression  # noqa: E402
from sklearn.metrics import accuracy_score, r2_score  # noqa: E402
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score, train_test_split  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402
from sklearn.utils.estimator_checks import parametrize_with_checks  # noqa: E402
from sklearn.utils.validation import check_is_fitted  # noqa: E402

from neuron import Neuron, NeuronClassifier, NeuronRegressor  # noqa: E402
from neuron.datasets import load_diabetes  # noqa: E402

X_DIABETES, Y_DIABETES = load_diabetes()


with warnings.catch_warnings():  # "does not inherit from BaseEstimator": by design, neuron never imports sklearn
    warnings.filterwarnings("ignore", "Estimator .* does not inherit from", UserWarning)
    conformance_checks = parametrize_with_checks([NeuronRegressor(), NeuronClassifier()])


@conformance_checks
def test_scikit_learn_conformance(estimator, check):
    check(estimator)


def test_a_standardising_pipeline_cross_validates_close_to_least_squares():
    folds = KFold(5, shuffle=True, random_state=0)
    neuron = cross_val_score(make_pipeline(StandardScaler(), NeuronRegressor()), X_DIABETES, Y_DIABETES, cv=folds)
    exact = cross_val_score(make_pipeline(StandardScaler(), LinearRegression()), X_DIABETES, Y_DIABETES, cv=folds)
    assert neuron.shape == (5,)
    np.testing.assert_allclose(neuron, exact, atol=0.03)  # per-sample SGD at a fixed rate: near, not at, the optimum


def test_grid_search_tunes_the_learning_rate_and_refits():
    X, y = make_classification(n_samples=120, n_features=4, random_state=0)
    search = GridSearchCV(make_pipeline(StandardScaler(), NeuronClassifier(epochs=20)),
                          {"neuronclassifier__lr": [1e-4, 0.1]}, cv=3).fit(X, y)
    assert search.best_params_ == {"neuronclassifier__lr": 0.1}  # 1e-4 barely moves from w = b = 1
    assert search.best_estimator_[-1].lr == 0.1 and search.best_estimator_[-1].n_iter_ == 20
    assert search.score(X, y) > 0.8


def test_scores_are_scikit_learns_r2_and_accuracy():
    rng = np.random.default_rng(1)
    weights = rng.uniform(0.5, 2.0, size=len(Y_DIABETES))
    reg = NeuronRegressor(lr=1.0).fit(X_DIABETES[:, [2]], Y_DIABETES)
    assert reg.score(X_DIABETES[:, [2]], Y_DIABETES) == pytest.approx(
        r2_score(Y_DIABETES, reg.predict(X_DIABETES[:, [2]])), rel=1e-12)
    assert reg.score(X_DIABETES[:, [2]], Y_DIABETES, sample_weight=weights) == pytest.approx(
        r2_score(Y_DIABETES, reg.predict(X_DIABETES[:, [2]]), sample_weight=weights), rel=1e-12)
    labels = np.where(Y_DIABETES > 140, "high", "low")
    clf = NeuronClassifier().fit(X_DIABETES[:, [2, 8]], labels)
    assert clf.score(X_DIABETES[:, [2, 8]], labels, sample_weight=weights) == pytest.approx(
        accuracy_score(labels, clf.predict(X_DIABETES[:, [2, 8]]), sample_weight=weights), rel=1e-12)


def test_not_fitted_is_scikit_learns_not_fitted_error_too():
    with pytest.raises(SklearnNotFittedError):
        NeuronClassifier().predict_proba(np.ones((2, 2)))
    with pytest.raises(SklearnNotFittedError):
        check_is_fitted(NeuronRegressor())
    check_is_fitted(NeuronRegressor().fit(np.ones((3, 1)), [1.0, 2.0, 3.0]))


# the book's chapter 4 ---------------------------------------------------------
def book_logistic_neuron(X, y, epochs=100):
    """The book's procedure, written as a plain loop: w = 1 for every feature,
    b = 0; per sample, in order: z = Σ x·w + b, a = σ(z) with z clipped
    below at −100, err = −(y − a), w −= x·err, b −= err. Predicts z > 0."""
    w, b = np.ones(X.shape[1]), 0.0
    for _ in range(epochs):
        for x_i, y_i in zip(X, y):
            z = np.sum(x_i * w) + b
            a = 1 / (1 + np.exp(-np.clip(z, -100, None)))
            err = -(y_i - a)
            w -= x_i * err
            b -= 1 * err
    return lambda X_new: np.array([np.sum(x_i * w) + b for x_i in X_new]) > 0


@pytest.fixture(scope="module")
def breast_cancer_split():
    X, y = load_breast_cancer(return_X_y=True)
    return train_test_split(X, y, stratify=y, test_size=0.2, random_state=42)


def test_chapter_4_classifier_matches_the_books_loop_exactly(breast_cancer_split):
    X_train, X_test, y_train, y_test = breast_cancer_split
    book_accuracy = np.mean(book_logistic_neuron(X_train, y_train)(X_test) == y_test)
    clf = NeuronClassifier(init_w=1.0, init_b=0.0).fit(X_train, y_train)  # 100 epochs, lr 1, per sample, in order
    assert clf.score(X_test, y_test) == book_accuracy
    assert book_accuracy == pytest.approx(0.82, abs=0.01)  # the book reports 0.82
    neuron = Neuron("logistic", w=1.0, b=0.0).fit(X_train, y_train)
    assert np.mean(neuron.predict(X_test) == y_test) == book_accuracy
    assert neuron.w.tolist() == clf.coef_.tolist()
