"""``neuron fit``'s progress bar: on stderr only when it is a terminal (faked
here by ``isatty``), not with ``--quiet`` or ``--json``, only for the loops
that really run epoch by epoch, and showing the loss of the epoch it shows."""
import importlib.util
import io
import re
import sys

import numpy as np
import pytest

import neuron.cli_progress as progress
from derive.descent import reporting_epochs
from derive.descent.progress import epoch_done
from neuron import Neuron
from neuron.cli import main
from neuron.datasets import load_diabetes


def as_terminal(monkeypatch):
    """stderr says it is a terminal; the bar appears at once and redraws every epoch.
    Called in the test itself: the stderr capsys installs for the test is not the one a fixture sees."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "REDRAW", 0.0)


def fit(capsys, *argv):
    code = main(["fit", *argv])
    out, err = capsys.readouterr()
    assert code == 0
    return out, err


def drawn(err):
    """(epoch, loss) of every drawing of the bar in ``err``."""
    return [(int(e), float(v)) for e, v in re.findall(r"(\d+)/100 \[[^\]]*loss ([-\d.e+]+)\]", err)]


def test_on_a_terminal_the_bar_shows_each_epoch_with_its_own_loss(capsys, monkeypatch):
    as_terminal(monkeypatch)
    out, err = fit(capsys, "--method", "loop")
    X, y = load_diabetes()
    history = Neuron().fit(X[:, 2], y, method="loop").history
    shown = drawn(err)
    assert "w         913.5973364346786" in out and "epoch/s" not in out
    assert {epoch for epoch, _ in shown} >= {1, 50, 100}
    for epoch, loss in shown:
        assert loss == pytest.approx(history[epoch - 1], rel=1e-5)


def test_without_a_terminal_there_is_no_bar(capsys, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    assert fit(capsys, "--method", "loop")[1] == ""


@pytest.mark.parametrize("flag", ["--quiet", "-q", "--json"])
def test_quiet_and_json_turn_the_bar_off(capsys, monkeypatch, flag):
    as_terminal(monkeypatch)
    assert fit(capsys, "--method", "loop", flag)[1] == ""


def test_a_method_that_finishes_all_epochs_at_once_shows_no_bar(capsys, monkeypatch):
    """The scan does every epoch at once: a bar would jump from 0 to 100 and claim nothing true."""
    as_terminal(monkeypatch)
    out, err = fit(capsys, "--method", "scan")
    assert "by scan" in out and err == ""


def test_a_run_shorter_than_the_delay_shows_no_bar(capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(progress, "DELAY", 3600.0)
    assert fit(capsys, "--method", "loop")[1] == ""


@pytest.mark.parametrize("stream, expected", [
    (type("Tty", (), {"isatty": lambda self: True})(), True),
    (io.StringIO(), False),
    (object(), False),
])
def test_wanted_asks_the_stream_whether_it_is_a_terminal(stream, expected):
    assert progress.wanted(quiet=False, json_output=False, stream=stream) is expected


def test_a_closed_stream_is_not_a_terminal():
    stream = io.StringIO()
    stream.close()
    assert progress.wanted(quiet=False, json_output=False, stream=stream) is False


def test_a_hand_over_to_a_loop_restarts_the_bar_at_its_epoch(monkeypatch):
    """A fast method that hands over to the loop: the loop reports from epoch 1 again."""
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "REDRAW", 0.0)
    stream = io.StringIO()
    with progress.progress_bar(True, 10, lambda params: 10.0 * params[0], stream):
        for epoch in (1, 2, 3, 1, 2):
            epoch_done(epoch, [epoch, 0.0])
    shown = re.findall(r"(\d+)/10 \[[^\]]*loss ([\d.]+)\]", stream.getvalue())
    assert [(int(e), float(v)) for e, v in shown][-5:] == [(1, 10), (2, 20), (3, 30), (1, 10), (2, 20)]


needs_numba = pytest.mark.skipif(importlib.util.find_spec("numba") is None, reason="numba (the fast extra)")


def test_epochs_are_reported_only_inside_the_block():
    seen = []
    with reporting_epochs(lambda epoch, params: seen.append(epoch)):
        Neuron("abs").fit(np.array([1.0, 2.0]), np.array([1.0, 3.0]), epochs=3, lr=0.1)
    Neuron("abs").fit(np.array([1.0, 2.0]), np.array([1.0, 3.0]), epochs=3, lr=0.1)
    assert seen == [1, 2, 3]


@pytest.mark.parametrize("batch_size, method", [(1, "loop"), (2, "loop"), (1, "scan"), (3, "batch"),
                                                pytest.param(1, "compiled", marks=needs_numba),
                                                pytest.param(3, "compiled", marks=needs_numba)])
def test_only_the_loops_report_epochs_with_the_weights_after_each(batch_size, method):
    """The generated loop (per sample), the compiled loop (one epoch per call while someone
    listens) and the reference loop (mini-batches) report every epoch with the weights it ended at; the scan and full-batch descent, which do all epochs at once, none."""
    x, y = np.array([1.0, 2.0, 3.0]), np.array([2.0, 3.0, 5.0])
    seen = []
    with reporting_epochs(lambda epoch, params: seen.append((epoch, list(params)))):
        n = Neuron(init="zeros").fit(x, y, epochs=4, lr=0.05, batch_size=batch_size, method=method)
    if method in ("loop", "compiled"):
        assert [e for e, _ in seen] == [1, 2, 3, 4] and seen[-1][1] == [n.w, n.b]
    else:
        assert seen == []
