"""``neuron fit``: reproduces the book with no data, reports the least-squares
optimum computed here independently, reads CSV files, and refuses bad input
with exit 2 and a message (no traceback)."""
import json
import subprocess
import sys

import numpy as np
import pytest

from neuron.cli import main
from neuron.datasets import load_diabetes

BOOK_W = 913.5973364346786
BOOK_B = 123.39414383177173


def test_the_per_sample_loop_prints_the_books_digits_exactly(capsys):
    code, out, _ = run(capsys, "fit", "--method", "loop")
    assert code == 0
    assert f"w         {BOOK_W!r}" in out and f"b         {BOOK_B!r}" in out and "by loop" in out


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def least_squares():
    X, y = load_diabetes()
    (w, b), *_ = np.linalg.lstsq(np.c_[X[:, 2], np.ones(len(y))], y, rcond=None)
    mse = np.mean((y - (w * X[:, 2] + b)) ** 2)
    return w, b, mse


def test_default_run_reproduces_the_book_and_prints_the_optimum(capsys, least_squares):
    code, out, err = run(capsys, "fit")
    w, b, mse = least_squares
    assert code == 0 and err == ""
    printed = dict(line.split(maxsplit=1) for line in out.splitlines()[4:6])
    assert float(printed["w"]) == pytest.approx(BOOK_W, rel=1e-9)
    assert float(printed["b"]) == pytest.approx(BOOK_B, rel=1e-9)
    assert "by scan" in out  # auto: derive proved the ½SE step affine
    assert "least-squares optimum" in out
    assert f"{mse:.5g} at the optimum" in out
    assert round(mse, 1) == 3890.5


def test_json_holds_w_b_loss_and_the_optimum(capsys, least_squares):
    code, out, _ = run(capsys, "fit", "--json")
    report = json.loads(out)
    w, b, mse = least_squares
    assert code == 0
    assert report["w"] == pytest.approx(BOOK_W, rel=1e-9) and report["b"] == pytest.approx(BOOK_B, rel=1e-9)
    X, y = load_diabetes()
    residual = y - (report["w"] * X[:, 2] + report["b"])
    assert report["loss"] == pytest.approx(np.mean(residual ** 2) / 2, rel=1e-12)
    assert round(report["mse"], 1) == 4719.3
    assert report["optimum"]["w"] == pytest.approx(w, rel=1e-9)
    assert report["optimum"]["b"] == pytest.approx(b, rel=1e-9)
    assert report["optimum"]["mse"] == pytest.approx(mse, rel=1e-9)
    assert report["optimum"]["loss"] == pytest.approx(mse / 2, rel=1e-9)
    assert len(report["history"]) == 100


def test_absolute_error_has_no_closed_form_optimum(capsys):
    code, out, _ = run(capsys, "fit", "--loss", "abs", "--epochs", "2", "--json")
    assert code == 0 and json.loads(out)["optimum"] is None


def test_a_typed_squared_loss_gets_the_optimum_too(capsys, least_squares):
    code, out, _ = run(capsys, "fit", "--loss", "(w*x + b - y)**2", "--lr", "0.5", "--epochs", "2", "--json")
    assert code == 0 and json.loads(out)["optimum"]["w"] == pytest.approx(least_squares[0], rel=1e-9)


def test_csv_columns_by_name_and_by_index(tmp_path, capsys):
    rng = np.random.default_rng(0)
    x = rng.normal(size=50)
    path = tmp_path / "data.csv"
    np.savetxt(path, np.c_[rng.normal(size=50), x, 3 * x - 1], delimiter=",", header="noise,x,y", comments="")
    by_name = json.loads(run(capsys, "fit", str(path), "--x", "x", "--y", "y", "--lr", "0.1", "--json")[1])
    by_index = json.loads(run(capsys, "fit", str(path), "--x", "1", "--y", "2", "--lr", "0.1", "--json")[1])
    assert by_name["w"] == by_index["w"] == pytest.approx(3.0, rel=1e-9)
    assert by_name["b"] == pytest.approx(-1.0, rel=1e-9)
    assert by_name["x"] == ["x"] and by_name["y"] == "y"


def test_csv_without_a_header_uses_every_column_but_the_last_as_x(tmp_path, capsys):
    path = tmp_path / "data.csv"
    path.write_text("1,2,9\n2,1,8\n0,0,1\n3,3,16\n")  # y = 2·x_0 + 3·x_1 + 1
    report = json.loads(run(capsys, "fit", str(path), "--lr", "0.02", "--epochs", "3000", "--json")[1])
    assert report["w"] == pytest.approx([2.0, 3.0], rel=1e-6)
    assert report["b"] == pytest.approx(1.0, rel=1e-6)


@pytest.mark.parametrize("content, argv, message", [
    ("a,b\n1,2\n3,x\n", [], "line 3, column 'b': 'x' is not a number"),
    ("a,b\n1,2\n3\n", [], "line 3: 1 fields where the header has 2"),
    ("a,b\n1,2\n3,nan\n", [], "'nan' is not a finite number"),
    ("", [], "is empty"),
    ("a,b\n", [], "a header but no rows"),
    ("a\n1\n2\n", [], "needs at least two columns"),
    ("a,b\n1,2\n2,3\n", ["--x", "c"], "has no column 'c'; its columns are a, b"),
    ("a,b\n1,2\n2,3\n", ["--x", "a", "--y", "a"], "cannot be both x and y"),
])
def test_bad_files_and_columns_exit_2_with_a_message(tmp_path, capsys, content, argv, message):
    path = tmp_path / "data.csv"
    path.write_text(content)
    code, out, err = run(capsys, "fit", str(path), *argv)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("argv, message", [
    (["fit", "/no/such/file.csv"], "cannot read /no/such/file.csv"),
    (["fit", "--x", "height"], "no column 'height'"),
    (["fit", "--loss", "__import__('os')"], "cannot read the expression"),
    (["fit", "--loss", "(y - (w*x + b + c))**2"], "also uses c"),
    (["fit", "--lr", "0"], "lr must be a finite number above 0"),
    (["fit", "--loss", "logistic"], "needs y of 0 and 1"),
    (["fit", "--save", "/no/such/folder/n.json"], "does not exist"),
    (["fit", "--plot", "/no/such/folder/fit.png"], "does not exist"),
])
def test_unusable_arguments_exit_2_with_a_message(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and message in err


def test_a_diverging_rate_exits_1_and_suggests_a_smaller_rate(capsys):
    code, out, err = run(capsys, "fit", "--lr", "5")
    assert code == 1 and out == ""
    assert "diverged at epoch 1" in err and "smaller learning rate" in err


def test_save_writes_a_neuron_that_loads_back(tmp_path, capsys):
    from neuron import Neuron

    path = tmp_path / "neuron.json"
    assert run(capsys, "fit", "--save", str(path))[0] == 0
    n = Neuron.load(path)
    assert (n.w, n.b) == pytest.approx((BOOK_W, BOOK_B), rel=1e-12)


def test_save_over_a_file_that_is_not_a_neuron_is_refused_before_training(tmp_path, capsys, monkeypatch):
    import neuron.cli

    data = tmp_path / "data.csv"
    data.write_text("x,y\n1,2\n3,4\n")
    monkeypatch.setattr(neuron.cli.Neuron, "fit", lambda *a, **k: pytest.fail("trained before refusing the save"))
    code, out, err = run(capsys, "fit", str(data), "--save", str(data))
    assert code == 2 and "data.csv" in err and out == ""
    assert data.read_text() == "x,y\n1,2\n3,4\n"


def test_plot_writes_a_png(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    path = tmp_path / "fit.png"
    code, _, err = run(capsys, "fit", "--epochs", "5", "--plot", str(path))
    assert code == 0 and err == ""
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_without_matplotlib_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    code, out, err = run(capsys, "fit", "--plot", str(tmp_path / "fit.png"))
    assert code == 2 and out == ""
    assert "pip install 'derive-neuron[plot]'" in err


def test_python_dash_m_neuron_runs_the_command_line():
    done = subprocess.run([sys.executable, "-m", "neuron", "fit", "--epochs", "1", "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert set(json.loads(done.stdout)) >= {"w", "b", "loss", "optimum"}


def test_a_bug_in_training_is_not_reported_as_bad_input(monkeypatch, capsys):
    import neuron.cli

    def broken(self, *args, **kwargs):
        raise TypeError("a programming error")

    monkeypatch.setattr(neuron.cli.Neuron, "fit", broken)
    assert neuron.cli.main(["fit"]) == 3  # never 1, which says "diverged"
    err = capsys.readouterr().err
    assert err.startswith("neuron: internal error") and "TypeError: a programming error" in err
