"""What a warm start imports (issue 11 §1): a fresh process that trains a
loss whose bundle is cached must cost little more than NumPy and the fit, so
it imports none of the optional or heavy modules training does not need.

Each case runs the fit twice in fresh processes with a cache folder of its
own (cold, then warm) and reads back the modules the warm fit added to those
NumPy and the data had already loaded. A module-level import that pulls one
of the listed modules back onto the warm path (the plot, Dask, numba, the
scan for a loss that has none, pathlib through the cache's paths, …) fails
here. Structural, not timed: benchmarks/bench_first_fit.py measures the time.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FIT = """
import json, sys
import numpy as np
loss, features = json.loads(sys.argv[1])
rng = np.random.default_rng(0)
X = rng.normal(size=(80, features))
y = (X[:, 0] > 0).astype(float)
before = set(sys.modules)
from neuron import Neuron
n = Neuron(loss, features=features).fit(X if features > 1 else X[:, 0], y, epochs=1, lr=0.1)
print(json.dumps({"method": n.method_, "problem": type(n.problem).__name__,
                  "added": sorted(set(sys.modules) - before)}))
"""

#: Never on a warm path: optional extras, SymPy, and the standard library's
#: heavier modules that only writing, a bug report, a rare input or the command line need.
NEVER = {"sympy", "dask", "distributed", "numba", "matplotlib", "tqdm", "sklearn", "scipy", "pandas", "pyarrow",
         "argparse", "importlib.metadata", "inspect", "tempfile", "pathlib", "urllib", "ipaddress", "decimal",
         "unicodedata", "traceback", "derive.descent.dask_chunks", "derive.descent.dask_methods",
         "derive.descent.reference", "derive.descent.objective", "derive.compile", "derive.gradient",
         "neuron.problem", "neuron.cli_text"}

#: Not for a loss whose step is not affine (the logistic loss): the scan and its maps.
NOT_FOR_LOGISTIC = {"derive.descent.scan", "derive.descent.affine_maps", "derive.descent.affine"}


def warm_fit(cache: Path, loss: str, features: int) -> dict:
    """The warm process's report, after a cold one filled ``cache``."""
    env = dict(os.environ, DERIVE_NEURON_CACHE=str(cache), PYTHONPATH=str(ROOT))
    runs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", FIT, json.dumps([loss, features])], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        runs.append(json.loads(done.stdout))
    cold, warm = runs
    assert cold["problem"] == "Problem" and warm["problem"] == "StoredProblem"  # the second run is warm
    assert "sympy" in cold["added"]  # the listing sees what the cold run imported
    return warm


def heavy(added: list[str], names: set[str]) -> list[str]:
    """The modules (or submodules of the packages) in ``names`` that were added."""
    return [m for m in added if m in names or m.split(".")[0] in names]


@pytest.mark.parametrize("features", [1, 30])
def test_a_warm_logistic_fit_imports_nothing_it_does_not_train_with(tmp_path, features):
    warm = warm_fit(tmp_path, "logistic", features)
    assert warm["method"] == "loop"
    assert heavy(warm["added"], NEVER | NOT_FOR_LOGISTIC) == []
    assert "neuron.bundle" in warm["added"] and "derive.descent.stored" in warm["added"]


def test_the_warm_book_neuron_imports_the_scan_and_nothing_heavy(tmp_path):
    warm = warm_fit(tmp_path, "half-se", 1)
    assert warm["method"] == "scan"  # the book's neuron: the scan runs, so its modules are imported
    assert "derive.descent.scan" in warm["added"]
    assert heavy(warm["added"], NEVER) == []
