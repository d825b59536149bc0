"""``neuron fit``'s flags for practitioners: ``--standardize``, ``--init-w`` /
``--init-b``, ``--version``, unknown loss names, expressions written for the
wrong number of features, and summarised long losses."""
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import derive
import neuron
from derive import version
from neuron.cli import main
from neuron.cli_text import loss_text
from neuron.datasets import load_diabetes
from neuron.problem import build_problem
from neuron_cli_helpers import run, write


@pytest.fixture
def uneven(tmp_path):
    """Two features on scales 1000 apart, y linear in them."""
    rng = np.random.default_rng(4)
    X = np.c_[rng.normal(500, 100, 50), rng.normal(0, 0.1, 50)]
    return write(tmp_path / "uneven.csv", ["big", "small", "y"], np.c_[X, X @ [0.02, 30.0] + 4]), X


# --standardize -----------------------------------------------------------------

def test_standardize_trains_as_on_features_scaled_by_hand(capsys, tmp_path, uneven):
    path, X = uneven
    mean, std = X.mean(axis=0), X.std(axis=0)
    y = np.loadtxt(path, delimiter=",", skiprows=1)[:, 2]
    scaled = write(tmp_path / "scaled.csv", ["big", "small", "y"], np.c_[(X - mean) / std, y])
    by_flag = json.loads(run(capsys, "fit", path, "--standardize", "--lr", "0.1", "--json")[1])
    by_hand = json.loads(run(capsys, "fit", scaled, "--lr", "0.1", "--json")[1])
    assert by_flag["w"] == pytest.approx(by_hand["w"], rel=1e-12) and by_flag["b"] == pytest.approx(by_hand["b"], rel=1e-12)
    assert by_flag["standardization"]["mean"] == pytest.approx(mean, rel=1e-12)
    assert by_flag["standardization"]["std"] == pytest.approx(std, rel=1e-12)
    assert by_hand["standardization"] is None


def test_standardize_scales_held_out_rows_by_the_training_rows(capsys, tmp_path, uneven):
    path, X = uneven
    rng = np.random.default_rng(9)
    X_test = np.c_[rng.normal(500, 100, 10), rng.normal(0, 0.1, 10)]
    y_test = X_test @ [0.02, 30.0] + 4
    test = write(tmp_path / "test.csv", ["big", "small", "y"], np.c_[X_test, y_test])
    report = json.loads(run(capsys, "fit", path, "--test", test, "--standardize", "--lr", "0.1", "--json")[1])
    predicted = ((X_test - X.mean(axis=0)) / X.std(axis=0)) @ report["w"] + report["b"]
    assert report["test"]["mse"] == pytest.approx(np.mean((y_test - predicted) ** 2), rel=1e-12)


def test_a_constant_column_is_only_centred(capsys, tmp_path):
    path = write(tmp_path / "c.csv", ["x", "k", "y"], np.c_[np.arange(6.0), np.full(6, 3.0), np.arange(6.0)])
    code, out, _ = run(capsys, "fit", path, "--standardize", "--lr", "0.1", "--json")
    report = json.loads(out)
    assert code == 0 and report["standardization"]["std"][1] == 1.0 and np.isfinite(report["w"]).all()


def test_the_text_report_says_the_features_were_standardised(capsys, uneven):
    assert "features standardised" in run(capsys, "fit", uneven[0], "--standardize", "--lr", "0.1")[1]


def test_a_divergence_on_uneven_scales_suggests_standardize(capsys):
    code, out, err = run(capsys, "fit", "--lr", "5")
    assert code == 1 and out == ""
    assert "very different scales" in err and "add --standardize" in err


def test_a_divergence_with_standardized_features_does_not_suggest_it_again(capsys):
    code, _, err = run(capsys, "fit", "--lr", "5", "--standardize")
    assert code == 1 and "diverged" in err and "--standardize" not in err


# --init-w, --init-b --------------------------------------------------------------

def book_epoch(x, y, w, b, lr=1.0):
    """One epoch of the book's per-sample descent on ½(y − (w·x + b))², written out."""
    for xi, yi in zip(x, y):
        err = yi - (w * xi + b)
        w, b = w + lr * err * xi, b + lr * err
    return w, b


def test_init_w_and_init_b_set_where_training_starts(capsys):
    X, y = load_diabetes()
    report = json.loads(run(capsys, "fit", "--init-w", "0.5", "--init-b", "-2", "--epochs", "1", "--method", "loop",
                            "--json")[1])
    assert report["start"] == {"w": 0.5, "b": -2.0} and report["init"] == [0.5, -2.0]
    assert (report["w"], report["b"]) == pytest.approx(book_epoch(X[:, 2], y, 0.5, -2.0), rel=1e-12)


def test_init_w_takes_one_value_per_feature(capsys, tmp_path):
    path = write(tmp_path / "d.csv", ["a", "b", "y"], np.array([[1.0, 2.0, 3.0], [0.0, 1.0, 1.0]]))
    code, out, _ = run(capsys, "fit", path, "--init-w", "0.25,-1", "--init-b", "0", "--epochs", "1", "--lr", "0.1")
    assert code == 0 and "from w = [0.25, -1], b = 0" in out
    report = json.loads(run(capsys, "fit", path, "--init-w", "0.25, -1", "--epochs", "1", "--lr", "0.1", "--json")[1])
    assert report["start"] == {"w": [0.25, -1.0], "b": 1.0}


def test_one_init_w_value_is_every_features(capsys, tmp_path):
    path = write(tmp_path / "d.csv", ["a", "b", "c", "y"], np.eye(4))
    out = run(capsys, "fit", path, "--init-w", "1", "--init-b", "0", "--epochs", "1", "--lr", "0.1")[1]
    assert "from w = 1, b = 0," in out


def test_the_start_is_saved_so_a_loaded_neuron_resets_to_it(capsys, tmp_path):
    model = tmp_path / "n.json"
    assert run(capsys, "fit", "--init-w", "3", "--init-b", "4", "--epochs", "2", "--save", model)[0] == 0
    loaded = neuron.Neuron.load(model).reset()
    assert (loaded.w, loaded.b) == (3.0, 4.0)


@pytest.mark.parametrize("argv, message", [
    (["--init-w", "abc"], "'abc' is not a number"),
    (["--init-w", "nan"], "finite numbers"),
    (["--init-w", "1,2"], "--init-w has 2 values but there are 1 feature columns"),
    (["--init-b", "1,2"], "--init-b takes one number"),
    (["--init-w", ""], "is not a number"),
])
def test_unusable_starting_values_exit_2(capsys, argv, message):
    code, out, err = run(capsys, "fit", *argv)
    assert code == 2 and out == "" and message in err


def test_random_init_still_says_it_was_random(capsys):
    assert "from random w, b (seed 3)" in run(capsys, "fit", "--init", "random", "--seed", "3", "--epochs", "1")[1]


# --version -----------------------------------------------------------------------

def test_both_packages_and_commands_give_the_same_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out == f"neuron {neuron.__version__}\n"
    done = subprocess.run([sys.executable, "-m", "derive", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == f"derive {derive.__version__}\n"
    assert derive.__version__ == neuron.__version__


def test_the_fallback_version_is_pyprojects():
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text()
    assert re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1) == version.FALLBACK


def test_the_version_comes_from_the_installed_metadata(monkeypatch):
    from importlib import metadata  # version.py imports it only when asked (70 ms)

    monkeypatch.setattr(metadata, "version", lambda name: "9.8.7" if name == "derive-neuron" else None)
    assert version.package_version() == "9.8.7"

    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    assert version.package_version() == version.FALLBACK


# loss names and expressions ------------------------------------------------------

@pytest.mark.parametrize("loss, hint", [("mse", ""), ("half_se", "did you mean half-se?"), ("cross-entropy", "")])
def test_an_unknown_loss_name_lists_the_named_losses(capsys, loss, hint):
    code, out, err = run(capsys, "fit", "--loss", loss)
    assert code == 2 and out == ""
    assert f"unknown loss {loss!r}" in err and "the named losses are half-se" in err and "logistic" in err
    assert hint in err and "also uses" not in err


def test_an_expression_in_w_and_x_with_several_columns_says_to_index_them(capsys, tmp_path):
    path = write(tmp_path / "d.csv", ["a", "b", "c", "y"], np.eye(4))
    code, _, err = run(capsys, "fit", path, "--loss", "(y - (w*x + b))**2")
    assert code == 2 and "written for one feature (w, x), but there are 3 feature columns" in err
    assert "w_1…w_3 and x_1…x_3" in err and "w_1*x_1 + w_2*x_2 + … + w_3*x_3" in err


def test_an_indexed_expression_for_the_wrong_count_says_so(capsys, tmp_path):
    path = write(tmp_path / "d.csv", ["a", "b", "c", "y"], np.eye(4))
    code, _, err = run(capsys, "fit", path, "--loss", "(y - (w_1*x_1 + w_2*x_2 + b))**2")
    assert code == 2 and "written for 2 features (w_1…w_2, x_1…x_2), but there are 3" in err


def test_an_indexed_expression_for_the_right_count_trains(capsys, tmp_path):
    path = write(tmp_path / "d.csv", ["a", "b", "y"], np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 3.0], [1.0, 1.0, 5.0]]))
    code, out, _ = run(capsys, "fit", path, "--loss", "(y - (w_1*x_1 + w_2*x_2 + b))**2", "--lr", "0.1", "--json")
    assert code == 0 and len(json.loads(out)["w"]) == 2


# long losses -----------------------------------------------------------------------

def test_a_long_named_loss_is_summarised_in_z(capsys, tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 12))
    path = write(tmp_path / "wide.csv", [f"f{i}" for i in range(12)] + ["y"], np.c_[X, X.sum(axis=1)])
    out = run(capsys, "fit", path, "--lr", "0.01", "--epochs", "2")[1]
    loss_line = out.splitlines()[1]
    assert loss_line == "loss      half-se = (y - z)**2/2, z = w·x + b over 12 features"
    assert "x = f0, f1, f2, f3, … f11 (12 columns)" in out.splitlines()[0]
    full = json.loads(run(capsys, "fit", path, "--lr", "0.01", "--epochs", "2", "--json")[1])["loss_expr"]
    assert "w_12*x_12" in full and "z" not in full


def test_the_logistic_loss_over_30_features_reads_in_one_short_line():
    text = loss_text(build_problem("logistic", 30))
    assert text == "-y*log(sigmoid(z)) - (1 - y)*log(1 - sigmoid(z)), z = w·x + b over 30 features"


def test_a_long_loss_not_written_in_w_dot_x_is_cut_and_points_to_json():
    terms = " + ".join(f"w_{i}**2*x_{i}" for i in range(1, 13))
    problem = build_problem(f"(y - ({terms} + b))**2 + w_1*x_1")
    text = loss_text(problem)
    assert len(text) < 140 and text.endswith("… (the full loss is in --json)")


def test_a_short_loss_is_printed_whole():
    assert loss_text(build_problem("half-se", 2)) == "(-b - w_1*x_1 - w_2*x_2 + y)**2/2"


# data read lazily by Dask ----------------------------------------------------------

@pytest.mark.parametrize("argv, named", [
    (["--standardize"], "--standardize needs"),
    (["--test-size", "0.2", "--init-w", "1"], "--test-size, --init-w need"),
    (["--test", "t.csv"], "--test needs"),
])
def test_in_memory_options_are_refused_for_a_glob_before_reading_it(capsys, tmp_path, argv, named):
    code, out, err = run(capsys, "fit", str(tmp_path / "parts" / "*.csv"), *argv)
    assert code == 2 and out == "" and named in err and "a glob, a folder" in err
