"""A long ``fit`` can be stopped with Ctrl-C, keeping the epochs that finished,
and one ``fit`` runs at most ``MAX_EPOCHS`` epochs (a bound on the number,
not on memory: tests/test_long_runs.py)."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings, strategies as st

from derive.descent import TrainingInterrupted
from derive.descent import reference
from derive.errors import InputError
from neuron import Neuron
from neuron.cli import main as neuron_main
from neuron.neuron import MAX_EPOCHS
from interrupting import interrupting

ROOT = Path(__file__).resolve().parents[1]
X = np.array([0.1, -0.3, 0.5, 0.2, -0.1])
Y = np.array([1.0, -0.5, 2.0, 0.7, 0.1])


def _trained(epochs: int, **options) -> Neuron:
    neuron = Neuron()
    if epochs:
        neuron.fit(X, Y, epochs=epochs, **options)
    return neuron


@settings(max_examples=12)
@given(at=st.integers(1, 6), shuffle=st.booleans())
@example(at=1, shuffle=False)   # before the first epoch finished: nothing trained, nothing lost
@example(at=4, shuffle=False)
def test_ctrl_c_in_the_generated_loop_keeps_the_finished_epochs(at, shuffle):
    neuron = Neuron()
    neuron.fit(X, Y, epochs=1, method="loop")  # build the loop first
    neuron.reset()
    loop = neuron.problem.objective.loop
    with pytest.MonkeyPatch.context() as patch, pytest.raises(KeyboardInterrupt) as caught:
        patch.setattr(loop, "epoch", interrupting(loop.epoch, at))
        neuron.fit(X, Y, epochs=10, method="loop", shuffle=shuffle, seed=3)
    assert isinstance(caught.value, TrainingInterrupted)
    expected = _trained(at - 1, method="loop", shuffle=shuffle, seed=3)
    assert len(neuron.history) == at - 1
    assert (neuron.w, neuron.b) == (expected.w, expected.b)
    assert neuron.history == expected.history


@settings(max_examples=8)
@given(at=st.integers(1, 5))
@example(at=3)
def test_ctrl_c_in_the_reference_loop_keeps_the_finished_epochs(at):
    """Mini-batches run the reference loop: the same promise."""
    neuron = Neuron()
    with pytest.MonkeyPatch.context() as patch, pytest.raises(TrainingInterrupted):
        patch.setattr(reference, "_batch_epoch", interrupting(reference._batch_epoch, at))
        neuron.fit(X, Y, epochs=10, batch_size=2, method="loop")
    expected = _trained(at - 1, batch_size=2, method="loop")
    assert len(neuron.history) == at - 1
    assert (neuron.w, neuron.b) == (expected.w, expected.b)


def test_a_real_ctrl_c_stops_neuron_fit_with_one_line_and_exit_130():
    run = subprocess.Popen([sys.executable, "-m", "neuron", "fit", "--epochs", str(MAX_EPOCHS), "--method", "loop"],
                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(6)  # import and start training
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=60)
    assert run.returncode == 130
    assert out == ""
    assert err.startswith("neuron: interrupted") and err.endswith("; nothing printed or saved\n")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_one_fit_runs_at_most_max_epochs():
    with pytest.raises(InputError, match=f"at most {MAX_EPOCHS:,}"):
        Neuron().fit(X, Y, epochs=MAX_EPOCHS + 1)


def test_neuron_fit_refuses_epochs_above_the_cap_before_any_work(capsys):
    assert neuron_main(["fit", "--epochs", str(MAX_EPOCHS + 1)]) == 2
    assert capsys.readouterr().err == (
        f"neuron: epochs must be at most {MAX_EPOCHS:,} in one fit, got {MAX_EPOCHS + 1:,}; "
        "fit again to continue from where it stopped\n")
