"""``neuron fit --test TEST.csv`` and ``--test-size F --seed S``: the trained
neuron is scored on rows it did not train on, beside its training score,
each labelled; the scores are recomputed here from the printed weights."""
import json

import numpy as np
import pytest

from neuron.cli import main
from neuron_cli_helpers import run, write


@pytest.fixture
def line_data(tmp_path):
    """y = 3x − 1 plus noise: 40 training rows, and 15 test rows with the columns in another order."""
    rng = np.random.default_rng(5)
    x, x_test = rng.normal(size=40), rng.normal(size=15)
    y, y_test = 3 * x - 1 + rng.normal(0, 0.5, 40), 3 * x_test - 1 + rng.normal(0, 0.5, 15)
    train = write(tmp_path / "train.csv", ["x", "y"], np.c_[x, y])
    test = write(tmp_path / "test.csv", ["y", "noise", "x"], np.c_[y_test, rng.normal(size=15), x_test])
    return train, test, (x_test, y_test)


def r2(y, predicted):
    return 1 - np.sum((y - predicted) ** 2) / np.sum((y - y.mean()) ** 2)


def test_a_test_file_is_scored_by_column_name_with_r2_loss_and_mse(capsys, line_data):
    train, test, (x_test, y_test) = line_data
    code, out, _ = run(capsys, "fit", train, "--test", test, "--lr", "0.05", "--json")
    report = json.loads(out)
    predicted = report["w"] * x_test + report["b"]
    assert code == 0 and report["test"]["samples"] == 15 and report["held_out"] == str(test)
    assert report["test"]["r2"] == pytest.approx(r2(y_test, predicted), rel=1e-12)
    assert report["test"]["mse"] == pytest.approx(np.mean((y_test - predicted) ** 2), rel=1e-12)
    assert report["test"]["loss"] == pytest.approx(np.mean((y_test - predicted) ** 2) / 2, rel=1e-12)
    assert report["train"]["loss"] == pytest.approx(report["loss"], rel=1e-9)
    assert report["test"]["accuracy"] is None


def test_the_text_report_labels_the_training_and_held_out_scores(capsys, line_data):
    train, test, _ = line_data
    code, out, _ = run(capsys, "fit", train, "--test", test, "--lr", "0.05")
    report = json.loads(run(capsys, "fit", train, "--test", test, "--lr", "0.05", "--json")[1])
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.split() == ["training", "held", "out"])
    table = {line.split()[0]: line.split()[1:] for line in lines[header + 1:header + 4]}
    assert code == 0 and "40 samples to train on, 15 held out" in lines[0]
    assert float(table["R²"][0]) == pytest.approx(report["train"]["r2"], abs=5e-5)
    assert float(table["R²"][1]) == pytest.approx(report["test"]["r2"], abs=5e-5)
    assert float(table["loss"][1]) == pytest.approx(report["test"]["loss"], rel=1e-5)


def test_test_size_holds_out_the_fraction_and_trains_on_the_rest(capsys, line_data):
    train, _, _ = line_data
    code, out, _ = run(capsys, "fit", train, "--test-size", "0.25", "--seed", "3", "--lr", "0.05", "--json")
    report = json.loads(out)
    assert code == 0 and (report["samples"], report["test"]["samples"]) == (30, 10)
    assert report["held_out"] == "25% of the rows, seed 3"
    again = json.loads(run(capsys, "fit", train, "--test-size", "0.25", "--seed", "3", "--lr", "0.05", "--json")[1])
    assert again["w"] == report["w"] and again["test"] == report["test"]


def test_the_held_out_rows_are_the_ones_not_trained_on(capsys, tmp_path):
    """y = x on every row but one (y = 100 at x = 0.4). Trained without it, the
    neuron fits the rest exactly and only the held-out score sees it:
    (100 − 0.4)²; trained with it, the training score cannot be near 0."""
    x = np.arange(10.0) / 10
    y = x.copy()
    y[4] = 100.0
    path = write(tmp_path / "d.csv", ["x", "y"], np.c_[x, y])
    held_out_odd_row = 0
    for seed in range(20):
        report = json.loads(run(capsys, "fit", path, "--test-size", "0.1", "--seed", seed, "--lr", "0.5", "--json",
                                "--epochs", "300")[1])
        if report["train"]["mse"] < 1e-6:
            held_out_odd_row += 1
            assert report["test"]["mse"] == pytest.approx(99.6 ** 2, rel=1e-9)
        else:
            assert report["train"]["mse"] > 100
    assert held_out_odd_row > 0


def test_the_logistic_loss_is_split_stratified_and_scored_by_accuracy(capsys, tmp_path):
    rng = np.random.default_rng(2)
    x = rng.normal(size=100)
    y = (x + rng.normal(0, 0.5, 100) > 0.8).astype(float)
    path = write(tmp_path / "c.csv", ["x", "y"], np.c_[x, y])
    code, out, _ = run(capsys, "fit", path, "--loss", "logistic", "--test-size", "0.2", "--seed", "1", "--json")
    report = json.loads(out)
    assert code == 0 and report["held_out"] == "20% of the rows, stratified, seed 1"
    assert report["test"]["r2"] is None and 0 <= report["test"]["accuracy"] <= 1
    text = run(capsys, "fit", path, "--loss", "logistic", "--test-size", "0.2", "--seed", "1")[1]
    correct = round(report["test"]["accuracy"] * 20)
    assert f"accuracy  {report['train']['accuracy']:.4f}" in text and f"({correct}/20)" in text


def test_a_regression_split_is_not_stratified(capsys, line_data):
    report = json.loads(run(capsys, "fit", line_data[0], "--test-size", "0.2", "--seed", "1", "--json", "--lr", "0.05")[1])
    assert "stratified" not in report["held_out"]


def test_without_a_test_set_the_report_has_no_held_out_score(capsys):
    report = json.loads(run(capsys, "fit", "--epochs", "2", "--json")[1])
    assert report["test"] is None and report["held_out"] is None
    assert report["train"]["mse"] == pytest.approx(report["mse"], rel=1e-12)


@pytest.mark.parametrize("test_content, argv, message", [
    ("x,other\n1,2\n", [], "the test file must have the training columns (x and y)"),
    ("x,y\n1,abc\n", [], "'abc' is not a number"),
    ("x,y\n1,2\n", ["--test-size", "0.2"], None),  # argparse: not both
    ("x,y\n1,0.5\n2,3\n", ["--loss", "logistic"], "the held-out y of 0 and 1"),
])
def test_unusable_held_out_sets_exit_2(capsys, tmp_path, test_content, argv, message):
    train = tmp_path / "train.csv"
    train.write_text("x,y\n0,0\n1,1\n2,1\n3,0\n")
    test = tmp_path / "test.csv"
    test.write_text(test_content)
    if message is None:
        with pytest.raises(SystemExit) as stop:
            main(["fit", str(train), "--test", str(test), *argv])
        assert stop.value.code == 2 and "not allowed with argument" in capsys.readouterr().err
        return
    code, out, err = run(capsys, "fit", train, "--test", test, "--lr", "0.1", *argv)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


def test_a_test_size_that_leaves_nothing_to_train_on_exits_2(capsys, line_data):
    code, out, err = run(capsys, "fit", line_data[0], "--test-size", "0.99")
    assert code == 2 and out == "" and "leaves none to train on" in err
