"""NeuronRegressor and NeuronClassifier without scikit-learn: the book's
numbers, the learned attributes, labels, errors and the parameter protocol.
(scikit-learn's own conformance suite and tools: test_estimators_sklearn.py.)"""
import pickle
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from neuron import Neuron, NeuronClassifier, NeuronRegressor, NotFittedError, TrainingDiverged
from neuron.datasets import load_diabetes
from neuron.estimators import safe_rate

X_DIABETES, Y_DIABETES = load_diabetes()
BMI = X_DIABETES[:, [2]]
RNG = np.random.default_rng(0)
X_TWO = RNG.normal(size=(60, 2))
Y_TWO = (X_TWO @ [1.5, -2.0] + 0.3 + RNG.normal(scale=0.5, size=60) > 0).astype(int)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# the regressor ---------------------------------------------------------------
def test_regressor_with_the_books_rate_lands_on_the_books_numbers():
    reg = NeuronRegressor(lr=1.0).fit(BMI, Y_DIABETES)
    assert reg.coef_.shape == (1,)
    assert reg.coef_[0] == pytest.approx(913.5973364, abs=1e-6)
    assert reg.intercept_ == pytest.approx(123.3941438, abs=1e-6)


def test_regressor_full_batch_descent_reaches_least_squares():
    X = X_DIABETES[:, [2, 3, 8]]
    reg = NeuronRegressor(lr=1.9, batch_size=len(X), epochs=20000).fit(X, Y_DIABETES)
    solution, *_ = np.linalg.lstsq(np.column_stack([X, np.ones(len(X))]), Y_DIABETES, rcond=None)
    np.testing.assert_allclose([*reg.coef_, reg.intercept_], solution, rtol=1e-3)


def test_regressor_r2_is_one_for_an_exact_line_and_zero_for_the_mean():
    x = np.linspace(-1, 1, 50).reshape(-1, 1)
    reg = NeuronRegressor(epochs=500).fit(x, 3 * x[:, 0] + 2)
    assert reg.score(x, 3 * x[:, 0] + 2) == pytest.approx(1.0, abs=1e-9)
    flat = NeuronRegressor(init="zeros", init_b=5.0, lr=1e-12, epochs=1).fit(x, np.full(50, 5.0))
    assert flat.score(x, x[:, 0] + 5.0) == pytest.approx(0.0, abs=1e-9)  # predicts the mean of y


def test_regressor_predicts_w_x_plus_b():
    reg = NeuronRegressor().fit(X_TWO, X_TWO @ [1.0, 2.0])
    np.testing.assert_allclose(reg.predict(X_TWO[:5]), X_TWO[:5] @ reg.coef_ + reg.intercept_, rtol=1e-12)


def test_learned_attributes_are_the_neurons():
    reg = NeuronRegressor(epochs=7, lr=0.05, method="loop").fit(X_TWO, X_TWO[:, 0])
    neuron = Neuron(features=2).fit(X_TWO, X_TWO[:, 0], epochs=7, lr=0.05, method="loop")
    assert reg.coef_.tolist() == neuron.w.tolist() and reg.intercept_ == neuron.b
    assert reg.loss_curve_ == neuron.history and reg.n_iter_ == 7
    assert reg.method_ == "loop" and reg.n_features_in_ == 2 and reg.lr_ == 0.05


def test_auto_rate_is_half_over_the_largest_squared_row_with_its_bias():
    assert safe_rate(np.array([[3.0, 4.0], [1.0, 0.0]])) == 1 / 52  # |(3, 4, 1)|² = 26


def test_auto_rate_trains_on_unscaled_features_where_a_fixed_rate_diverges():
    X = RNG.normal(loc=100, size=(100, 2))
    y = X @ [0.5, -0.25] + RNG.normal(size=100)
    with pytest.raises(TrainingDiverged):
        NeuronRegressor(lr=0.01).fit(X, y)
    reg = NeuronRegressor().fit(X, y)
    assert np.isfinite(reg.coef_).all() and reg.lr_ == safe_rate(X)


def test_a_classifiers_loss_in_the_regressor_is_refused():
    with pytest.raises(ValueError, match="use NeuronClassifier"):
        NeuronRegressor(loss="logistic").fit(X_TWO, Y_TWO)


# the classifier --------------------------------------------------------------
def test_classifier_probabilities_are_sigmoid_of_the_decision_function():
    clf = NeuronClassifier().fit(X_TWO, Y_TWO)
    z = clf.decision_function(X_TWO)
    np.testing.assert_allclose(z, X_TWO @ clf.coef_ + clf.intercept_, rtol=1e-12)
    proba = clf.predict_proba(X_TWO)
    assert proba.shape == (60, 2)
    np.testing.assert_allclose(proba[:, 1], sigmoid(z), rtol=1e-12)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-15)
    np.testing.assert_array_equal(clf.predict(X_TWO), clf.classes_[proba.argmax(axis=1)])


def test_classifier_predicts_as_the_book_where_z_is_positive():
    clf = NeuronClassifier().fit(X_TWO, Y_TWO)
    np.testing.assert_array_equal(clf.predict(X_TWO), (X_TWO @ clf.coef_ + clf.intercept_ > 0).astype(int))


def test_classifier_agrees_with_a_logistic_neuron():
    clf = NeuronClassifier(init_w=1.0, init_b=0.0, epochs=20).fit(X_TWO, Y_TWO)
    neuron = Neuron("logistic", w=1.0, b=0.0).fit(X_TWO, Y_TWO, epochs=20)
    np.testing.assert_allclose([*clf.coef_, clf.intercept_], [*neuron.w, neuron.b], rtol=1e-12)
    np.testing.assert_allclose(clf.predict_proba(X_TWO)[:, 1], neuron.predict_proba(X_TWO), rtol=1e-9)


@pytest.mark.parametrize("labels", [["benign", "malignant"], [-1, 1], [False, True], [0.0, 1.0], ["a", "b"]])
def test_any_two_labels_train_the_same_neuron_with_the_second_sorted_as_positive(labels):
    y = np.array(labels, dtype=object if isinstance(labels[0], str) else None)[Y_TWO]
    clf = NeuronClassifier(epochs=10).fit(X_TWO, y)
    reference = NeuronClassifier(epochs=10).fit(X_TWO, Y_TWO)
    assert clf.classes_.tolist() == sorted(labels)
    assert clf.coef_.tolist() == reference.coef_.tolist()
    np.testing.assert_array_equal(clf.predict(X_TWO), np.array(labels)[reference.predict(X_TWO)])
    assert clf.score(X_TWO, y) == reference.score(X_TWO, Y_TWO)


def test_labels_given_in_reverse_order_are_sorted():
    y = np.where(Y_TWO == 1, "yes", "no")
    clf = NeuronClassifier(epochs=5).fit(X_TWO, y)
    assert clf.classes_.tolist() == ["no", "yes"]
    assert clf.coef_.tolist() == NeuronClassifier(epochs=5).fit(X_TWO, Y_TWO).coef_.tolist()


def test_accuracy_is_the_share_of_labels_predicted():
    clf = NeuronClassifier(epochs=3).fit(X_TWO, Y_TWO)
    flipped = 1 - clf.predict(X_TWO)
    flipped[:15] = 1 - flipped[:15]  # 15 of 60 right
    assert clf.score(X_TWO, flipped) == 0.25
    weights = np.r_[np.full(15, 3.0), np.ones(45)]
    assert clf.score(X_TWO, flipped, sample_weight=weights) == 45 / 90


@pytest.mark.parametrize("y, message", [
    (np.ones(60), "one class"),
    (np.arange(60) % 3, "Only binary classification is supported"),
    (np.linspace(0, 1, 60), "Unknown label type: continuous"),
])
def test_classifier_refuses_targets_that_are_not_two_classes(y, message):
    with pytest.raises(ValueError, match=message):
        NeuronClassifier().fit(X_TWO, y)


def test_a_regressors_loss_in_the_classifier_is_refused():
    with pytest.raises(ValueError, match="use NeuronRegressor"):
        NeuronClassifier(loss="half-se").fit(X_TWO, Y_TWO)


# both: errors, protocol, state -----------------------------------------------
@pytest.mark.parametrize("estimator", [NeuronRegressor(), NeuronClassifier()])
@pytest.mark.parametrize("method", ["predict", "predict_proba", "decision_function", "score"])
def test_using_an_estimator_before_fit_raises_not_fitted(estimator, method):
    if not hasattr(estimator, method):
        pytest.skip(f"{type(estimator).__name__} has no {method}")
    args = (X_TWO, Y_TWO) if method == "score" else (X_TWO,)
    with pytest.raises(NotFittedError, match="not fitted yet") as caught:
        getattr(estimator, method)(*args)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, AttributeError)


def test_the_regressor_has_no_classifier_methods():
    assert not hasattr(NeuronRegressor(), "predict_proba") and not hasattr(NeuronRegressor(), "decision_function")


@pytest.mark.parametrize("estimator", [NeuronRegressor(), NeuronClassifier()])
def test_predict_checks_the_number_of_features(estimator):
    estimator.fit(X_TWO, Y_TWO)
    with pytest.raises(ValueError, match="X has 3 features, but .* is expecting 2 features"):
        estimator.predict(np.ones((4, 3)))


@pytest.mark.parametrize("X, error, message", [
    (np.array([[1.0, np.nan]] * 60), ValueError, "contains NaN at row 0, column 1"),
    (np.array([[1.0, np.inf]] * 60), ValueError, "contains infinity"),
    (np.ones(60), ValueError, "Reshape your data"),
    (np.ones((60, 0)), ValueError, "0 feature"),
    (np.ones((60, 2)) * 1j, ValueError, "Complex data not supported"),
])
def test_bad_features_are_refused_with_a_clear_error(X, error, message):
    with pytest.raises(error, match=message):
        NeuronRegressor().fit(X, Y_TWO)


def test_y_of_another_length_or_missing_is_refused():
    with pytest.raises(ValueError, match="X has 60 samples but y has 59"):
        NeuronRegressor().fit(X_TWO, Y_TWO[:-1])
    with pytest.raises(ValueError, match="requires y to be passed"):
        NeuronClassifier().fit(X_TWO, None)


def test_hyperparameters_are_checked_by_fit_not_by_init():
    reg = NeuronRegressor(lr=-1, epochs="many")  # stored as given
    assert reg.lr == -1 and reg.epochs == "many"
    with pytest.raises(ValueError, match="epochs"):
        reg.fit(X_TWO, Y_TWO)


def test_get_params_lists_every_init_argument_and_set_params_changes_them():
    reg = NeuronRegressor(lr=0.5, init="zeros")
    params = reg.get_params()
    assert set(params) == {"loss", "epochs", "lr", "batch_size", "shuffle", "random_state", "init",
                           "init_w", "init_b", "method"}
    assert params["lr"] == 0.5 and params["init"] == "zeros" and params["loss"] == "half-se"
    assert NeuronRegressor(**params).get_params() == params
    assert reg.set_params(epochs=3, lr=0.1) is reg and (reg.epochs, reg.lr) == (3, 0.1)
    with pytest.raises(ValueError, match="Invalid parameter 'alpha'"):
        reg.set_params(alpha=1.0)


def test_repr_shows_the_changed_parameters():
    assert repr(NeuronRegressor()) == "NeuronRegressor()"
    assert repr(NeuronClassifier(init_w=1.0, init_b=0.0)) == "NeuronClassifier(init_b=0.0, init_w=1.0)"


def test_random_state_makes_shuffled_training_repeat():
    fit = lambda state: NeuronRegressor(shuffle=True, random_state=state).fit(X_TWO, X_TWO[:, 0]).coef_.tolist()
    assert fit(3) == fit(3) and fit(3) != fit(4)
    assert fit(np.random.RandomState(3)) == fit(np.random.RandomState(3))


def test_random_init_draws_from_random_state():
    fit = lambda state: NeuronClassifier(init="random", epochs=1, random_state=state).fit(X_TWO, Y_TWO).coef_.tolist()
    assert fit(1) == fit(1) and fit(1) != fit(2)


def test_fit_starts_over_each_time():
    clf = NeuronClassifier(epochs=5)
    first = clf.fit(X_TWO, Y_TWO).coef_.tolist()
    assert clf.fit(X_TWO, Y_TWO).coef_.tolist() == first and clf.n_iter_ == 5


def test_a_fitted_estimator_pickles_and_predicts_the_same():
    clf = NeuronClassifier(epochs=5).fit(X_TWO, np.where(Y_TWO == 1, "spam", "ham"))
    back = pickle.loads(pickle.dumps(clf))
    np.testing.assert_array_equal(back.predict(X_TWO), clf.predict(X_TWO))
    error = pickle.loads(pickle.dumps(NotFittedError("not fitted yet")))
    assert isinstance(error, NotFittedError) and error.args == ("not fitted yet",)


def test_the_estimators_run_where_scikit_learn_cannot_be_imported():
    code = (
        "import sys; sys.modules['sklearn'] = None\n"  # any import of sklearn now fails
        "import numpy as np\n"
        "from neuron import NeuronClassifier, NeuronRegressor, NotFittedError\n"
        "X = np.array([[0.0], [1.0], [2.0], [3.0]])\n"
        "try:\n"
        "    NeuronRegressor().predict(X)\n"
        "except NotFittedError as e:\n"
        "    print(type(e).__mro__[1].__name__)\n"
        "print(NeuronRegressor(epochs=300).fit(X, [1.0, 3.0, 5.0, 7.0]).score(X, [1.0, 3.0, 5.0, 7.0]) > 0.99)\n"
        "print(NeuronClassifier().fit(X, ['a', 'a', 'b', 'b']).predict(X).tolist())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:3] == ["ValueError", "True", "['a', 'a', 'b', 'b']"]


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), scale=st.floats(1e-3, 1e4), shift=st.floats(-1e3, 1e3),
       samples=st.integers(1, 30), features=st.integers(1, 3), loss=st.sampled_from(["half-se", "se"]),
       batch=st.sampled_from([1, 4, 1000]), shuffle=st.booleans())
@example(seed=0, scale=1e4, shift=1e3, samples=30, features=3, loss="se", batch=1, shuffle=False)
def test_the_auto_rate_never_diverges_on_a_squared_loss(seed, scale, shift, samples, features, loss, batch, shuffle):
    rng = np.random.default_rng(seed)
    X = rng.normal(loc=shift, scale=scale, size=(samples, features))
    y = rng.normal(scale=scale, size=samples)
    reg = NeuronRegressor(loss=loss, epochs=30, batch_size=batch, shuffle=shuffle, random_state=seed).fit(X, y)
    assert np.isfinite(reg.coef_).all() and np.isfinite(reg.intercept_)
    assert np.isfinite(reg.loss_curve_).all()


def test_the_classifier_takes_the_auto_rate_too():
    clf = NeuronClassifier(lr="auto").fit(X_TWO, Y_TWO)
    assert clf.lr_ == safe_rate(X_TWO) and clf.score(X_TWO, Y_TWO) > 0.8
