"""Generated source kept across processes: a small on-disk cache.

Deriving a loss's step and printing it as Python is SymPy work paid once per
process; the source it produces depends only on the loss, its parameters,
this generator and the SymPy and NumPy versions. :func:`cached_source`
keeps it in a file named by a hash of exactly those, so the next process
reads the source instead of deriving it again.

Where: ``$DERIVE_NEURON_CACHE`` if it names a folder, else
``$XDG_CACHE_HOME/derive-neuron``, else ``~/.cache/derive-neuron``;
``DERIVE_NEURON_CACHE=off`` turns the cache off.

Nothing read back is trusted: a file holds a header line with the SHA-256
of its body and the key it was written for, and a file whose body does not
match its checksum, whose key differs (stale), or that cannot be read is
rebuilt from the loss — its source is never run. Writes are atomic (a
temporary file in the same folder, then ``os.replace``), so a crash leaves
either the old file or the new one; any error of the file system only
means the source is derived as if there were no cache.
"""
from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:  # pathlib (with urllib.parse, ipaddress, …) only when a path is asked for or written:
    from pathlib import Path  # a warm start reads its entry through os.path

#: Part of every key: raise it whenever generated source changes for the
#: same loss, so older entries are never read.
GENERATOR_VERSION = "4"

_MAGIC = "# derive-neuron cache"


def directory() -> Path | None:
    """The cache folder, or ``None`` when ``DERIVE_NEURON_CACHE=off``."""
    folder = _folder()
    if folder is None:
        return None
    from pathlib import Path

    return Path(folder)


def enabled() -> bool:
    """Whether the cache is on (``DERIVE_NEURON_CACHE`` is not ``off``)."""
    return os.environ.get("DERIVE_NEURON_CACHE", "").strip().lower() != "off"


def _folder() -> str | None:
    """:func:`directory` as text, found with :mod:`os.path` alone."""
    given = os.environ.get("DERIVE_NEURON_CACHE", "").strip()
    if given.lower() == "off":
        return None
    if given:
        return given
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "derive-neuron")


def key(kind: str, parts: Sequence[str]) -> str:
    """The hex SHA-256 naming one entry: ``kind``, ``parts`` (the loss's
    text, its parameters, …), the generator and the library versions."""
    fields = [kind, GENERATOR_VERSION, *versions(), *parts]
    return hashlib.sha256("\0".join(fields).encode()).hexdigest()


@lru_cache(maxsize=1)
def versions() -> tuple[str, ...]:
    """This package's, SymPy's, NumPy's and Python's versions, found without
    importing SymPy (a warm process, :mod:`neuron.bundle`, never does) or
    ``importlib.metadata`` (70 ms): SymPy's from its ``release.py``, this
    package's from :data:`derive.version.FALLBACK`, which a test keeps equal
    to ``pyproject.toml``'s."""
    import numpy

    from .version import FALLBACK

    return (FALLBACK, _sympy_version(), numpy.__version__, f"{sys.version_info.major}.{sys.version_info.minor}")


def _sympy_version() -> str:
    """SymPy's ``__version__`` as its ``release.py`` writes it, or "unknown"."""
    import importlib.util
    import re

    try:
        spec = importlib.util.find_spec("sympy")
        with open(os.path.join(os.path.dirname(spec.origin), "release.py"), encoding="utf-8") as file:
            text = file.read()
    except (AttributeError, TypeError, OSError, ValueError):
        return "unknown"
    found = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", text, re.MULTILINE)
    return found.group(1) if found else "unknown"


def path_of(kind: str, digest: str) -> Path | None:
    """Where the entry ``digest`` of ``kind`` lives (``None``: cache off);
    a neuron's bundle (JSON) is ``neuron-….json``, generated source ``….py``."""
    text = _path_text(kind, digest)
    if text is None:
        return None
    from pathlib import Path

    return Path(text)


def _path_text(kind: str, digest: str) -> str | None:
    """:func:`path_of` as text (no pathlib: what :func:`load` reads on a warm start)."""
    folder = _folder()
    suffix = ".json" if kind == "neuron" else ".py"
    return None if folder is None else os.path.join(folder, f"{kind}-{digest[:32]}{suffix}")


def load(kind: str, digest: str) -> str | None:
    """The source stored under ``digest``, or ``None`` if there is none or
    the file is corrupt or stale (wrong checksum, wrong key, unreadable)."""
    path = _path_text(kind, digest)
    if path is None:
        return None
    try:
        with open(path, "rb") as file:
            text = file.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    header, newline, body = text.partition("\n")
    fields = header.split(" ")
    if not newline or not header.startswith(_MAGIC + " ") or len(fields) != 5:
        return None
    checksum, stored_key = fields[3], fields[4]
    if stored_key != digest or hashlib.sha256(body.encode()).hexdigest() != checksum:
        return None
    return body


def store(kind: str, digest: str, source: str) -> None:
    """Write ``source`` under ``digest`` atomically; a failure is ignored
    (the cache only saves time)."""
    path = path_of(kind, digest)
    if path is None:
        return
    checksum = hashlib.sha256(source.encode()).hexdigest()
    text = f"{_MAGIC} {checksum} {digest}\n{source}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # a warm start only reads (tempfile costs 10-20 ms to import)

        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(text.encode("utf-8"))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def cached_source(kind: str, parts: Sequence[str], build: Callable[[], str],
                  accept: Callable[[str], bool] = lambda source: True) -> str:
    """The source of ``kind`` for ``parts``: read from the cache when a
    sound entry exists (and ``accept`` takes it), else ``build()``, stored."""
    digest = key(kind, parts)
    source = load(kind, digest)
    if source is not None and accept(source):
        return source
    source = build()
    store(kind, digest, source)
    return source


def expression_key(expr) -> str:
    """A text that identifies a SymPy expression across processes, in time
    linear in its size (``srepr`` and ``str`` sort sums: O(d²) for a
    d-feature loss): each node's class and its ``args`` in their stored,
    canonical order; symbols with their assumptions."""
    out: list[str] = []
    symbols: dict[object, str] = {}
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.append(node)
        elif node.args:
            out.append(type(node).__name__ + "(")
            stack.append(")")
            stack.extend(reversed(node.args))
        elif node.is_Symbol:
            if node not in symbols:
                symbols[node] = f"S:{node.name}:{sorted(node.assumptions0.items())};"
            out.append(symbols[node])
        else:
            out.append(f"{type(node).__name__}:{node};")
    return "".join(out)
