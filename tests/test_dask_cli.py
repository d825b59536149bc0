"""``neuron fit`` on a glob, a folder or Parquet files (read lazily with Dask)
gives the single file's numbers, uses the same column options and messages,
and trains through ``--scheduler`` on a running cluster."""
import json

import numpy as np
import pytest

pytest.importorskip("dask.dataframe")

from neuron.cli import main  # noqa: E402
from neuron.datasets import load_diabetes  # noqa: E402

REL = 1e-9
PARTS = [(0, 150), (150, 151), (151, 442)]  # the middle file holds one sample


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    X, y = load_diabetes()
    rows = np.c_[X[:, 2], X[:, 3], y]
    header = "bmi,bp,target"
    np.savetxt(root / "all.csv", rows, delimiter=",", header=header, comments="", fmt="%.17g")
    (root / "parts").mkdir()
    for k, (a, b) in enumerate(PARTS):
        np.savetxt(root / "parts" / f"part{k}.csv", rows[a:b], delimiter=",", header=header, comments="", fmt="%.17g")
    return root


def fit(capsys, *argv):
    code = main(["fit", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def numbers(capsys, *argv):
    code, out, err = fit(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def assert_same_training(ours, single):
    np.testing.assert_allclose(np.atleast_1d(ours["w"]), np.atleast_1d(single["w"]), rtol=REL)
    assert ours["b"] == pytest.approx(single["b"], rel=REL)
    np.testing.assert_allclose(ours["history"], single["history"], rtol=REL)
    assert ours["samples"] == single["samples"] == 442 and ours["method"] == single["method"]
    np.testing.assert_allclose(ours["optimum"]["w"], single["optimum"]["w"], rtol=1e-6)
    assert ours["mse"] == pytest.approx(single["mse"], rel=1e-6)


@pytest.mark.parametrize("where", ["glob", "folder"])
@pytest.mark.parametrize("settings", [["--x", "bmi"], ["--batch-size", "442", "--epochs", "30"]])
def test_a_glob_or_a_folder_trains_like_the_single_file(capsys, files, where, settings):
    data = str(files / "parts" / "*.csv") if where == "glob" else str(files / "parts")
    ours = numbers(capsys, data, *settings)
    assert_same_training(ours, numbers(capsys, str(files / "all.csv"), *settings))
    assert "3 CSV files" in ours["data"]


def test_parquet_files_train_like_the_single_file(capsys, files, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = pd.read_csv(files / "all.csv")
    frame.iloc[:200].to_parquet(tmp_path / "a.parquet")
    frame.iloc[200:].to_parquet(tmp_path / "b.parquet")
    ours = numbers(capsys, str(tmp_path / "*.parquet"), "--x", "bmi", "bp", "--epochs", "20", "--lr", "0.5")
    assert_same_training(ours, numbers(capsys, str(files / "all.csv"), "--x", "bmi", "bp", "--epochs", "20", "--lr", "0.5"))


@pytest.mark.parametrize("argv", [["--x", "age"], ["--y", "bmi", "--x", "bmi"], ["--y", "7"]])
def test_column_errors_are_the_single_files(capsys, files, argv):
    code, _, single = fit(capsys, str(files / "all.csv"), *argv)
    code_lazy, _, lazy = fit(capsys, str(files / "parts" / "*.csv"), *argv)
    assert code == code_lazy == 2
    assert lazy.replace(f"{files / 'parts' / '*.csv'} (3 CSV files)", "X") == single.replace(str(files / "all.csv"), "X")


def test_no_matching_files_is_an_input_error(capsys, tmp_path):
    code, _, err = fit(capsys, str(tmp_path / "*.csv"))
    assert code == 2 and "no files match" in err


def test_a_missing_value_is_named_by_its_row(capsys, tmp_path):
    (tmp_path / "a.csv").write_text("x,y\n1,2\n2,3\n")
    (tmp_path / "b.csv").write_text("x,y\n3,\n4,5\n")
    code, _, err = fit(capsys, str(tmp_path / "*.csv"))
    assert code == 2 and "y has a non-finite value (nan) at row 2" in err


def test_plot_is_refused_for_lazy_data(capsys, files, tmp_path):
    pytest.importorskip("matplotlib")
    code, _, err = fit(capsys, str(files / "parts"), "--plot", str(tmp_path / "fit.png"))
    assert code == 2 and "fits in memory" in err


def test_scheduler_trains_on_a_running_cluster(capsys, files):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, processes=False, protocol="tcp", dashboard_address=None) as cluster:
        ours = numbers(capsys, str(files / "parts"), "--x", "bmi", "--scheduler", cluster.scheduler_address)
    assert_same_training(ours, numbers(capsys, str(files / "all.csv"), "--x", "bmi"))


def test_a_cell_that_is_not_a_number_names_the_files(capsys, tmp_path):
    (tmp_path / "a.csv").write_text("x,y\n1,2\n")
    (tmp_path / "b.csv").write_text("x,y\n3,abc\n")
    code, _, err = fit(capsys, str(tmp_path))
    assert code == 2 and f"cannot read {tmp_path} (2 CSV files)" in err and "'abc'" in err
