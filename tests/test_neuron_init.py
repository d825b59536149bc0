"""Neuron's starting weights (``init``, ``w=``, ``b=``), its warm start and ``reset``."""
import numpy as np
import pytest

from neuron import Neuron
from neuron.datasets import load_diabetes

X, Y = load_diabetes()


def test_the_default_start_is_the_books_chapter_3_w_b_one():
    n = Neuron(features=3)
    assert n.w.tolist() == [1.0, 1.0, 1.0] and n.b == 1.0


def test_zeros_starts_every_weight_and_the_bias_at_zero():
    n = Neuron(features=2, init="zeros")
    assert n.w.tolist() == [0.0, 0.0] and n.b == 0.0


def test_random_start_repeats_with_its_seed_and_lies_in_minus_one_to_one():
    a, b = Neuron(features=4, init="random", seed=7), Neuron(features=4, init="random", seed=7)
    other = Neuron(features=4, init="random", seed=8)
    assert a.w.tolist() == b.w.tolist() and a.b == b.b
    assert a.w.tolist() != other.w.tolist()
    assert all(-1.0 <= v < 1.0 for v in [*a.w, a.b])


def test_chapter_4_start_w_one_for_every_feature_b_zero():
    n = Neuron("logistic", w=1.0, b=0.0)
    x = X[:5, :3]
    n.fit(x[:1], [1.0], epochs=1)  # fixes 3 features; then start over
    n.reset()
    assert n.w.tolist() == [1.0, 1.0, 1.0] and n.b == 0.0
    z = x.sum(axis=1)  # w = 1 for every feature, b = 0
    np.testing.assert_allclose(n.forpass(x), 1 / (1 + np.exp(-z)), rtol=1e-14)


def test_given_weights_fix_the_number_of_features():
    n = Neuron(w=[0.5, -2.0], b=3.0)
    assert n.features == 2 and n.w.tolist() == [0.5, -2.0] and n.b == 3.0
    with pytest.raises(ValueError, match="3 feature column"):
        n.fit(X[:10, :3], Y[:10])


def test_an_init_array_is_w_then_b():
    n = Neuron(init=[0.5, -2.0, 3.0])
    assert n.w.tolist() == [0.5, -2.0] and n.b == 3.0


def test_w_and_b_override_a_named_init():
    n = Neuron(features=2, init="random", seed=1, b=0.25)
    assert n.b == 0.25 and n.w.tolist() == Neuron(features=2, init="random", seed=1).w.tolist()


@pytest.mark.parametrize("kwargs, message", [
    ({"init": "ones"}, "init must be one of"),
    ({"init": [1.0]}, "at least 2"),
    ({"init": [1.0, float("nan")]}, "finite"),
    ({"w": "a"}, "w must be a number"),
    ({"w": [[1.0]]}, "1-D"),
    ({"b": [1.0, 2.0]}, "b must be one number"),
    ({"w": [1.0, 2.0], "features": 3}, "for 2 feature"),
    ({"w": [1.0, 2.0], "init": [1.0, 2.0]}, "init has 2 values"),
])
def test_bad_starting_values_are_refused_with_the_argument_named(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Neuron(**kwargs)


def test_predict_before_fit_is_the_forward_pass_with_the_starting_weights():
    n = Neuron(w=2.0, b=-1.0)
    assert n.predict(3.0) == 5.0  # 2·3 − 1
    assert Neuron().predict(0.5) == 1.5  # the book's w = b = 1


def test_fit_continues_from_the_current_weights_and_appends_history():
    x, y = X[:, 2], Y
    twice = Neuron().fit(x, y, epochs=3).fit(x, y, epochs=4)
    once = Neuron().fit(x, y, epochs=7, method="loop")
    assert len(twice.history) == 7
    np.testing.assert_allclose([twice.w, twice.b], [once.w, once.b], rtol=1e-9)
    np.testing.assert_allclose(twice.history, once.history, rtol=1e-9)


def test_reset_starts_over_from_init():
    x, y = X[:, 2], Y
    n = Neuron(w=0.5, b=0.0).fit(x, y, epochs=5)
    n.reset()
    assert (n.w, n.b, n.history) == (0.5, 0.0, [])
    fresh = Neuron(w=0.5, b=0.0).fit(x, y, epochs=2)
    n.fit(x, y, epochs=2)
    assert (n.w, n.b) == (fresh.w, fresh.b) and n.history == fresh.history


def test_reset_lets_a_neuron_without_fixed_features_take_new_data():
    n = Neuron().fit(X[:20, :2], Y[:20], epochs=1, lr=0.1)
    n.reset().fit(X[:20, :3], Y[:20], epochs=1, lr=0.1)
    assert n.features == 3


def test_a_neuron_with_given_starting_weights_saves_and_loads(tmp_path):
    n = Neuron(init=np.array([0.5, -2.0, 3.0])).fit(X[:30, :2], Y[:30], epochs=2, lr=0.1)
    n.save(tmp_path / "n.json")
    back = Neuron.load(tmp_path / "n.json")
    assert back.w.tolist() == n.w.tolist() and back.b == n.b and back.init == [0.5, -2.0, 3.0]
