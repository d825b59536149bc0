"""derive.cache: generated source kept across processes — used when sound,
rebuilt (never run) when corrupt or stale, with the same numbers either way."""
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import derive.cache as cache
from derive import losses
from derive.descent import Schedule, train
from derive.descent.generated_loop import SGDLoop
from derive.gradient import Gradient, _as_symbols
from neuron.datasets import load_diabetes

ROOT = Path(__file__).resolve().parent.parent
BOOK_W, BOOK_B = 913.5973364346786, 123.39414383177173  # the book's neuron, by the loop


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DERIVE_NEURON_CACHE", str(folder))
    return folder


def fresh_gradient(loss=None, wrt=("w", "b")) -> Gradient:
    """A Gradient built anew (not the in-process lru cache), as a new process would."""
    loss = losses.half_squared_error() if loss is None else loss
    return Gradient(loss, _as_symbols(loss, tuple(wrt)))


def book_fit(grad: Gradient) -> tuple[float, float]:
    """The book's 100 epochs on the diabetes BMI column through the generated loop."""
    X, y = load_diabetes()
    from derive.descent.objective import Objective

    trajectory = train(Objective(grad), [1.0, 1.0], [X[:, 2], y], Schedule(100, 1.0), method="loop")
    return tuple(trajectory.params)


def loop_entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("loop-*.py"))


def test_a_second_build_reads_the_source_instead_of_deriving_it(cache_dir, monkeypatch):
    first = SGDLoop(fresh_gradient())
    (entry,) = loop_entries(cache_dir)
    import derive.descent.generated_loop as generated

    def derive_again(grad):
        raise AssertionError("the loop was derived again although the cache holds it")

    monkeypatch.setattr(generated, "_source", derive_again)
    second = SGDLoop(fresh_gradient())
    assert second.source == first.source
    assert entry.read_text().split("\n", 1)[1] == first.source


def test_warm_and_cold_give_the_books_numbers(cache_dir):
    cold = book_fit(fresh_gradient())
    warm = book_fit(fresh_gradient())
    assert cold == warm == (BOOK_W, BOOK_B)


def corrupt_truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def corrupt_flipped_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    i = data.index(b"lr*") + 1  # inside the body: the step itself, not the header
    data[i] ^= 0x01
    path.write_bytes(bytes(data))


def corrupt_header(path: Path) -> None:
    path.write_bytes(b"garbage\n" + path.read_bytes())


def corrupt_to_code_that_runs(path: Path) -> None:
    """A body that would run (and plant a marker) but no longer matches its checksum."""
    header, _, body = path.read_text().partition("\n")
    path.write_text(header + "\nimport os\nos.environ['DERIVE_TEST_PLANTED'] = '1'\n" + body)


@pytest.mark.parametrize("corrupt", [corrupt_truncated, corrupt_flipped_byte, corrupt_header,
                                     corrupt_to_code_that_runs])
def test_a_corrupt_entry_is_rebuilt_never_run(cache_dir, corrupt, monkeypatch):
    monkeypatch.delenv("DERIVE_TEST_PLANTED", raising=False)
    good = SGDLoop(fresh_gradient()).source
    (entry,) = loop_entries(cache_dir)
    intact = entry.read_bytes()
    corrupt(entry)
    rebuilt = SGDLoop(fresh_gradient())
    assert rebuilt.source == good
    assert "DERIVE_TEST_PLANTED" not in os.environ
    assert entry.read_bytes() == intact  # written again, whole
    assert book_fit(fresh_gradient()) == (BOOK_W, BOOK_B)


def test_an_entry_written_for_another_key_is_not_used(cache_dir):
    SGDLoop(fresh_gradient())
    (entry,) = loop_entries(cache_dir)
    other = SGDLoop(fresh_gradient(losses.squared_error()))
    (other_entry,) = [p for p in loop_entries(cache_dir) if p != entry]
    other_entry.write_bytes(entry.read_bytes())  # a sound entry, in the wrong file
    assert SGDLoop(fresh_gradient(losses.squared_error())).source == other.source


def test_a_new_generator_version_rebuilds(cache_dir, monkeypatch):
    SGDLoop(fresh_gradient())
    before = loop_entries(cache_dir)
    monkeypatch.setattr(cache, "GENERATOR_VERSION", cache.GENERATOR_VERSION + "-next")
    import derive.descent.generated_loop as generated

    calls = []
    original = generated._source
    monkeypatch.setattr(generated, "_source", lambda grad: calls.append(1) or original(grad))
    SGDLoop(fresh_gradient())
    assert calls == [1]  # derived again: the old entry is stale
    assert len(loop_entries(cache_dir)) == len(before) + 1
    assert book_fit(fresh_gradient()) == (BOOK_W, BOOK_B)


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVE_NEURON_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    SGDLoop(fresh_gradient())
    assert not any(tmp_path.rglob("*.py"))


def test_the_default_folder_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv("DERIVE_NEURON_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.directory() == tmp_path / "derive-neuron"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.directory() == tmp_path / "home" / ".cache" / "derive-neuron"


def test_an_unwritable_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DERIVE_NEURON_CACHE", str(blocker / "cache"))
    assert book_fit(fresh_gradient()) == (BOOK_W, BOOK_B)


def test_no_temporary_files_are_left(cache_dir):
    SGDLoop(fresh_gradient())
    fresh_gradient().loss_numpy
    assert not [p for p in cache_dir.iterdir() if p.name.startswith(".")]


def test_cached_numpy_functions_give_the_same_values(cache_dir):
    loss = losses.logistic_cross_entropy(losses.linear(3))
    wrt = ("w_1", "w_2", "w_3", "b")
    rng = np.random.default_rng(0)
    args = [rng.normal(size=20) for _ in range(4)] + [rng.normal(size=20) for _ in range(3)] + [rng.integers(0, 2, 20).astype(float)]
    cold = fresh_gradient(loss, wrt)
    cold_values = (cold.numpy(*args), cold.loss_numpy(*args), cold.scalar(*(float(a[0]) for a in args)))
    assert len(list(cache_dir.glob("function-*.py"))) == 3
    for path in cache_dir.glob("function-*.py"):
        corrupt_flipped_byte_anywhere(path)
    warm = fresh_gradient(loss, wrt)
    assert np.array_equal(warm.numpy(*args), cold_values[0])
    assert np.array_equal(warm.loss_numpy(*args), cold_values[1])
    assert warm.scalar(*(float(a[0]) for a in args)) == cold_values[2]


def corrupt_flipped_byte_anywhere(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    path.write_bytes(bytes(data))


def test_a_second_neuron_fit_process_starts_from_the_cache(cache_dir):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    runs = [subprocess.run([sys.executable, "-m", "neuron", "fit", "--method", "loop"], cwd=ROOT, env=env,
                           capture_output=True, text=True, check=True) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout
    assert f"w         {BOOK_W!r}" in runs[1].stdout
    assert loop_entries(cache_dir)
