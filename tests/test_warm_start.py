"""The warm start (issue 11 §1): a fresh process that trains a loss trained
before finds its generated functions in the bundle (neuron.bundle), by the
loss's text and the features, and never imports SymPy; the numbers are the
cold run's, bit for bit. A corrupt, truncated or stale bundle is derived
again, never used.

Every test runs the neuron in fresh processes (SymPy is already imported in
this one) with a cache folder of its own, and reads back whether SymPy was
imported: a warm path that silently imports it, or trusts a bad entry (and
so does not derive again), fails here.
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
loss, features, data, lr = json.loads(sys.argv[1])
if data == "diabetes":
    from neuron.datasets import load_diabetes
    X, y = load_diabetes()
    X = X[:, 2:2 + features]
else:
    rng = np.random.default_rng(7)
    X = rng.normal(size=(60, features))
    y = (X[:, 0] + 0.3 * rng.normal(size=60) > 0).astype(float)
from neuron import Neuron
n = Neuron(loss, features=features).fit(X if features > 1 else X[:, 0], y, lr=lr)
out = {"w": np.atleast_1d(n.w).tolist(), "b": n.b, "history": n.history, "method": n.method_,
       "forpass": np.asarray(n.forpass(X[:5] if features > 1 else X[:5, 0])).tolist(),
       "trained with sympy": "sympy" in sys.modules,
       "backprop": [np.atleast_1d(g).tolist() for g in n.backprop(X[:5] if features > 1 else X[:5, 0], y[:5])],
       "problem": type(n.problem).__name__, "sympy": "sympy" in sys.modules}
print(json.dumps(out))
"""


def fit(cache: Path, loss, features: int = 1, data: str = "diabetes", lr: float = 1.0) -> dict:
    """What a fresh process that fits ``loss`` reports, with ``cache`` as its cache folder."""
    env = dict(os.environ, DERIVE_NEURON_CACHE=str(cache), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", FIT, json.dumps([loss, features, data, lr])], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def numbers(run: dict) -> dict:
    return {k: run[k] for k in ("w", "b", "history", "method", "forpass", "backprop")}


def bundles(cache: Path) -> list[Path]:
    return sorted(cache.glob("neuron-*.json"))


def test_the_second_book_fit_imports_no_sympy_and_gives_the_cold_numbers_bit_for_bit(tmp_path):
    cold = fit(tmp_path, None)
    warm = fit(tmp_path, None)
    assert cold["sympy"] and cold["problem"] == "Problem"
    assert not warm["sympy"] and warm["problem"] == "StoredProblem"
    assert numbers(warm) == numbers(cold)  # JSON floats: repr, so every bit
    assert warm["w"][0] == pytest.approx(913.5973364, abs=5e-8)  # the book
    assert warm["b"] == pytest.approx(123.3941438, abs=5e-8)
    assert warm["method"] == "scan"


@pytest.mark.parametrize("features", [3, 12])  # the step written out per weight; on the weight vector (> 8)
def test_a_logistic_neuron_with_several_features_starts_warm_with_the_same_numbers(tmp_path, features):
    cold = fit(tmp_path, "logistic", features, "random")
    warm = fit(tmp_path, "logistic", features, "random")
    assert cold["sympy"] and not warm["trained with sympy"]
    assert not warm["sympy"] or features > 9  # backprop of a wide model: the derived mean gradient (SymPy)
    assert numbers(warm) == numbers(cold)
    assert len(warm["w"]) == features and all(0 <= p <= 1 for p in warm["forpass"])


def test_an_expression_is_found_by_its_text_whatever_its_white_space(tmp_path):
    cold = fit(tmp_path, "(y - (w*x + b))**2 / 2")
    warm = fit(tmp_path, "  (y -  (w*x +\tb))**2 / 2 ")
    assert cold["sympy"] and not warm["sympy"]
    assert numbers(warm) == numbers(cold)


def test_different_losses_and_feature_counts_do_not_share_a_bundle(tmp_path):
    runs = {(loss, d): fit(tmp_path, loss, d, lr=0.3) for loss in ("se", "half-se") for d in (1, 2)}
    assert len(bundles(tmp_path)) == 4
    for (loss, d), cold in runs.items():
        warm = fit(tmp_path, loss, d, lr=0.3)
        alone = fit(tmp_path / f"alone-{loss}-{d}", loss, d, lr=0.3)  # derived in a cache of its own
        assert not warm["sympy"]
        assert numbers(warm) == numbers(cold) == numbers(alone)
    assert runs[("se", 1)]["w"] != runs[("half-se", 1)]["w"]
    assert len(runs[("se", 2)]["w"]) == 2


def damage_truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def damage_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # inside the body, past the header
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [damage_truncated, damage_one_byte, lambda path: path.write_bytes(b"")],
                         ids=["truncated", "one byte changed", "empty"])
def test_a_corrupt_bundle_is_derived_again_and_rewritten(tmp_path, damage):
    cold = fit(tmp_path, None)
    (bundle,) = bundles(tmp_path)
    damage(bundle)
    again = fit(tmp_path, None)
    assert again["sympy"], "a damaged bundle was used"
    assert numbers(again) == numbers(cold)
    assert not fit(tmp_path, None)["sympy"]  # written anew, and sound


def test_a_stale_bundle_of_another_loss_is_not_used(tmp_path):
    """The file of one loss holding another's bundle (a copy, an older key) is not trusted."""
    half = fit(tmp_path / "a", None)
    fit(tmp_path / "b", "se", lr=0.3)
    (mine,), (other,) = bundles(tmp_path / "a"), bundles(tmp_path / "b")
    mine.write_bytes(other.read_bytes())
    again = fit(tmp_path / "a", None)
    assert again["sympy"]
    assert numbers(again) == numbers(half)


def sign(body: str) -> bytes:
    """``body`` under the header derive.cache writes for the half-se bundle (a sound checksum)."""
    import hashlib

    from derive import cache
    from neuron.bundle import FORMAT

    key = cache.key("neuron", (FORMAT, "half-se", "1"))
    return f"# derive-neuron cache {hashlib.sha256(body.encode()).hexdigest()} {key}\n{body}".encode()


@pytest.mark.parametrize("change", ["a part missing", "another text", "source that does not run", "not json"])
def test_a_checksummed_bundle_that_is_not_what_the_bundle_writes_is_derived_again(tmp_path, change):
    cold = fit(tmp_path, None, 1)
    (bundle,) = bundles(tmp_path)
    header, body = bundle.read_text().split("\n", 1)
    entry = json.loads(body)
    if change == "a part missing":
        del entry["objective"]["loop"]
    elif change == "another text":
        entry["text"] = "se"
    elif change == "source that does not run":
        entry["objective"]["loss"] = "def _lambdifygenerated(:\n"
    body = "{" if change == "not json" else json.dumps(entry)
    assert sign(body).split(b"\n")[0].split()[-1] == header.split()[-1].encode()  # signed with the bundle's key
    bundle.write_bytes(sign(body))
    again = fit(tmp_path, None, 1)
    assert again["sympy"], f"a bundle with {change} was used"
    assert numbers(again) == numbers(cold)


def test_with_the_cache_off_every_process_derives():
    assert fit("off", None)["sympy"] and fit("off", None)["sympy"]


def test_the_command_line_starts_warm(tmp_path):
    code = ("import runpy, sys\nsys.argv = ['neuron', 'fit', '--json']\ntry:\n"
            "    runpy.run_module('neuron', run_name='__main__')\nexcept SystemExit as e:\n"
            "    assert not e.code\nprint('SYMPY', 'sympy' in sys.modules)\n")
    env = dict(os.environ, DERIVE_NEURON_CACHE=str(tmp_path), PYTHONPATH=str(ROOT))
    outputs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        report, _, flag = done.stdout.rpartition("SYMPY ")
        outputs.append((json.loads(report), flag.strip()))
    (cold, cold_sympy), (warm, warm_sympy) = outputs
    assert (cold_sympy, warm_sympy) == ("True", "False")
    assert warm == cold
    assert warm["w"] == pytest.approx(913.5973364, abs=5e-8) and warm["b"] == pytest.approx(123.3941438, abs=5e-8)


def test_warm_code_runs_in_the_names_sympy_gives_numpy_functions():
    """derive.generated runs NumPy source in a namespace built without SymPy:
    it must be the one SymPy's lambdify builds."""
    from sympy.utilities.lambdify import NUMPY_DEFAULT, NUMPY_TRANSLATIONS

    from derive import generated

    assert generated.SYMPY_NUMPY_NAMES == NUMPY_DEFAULT
    assert generated.SYMPY_NUMPY_TRANSLATIONS == NUMPY_TRANSLATIONS


def test_the_cache_key_reads_the_installed_sympy_version():
    import sympy

    from derive import cache

    assert sympy.__version__ in cache.versions()
