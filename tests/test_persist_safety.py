"""Saving never destroys what is not a saved neuron, and loading never
hangs, never reads without bound and fails in one way (issue 16, §1, §2, §5).

Each check in ``neuron.persist`` has a test here that fails when the check
is dropped: the file kinds, symlinks, the mode, read-only files, the
version, the weight count, bare NaN, the feature and size bounds.
"""
import json
import os
import stat

import pytest
from hypothesis import event, example, given, strategies as st

from neuron import Neuron
from neuron import persist, safe_json
from neuron.errors import NeuronFileError


def saved(path, **changes):
    """Write a valid saved neuron to ``path`` (w = 2, b = 3), with ``changes``
    made to its JSON state; returns the path."""
    state = {"format": "derive-neuron", "version": 1, "loss": "half-se", "features": 1,
             "init": "book", "seed": None, "w": [2.0], "b": 3.0, "history": [5.0, 4.0]}
    state.update(changes)
    path.write_text(json.dumps(state))
    return path


def trained():
    """A neuron whose weights differ from a fresh one's."""
    n = Neuron()
    n.w, n.b = 7.0, -2.0
    return n


def refusal(path, call=None):
    """The message of the NeuronFileError that saving a trained neuron to
    ``path`` (or ``call``) raises; it must name the path."""
    with pytest.raises(NeuronFileError) as info:
        (call or (lambda: trained().save(path)))()
    assert str(path) in str(info.value) and info.value.path == str(path)
    return str(info.value)


def only(tmp_path, *names):
    """The folder holds exactly ``names``: no temporary file was left behind."""
    assert sorted(os.listdir(tmp_path)) == sorted(names)


# --- what a save may replace ----------------------------------------------------

def test_save_refuses_a_fifo_and_leaves_it_a_fifo(tmp_path):
    fifo = tmp_path / "model.json"
    os.mkfifo(fifo)
    assert "is a FIFO (named pipe), not a regular file" in refusal(fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    only(tmp_path, "model.json")


def test_save_refuses_a_folder_and_leaves_its_contents(tmp_path):
    folder = tmp_path / "model.json"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    assert "is a folder, not a regular file" in refusal(folder)
    assert (folder / "keep.txt").read_text() == "mine"


def test_save_refuses_a_device_and_leaves_it_a_device(tmp_path):
    device = tmp_path / "null"
    rdev = os.stat("/dev/null").st_rdev
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, rdev)
    except (PermissionError, OSError) as err:
        pytest.skip(f"cannot make a device node here: {err}")
    assert "is a character device, not a regular file" in refusal(device)
    st_after = os.lstat(device)
    assert stat.S_ISCHR(st_after.st_mode) and st_after.st_rdev == rdev
    only(tmp_path, "null")


def test_save_refuses_a_file_that_is_not_a_saved_neuron(tmp_path):
    data = tmp_path / "data.csv"  # neuron fit data.csv --save data.csv: a slip of the keyboard
    data.write_text("x,y\n1,2\n")
    assert "is not a saved neuron, so it is not overwritten" in refusal(data)
    assert data.read_text() == "x,y\n1,2\n"
    only(tmp_path, "data.csv")


@pytest.mark.parametrize("content", [
    '{"format": "other", "version": 1}',
    '["derive-neuron"]',
    '{"format": "derive-neuron", "version": 1, "b": NaN}',  # not strict JSON: not ours
])
def test_save_refuses_json_that_is_not_marked_as_a_saved_neuron(tmp_path, content):
    path = tmp_path / "model.json"
    path.write_text(content)
    refusal(path)
    assert path.read_text() == content


def test_save_replaces_an_empty_file_and_a_saved_neuron_of_any_version(tmp_path):
    empty = tmp_path / "empty.json"
    empty.touch()
    trained().save(empty)
    other_version = saved(tmp_path / "old.json", version=99)
    trained().save(other_version)
    assert Neuron.load(empty).w == Neuron.load(other_version).w == 7.0


def test_save_creates_a_new_file(tmp_path):
    trained().save(tmp_path / "new.json")
    assert Neuron.load(tmp_path / "new.json").b == -2.0
    only(tmp_path, "new.json")


# --- symlinks: followed, and the same checks apply to what they point at ----------

def test_save_through_a_symlink_replaces_the_file_it_points_to_and_keeps_the_link(tmp_path):
    (tmp_path / "runs").mkdir()
    real = saved(tmp_path / "runs" / "3.json")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    trained().save(link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert Neuron.load(real).w == 7.0
    only(tmp_path / "runs", "3.json")  # the temporary file lived beside the real file
    only(tmp_path, "latest.json", "runs")


def test_save_through_a_symlink_to_something_else_is_refused_naming_both(tmp_path):
    real = tmp_path / "notes.txt"
    real.write_text("my notes")
    link = tmp_path / "model.json"
    link.symlink_to(real)
    message = refusal(link)
    assert f"a symlink to {real}" in message and "not a saved neuron" in message
    assert real.read_text() == "my notes" and link.is_symlink()


def test_save_through_a_symlink_to_a_fifo_is_refused(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "model.json").symlink_to(tmp_path / "fifo")
    assert "FIFO" in refusal(tmp_path / "model.json")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "fifo").st_mode)


@pytest.mark.parametrize("target", ["nowhere.json", "model.json"], ids=["dangling", "loop"])
def test_save_refuses_a_symlink_that_leads_nowhere(tmp_path, target):
    link = tmp_path / "model.json"
    link.symlink_to(tmp_path / target)
    assert "a symlink that leads nowhere" in refusal(link)
    assert link.is_symlink() and not (tmp_path / "nowhere.json").exists()
    only(tmp_path, "model.json")


# --- the mode and owner of the file replaced ------------------------------------

@pytest.mark.parametrize("mode", [0o600, 0o640, 0o604, 0o660, 0o200])
def test_save_keeps_the_mode_of_the_file_it_replaces(tmp_path, mode):
    if not mode & 0o400 and os.geteuid() != 0:
        pytest.skip("only root can read a write-only file to check that it is a saved neuron")
    path = saved(tmp_path / "model.json")
    os.chmod(path, mode)
    trained().save(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == mode
    os.chmod(path, 0o600)
    assert Neuron.load(path).w == 7.0


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_the_mode_open_would_give_it(tmp_path, umask):
    old = os.umask(umask)
    try:
        trained().save(tmp_path / "new.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "new.json").st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o044])
def test_save_refuses_a_read_only_file_even_as_root(tmp_path, mode):
    path = saved(tmp_path / "model.json")
    before = path.read_bytes()
    os.chmod(path, mode)
    assert "is read-only" in refusal(path) and f"{mode:04o}" in refusal(path)
    assert path.read_bytes() == before and stat.S_IMODE(os.stat(path).st_mode) == mode


def test_save_refuses_a_file_it_cannot_read_to_check(tmp_path, monkeypatch):
    path = saved(tmp_path / "model.json")
    access = os.access  # as root every file is readable: pretend this one is not (mode 0200 for a user)
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.R_OK else access(p, mode))
    assert "cannot be read, so it cannot be checked" in refusal(path)
    monkeypatch.undo()
    assert Neuron.load(path).w == 2.0


def test_save_as_root_keeps_the_owner_of_the_file_it_replaces(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    path = saved(tmp_path / "model.json")
    os.chown(path, 12345, 23456)
    trained().save(path)
    st_after = os.stat(path)
    assert (st_after.st_uid, st_after.st_gid) == (12345, 23456)


# --- failures leave the original whole, and no temporary file --------------------

@pytest.mark.parametrize("step", ["fsync", "replace", "fchmod"])
def test_a_failed_save_leaves_the_original_intact_and_no_temporary_file(tmp_path, monkeypatch, step):
    path = saved(tmp_path / "model.json")
    before = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(OSError, match="No space left"):
        trained().save(path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    only(tmp_path, "model.json")


def test_the_temporary_file_is_written_in_the_folder_of_the_file_replaced(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    real = saved(tmp_path / "b" / "model.json")
    (tmp_path / "a" / "link.json").symlink_to(real)
    renames = []
    replace = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (renames.append((src, dst)), replace(src, dst)))
    trained().save(tmp_path / "a" / "link.json")
    [(src, dst)] = renames
    assert os.path.dirname(src) == str(tmp_path / "b") and str(dst) == str(real)


def test_save_refuses_more_features_than_load_accepts(tmp_path, monkeypatch):
    monkeypatch.setattr(persist, "MAX_FEATURES", 2)
    n = Neuron(features=3)
    assert "at most 2 features" in refusal(tmp_path / "n.json", lambda: n.save(tmp_path / "n.json"))
    only(tmp_path)


def test_save_refuses_a_file_larger_than_load_reads(tmp_path, monkeypatch):
    n = trained()
    n.history = [1.0] * 100
    monkeypatch.setattr(safe_json, "MAX_FILE_BYTES", 500)
    assert "more than the 500" in refusal(tmp_path / "n.json", lambda: n.save(tmp_path / "n.json"))
    only(tmp_path)


# --- loading: one error type, naming the file ------------------------------------

def load_refusal(path):
    """The message of the NeuronFileError loading ``path`` raises; a Neuron
    subclass that cannot be built proves the file was refused before any
    neuron was built (a neuron of 10 million features would take hours)."""

    class NeverBuilt(Neuron):
        def __init__(self, *args, **kwargs):
            raise AssertionError(f"a neuron was built from {path}: {args} {kwargs}")

    with pytest.raises(NeuronFileError) as info:
        NeverBuilt.load(path)
    assert isinstance(info.value, ValueError)
    assert str(path) in str(info.value) and info.value.path == str(path)
    return str(info.value)


def test_a_valid_file_loads(tmp_path):
    n = Neuron.load(saved(tmp_path / "n.json", w=[2], b=3))  # whole numbers are weights too
    assert (n.w, n.b, n.history) == (2.0, 3.0, [5.0, 4.0]) and isinstance(n.w, float)


def test_ten_million_features_are_refused_before_anything_is_built(tmp_path):
    path = tmp_path / "n.json"
    path.write_text('{"format": "derive-neuron", "version": 1, "loss": "half-se", "features": 10000000, '
                    '"init": "book", "seed": null, "w": [1.0], "b": 1.0, "history": []}')
    assert path.stat().st_size < 200
    assert "features 10000000" in load_refusal(path)


def test_features_beyond_the_cap_are_refused_even_with_as_many_weights(tmp_path):
    over = persist.MAX_FEATURES + 1
    assert f"from 1 to {persist.MAX_FEATURES}" in load_refusal(saved(tmp_path / "n.json", features=over, w=[0.5] * over))


def test_as_many_features_as_the_cap_load_and_one_more_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(persist, "MAX_FEATURES", 3)
    assert Neuron.load(saved(tmp_path / "n.json", features=3, w=[1.0, 2.0, 3.0])).features == 3
    assert "from 1 to 3" in load_refusal(saved(tmp_path / "n.json", features=4, w=[1.0] * 4))


@pytest.mark.parametrize("weights", [[], [1.0, 2.0]], ids=["none", "two"])
def test_a_wrong_weight_count_is_refused(tmp_path, weights):
    assert f"has {len(weights)} weights for 1 feature" in load_refusal(saved(tmp_path / "n.json", w=weights))


@pytest.mark.parametrize("weights", ["1.0", None, 2.0, {"w": 1.0}])
def test_weights_that_are_not_a_list_are_refused(tmp_path, weights):
    assert "not a list of 1 weight" in load_refusal(saved(tmp_path / "n.json", w=weights))


def test_features_must_agree_with_an_expression_loss(tmp_path):
    path = saved(tmp_path / "n.json", loss="(y - (w_1*x_1 + w_2*x_2 + b))**2", features=1, w=[1.0])
    with pytest.raises(NeuronFileError, match="written for 2 feature"):
        Neuron.load(path)


@pytest.mark.parametrize("version", [2, 0, "1", True, 1.0, None], ids=repr)
def test_a_version_other_than_1_is_refused(tmp_path, version):
    assert "this neuron reads version 1" in load_refusal(saved(tmp_path / "n.json", version=version))


def test_a_missing_version_is_refused(tmp_path):
    state = json.loads(saved(tmp_path / "n.json").read_text())
    del state["version"]
    (tmp_path / "n.json").write_text(json.dumps(state))
    assert "version None" in load_refusal(tmp_path / "n.json")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize("field", ["b", "w", "history"])
def test_a_bare_nan_or_infinity_is_refused(tmp_path, constant, field):
    path = saved(tmp_path / "n.json")
    text = path.read_text()
    text = {"b": text.replace('"b": 3.0', f'"b": {constant}'),
            "w": text.replace('"w": [2.0]', f'"w": [{constant}]'),
            "history": text.replace('"history": [5.0, 4.0]', f'"history": [5.0, {constant}]')}[field]
    path.write_text(text)
    assert f"a bare {constant}" in load_refusal(path)


@pytest.mark.parametrize("value", ['"NaN"', '"inf"', "true", "[1.0]", "{}", "null"])
def test_a_weight_that_is_not_a_finite_number_is_refused(tmp_path, value):
    path = saved(tmp_path / "n.json")
    path.write_text(path.read_text().replace('"b": 3.0', f'"b": {value}'))
    assert "where a finite number belongs" in load_refusal(path)


@pytest.mark.parametrize("number, match", [
    ("1e400", "beyond the float range"),
    ("-1e309", "beyond the float range"),
    ("9" * 5000, "5000 digits"),       # int() of it alone raises a raw ValueError
    ("9" * 400, "400 digits"),         # float() of it raises OverflowError
])
def test_a_number_beyond_the_float_range_is_refused(tmp_path, number, match):
    path = saved(tmp_path / "n.json")
    path.write_text(path.read_text().replace('"b": 3.0', f'"b": {number}'))
    assert match in load_refusal(path)


def test_numbers_at_the_edge_of_the_float_range_load(tmp_path):
    path = saved(tmp_path / "n.json")
    path.write_text(path.read_text().replace('"b": 3.0', '"b": 1.7976931348623157e308')
                    .replace('"w": [2.0]', '"w": [' + "9" * 100 + "]"))
    n = Neuron.load(path)
    assert n.b == 1.7976931348623157e308 and n.w == float("9" * 100)


@pytest.mark.parametrize("content, match", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    (b"\xff\xfe{\x00}\x00", "not UTF-8"),
    ("", "not JSON"),
    ('{"format": "derive-neuron", "version": 1}', "missing or malformed"),
    ("[]", 'no "format"'),
])
def test_broken_files_are_refused(tmp_path, content, match):
    path = tmp_path / "n.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert match in load_refusal(path)


@pytest.mark.parametrize("field, value", [
    ("loss", 3), ("loss", None), ("init", None), ("seed", 1.5), ("seed", "7"), ("seed", True),
    ("history", {"a": 1}), ("history", "[]"),
])
def test_settings_of_the_wrong_type_are_refused_before_anything_is_built(tmp_path, field, value):
    load_refusal(saved(tmp_path / "n.json", **{field: value}))


@pytest.mark.parametrize("changes, match", [
    ({"loss": "__import__('os')"}, "cannot read the expression"),
    ({"loss": "(y - (w*x + b))**2 + z"}, "also uses z"),
    ({"init": "golden"}, "init must be one of"),
    ({"init": "random", "seed": -1}, "cannot be used"),
])
def test_settings_the_neuron_refuses_are_refused_naming_the_file(tmp_path, changes, match):
    path = saved(tmp_path / "n.json", **changes)
    with pytest.raises(NeuronFileError, match=match) as info:
        Neuron.load(path)
    assert str(path) in str(info.value)


# --- what is not a regular file, or is too large -----------------------------------

def test_loading_a_missing_file_names_it(tmp_path):
    assert "No such file" in load_refusal(tmp_path / "missing.json")


def test_loading_a_folder_is_refused(tmp_path):
    assert "is a folder" in load_refusal(tmp_path)


def test_loading_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    assert "is a FIFO" in load_refusal(tmp_path / "fifo")


def test_loading_a_device_is_refused_without_reading_it():
    assert "is a character device" in load_refusal("/dev/zero")  # endless: only a refusal ends it


def test_a_file_of_the_size_limit_loads_and_one_byte_more_is_refused(tmp_path, monkeypatch):
    path = saved(tmp_path / "n.json")
    size = path.stat().st_size
    monkeypatch.setattr(safe_json, "MAX_FILE_BYTES", size)
    assert Neuron.load(path).w == 2.0
    path.write_text(path.read_text() + " ")
    assert f"larger than {size} bytes" in load_refusal(path)


# --- fuzzing: anything at all is a neuron or a NeuronFileError ---------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)
FIELDS = ["format", "version", "loss", "features", "init", "seed", "w", "b", "history"]


def load_or_refuse(path):
    """A Neuron or a NeuronFileError naming the file; anything else fails."""
    try:
        neuron = Neuron.load(path)
    except NeuronFileError as err:
        assert str(path) in str(err)
        event("refused: " + " ".join(str(err).replace(str(path), "FILE").split()[:4]))
        return None
    event("loaded")
    return neuron


@given(st.binary(max_size=400))
@example(b"")
@example(b"\xef\xbb\xbf{}")
@example(b"[" * 5000)
@example(b'{"format": "derive-neuron", "version": 1, "features": 10000000}')
def test_any_bytes_load_as_a_neuron_or_raise_one_error(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("fuzz") / "n.json"
    path.write_bytes(content)
    load_or_refuse(path)


@given(field=st.sampled_from(FIELDS), value=json_values | st.integers(min_value=0, max_value=10**7)
       | st.sampled_from(["half-se", "se", "abs", "logistic", "(y - (w*x + b))**2", "random", "zeros"]))
@example(field="features", value=10**7)
@example(field="features", value=2**64)
@example(field="w", value=[float("nan")])
@example(field="history", value=[float("inf")])
@example(field="version", value=True)
@example(field="loss", value="logistic")
def test_any_value_in_any_field_loads_as_a_neuron_or_raises_one_error(tmp_path_factory, field, value):
    path = saved(tmp_path_factory.mktemp("fuzz") / "n.json")
    state = json.loads(path.read_text())
    state[field] = value
    path.write_text(json.dumps(state))  # NaN and Infinity written bare, as a hostile file would
    n = load_or_refuse(path)
    if n is not None:  # whatever loads is a usable neuron
        assert len(n._params) == n.features + 1 and all(map(_finite, n._params + n.history))


JSONISH = '{}[]":,. 0123456789eE+-NaInfityrulsfo\\u'


@given(st.text(alphabet=JSONISH, max_size=200))
@example('{"format": "derive-neuron", "version": 1e999}')
@example('{"format": "derive-neuron", "version": -Infinity}')
def test_any_json_like_text_loads_as_a_neuron_or_raises_one_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "n.json"
    path.write_text(text)
    load_or_refuse(path)


@given(st.data())
def test_a_saved_file_with_any_span_replaced_loads_as_a_neuron_or_raises_one_error(tmp_path_factory, data):
    path = saved(tmp_path_factory.mktemp("fuzz") / "n.json", features=2, w=[2.0, -1.5])
    text = path.read_text()
    start = data.draw(st.integers(0, len(text)), label="start")
    end = data.draw(st.integers(start, min(len(text), start + 12)), label="end")
    snippet = data.draw(st.text(alphabet=JSONISH, max_size=12) | st.sampled_from(
        ["NaN", "Infinity", "1e400", "9" * 120, "[" * 3000, "10000000", "true", "null", "-0.0", "5e-324"]),
        label="snippet")
    path.write_text(text[:start] + snippet + text[end:])
    n = load_or_refuse(path)
    if n is not None:
        assert len(n._params) == n.features + 1 and all(map(_finite, n._params + n.history))


def _finite(value):
    return isinstance(value, float) and value == value and abs(value) != float("inf")
