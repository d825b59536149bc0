"""Running generated code, with no SymPy: what a warm process needs.

Generating code is SymPy work (:mod:`derive.compile`); running the source it
printed is not. This module holds the running half, so that a process whose
generated functions come from the on-disk cache (:mod:`neuron.bundle`) never
imports SymPy:

- :data:`GENERATED_NAMESPACE` and :func:`run_source`: ``exec`` of our own
  generated source (never user text) in one namespace;
- :func:`numpy_namespace` and :func:`numpy_function`: a function SymPy's
  NumPy printer wrote, run in the names ``lambdify`` gives it;
- :func:`load_cached_source`: generated source written to a file in
  :func:`cache_directory` (keyed by its hash) and imported, for numba's
  on-disk cache (:mod:`derive.descent.compiled`).
"""
from __future__ import annotations

import hashlib
import importlib.util
import linecache
import math
import os
import sys
import types
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pathlib only for numba's files: a warm start without numba's kernels needs none
    from pathlib import Path

#: Errors plain ``math`` raises where NumPy would return inf or nan.
NUMERIC_ERRORS: tuple[type[Exception], ...] = (OverflowError, ZeroDivisionError, ValueError)



def all_finite(values) -> bool:
    """Whether every number of a NumPy array is finite (the check of the
    vector loop's ``epoch_checked``, :func:`derive.descent.generated_loop.vector_source`)."""
    return bool(values.size == 0 or math.isfinite(abs(values).max()))


#: What generated source may use besides builtins.
GENERATED_NAMESPACE: dict[str, object] = {"math": math, "isfinite": math.isfinite, "all_finite": all_finite,
                                          "NumericErrors": NUMERIC_ERRORS}

#: SymPy's additions to NumPy's names in ``lambdify`` (``sympy.utilities.lambdify``'s
#: NUMPY_DEFAULT and NUMPY_TRANSLATIONS; a test keeps them equal).
SYMPY_NUMPY_NAMES: dict[str, object] = {"I": 1j}
SYMPY_NUMPY_TRANSLATIONS: dict[str, str] = {"Heaviside": "heaviside"}


def run_source(source: str, origin: str) -> dict[str, object]:
    """Execute our own generated ``source`` in a fresh copy of
    :data:`GENERATED_NAMESPACE` and return the names it defined; ``origin``
    names it in tracebacks (``<derive sgd step for …>``)."""
    namespace = dict(GENERATED_NAMESPACE)
    exec(compile(source, f"<derive {origin}>", "exec"), namespace)  # noqa: S102 - generated, not user text
    return namespace


@lru_cache(maxsize=1)
def numpy_namespace() -> dict[str, object]:
    """NumPy's loaded names (and SymPy's translations into them), for
    generated functions: ``lambdify(modules="numpy")`` runs ``from numpy
    import *``, which imports numpy.f2py, numpy.testing, … (half a second
    of every cold start) for names a gradient never calls."""
    import numpy

    namespace = {k: v for k, v in vars(numpy).items() if not k.startswith("_")}
    namespace.update(SYMPY_NUMPY_NAMES)
    namespace.update({k: getattr(numpy, v) for k, v in SYMPY_NUMPY_TRANSLATIONS.items() if hasattr(numpy, v)})
    return namespace


def numpy_function(source: str, name: str = "_lambdifygenerated") -> Callable[..., object]:
    """The function ``name`` that ``source`` (printed by SymPy's NumPy
    printer, as :func:`derive.compile.lambdify_source` gives it) defines,
    run in :func:`numpy_namespace`. Raises ``SyntaxError`` or ``KeyError``
    when the source does not define it."""
    namespace = dict(numpy_namespace())
    filename = f"<derive numpy function {hashlib.sha256(source.encode()).hexdigest()[:16]}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)  # inspect.getsource reads it
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - our own generated source
    function = namespace[name]
    if not callable(function):
        raise KeyError(name)
    return function


# --- numba: generated source compiled to machine code, cached on disk -------

def numba_available() -> bool:
    """Whether numba is installed (the optional extra ``derive-neuron[fast]``)."""
    return importlib.util.find_spec("numba") is not None


def cache_directory() -> Path:
    """Where generated numba modules and numba's own cache live: the folder
    of :func:`derive.cache.directory`; a fresh temporary directory when the
    cache is off (``DERIVE_NEURON_CACHE=off``) or cannot be written (numba
    needs a real file, and the compile is then paid once per process)."""
    from .cache import directory

    base = directory()
    if base is None:
        return _temporary_directory()
    try:
        base.mkdir(parents=True, exist_ok=True)
        probe = base / f".probe-{os.getpid()}"
        probe.write_text("")
        probe.unlink()
        return base
    except OSError:
        return _temporary_directory()


_TEMPORARY: list[Path] = []


def _temporary_directory() -> Path:
    """One temporary folder per process for generated modules."""
    if not _TEMPORARY:
        import tempfile  # only here and when writing: a warm start reads
        from pathlib import Path

        _TEMPORARY.append(Path(tempfile.mkdtemp(prefix="derive-neuron-")))
    return _TEMPORARY[0]


def load_cached_source(source: str, label: str, fresh: bool = False) -> types.ModuleType:
    """Import our own generated ``source`` (never user text) from a file in
    :func:`cache_directory` named by a hash of the source, so that numba's
    ``cache=True`` (which needs a real file) keeps the machine code between
    processes. A file whose text does not match its hash (a crash while
    writing, an edit) or that does not import is written again, and so is
    every file when ``fresh`` (after numba's cache of it failed to load:
    :func:`forget_cached_source` has removed that cache)."""
    digest = hashlib.sha256(source.encode()).hexdigest()[:24]
    name = f"derive_{label}_{digest}"
    path = cache_directory() / f"{name}.py"
    for attempt in range(2):
        if fresh or attempt or not _holds(path, source):
            forget_cached_source(path)
            _write_atomically(path, source)
        try:
            spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module  # numba's cache finds the module by name
            spec.loader.exec_module(module)
            return module
        except (SyntaxError, ImportError, OSError):
            sys.modules.pop(name, None)
            if attempt:
                raise
    raise AssertionError("unreachable")


def forget_cached_source(path: Path) -> None:
    """Remove a generated module's compiled caches (Python's and numba's,
    named after the module in ``__pycache__``)."""
    for stale in (path.parent / "__pycache__").glob(f"{path.stem}.*"):
        stale.unlink(missing_ok=True)


def _holds(path: Path, source: str) -> bool:
    try:
        return path.read_text() == source
    except (OSError, UnicodeDecodeError):
        return False


def _write_atomically(path: Path, text: str) -> None:
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".py")
    with os.fdopen(handle, "w") as out:
        out.write(text)
    os.replace(temporary, path)
