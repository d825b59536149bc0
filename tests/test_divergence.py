"""A diverged run is reported as diverged (issue 11 §3): a loss that becomes
infinite, or that ends far above where it started, raises TrainingDiverged
naming the epoch, the learning rate, and a learning rate that is stable for
this data, computed here independently from the data with NumPy."""
import warnings

import numpy as np
import pytest

from neuron import Neuron, TrainingDiverged
from neuron.cli import main
from neuron.datasets import load_diabetes

X_ALL, Y = load_diabetes()
BMI = X_ALL[:, 2]
STANDARD_BMI = (BMI - BMI.mean()) / BMI.std()


def diverge(neuron, x, y, **settings_):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(TrainingDiverged) as caught:
            neuron.fit(x, y, **settings_)
    return caught.value


@pytest.mark.parametrize("method", ["loop", "scan", "auto"])
def test_a_finite_loss_that_ends_far_above_its_start_is_divergence(method):
    """Standardised BMI at lr 1: the loss jumps to 2e10 in epoch 1 and sits
    there (the optimum is 1945); no number ever overflows."""
    n = Neuron()
    err = diverge(n, STANDARD_BMI, Y, epochs=100, lr=1.0, method=method)
    assert err.epoch == 1 and err.began == 1 and err.loss > 1e9
    assert n.history == [] and (n.w, n.b) == (1.0, 1.0)  # the weights before the epoch it was found
    assert "epoch 1" in str(err) and "learning rate 1:" in str(err)


def test_the_stable_rate_per_sample_is_2_over_the_largest_squared_norm_of_a_sample():
    err = diverge(Neuron(), STANDARD_BMI, Y, epochs=100, lr=1.0)
    expected = 2 / (1 + STANDARD_BMI ** 2).max()  # ½SE: Hᵢ = x̃ᵢx̃ᵢᵀ, λ_max = ‖x̃ᵢ‖²
    assert err.stable_lr == pytest.approx(expected, rel=1e-12)
    assert f"below {expected:.3g}" in str(err) and "per-sample" in str(err)
    below = Neuron().fit(STANDARD_BMI, Y, epochs=100, lr=0.95 * expected)  # and it is stable there
    (w, b), *_ = np.linalg.lstsq(np.c_[STANDARD_BMI, np.ones(len(Y))], Y, rcond=None)
    optimum = np.mean((Y - (w * STANDARD_BMI + b)) ** 2) / 2
    assert optimum <= below.history[-1] < 1.5 * optimum


@pytest.mark.parametrize("loss, factor", [("half-se", 1.0), ("se", 2.0)])
def test_the_stable_rate_of_full_batch_descent_is_2_over_the_largest_eigenvalue_of_the_moments(loss, factor):
    X = X_ALL[:, [2, 3, 8]]
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    n = len(Y)
    tilde = np.c_[X, np.ones(n)]
    expected = 2 / (factor * np.linalg.eigvalsh(tilde.T @ tilde / n).max())
    err = diverge(Neuron(loss), X, Y, epochs=200, lr=3 * expected, batch_size=n)
    assert err.stable_lr == pytest.approx(expected, rel=1e-9)
    assert "full-batch" in str(err)
    Neuron(loss).fit(X, Y, epochs=200, lr=0.95 * expected, batch_size=n)  # does not raise


def test_a_run_that_overflows_names_the_epoch_where_the_climb_began():
    n = Neuron()
    err = diverge(n, BMI, Y, epochs=100, lr=2.5)
    assert err.began == 1 and err.epoch == 2 and err.epoch == len(n.history) + 1
    assert "from epoch 1 on" in str(err)


def test_features_on_very_different_scales_are_named_and_standardising_suggested():
    rng = np.random.default_rng(0)
    X = np.c_[rng.normal(size=200), 1000 + 100 * rng.normal(size=200)]  # scales 1 and ~1000
    y = X @ [1.0, 0.01] + rng.normal(size=200)
    err = diverge(Neuron(), X, y, epochs=20, lr=0.01)
    assert "very different scales" in str(err) and "w_2" in str(err) and "standardise" in str(err)


def test_standardised_features_are_not_called_badly_scaled():
    err = diverge(Neuron(), STANDARD_BMI, Y, epochs=100, lr=1.0)
    assert "scales" not in str(err)


def test_a_run_that_starts_on_an_exact_fit_and_stays_there_is_not_divergence():
    n = Neuron().fit([1.0, 3.0], [2.0, 4.0], epochs=100, method="loop")
    assert n.history == [0.0] * 100


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_command_line_exits_1_on_a_run_that_diverges_without_overflowing(tmp_path, capsys):
    """Issue 11: the two rows from w = b = 0 grow ×10 per step (lr·‖x̃‖² = 10)."""
    path = tmp_path / "tiny.csv"
    path.write_text("x,y\n1,2\n3,4\n")
    code, out, err = run(capsys, "fit", str(path), "--init", "zeros", "--method", "loop")
    assert code == 1 and out == ""
    # the loss starts at 5, grows from epoch 1 and passes 1000 × 5 in epoch 2
    assert "training diverged at epoch 2 with learning rate 1:" in err and "from epoch 1 on" in err
    assert "below 0.2;" in err  # 2 / max(1 + x²) = 2 / 10


def test_the_command_line_keeps_an_exact_fit_by_default(tmp_path, capsys):
    path = tmp_path / "tiny.csv"
    path.write_text("x,y\n1,2\n3,4\n")
    code, out, err = run(capsys, "fit", str(path), "--json")
    assert code == 0, err
    import json

    report = json.loads(out)
    from derive.compile import numba_available

    handed_to = "compiled" if numba_available() else "loop"  # the scan hands over to a loop
    assert (report["w"], report["b"], report["loss"], report["method"]) == (1.0, 1.0, 0.0, handed_to)
