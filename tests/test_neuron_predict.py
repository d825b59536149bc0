"""``neuron predict MODEL.json DATA.csv``: predictions from a saved neuron,
its feature columns found by the names saved with it, scaled as in training;
recomputed here from the weights in the saved file."""
import json
import warnings

import numpy as np
import pytest

from neuron import Neuron
from neuron.cli import main
from neuron.persist import load_model
from neuron_cli_helpers import run, write


@pytest.fixture
def two_features(tmp_path):
    """A model of y = 2a − b + 1 saved from a.csv; new rows with the columns reordered and an extra one."""
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(2, 30))
    train = write(tmp_path / "train.csv", ["a", "b", "y"], np.c_[a, b, 2 * a - b + 1])
    model = tmp_path / "model.json"
    assert main(["fit", str(train), "--lr", "0.05", "--epochs", "50", "--save", str(model)]) == 0
    new = rng.normal(size=(7, 3))
    rows = write(tmp_path / "new.csv", ["id", "b", "a"], new)
    return model, rows, new


def saved(model):
    state = json.loads(model.read_text())
    return np.array(state["w"]), state["b"], state


def test_predictions_are_w_dot_x_plus_b_with_columns_found_by_name(capsys, two_features):
    model, rows, new = two_features
    capsys.readouterr()
    code, out, err = run(capsys, "predict", model, rows)
    w, b, _ = saved(model)
    lines = out.splitlines()
    assert code == 0 and err == "" and lines[0] == "prediction"
    assert [float(v) for v in lines[1:]] == pytest.approx(new[:, [2, 1]] @ w + b, rel=1e-12)


def test_json_holds_the_predictions_and_the_columns_used(capsys, two_features):
    model, rows, new = two_features
    capsys.readouterr()
    code, out, _ = run(capsys, "predict", model, rows, "--json")
    result = json.loads(out)
    w, b, _ = saved(model)
    assert code == 0 and result["x"] == ["a", "b"] and result["samples"] == 7 and not result["standardized"]
    assert result["predictions"] == pytest.approx(new[:, [2, 1]] @ w + b, rel=1e-12)
    assert "probabilities" not in result


def test_the_saved_model_holds_the_column_names(two_features):
    model, _, _ = two_features
    loaded = load_model(Neuron, model)
    assert loaded.feature_names == ("a", "b") and loaded.target_name == "y" and loaded.standardization is None


def test_a_missing_column_is_named_and_exits_2(capsys, two_features, tmp_path):
    model, _, _ = two_features
    rows = write(tmp_path / "only_a.csv", ["a", "y"], np.ones((3, 2)))
    capsys.readouterr()
    code, out, err = run(capsys, "predict", model, rows)
    assert code == 2 and out == ""
    assert "has no column 'b'; the model was trained on the columns a, b" in err


def test_a_file_without_a_header_is_refused_for_a_model_with_names(capsys, two_features, tmp_path):
    model, _, _ = two_features
    rows = tmp_path / "bare.csv"
    rows.write_text("1,2\n3,4\n")
    capsys.readouterr()
    code, _, err = run(capsys, "predict", model, rows)
    assert code == 2 and "has no header row" in err and "a, b" in err


def test_a_classifier_prints_the_class_and_the_probability(capsys, tmp_path):
    rng = np.random.default_rng(1)
    x = rng.normal(size=60)
    train = write(tmp_path / "c.csv", ["x", "y"], np.c_[x, (x > 0.3).astype(float)])
    model = tmp_path / "clf.json"
    assert main(["fit", str(train), "--loss", "logistic", "--epochs", "20", "--save", str(model)]) == 0
    capsys.readouterr()
    new = write(tmp_path / "new.csv", ["x"], np.array([[-3.0], [0.3], [2.5]]))
    code, out, _ = run(capsys, "predict", model, new)
    w, b, _ = saved(model)
    p = 1 / (1 + np.exp(-(w[0] * np.array([-3.0, 0.3, 2.5]) + b)))
    lines = out.splitlines()
    assert code == 0 and lines[0] == "prediction,probability"
    assert [int(line.split(",")[0]) for line in lines[1:]] == [int(v >= 0.5) for v in p]
    assert [float(line.split(",")[1]) for line in lines[1:]] == pytest.approx(p, rel=1e-12)
    result = json.loads(run(capsys, "predict", model, new, "--json")[1])
    assert result["predictions"] == [int(v >= 0.5) for v in p] and result["probabilities"] == pytest.approx(p, rel=1e-12)


def test_a_standardized_model_scales_new_rows_by_the_training_mean_and_std(capsys, tmp_path):
    rng = np.random.default_rng(2)
    a, b = rng.normal(50, 10, 40), rng.normal(0, 0.01, 40)
    train = write(tmp_path / "t.csv", ["a", "b", "y"], np.c_[a, b, 0.3 * a + 100 * b])
    model = tmp_path / "s.json"
    assert main(["fit", str(train), "--standardize", "--lr", "0.05", "--save", str(model)]) == 0
    capsys.readouterr()
    new = rng.normal(50, 10, (5, 2))
    rows = write(tmp_path / "new.csv", ["a", "b"], new)
    code, out, _ = run(capsys, "predict", model, rows)
    w, bias, state = saved(model)
    mean, std = np.c_[a, b].mean(axis=0), np.c_[a, b].std(axis=0)
    assert state["standardization"]["mean"] == pytest.approx(mean, rel=1e-12)
    assert state["standardization"]["std"] == pytest.approx(std, rel=1e-12)
    assert code == 0 and [float(v) for v in out.splitlines()[1:]] == pytest.approx(((new - mean) / std) @ w + bias, rel=1e-12)


def test_loading_a_standardized_model_as_a_bare_neuron_warns(tmp_path, capsys):
    train = write(tmp_path / "t.csv", ["x", "y"], np.c_[np.arange(5.0), np.arange(5.0)])
    model = tmp_path / "s.json"
    assert main(["fit", str(train), "--standardize", "--lr", "0.1", "--save", str(model)]) == 0
    with pytest.warns(UserWarning, match="trained on standardised features"):
        Neuron.load(model)


def test_loading_a_model_without_standardization_does_not_warn(two_features):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Neuron.load(two_features[0])


def strip_names(model):
    state = json.loads(model.read_text())
    del state["feature_names"], state["target_name"]
    model.write_text(json.dumps(state))


@pytest.mark.parametrize("columns, ok", [(2, True), (3, True), (4, False), (1, False)])
def test_a_model_saved_without_names_takes_columns_by_position(capsys, two_features, tmp_path, columns, ok):
    """Files from before names were stored: d columns, or d + 1 with the target last, as neuron fit's default."""
    model, _, _ = two_features
    strip_names(model)
    rows = np.arange(3.0 * columns).reshape(3, columns)
    path = write(tmp_path / "old.csv", [f"c{i}" for i in range(columns)], rows)
    capsys.readouterr()
    code, out, err = run(capsys, "predict", model, path)
    if ok:
        w, b, _ = saved(model)
        assert code == 0 and [float(v) for v in out.splitlines()[1:]] == pytest.approx(rows[:, :2] @ w + b, rel=1e-12)
    else:
        assert code == 2 and "taken by position" in err


@pytest.mark.parametrize("change, message", [
    ({"feature_names": ["a"]}, "has feature_names"),
    ({"feature_names": ["a", 3]}, "has feature_names"),
    ({"feature_names": ["a", "a"]}, "names a feature column twice"),
    ({"target_name": 7}, "has target_name"),
    ({"standardization": {"mean": [0, 0], "std": [1, 0]}}, "not above 0"),
    ({"standardization": {"mean": [0], "std": [1, 1]}}, "has standardization"),
    ({"standardization": {"mean": [0, "x"], "std": [1, 1]}}, "where a finite number belongs"),
])
def test_malformed_names_or_scaling_in_a_model_file_exit_2(capsys, two_features, change, message):
    model, rows, _ = two_features
    state = json.loads(model.read_text())
    state.update(change)
    model.write_text(json.dumps(state))
    capsys.readouterr()
    code, out, err = run(capsys, "predict", model, rows)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


@pytest.mark.parametrize("model_text, message", [
    ("not json", "is not a saved neuron"),
    ('{"format": "other"}', "is not a saved neuron"),
])
def test_a_file_that_is_not_a_model_exits_2(capsys, tmp_path, model_text, message):
    model = tmp_path / "m.json"
    model.write_text(model_text)
    rows = write(tmp_path / "r.csv", ["x"], np.ones((2, 1)))
    code, out, err = run(capsys, "predict", model, rows)
    assert code == 2 and out == "" and message in err


def test_predict_with_a_model_that_does_not_exist_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "predict", tmp_path / "none.json", tmp_path / "none.csv")
    assert code == 2 and "cannot read" in err
