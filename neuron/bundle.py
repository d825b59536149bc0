"""A neuron's generated functions kept on disk, found by the loss's text:
the second process that trains a loss never imports SymPy.

Deriving a loss is SymPy work, and importing SymPy alone costs more than a
whole small fit. :func:`find_problem` looks a loss up by its TEXT — a named
loss (``half-se``, ``logistic``, …; ``None`` is ``half-se``) or the user's
expression with its runs of white space made one space — with the number of
features asked for, in a bundle written the first time: the source of the
forward pass, the loss, the gradient, the generated loop and the pieces of
the default methods (:func:`derive.descent.stored.stored_parts`), and what
the command line reports of the loss. Found, they run as they were
generated (:class:`StoredProblem`): the same source, so the same numbers,
bit for bit. Missing, the problem is derived with SymPy
(:func:`neuron.problem.build_problem`), and the bundle stored.

A bundle is a :mod:`derive.cache` entry: its key holds the text, the
features, the bundle format, this package's, SymPy's, NumPy's and Python's
versions; the file holds a SHA-256 of its body and that key. A corrupt,
truncated or stale file, one whose JSON or parts are not what this module
writes, or whose source does not run, is never used: the problem is derived
again and the bundle written anew. ``DERIVE_NEURON_CACHE=off`` turns it off.

A process that has imported SymPy already (a notebook, the test suite)
derives: the import is paid, and the derived problem serves everything.
A SymPy expression or a loss builder has no text to look up, and is derived.
"""
from __future__ import annotations

import json
import sys
from functools import cached_property, partial
from typing import Any, Callable

import numpy as np

from derive import cache
from derive.names import LOSSES

from .columns import data_columns

#: Part of every key: raise it whenever the bundle's layout changes.
FORMAT = "1"

#: Problems found in this process, by text and features (at most FOUND_MAX).
_FOUND: dict[tuple[str, int | None], Any] = {}
FOUND_MAX = 256


def loss_text(loss: object) -> str | None:
    """The text a loss is looked up by, or ``None`` when it has none (a
    SymPy expression, a builder)."""
    if loss is None:
        return "half-se"
    if not isinstance(loss, str):
        return None
    name = loss.strip()
    return name if name in LOSSES else " ".join(loss.split())


def find_problem(loss: object = None, features: int | None = None):
    """The problem of ``loss`` with ``features`` inputs: from its bundle when
    one is stored and sound (no SymPy), else derived
    (:func:`neuron.problem.build_problem`) and its bundle stored."""
    text = loss_text(loss)
    if text is None:
        return _derived(loss, features)
    found = _FOUND.get((text, features))
    if found is not None:
        return found
    if "sympy" in sys.modules:  # the import is paid: derive, and store the bundle if there is none
        problem = _derived(loss, features)
        if load_entry(text, features) is None:
            store(text, features, problem)
    else:
        problem = load(text, features)
        if problem is None:  # none, or not sound: derived, and the bundle written anew
            problem = _derived(loss, features)
            store(text, features, problem)
    if len(_FOUND) >= FOUND_MAX:  # bounded, as build_problem's own cache
        _FOUND.clear()
    _FOUND[(text, features)] = problem
    return problem


def _derived(loss: object, features: int | None):
    from .problem import build_problem

    return build_problem(loss, features)


def _key(text: str, features: int | None) -> str:
    return cache.key("neuron", (FORMAT, text, "none" if features is None else str(features)))


def load_entry(text: str, features: int | None) -> dict[str, Any] | None:
    """The bundle's JSON for the text and features, or ``None``: no entry,
    or one that is corrupt, stale, or not for this text and features."""
    if not cache.enabled():
        return None
    body = cache.load("neuron", _key(text, features))
    if body is None:
        return None
    try:
        entry = json.loads(body)
    except ValueError:
        return None
    if not (isinstance(entry, dict) and entry.get("format") == FORMAT and entry.get("text") == text
            and entry.get("asked") == features):
        return None
    return entry


def load(text: str, features: int | None) -> StoredProblem | None:
    """The stored problem, or ``None`` when there is no sound bundle (a
    bundle whose source does not run counts as none)."""
    entry = load_entry(text, features)
    if entry is None:
        return None
    try:
        return StoredProblem(entry)
    except Exception:  # noqa: BLE001 - anything wrong in a stored bundle means: derive it again
        return None


def store(text: str, features: int | None, problem) -> None:
    """Write the bundle of a derived ``problem`` (failures only cost time)."""
    if not cache.enabled():
        return
    try:
        entry = _entry(text, features, problem)
    except Exception:  # noqa: BLE001 - a loss training cannot use (no data, …) fails in fit, as without a cache
        return
    cache.store("neuron", _key(text, features), json.dumps(entry))


def _entry(text: str, features: int | None, problem) -> dict[str, Any]:
    from derive.descent.stored import stored_parts

    from .cli_text import loss_text as summary

    return {"format": FORMAT, "text": text, "asked": features, "features": problem.features,
            "label": problem.label, "params": list(problem.params), "inputs": list(problem.inputs),
            "classifies": problem.classifies, "squared_error_scale": problem.squared_error_scale,
            "forward": problem.forward_source, "loss_expression": problem.loss_expression,
            "loss_summary": summary(problem), "objective": stored_parts(problem.objective)}


def _symbolic_problem(text: str, features: int | None):
    return _derived(text, features)


def _symbolic_objective(text: str, features: int | None):
    return _derived(text, features).objective


class StoredProblem:
    """A :class:`neuron.problem.Problem` from its bundle: what training,
    ``forpass``, ``predict`` and ``neuron fit``'s report read, with no SymPy;
    anything else (the loss as an expression, …) is the derived problem's."""

    def __init__(self, entry: dict[str, Any]):
        from derive.descent.stored import StoredObjective

        self._entry = entry
        text, asked = entry["text"], entry["asked"]
        self.features: int = _int(entry["features"])
        self.label: str = _str(entry["label"])
        self.params: tuple[str, ...] = tuple(map(_str, entry["params"]))
        self.inputs: tuple[str, ...] = tuple(map(_str, entry["inputs"]))
        if len(self.params) != self.features + 1 or len(self.inputs) != self.features:
            raise ValueError("stored bundle: parameters and inputs do not match the features")
        self.classifies: bool = bool(entry["classifies"])
        scale = entry["squared_error_scale"]
        self.squared_error_scale: float | None = None if scale is None else float(scale)
        self.loss_expression: str = _str(entry["loss_expression"])
        self.loss_summary: str = _str(entry["loss_summary"])
        self._forward_source = _str(entry["forward"])
        self._symbolic: Callable[[], Any] = partial(_symbolic_problem, text, asked)
        self.objective = StoredObjective(entry["objective"], partial(_symbolic_objective, text, asked))
        if tuple(self.objective.gradient.params) != self.params:
            raise ValueError("stored bundle: the objective's parameters are not the problem's")
        inputs = set(self.inputs)
        if any(n != "y" and n not in inputs for n in self.objective.data_names):
            raise ValueError("stored bundle: the objective reads data the problem does not have")

    @cached_property
    def forward(self) -> Callable[..., np.ndarray]:
        """NumPy function of (params…, x columns…) giving the neuron's output (compiled on first use)."""
        from derive.generated import numpy_function

        return numpy_function(self._forward_source)

    @property
    def gradient(self):
        return self.objective.gradient

    @property
    def data_names(self) -> tuple[str, ...]:
        return self.objective.data_names

    def data_columns(self, X: np.ndarray, y: np.ndarray | None) -> list[np.ndarray]:
        """The columns of X (n, d) and y in the order the gradient takes them."""
        return data_columns(self.data_names, self.inputs, X, y)

    @cached_property
    def symbolic(self):
        """The problem derived with SymPy (built on first use)."""
        return self._symbolic()

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.symbolic, name)

    def __reduce__(self):
        return StoredProblem, (self._entry,)

    def __repr__(self) -> str:
        return f"StoredProblem(label={self.label!r}, features={self.features})"


def _int(value: Any) -> int:
    if type(value) is not int or value < 1:
        raise ValueError("stored bundle: features")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("stored bundle: a text field is not text")
    return value
