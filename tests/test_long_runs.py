"""A long run trains in bounded memory: in pieces (derive.descent.pieces),
keeping a thinned loss history with its epoch numbers (derive.descent.thinned).

The caps are module constants; these tests set them small (pieces of a few
epochs, a history of 64 losses) so a few hundred epochs exercise both paths,
and compare with the same run at the default caps, which keeps every epoch."""
from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import example, given, settings, strategies as st

from derive.descent import TrainingDiverged, TrainingInterrupted, pieces, reporting_epochs, scan, thinned
from derive.descent.thinned import ThinnedHistory, stride_for
from derive.errors import InputError
from derive.generated import numba_available
from neuron import Neuron, NeuronRegressor
from neuron.cli import main as neuron_main
from neuron.errors import NeuronFileError
from interrupting import interrupting
from thinning import expected_epochs

X = np.array([0.1, -0.3, 0.5, 0.2, -0.1])
Y = np.array([1.0, -0.5, 2.0, 0.7, 0.1])
EPOCHS = 300
KEEP = 64
PER_SAMPLE = ["loop", "scan", "auto"] + (["compiled"] if numba_available() else [])


@pytest.fixture
def small_caps(monkeypatch):
    """Pieces of 7 epochs and a history of 64 losses (the defaults are a million)."""
    def set_caps(piece: int = 7, keep: int = KEEP) -> None:
        monkeypatch.setattr(pieces, "PIECE_EPOCHS", piece)
        monkeypatch.setattr(thinned, "HISTORY_POINTS", keep)
    set_caps()
    return set_caps


def _fit(epochs: int = EPOCHS, **options) -> Neuron:
    neuron = Neuron()
    neuron.fit(X, Y, epochs=epochs, lr=0.5, **options)
    return neuron


# the thinning rule ----------------------------------------------------------
@settings(max_examples=60)
@given(capacity=st.integers(2, 20), parts=st.lists(st.integers(1, 60), min_size=1, max_size=8))
@example(capacity=2, parts=[1])
@example(capacity=2, parts=[5])
@example(capacity=4, parts=[4])        # exactly full: every epoch
@example(capacity=4, parts=[4, 1])     # one more: the first decimation
@example(capacity=3, parts=[1, 1, 1, 1, 1])
def test_a_thinned_history_keeps_the_rules_epochs_whatever_the_parts(capacity, parts):
    total = sum(parts)
    losses = np.arange(1, total + 1) * 1.5  # epoch e's loss is 1.5 e: a wrong number shows
    history, at = ThinnedHistory(capacity), 0
    for part in parts:
        history.extend(losses[at:at + part])
        at += part
    expected = expected_epochs(total, capacity)
    assert history.epochs.tolist() == expected
    assert history.epochs[0] == 1 and history.epochs[-1] == total and len(history) <= capacity
    np.testing.assert_array_equal(history.losses, 1.5 * history.epochs)
    assert history.total == total and history.stride == stride_for(total, capacity)


def test_a_history_of_at_most_its_capacity_keeps_every_epoch():
    history = ThinnedHistory(5)
    history.extend([3.0, 2.0, 1.0, 0.5, 0.25])
    assert history.epochs.tolist() == [1, 2, 3, 4, 5] and history.losses.tolist() == [3.0, 2.0, 1.0, 0.5, 0.25]


def test_a_history_cut_short_ends_at_the_epoch_it_is_cut_at():
    history = ThinnedHistory(4)
    history.extend(np.arange(1.0, 11.0))  # kept: 1, 5, 9, 10
    assert history.epochs.tolist() == [1, 5, 9, 10]
    cut = history.until(7, loss=7.0)
    assert cut.epochs.tolist() == [1, 5, 7] and cut.losses.tolist() == [1.0, 5.0, 7.0] and cut.total == 7
    with pytest.raises(ValueError, match="thinned out"):
        history.until(7)


def test_a_history_needs_room_for_the_first_and_last_epochs():
    with pytest.raises(ValueError, match="at least 2"):
        ThinnedHistory(1)


# a long run through Neuron.fit ----------------------------------------------
@pytest.mark.parametrize("shuffle", [False, True])
@pytest.mark.parametrize("method", PER_SAMPLE)
def test_a_long_run_keeps_the_full_runs_losses_at_the_epochs_it_names(small_caps, method, shuffle):
    small_caps(piece=10**6, keep=10**6)
    full = _fit(method=method, shuffle=shuffle, seed=4)
    small_caps()
    long = _fit(method=method, shuffle=shuffle, seed=4)
    epochs = long.history_epochs
    assert epochs == expected_epochs(EPOCHS, KEEP) and epochs[0] == 1 and epochs[-1] == EPOCHS
    assert long.epochs_ == EPOCHS and len(long.history) == len(epochs) <= KEEP
    np.testing.assert_allclose(long.history, np.array(full.history)[np.array(epochs) - 1], rtol=1e-12)
    if method in ("loop", "compiled"):  # epoch after epoch: the same numbers to the last digit
        assert (long.w, long.b) == (full.w, full.b)
    else:  # the scan composes a piece's epochs: the same to rounding
        np.testing.assert_allclose([long.w, long.b], [full.w, full.b], rtol=1e-12)
    assert long.method_ == full.method_


@settings(max_examples=10)
@given(piece=st.integers(1, 80), shuffle=st.booleans())
@example(piece=1, shuffle=True)
@example(piece=EPOCHS - 1, shuffle=True)
def test_a_loops_numbers_do_not_depend_on_the_piece_size(piece, shuffle):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(thinned, "HISTORY_POINTS", KEEP)
        patch.setattr(pieces, "PIECE_EPOCHS", 97)
        reference = _fit(method="loop", shuffle=shuffle, seed=9)
        patch.setattr(pieces, "PIECE_EPOCHS", piece)
        other = _fit(method="loop", shuffle=shuffle, seed=9)
    assert (other.w, other.b) == (reference.w, reference.b)
    assert other.history_epochs == reference.history_epochs
    np.testing.assert_allclose(other.history, reference.history, rtol=1e-12)


def test_a_warm_start_thins_as_one_run(small_caps):
    one = _fit(method="loop")
    two = _fit(120, method="loop")
    two.fit(X, Y, epochs=EPOCHS - 120, lr=0.5, method="loop")
    assert (two.w, two.b) == (one.w, one.b)
    assert two.history_epochs == one.history_epochs and two.epochs_ == EPOCHS
    np.testing.assert_allclose(two.history, one.history, rtol=1e-12)


def test_a_history_that_outgrows_its_cap_by_fits_of_one_piece_is_thinned(small_caps):
    small_caps(piece=1000)  # every fit in one piece; the neuron's history thins
    neuron = Neuron()
    for _ in range(EPOCHS // 30):
        neuron.fit(X, Y, epochs=30, lr=0.5, method="loop")
    full = Neuron()
    small_caps(piece=10**6, keep=10**6)
    full.fit(X, Y, epochs=EPOCHS, lr=0.5, method="loop")
    assert neuron.history_epochs == expected_epochs(EPOCHS, KEEP)
    np.testing.assert_allclose(neuron.history, np.array(full.history)[np.array(neuron.history_epochs) - 1],
                               rtol=1e-12)


def test_the_estimator_counts_epochs_not_losses(small_caps):
    reg = NeuronRegressor(epochs=EPOCHS, lr=0.5, method="loop").fit(X[:, None], Y)
    assert reg.n_iter_ == EPOCHS and len(reg.loss_curve_) <= KEEP
    assert reg.loss_curve_epochs_ == expected_epochs(EPOCHS, KEEP)


# divergence over the whole run -----------------------------------------------
XD = np.array([1.0, 2.0, 3.0])
YD = 2 * XD + 1


def _unstable_start(factor: float, small: float) -> tuple[list[float], float]:
    """Full-batch descent whose steep direction grows by |1 − factor| each
    epoch from ``small``, while the flat direction (0.3 away) shrinks: the
    loss falls first, then climbs."""
    curvature = np.array([[np.mean(XD ** 2), np.mean(XD)], [np.mean(XD), 1.0]])
    values, vectors = np.linalg.eigh(curvature)
    start = np.array([2.0, 1.0]) + small * vectors[:, 1] + 0.3 * vectors[:, 0]
    return start.tolist(), factor / values[1]


@pytest.mark.parametrize("factor, small, epochs", [(2.05, 1e-9, 600), (2.5, 1e-200, 3000)],
                         ids=["far above", "overflow"])
def test_divergence_that_begins_after_thinning_is_found_as_in_one_run(small_caps, factor, small, epochs):
    start, lr = _unstable_start(factor, small)
    caught = []
    for caps in ({"piece": 10**6, "keep": 10**6}, {"piece": 50, "keep": KEEP}):
        small_caps(**caps)
        neuron = Neuron(init=start)
        with pytest.raises(TrainingDiverged) as err:
            neuron.fit(XD, YD, epochs=epochs, lr=lr, batch_size=3, method="loop")
        caught.append((err.value, neuron))
    (full, one), (long, thin) = caught
    assert full.began > KEEP and long.history_epochs is not None  # the climb began after thinning started
    assert (long.epoch, long.began, long.params) == (full.epoch, full.began, full.params)
    assert long.loss == pytest.approx(full.loss, rel=1e-12) and long.start_loss == pytest.approx(full.start_loss)
    assert long.history_epochs[0] == 1 and long.history_epochs[-1] == full.epoch - 1
    np.testing.assert_allclose(long.history, np.array(full.history)[np.array(long.history_epochs) - 1],
                               rtol=1e-9, atol=1e-12 * full.start_loss)
    # (losses are Taylor-expanded around the last weights of a run, or of a piece: they agree to the
    # expansion's rounding, which its cancellation guard keeps below 1e-9 here, over 250 decades of loss)
    assert (thin.w, thin.b) == (one.w, one.b) and thin.epochs_ == one.epochs_ == full.epoch - 1
    assert str(long) == str(full)


def test_a_climb_not_yet_far_above_at_the_end_has_not_diverged(small_caps):
    start, lr = _unstable_start(2.05, 1e-9)
    small_caps(piece=50)
    neuron = Neuron(init=start)
    with pytest.raises(TrainingDiverged):
        neuron.fit(XD, YD, epochs=600, lr=lr, batch_size=3, method="loop")
    neuron = Neuron(init=start)
    neuron.fit(XD, YD, epochs=420, lr=lr, batch_size=3, method="loop")  # not yet 1000 times the start
    assert neuron.epochs_ == 420


# Ctrl-C ---------------------------------------------------------------------
def test_ctrl_c_in_a_later_piece_keeps_every_finished_epoch(small_caps):
    neuron = Neuron()
    neuron.fit(X, Y, epochs=1, method="loop")
    neuron.reset()
    loop = neuron.problem.objective.loop
    with pytest.MonkeyPatch.context() as patch, pytest.raises(TrainingInterrupted):
        patch.setattr(loop, "epoch", interrupting(loop.epoch, 200))
        neuron.fit(X, Y, epochs=EPOCHS, lr=0.5, method="loop")
    expected = _fit(199, method="loop")
    assert neuron.epochs_ == 199 and (neuron.w, neuron.b) == (expected.w, expected.b)
    assert neuron.history_epochs == expected.history_epochs and neuron.history == expected.history


def test_ctrl_c_in_the_scan_drops_only_the_piece_it_was_in(small_caps):
    neuron = Neuron()
    with pytest.MonkeyPatch.context() as patch, pytest.raises(TrainingInterrupted):
        patch.setattr(scan, "scan_fit", interrupting(scan.scan_fit, 4))  # in the fourth piece of 7 epochs
        neuron.fit(X, Y, epochs=EPOCHS, lr=0.5, method="scan")
    expected = _fit(21, method="scan")
    assert neuron.epochs_ == 21 and neuron.method_ == "scan"
    np.testing.assert_allclose([neuron.w, neuron.b], [expected.w, expected.b], rtol=1e-12)


# saving and the command line ------------------------------------------------
def test_a_thinned_history_is_saved_with_its_epochs(small_caps, tmp_path):
    neuron = _fit(method="loop")
    neuron.save(tmp_path / "n.json")
    back = Neuron.load(tmp_path / "n.json")
    assert back.history == neuron.history and back.history_epochs == neuron.history_epochs
    assert back.epochs_ == EPOCHS
    state = json.loads((tmp_path / "n.json").read_text())
    assert state["history_epochs"] == neuron.history_epochs
    assert "history_epochs" not in json.loads(_saved(_fit(10, method="loop"), tmp_path))


def _saved(neuron: Neuron, folder) -> str:
    neuron.save(folder / "m.json")
    return (folder / "m.json").read_text()


@pytest.mark.parametrize("epochs", [[1, 3], [2, 3, 5], [1, 1, 2], [1, 2.0, 3], "1,2,3"])
def test_a_saved_history_with_wrong_epochs_is_refused(small_caps, tmp_path, epochs):
    state = json.loads(_saved(_fit(10, method="loop"), tmp_path))
    state["history"] = [1.0, 0.5, 0.25]
    state["history_epochs"] = epochs
    (tmp_path / "bad.json").write_text(json.dumps(state))
    with pytest.raises(NeuronFileError, match="history_epochs"):
        Neuron.load(tmp_path / "bad.json")


def test_neuron_fit_json_numbers_a_thinned_history(small_caps, tmp_path, capsys):
    data = tmp_path / "tiny.csv"
    data.write_text("x,y\n" + "".join(f"{a},{b}\n" for a, b in zip(X, Y)))
    assert neuron_main(["fit", str(data), "--epochs", str(EPOCHS), "--lr", "0.5", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["history_epochs"] == expected_epochs(EPOCHS, KEEP)
    assert len(report["history"]) == len(report["history_epochs"]) and report["epochs"] == EPOCHS
    assert neuron_main(["fit", str(data), "--epochs", "20", "--lr", "0.5", "--json"]) == 0
    assert "history_epochs" not in json.loads(capsys.readouterr().out)


def test_epochs_beyond_the_sanity_cap_are_still_refused():
    with pytest.raises(InputError, match="at most"):
        Neuron().fit(X, Y, epochs=10**13)


def test_a_progress_listener_hears_the_runs_epochs_not_the_pieces(small_caps):
    heard = []
    with reporting_epochs(lambda epoch, params: heard.append(epoch)):
        _fit(30, method="loop")
    assert heard == list(range(1, 31))
