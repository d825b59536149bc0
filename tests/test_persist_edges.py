"""Saving and loading at the edges the other persistence tests step over: exactly as many
features as the cap saves and loads back; a file exactly as large as the limit is read."""
import json

import numpy as np

from neuron import Neuron
from neuron import persist, safe_json
from neuron.errors import NeuronFileError


def test_a_neuron_with_exactly_the_cap_of_features_saves_and_loads(tmp_path, monkeypatch):
    monkeypatch.setattr(persist, "MAX_FEATURES", 2)
    n = Neuron(features=2).fit(np.array([[1.0, 2.0], [0.5, -1.0], [2.0, 0.0]]), np.array([1.0, 0.0, 2.0]),
                               epochs=3, lr=0.05)
    n.save(tmp_path / "n.json")
    back = Neuron.load(tmp_path / "n.json")
    assert back.features == 2 and list(back.w) == list(n.w) and back.b == n.b and back.history == n.history


def test_a_file_of_exactly_the_size_limit_is_read_and_one_byte_more_is_refused(tmp_path, monkeypatch):
    n = Neuron().fit(np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 6.0]), epochs=2, lr=0.05)
    n.save(tmp_path / "n.json")
    size = (tmp_path / "n.json").stat().st_size
    monkeypatch.setattr(safe_json, "MAX_FILE_BYTES", size)
    assert Neuron.load(tmp_path / "n.json").b == n.b
    monkeypatch.setattr(safe_json, "MAX_FILE_BYTES", size - 1)
    try:
        Neuron.load(tmp_path / "n.json")
    except NeuronFileError as error:
        assert f"larger than {size - 1} bytes" in str(error)
    else:
        raise AssertionError("a file over the limit was read")


def test_the_saved_file_is_the_documented_json(tmp_path):
    n = Neuron().fit(np.array([1.0, 2.0]), np.array([1.0, 3.0]), epochs=2, lr=0.1)
    n.save(tmp_path / "n.json")
    state = json.loads((tmp_path / "n.json").read_text(encoding="utf-8"))
    assert state["format"] == "derive-neuron" and state["version"] == 1 and state["features"] == 1
    assert state["w"] == [n.w] and state["b"] == n.b and state["history"] == n.history
    assert (tmp_path / "n.json").read_text(encoding="utf-8").endswith("}\n")
