"""Saving a trained neuron as JSON and reading it back.

The file holds the loss as text (a name such as ``half-se``, or an
expression read back by ``derive.parse_expression``, never ``eval``), the
weights and the loss history. It is written to a temporary file in the same
folder and renamed over the target, so a crash never leaves half a file.
"""
from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from derive.errors import InputError

if TYPE_CHECKING:
    from .neuron import Neuron

FORMAT = "derive-neuron"
VERSION = 1


def save(neuron: "Neuron", path) -> None:
    """Write ``neuron`` to ``path`` atomically."""
    state = {
        "format": FORMAT,
        "version": VERSION,
        "loss": neuron.problem.label,
        "features": neuron.problem.features,
        "init": neuron.init,
        "seed": neuron.seed,
        "w": neuron._params[:-1],
        "b": neuron.b,
        "history": neuron.history,
    }
    text = json.dumps(state, indent=2, allow_nan=False) + "\n"
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(2, "the folder does not exist", str(target.parent))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, _file_mode())
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _file_mode() -> int:
    """The mode ``open`` would give a new file (0o666 less the umask), not
    the owner-only mode of a temporary file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def load(cls: type, path) -> "Neuron":
    """The neuron saved at ``path``; ``ValueError`` naming the file if it is not one."""
    try:
        with open(path, encoding="utf-8") as f:
            state = json.load(f)
    except json.JSONDecodeError as err:
        raise InputError(f"{path} is not a saved neuron: not JSON ({err})") from None
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        raise InputError(f"{path} is not a saved neuron (no \"format\": \"{FORMAT}\")")
    if state.get("version") != VERSION:
        raise InputError(f"{path} has version {state.get('version')!r}; this neuron reads version {VERSION}")
    try:
        neuron = cls(state["loss"], features=state["features"], init=state["init"], seed=state["seed"])
        params = [_finite(v, path) for v in state["w"]] + [_finite(state["b"], path)]
        history = [_finite(v, path) for v in state["history"]]
    except (KeyError, TypeError) as err:
        raise InputError(f"{path} is not a complete saved neuron: {err!r} is missing or malformed") from None
    if len(params) != neuron.problem.features + 1:
        raise InputError(f"{path} has {len(params) - 1} weights for {neuron.problem.features} features")
    neuron._params = params
    neuron.history = history
    return neuron


def _finite(value, path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(f"{path} holds {value!r} where a finite number belongs")
    return float(value)
