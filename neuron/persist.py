"""Saving a trained neuron as JSON and reading it back, safely.

The file holds the loss as text (a name such as ``half-se``, or an
expression read back by ``derive.parse_expression``, never ``eval``), the
weights and the loss history.

Saving never destroys what is not a saved neuron. It writes a new file, or
replaces a regular file that already holds a saved neuron (or is empty):
folders, FIFOs, devices, sockets, read-only files and any other file are
refused with :class:`NeuronFileError` naming the path. A symlink is
followed: the file it points to is checked and replaced, and the link stays
a link; a dangling or looping link is refused. The text goes to a temporary
file in the same folder as the file replaced, which is renamed over it (so
a crash never leaves half a file) or removed if anything fails. The replaced
file keeps its permission bits (and, as root, its owner and group).

Loading reads at most ``safe_json.MAX_FILE_BYTES``, never opens anything but a
regular file (a FIFO cannot block it), and checks every field before
building anything, with at most :data:`MAX_FEATURES` features. Whatever is
wrong with the file — unreadable, not UTF-8, not JSON, nested too deeply, a
bare ``NaN``, a number beyond the float range, another format or version,
the wrong number of weights — is one :class:`NeuronFileError` naming it.

A neuron saved by ``neuron fit --save`` also holds the names of its feature
columns and of its target, and, with ``--standardize``, the mean and standard
deviation it scaled each feature by: :func:`load_model` reads them with the
neuron, for ``neuron predict``. They are optional, so files saved before them
still load. :meth:`Neuron.load` warns when the file holds a standardisation,
since the neuron alone expects standardised features.
"""
from __future__ import annotations

import json
import os
import stat
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from . import safe_json
from .errors import NeuronFileError
from .safe_json import _kind, _number, _parse, _read_bounded, _short
from .scaling import Standardization

if TYPE_CHECKING:
    from .neuron import Neuron

FORMAT = "derive-neuron"
VERSION = 1
#: The most features a saved neuron may have; building the neuron's
#: gradient takes seconds at this size and grows faster than linearly.
MAX_FEATURES = 2000
#: The longest column name kept in the file.
MAX_NAME_CHARS = 1000


@dataclass(frozen=True)
class SavedModel:
    """A saved neuron with what ``neuron fit`` knew of its data: the feature
    and target column names (``None`` in files saved without them) and the
    standardisation of the features (``None`` if they were not scaled)."""

    neuron: "Neuron"
    feature_names: tuple[str, ...] | None
    target_name: str | None
    standardization: Standardization | None


# saving ----------------------------------------------------------------------

def save(neuron: "Neuron", path, *, feature_names: Sequence[str] | None = None,
         target_name: str | None = None, standardization: Standardization | None = None) -> None:
    """Write ``neuron`` to ``path`` atomically, over nothing but a saved neuron.

    ``path`` may be new, an empty file or a saved neuron; a symlink is
    followed to such a file (the link stays). A folder, FIFO, device, socket,
    read-only file or any other file raises :class:`NeuronFileError`. The
    file replaced keeps its permission bits (and, as root, its owner).
    ``feature_names``, ``target_name`` and ``standardization`` are stored
    when given (``neuron fit --save``), for ``neuron predict``."""
    data = _encode(neuron, path, feature_names, target_name, standardization)
    target, existing = check_target(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if existing is not None:
                _keep_owner(f.fileno(), existing)
            os.fchmod(f.fileno(), stat.S_IMODE(existing.st_mode) & 0o777 if existing else _new_file_mode())
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise


def check_target(path) -> tuple[Path, os.stat_result | None]:
    """The file a save to ``path`` would replace (a symlink followed), and its
    status, or ``None`` for a new file; :class:`NeuronFileError` if a save
    there could destroy something that is not a saved neuron. Callers that
    work long before saving (``neuron fit --save``) can call it first."""
    target = Path(path)
    shown = str(path)
    if target.is_symlink():
        try:
            target = Path(os.path.realpath(target, strict=True))
        except OSError as err:
            raise NeuronFileError(path, f"cannot save to {path}: it is a symlink that leads nowhere "
                                        f"({err.strerror}); remove it or choose another name") from None
        shown = f"{path} (a symlink to {target})"
    try:
        st = os.stat(target)
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise FileNotFoundError(2, "the folder does not exist", str(target.parent)) from None
        return target, None
    what = _kind(st.st_mode)
    if what != "regular file":
        raise NeuronFileError(path, f"cannot save to {shown}: it is {what}, not a regular file; "
                                    "a neuron is saved only as a new file or over a saved neuron")
    if not st.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise NeuronFileError(path, f"cannot save to {shown}: the file is read-only "
                                    f"(mode {stat.S_IMODE(st.st_mode):04o}); make it writable or choose another name")
    if st.st_size > 0 and not os.access(target, os.R_OK):
        raise NeuronFileError(path, f"cannot save to {shown}: the file cannot be read, so it cannot be "
                                    "checked to be a saved neuron; remove it first or choose another name")
    if st.st_size > 0 and not _holds_a_saved_neuron(target):
        raise NeuronFileError(path, f"cannot save to {shown}: it is not a saved neuron, so it is not "
                                    "overwritten; remove it first or choose another name")
    return target, st


def _encode(neuron: "Neuron", path, feature_names: Sequence[str] | None = None, target_name: str | None = None,
            standardization: Standardization | None = None) -> bytes:
    features = neuron.problem.features
    if features > MAX_FEATURES:
        raise NeuronFileError(path, f"cannot save to {path}: a saved neuron has at most {MAX_FEATURES} "
                                    f"features, this one has {features}")
    state = {
        "format": FORMAT,
        "version": VERSION,
        "loss": neuron.problem.label,
        "features": features,
        "init": neuron.init,
        "seed": neuron.seed,
        "w": neuron._params[:-1],
        "b": neuron.b,
        "history": neuron.history,
    }
    if neuron._history_epochs is not None:  # a thinned history: the epoch of each loss
        state["history_epochs"] = neuron._history_epochs
    if feature_names is not None:
        if len(feature_names) != features:
            raise ValueError(f"{len(feature_names)} feature names for a neuron of {features} feature(s)")
        state["feature_names"] = [str(name) for name in feature_names]
    if target_name is not None:
        state["target_name"] = str(target_name)
    if standardization is not None:
        if len(standardization.mean) != features:
            raise ValueError(f"a standardisation of {len(standardization.mean)} features for a neuron of {features}")
        state["standardization"] = standardization.to_json()
    try:
        data = (json.dumps(state, indent=2, allow_nan=False) + "\n").encode("utf-8")
    except ValueError:  # a weight or loss that is NaN or infinite, set by hand
        raise NeuronFileError(path, f"cannot save to {path}: the neuron holds a NaN or infinite number") from None
    if len(data) > safe_json.MAX_FILE_BYTES:
        raise NeuronFileError(path, f"cannot save to {path}: the neuron takes {len(data)} bytes, more than "
                                    f"the {safe_json.MAX_FILE_BYTES} a saved neuron may have (a very long history)")
    return data


def _holds_a_saved_neuron(target: Path) -> bool:
    """Whether the regular file ``target`` is JSON marked as a saved neuron
    (of any version): only such a file may be replaced."""
    try:
        state = _parse(_read_bounded(target), target)
    except NeuronFileError:
        return False
    return isinstance(state, dict) and state.get("format") == FORMAT


def _keep_owner(fd: int, existing: os.stat_result) -> None:
    if (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(fd, existing.st_uid, existing.st_gid)
        except PermissionError:  # only root may give a file away; the saver owns it then
            pass


def _new_file_mode() -> int:
    """The mode ``open`` would give a new file (0o666 less the umask), not
    the owner-only mode of a temporary file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# loading ---------------------------------------------------------------------

def load(cls: type, path) -> "Neuron":
    """The neuron saved at ``path``; :class:`NeuronFileError` naming the file if it is not one.

    Warns (``UserWarning``) if the neuron was trained on standardised
    features: its ``predict`` expects them scaled (see :func:`load_model`)."""
    model = load_model(cls, path)
    if model.standardization is not None:
        warnings.warn(f"{path} was trained on standardised features: scale each feature x_i to "
                      "(x_i - mean_i) / std_i with the file's \"standardization\" before predict, or use "
                      "neuron.persist.load_model(Neuron, path) or neuron predict, which do", UserWarning, stacklevel=3)
    return model.neuron


def load_model(cls: type, path) -> SavedModel:
    """The neuron saved at ``path`` with its column names and standardisation;
    :class:`NeuronFileError` naming the file if it is not a saved neuron."""
    state = _parse(_read_bounded(path), path)
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        raise NeuronFileError(path, f"{path} is not a saved neuron (no \"format\": \"{FORMAT}\")")
    version = state.get("version")
    if type(version) is not int or version != VERSION:
        raise NeuronFileError(path, f"{path} has version {_short(version)}; this neuron reads version {VERSION}")
    missing = [key for key in ("loss", "features", "init", "seed", "w", "b", "history") if key not in state]
    if missing:
        raise NeuronFileError(path, f"{path} is not a complete saved neuron: {', '.join(missing)} missing or malformed")
    features, ws = state["features"], state["w"]
    if type(features) is not int or not 1 <= features <= MAX_FEATURES:
        raise NeuronFileError(path, f"{path} has features {_short(features)}; a saved neuron has a whole "
                                    f"number from 1 to {MAX_FEATURES}")
    if not isinstance(ws, list):
        raise NeuronFileError(path, f"{path} has w {_short(ws)}, not a list of {features} weight(s)")
    if len(ws) != features:
        raise NeuronFileError(path, f"{path} has {len(ws)} weights for {features} feature(s)")
    if not isinstance(state["history"], list):
        raise NeuronFileError(path, f"{path} has history {_short(state['history'])}, not a list of numbers")
    params = [_number(v, path) for v in ws] + [_number(state["b"], path)]
    history = [_number(v, path) for v in state["history"]]
    epochs = _history_epochs(state, len(history), path)
    names, target, scaling = _data_fields(state, features, path)
    neuron = _build(cls, state, path)  # refuses a loss written for another number of features
    neuron._params = params
    neuron.history = history
    neuron._history_epochs = epochs
    return SavedModel(neuron, names, target, scaling)


def _history_epochs(state: dict, length: int, path) -> list[int] | None:
    """The optional ``history_epochs`` of a thinned history, checked: as
    many whole numbers as losses, increasing from 1."""
    epochs = state.get("history_epochs")
    if epochs is None:
        return None
    if (not isinstance(epochs, list) or len(epochs) != length or not epochs
            or any(type(e) is not int for e in epochs) or epochs[0] != 1
            or any(a >= b for a, b in zip(epochs, epochs[1:]))):
        raise NeuronFileError(path, f"{path} has history_epochs {_short(epochs)}, not {length} whole numbers "
                                    "increasing from 1 (the epoch of each loss in history)")
    return epochs


def _data_fields(state: dict, features: int, path) -> tuple[tuple[str, ...] | None, str | None,
                                                               Standardization | None]:
    """The optional ``feature_names``, ``target_name`` and ``standardization``, checked."""
    names = state.get("feature_names")
    if names is not None:
        if not isinstance(names, list) or len(names) != features or not all(_is_name(n) for n in names):
            raise NeuronFileError(path, f"{path} has feature_names {_short(names)}; a saved neuron has "
                                        f"{features} column name(s), each text of 1 to {MAX_NAME_CHARS} characters")
        if len(set(names)) != len(names):
            raise NeuronFileError(path, f"{path} names a feature column twice in feature_names")
        names = tuple(names)
    target = state.get("target_name")
    if target is not None and not _is_name(target):
        raise NeuronFileError(path, f"{path} has target_name {_short(target)}; a column name is text")
    scaling = state.get("standardization")
    if scaling is not None:
        if not (isinstance(scaling, dict) and all(isinstance(scaling.get(k), list) and len(scaling[k]) == features
                                                  for k in ("mean", "std"))):
            raise NeuronFileError(path, f"{path} has standardization {_short(scaling)}; a saved neuron has "
                                        f"{{\"mean\": [...], \"std\": [...]}} of {features} number(s) each")
        mean = tuple(_number(v, path) for v in scaling["mean"])
        std = tuple(_number(v, path) for v in scaling["std"])
        if not all(s > 0 for s in std):
            raise NeuronFileError(path, f"{path} has a standard deviation that is not above 0 in standardization")
        scaling = Standardization(mean, std)
    return names, target, scaling


def _is_name(value) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_NAME_CHARS


def _build(cls: type, state: dict, path) -> "Neuron":
    loss, init, seed = state["loss"], state["init"], state["seed"]
    if not isinstance(loss, str):
        raise NeuronFileError(path, f"{path} has loss {_short(loss)}; a loss is text")
    if not (isinstance(init, str) or (isinstance(init, list) and len(init) <= MAX_FEATURES + 1)):
        raise NeuronFileError(path, f"{path} has init {_short(init)}; an init is a name or a list [w…, b]")
    if isinstance(init, list):
        init = [_number(v, path) for v in init]
    if seed is not None and type(seed) is not int:
        raise NeuronFileError(path, f"{path} has seed {_short(seed)}; a seed is a whole number or null")
    try:
        return cls(loss, features=state["features"], init=init, seed=seed)
    except (ValueError, TypeError, OverflowError, RecursionError) as err:
        raise NeuronFileError(path, f"{path} holds a loss or setting that cannot be used: {err}") from None


