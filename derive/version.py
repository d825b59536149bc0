"""The package's version, read from its installed metadata.

Both commands print it (``derive --version``, ``neuron --version``) and both
packages expose it (``derive.__version__``, ``neuron.__version__``). Run from a
source tree that is not installed, there is no metadata to read, and
:data:`FALLBACK` (kept equal to ``pyproject.toml``'s version by a test) is used.
"""
from __future__ import annotations

#: The distribution both packages ship in.
DISTRIBUTION = "derive-neuron"
#: The version when the package is not installed; equal to ``pyproject.toml``'s.
FALLBACK = "0.1.0"


def package_version() -> str:
    """The installed version of derive-neuron, or :data:`FALLBACK`."""
    from importlib import metadata  # 70 ms to import: only when a version is asked for

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return FALLBACK
