"""Every JSON output of both command lines is JSON a strict reader accepts:
no ``Infinity`` or ``NaN`` (Python's ``json`` writes them by default, and
no other JSON reader takes them) — ``neuron fit --json`` (diverged runs
too), ``derive grad --json``, ``derive check --json``."""
from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from derive.cli import main as derive_main
from neuron.cli import main as neuron_main

ROOT = Path(__file__).resolve().parents[1]
#: The shared lecture, beside the clone (CI) or beside a worktree's parent folder.
LECTURE = next((folder / "shared" / "lecture" / "gradient-descent-lecture.md" for folder in ROOT.parents
                if (folder / "shared" / "lecture" / "gradient-descent-lecture.md").is_file()),
               ROOT / "derive" / "data" / "lecture.md")


def _refuse(constant: str):
    raise ValueError(f"not JSON: {constant}")


def strict_json(text: str):
    """``text`` parsed as JSON, refusing the NaN, Infinity and -Infinity Python writes."""
    return json.loads(text, parse_constant=_refuse)


def test_the_strict_reader_refuses_what_python_writes_for_infinity():
    with pytest.raises(ValueError, match="Infinity"):
        strict_json(json.dumps({"loss": float("inf")}))
    with pytest.raises(ValueError, match="NaN"):
        strict_json(json.dumps([float("nan")]))


# neuron fit --json --------------------------------------------------------------

def _fit_json(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = neuron_main(["fit", *args, "--json"])
    return code, out.getvalue(), err.getvalue()


def test_neuron_fit_json_on_the_bundled_data_is_strict():
    code, out, _ = _fit_json("--epochs", "3")
    assert code == 0
    assert strict_json(out)["history"][0] > 0


def test_a_loss_that_overflows_is_null_not_infinity(tmp_path):
    """The campaign's case: data near the float limit, a loss of inf reported with exit 0
    (here the optimum's: its squared residuals overflow)."""
    data = tmp_path / "big.csv"
    data.write_text("1e308,1e308\n1e308,1e308\n")
    code, out, _ = _fit_json(str(data), "--epochs", "1", "--lr", "1e-300")
    assert code == 0
    report = strict_json(out)
    assert report["optimum"]["loss"] is None and report["optimum"]["mse"] is None
    assert report["loss"] == 0.0  # finite numbers stay numbers


def test_a_diverged_run_prints_no_json_that_is_not_json():
    code, out, err = _fit_json("--lr", "5")
    assert code == 1 and err.startswith("neuron: training diverged")
    assert out == "" or strict_json(out)


numbers = st.one_of(st.floats(allow_nan=False, allow_infinity=False),
                    st.sampled_from([1e308, -1e308, 1e154, 1e-320, 0.0]))


@settings(max_examples=40)
@given(rows=st.lists(st.tuples(numbers, numbers), min_size=1, max_size=4),
       lr=st.sampled_from(["1e-300", "0.001", "1", "5"]),
       loss=st.sampled_from(["half-se", "se", "abs"]))
@example(rows=[(1e308, 1e308), (1e308, 1e308)], lr="1e-300", loss="half-se")
@example(rows=[(1e154, 1e308), (1e154, 1e308)], lr="1e-300", loss="half-se")  # a tiny stable rate
def test_neuron_fit_json_is_strict_whatever_the_data(tmp_path_factory, rows, lr, loss):
    """Whatever numbers the file holds and however training ends, stdout is
    strict JSON or empty, the exit code is 0, 1 or 2, and no traceback."""
    data = tmp_path_factory.mktemp("fit") / "d.csv"
    data.write_text("".join(f"{x!r},{y!r}\n" for x, y in rows))
    code, out, err = _fit_json(str(data), "--epochs", "2", "--lr", lr, "--loss", loss)
    assert code in (0, 1, 2), err
    assert "Traceback" not in err
    if code == 0:
        strict_json(out)
    else:
        assert out == "" or strict_json(out)


# derive grad --json ---------------------------------------------------------------

@pytest.mark.parametrize("loss", [
    "(y - (w*x + b))**2 / 2",
    "-(y*log(sigmoid(w*x + b)) + (1 - y)*log(1 - sigmoid(w*x + b)))",
    "abs(y - (w*x + b))",
    "1e300*w**2 + 1e-300*b",
    "exp(700*w) + pi*b",
])
def test_derive_grad_json_is_strict(capsys, loss):
    code = derive_main(["grad", loss, "--wrt", "w", "b", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert set(strict_json(out)) >= {"loss", "wrt", "gradient"}


def test_derive_grad_json_with_emit_is_strict(capsys):
    assert derive_main(["grad", "(y - (w*x + b))**2", "--wrt", "w", "b", "--emit", "c", "--json"]) == 0
    assert "emit" in strict_json(capsys.readouterr().out)


# derive check --json --------------------------------------------------------------

def test_derive_check_json_of_the_lecture_is_strict(capsys):
    code = derive_main(["check", str(LECTURE), "--json"])
    assert code == 1
    report = strict_json(capsys.readouterr().out)
    assert [s["line"] for s in report["steps"] if s["verdict"] == "wrong"] == [_boxed_gradient_line()]


def _boxed_gradient_line() -> int:
    """The line of the lecture's boxed dSE/dw that drops the x: 67 in the shared lecture, 38 in the copy bundled
    with derive (used when the clone has no ../shared beside it)."""
    lines = LECTURE.read_text(encoding="utf-8").splitlines()
    return next(k for k, text in enumerate(lines, 1) if r"\boxed{\frac{dSE}{dw} = -(y - \hat{y})}" in text)


def test_a_counterexample_that_overflows_is_written_as_a_string(tmp_path, capsys):
    """e^{1000w} and e^{999w} both overflow at the first test point: the JSON said Infinity."""
    notes = tmp_path / "n.md"
    notes.write_text("$$e^{1000 w} = e^{999 w}$$\n")
    derive_main(["check", str(notes), "--json"])
    report = strict_json(capsys.readouterr().out)
    example = report["steps"][0]["counterexample"]
    assert example is None or all(not isinstance(v, float) or abs(v) < float("inf")
                                  for v in (example["left"], example["right"]))


def test_derive_check_json_of_several_files_is_strict(tmp_path, capsys):
    (tmp_path / "a.md").write_text("$$e^{1000 w} = e^{999 w}$$\n")
    (tmp_path / "b.md").write_text("$$SE = (y - w x)^2$$\n\n$$\\frac{dSE}{dw} = -2(y - w x) x$$\n")
    derive_main(["check", str(tmp_path), "--json", "--jobs", "1"])
    report = strict_json(capsys.readouterr().out)
    assert report
