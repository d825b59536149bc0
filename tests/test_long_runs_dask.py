"""A long run on Dask data follows the in-memory rules (tests/test_long_runs.py):
it trains in pieces (derive.descent.pieces), keeps a thinned loss history with
its epoch numbers (derive.descent.thinned), judges divergence over the whole
run, refuses more than 10¹² epochs, and keeps what was trained on Ctrl-C.

The caps are set small (pieces of 7 epochs, a history of 64 losses) and each
Dask run is compared with the in-memory run at the default caps, which keeps
every epoch. Memory is measured by what is kept: the rows a piece hands back.
Dask's synchronous scheduler keeps the runs fast and the call order fixed."""
from __future__ import annotations

import json

import numpy as np
import pytest

da = pytest.importorskip("dask.array")
import dask  # noqa: E402

from derive.descent import TrainingDiverged, TrainingInterrupted, dask_methods, pieces, thinned  # noqa: E402
from derive.errors import InputError  # noqa: E402
from neuron import Neuron, NeuronRegressor  # noqa: E402
from neuron.cli import main as neuron_main  # noqa: E402
from interrupting import interrupting  # noqa: E402
from thinning import expected_epochs  # noqa: E402

X = np.array([0.1, -0.3, 0.5, 0.2, -0.1])
Y = np.array([1.0, -0.5, 2.0, 0.7, 0.1])
EPOCHS = 300
KEEP = 64
PIECE = 7
REL = 1e-9
#: the Dask method, and what it runs in memory: (method, batch size)
SAME = {"scan": ("scan", 1), "loop": ("loop", 1), "batch": ("batch", 5), "gd": ("loop", 5)}


@pytest.fixture(autouse=True)
def synchronous():
    with dask.config.set(scheduler="synchronous"):
        yield


@pytest.fixture
def small_caps(monkeypatch):
    """Pieces of 7 epochs and a history of 64 losses (the defaults are a million)."""
    def set_caps(piece: int = PIECE, keep: int = KEEP) -> None:
        monkeypatch.setattr(pieces, "PIECE_EPOCHS", piece)
        monkeypatch.setattr(thinned, "HISTORY_POINTS", keep)
    set_caps()
    return set_caps


def lazy(values) -> da.Array:
    return da.from_array(np.asarray(values, dtype=float), chunks=(2, 3))



def _in_memory(method: str, epochs: int = EPOCHS) -> Neuron:
    name, batch = SAME[method]
    with pytest.MonkeyPatch.context() as patch:  # every epoch kept, one piece
        patch.setattr(pieces, "PIECE_EPOCHS", 10**6)
        patch.setattr(thinned, "HISTORY_POINTS", 10**6)
        return Neuron().fit(X, Y, epochs=epochs, lr=0.5, batch_size=batch, method=name)


def _on_dask(method: str, epochs: int = EPOCHS, neuron: Neuron | None = None) -> Neuron:
    neuron = neuron or Neuron()
    return neuron.fit(lazy(X), lazy(Y), epochs=epochs, lr=0.5, batch_size=SAME[method][1], method=method)


def _rows_per_piece(monkeypatch, method: str) -> list[int]:
    """The rows (start included) of every trajectory ``method`` hands back."""
    rows, run = [], dask_methods.DASK_METHODS[method]

    def counted(*args, **kwargs):
        trajectory = run(*args, **kwargs)
        rows.append(len(trajectory.history))
        return trajectory
    monkeypatch.setitem(dask_methods.DASK_METHODS, method, counted)
    return rows


@pytest.mark.parametrize("method", ["scan", "batch", "gd", "loop"])
def test_a_long_dask_run_keeps_the_full_runs_losses_at_the_epochs_it_names(small_caps, monkeypatch, method):
    epochs = EPOCHS if method in ("scan", "batch") else 150  # the loop and gd make one pass per epoch
    full = _in_memory(method, epochs)
    rows = _rows_per_piece(monkeypatch, method)
    long = _on_dask(method, epochs)
    kept = expected_epochs(epochs, KEEP)
    assert long.history_epochs == kept and long.epochs_ == epochs and len(long.history) <= KEEP
    np.testing.assert_allclose(long.history, np.array(full.history)[np.array(kept) - 1], rtol=REL)
    np.testing.assert_allclose([long.w, long.b], [full.w, full.b], rtol=REL)
    assert long.method_ == full.method_
    # memory: no piece held more than its epochs' rows
    assert max(rows) == PIECE + 1 and sum(r - 1 for r in rows) == epochs


def test_a_short_dask_run_is_one_piece_and_keeps_every_epoch(small_caps, monkeypatch):
    rows = _rows_per_piece(monkeypatch, "scan")
    neuron = _on_dask("scan", PIECE)
    assert rows == [PIECE + 1] and neuron.history_epochs == list(range(1, PIECE + 1))


def test_a_dask_warm_start_thins_as_one_run(small_caps):
    one = _on_dask("scan")
    two = _on_dask("scan", EPOCHS - 120, _on_dask("scan", 120))
    assert two.epochs_ == EPOCHS and two.history_epochs == one.history_epochs
    np.testing.assert_allclose(two.history, one.history, rtol=REL)
    np.testing.assert_allclose([two.w, two.b], [one.w, one.b], rtol=REL)


def test_the_estimator_on_dask_counts_epochs_not_losses(small_caps):
    reg = NeuronRegressor(epochs=EPOCHS, lr=0.5, method="scan").fit(lazy(X[:, None]).rechunk((2, 1)), lazy(Y))
    assert reg.n_iter_ == EPOCHS and len(reg.loss_curve_) <= KEEP
    assert reg.loss_curve_epochs_ == expected_epochs(EPOCHS, KEEP)


def test_epochs_beyond_the_sanity_cap_are_refused_on_dask():
    with pytest.raises(InputError, match="at most"):
        Neuron().fit(lazy(X), lazy(Y), epochs=10**13, method="batch", batch_size=5)


# divergence over the whole run -------------------------------------------------
XD = np.array([1.0, 2.0, 3.0])
YD = 2 * XD + 1


def _unstable_start(factor: float, small: float) -> tuple[list[float], float]:
    """Full-batch descent whose steep direction grows by |1 − factor| each
    epoch from ``small`` while the flat one shrinks: the loss falls, then climbs."""
    curvature = np.array([[np.mean(XD ** 2), np.mean(XD)], [np.mean(XD), 1.0]])
    values, vectors = np.linalg.eigh(curvature)
    start = np.array([2.0, 1.0]) + small * vectors[:, 1] + 0.3 * vectors[:, 0]
    return start.tolist(), factor / values[1]


@pytest.mark.parametrize("factor, small, epochs, method", [(2.05, 1e-9, 600, "batch"), (2.05, 1e-9, 600, "gd"),
                                                             (2.5, 1e-200, 3000, "gd")],
                         ids=["far above, batch", "far above, gd", "overflow, gd"])
def test_dask_divergence_that_begins_after_thinning_is_found_as_in_one_run(small_caps, factor, small, epochs,
                                                                          method):
    # (near overflow, descent from the moments and the loop part by one epoch in memory too: the
    # overflow is compared on the one-pass-per-epoch method, the in-memory loop's twin)
    start, lr = _unstable_start(factor, small)
    small_caps(piece=10**6, keep=10**6)
    one = Neuron(init=start)
    with pytest.raises(TrainingDiverged) as err:
        one.fit(XD, YD, epochs=epochs, lr=lr, batch_size=3, method=SAME[method][0])
    full = err.value
    small_caps(piece=50)
    thin = Neuron(init=start)
    with pytest.raises(TrainingDiverged) as err:
        thin.fit(da.from_array(XD, chunks=2), da.from_array(YD, chunks=2), epochs=epochs, lr=lr, batch_size=3,
                 method=method)
    long = err.value
    assert full.began > KEEP and long.history_epochs is not None  # the climb began after thinning started
    assert (long.epoch, long.began) == (full.epoch, full.began)
    np.testing.assert_allclose(long.params, full.params, rtol=REL)
    assert long.loss == pytest.approx(full.loss, rel=1e-6) and long.start_loss == pytest.approx(full.start_loss)
    assert long.history_epochs[0] == 1 and long.history_epochs[-1] == full.epoch - 1
    np.testing.assert_allclose(long.history, np.array(full.history)[np.array(long.history_epochs) - 1],
                               rtol=1e-6, atol=1e-12 * full.start_loss)
    assert thin.epochs_ == one.epochs_ == full.epoch - 1
    assert long.stable_lr == pytest.approx(full.stable_lr, rel=1e-12)


def test_a_dask_climb_not_yet_far_above_at_the_end_has_not_diverged(small_caps):
    start, lr = _unstable_start(2.05, 1e-9)
    small_caps(piece=50)
    neuron = Neuron(init=start)
    neuron.fit(da.from_array(XD, chunks=2), da.from_array(YD, chunks=2), epochs=420, lr=lr, batch_size=3,
               method="batch")
    assert neuron.epochs_ == 420


# Ctrl-C -------------------------------------------------------------------------
def test_ctrl_c_in_the_dask_loop_keeps_every_finished_epoch(small_caps, monkeypatch):
    # per piece: one pass for the start's loss, then one per epoch; the first piece adds the loss
    # scale's pass (the divergence rule's floor): calls 1-9, 10-17, then the third piece's start (18)
    # and its epochs 1-3 (19-21): call 22 stops its fourth epoch, 7 + 7 + 3 epochs in
    monkeypatch.setattr(dask, "compute", interrupting(dask.compute, 22))
    neuron = Neuron()
    with pytest.raises(TrainingInterrupted):
        _on_dask("loop", 60, neuron)
    monkeypatch.undo()
    expected = _in_memory("loop", 17)
    assert neuron.epochs_ == 17 and neuron.method_ == "loop"
    np.testing.assert_allclose([neuron.w, neuron.b], [expected.w, expected.b], rtol=REL)
    np.testing.assert_allclose(neuron.history, expected.history, rtol=REL)


def test_ctrl_c_in_a_short_dask_loop_keeps_the_finished_epochs(monkeypatch):
    monkeypatch.setattr(dask, "compute", interrupting(dask.compute, 4))  # the start's loss, epochs 1 and 2
    neuron = Neuron()
    with pytest.raises(TrainingInterrupted):
        _on_dask("gd", 10, neuron)
    monkeypatch.undo()
    expected = _in_memory("gd", 2)
    assert neuron.epochs_ == 2
    np.testing.assert_allclose([neuron.w, neuron.b], [expected.w, expected.b], rtol=REL)
    np.testing.assert_allclose(neuron.history, expected.history, rtol=REL)


def test_ctrl_c_in_the_dask_scan_drops_only_the_piece_it_was_in(small_caps, monkeypatch):
    monkeypatch.setattr(dask_methods, "iterate", interrupting(dask_methods.iterate, 4))  # the fourth piece
    neuron = Neuron()
    with pytest.raises(TrainingInterrupted):
        _on_dask("scan", EPOCHS, neuron)
    monkeypatch.undo()
    expected = _in_memory("scan", 3 * PIECE)
    assert neuron.epochs_ == 3 * PIECE and neuron.method_ == "scan"
    np.testing.assert_allclose([neuron.w, neuron.b], [expected.w, expected.b], rtol=REL)


# the command line -----------------------------------------------------------------
def test_neuron_fit_on_a_folder_numbers_a_thinned_history(small_caps, tmp_path, capsys):
    folder = tmp_path / "parts"
    folder.mkdir()
    rows = [f"{a},{b}\n" for a, b in zip(X, Y)]
    (folder / "a.csv").write_text("x,y\n" + "".join(rows[:2]))
    (folder / "b.csv").write_text("x,y\n" + "".join(rows[2:]))
    assert neuron_main(["fit", str(folder), "--epochs", str(EPOCHS), "--lr", "0.5", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["history_epochs"] == expected_epochs(EPOCHS, KEEP) and report["epochs"] == EPOCHS
    assert len(report["history"]) == len(report["history_epochs"])
