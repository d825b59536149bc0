"""A warm wide model stays warm (issue 11 §1): with its bundle cached, a
fresh process that fits or takes ``backprop`` of a model with more than 9
parameters must not import SymPy — not for the epoch losses of many samples
(where numba's one-pass loss of a wide model is not stored), not for the
mean gradient (whose numba kernel is not stored past 9 parameters) — and
gives the numbers of the cold process that derived it, bit for bit.

Each case runs twice in fresh processes with a cache folder of its own: the
first derives (SymPy) and writes the bundle, the second reads it.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

RUN = """
import json, sys
import numpy as np
action, n, features = json.loads(sys.argv[1])
rng = np.random.default_rng(0)
X = rng.normal(size=(n, features))
y = (X[:, 0] + 0.3 * rng.normal(size=n) > 0).astype(float)
from neuron import Neuron
neuron = Neuron("logistic", features=features)
if action == "fit":
    neuron.fit(X, y, epochs=2, lr=0.05)
    out = [*neuron._params, *neuron.history]
else:
    w, b = neuron.backprop(X, y)
    out = [*np.asarray(w).tolist(), float(b)]
print(json.dumps({"problem": type(neuron.problem).__name__, "sympy": "sympy" in sys.modules,
                  "out": [float(v).hex() for v in out]}))
"""


def cold_and_warm(cache: Path, action: str, n: int, features: int) -> tuple[dict, dict]:
    env = dict(os.environ, DERIVE_NEURON_CACHE=str(cache), PYTHONPATH=str(ROOT))
    runs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", RUN, json.dumps([action, n, features])], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        runs.append(json.loads(done.stdout))
    cold, warm = runs
    assert cold["problem"] == "Problem" and cold["sympy"]
    assert warm["problem"] == "StoredProblem"
    return cold, warm


def test_a_warm_wide_fit_on_many_samples_does_not_import_sympy(tmp_path):
    cold, warm = cold_and_warm(tmp_path, "fit", 5000, 12)  # past ONE_PASS_SAMPLES (4096)
    assert not warm["sympy"]
    assert warm["out"] == cold["out"]


@pytest.mark.parametrize("features", [12, 200])
def test_a_warm_wide_backprop_does_not_import_sympy(tmp_path, features):
    cold, warm = cold_and_warm(tmp_path, "backprop", 300, features)
    assert not warm["sympy"]
    assert warm["out"] == cold["out"]
