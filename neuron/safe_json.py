"""Reading a saved neuron's file safely (``persist.py``): at most
:data:`MAX_FILE_BYTES` of a regular file (a FIFO never blocks it), strict
JSON (no bare ``NaN``, no number beyond the float range, no whole number of
more than :data:`MAX_INT_DIGITS` digits), and values shown short in messages."""
from __future__ import annotations

import json
import math
import os
import reprlib
import stat

from .errors import NeuronFileError


#: The largest file :func:`load` reads (and :func:`save` writes): 64 MiB,
#: about 2.5 million epochs of loss history.
MAX_FILE_BYTES = 64 * 2**20


#: The most digits of a whole number in the file (seeds, counts, weights).
MAX_INT_DIGITS = 100


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISREG, "regular file"), (stat.S_ISDIR, "a folder"),
                       (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def _read_bounded(path) -> bytes:
    """At most :data:`MAX_FILE_BYTES` of the regular file ``path``. Opened
    without blocking, so a FIFO is refused rather than waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError) as err:  # ValueError: a NUL byte in the name
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise NeuronFileError(path, f"cannot read {path}: {reason}") from None
    try:
        what = _kind(os.fstat(fd).st_mode)
        if what != "regular file":
            raise NeuronFileError(path, f"{path} is not a saved neuron: it is {what}")
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_FILE_BYTES:
            raise NeuronFileError(path, f"{path} is not a saved neuron: larger than {MAX_FILE_BYTES} bytes")
        return b"".join(chunks)
    except OSError as err:
        raise NeuronFileError(path, f"cannot read {path}: {err.strerror or err}") from None
    finally:
        os.close(fd)


class _Refused(Exception):
    """A value the strict JSON reader will not take; its text says which."""


def _parse(data: bytes, path):
    """``data`` as strict JSON: no bare NaN or Infinity, no number beyond the
    float range, no whole number of more than :data:`MAX_INT_DIGITS` digits."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise NeuronFileError(path, f"{path} is not a saved neuron: not UTF-8 text (byte {err.start})") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_float, parse_int=_int)
    except json.JSONDecodeError as err:
        raise NeuronFileError(path, f"{path} is not a saved neuron: not JSON ({err})") from None
    except _Refused as err:
        raise NeuronFileError(path, f"{path} is not a saved neuron: it holds {err}") from None
    except RecursionError:
        raise NeuronFileError(path, f"{path} is not a saved neuron: nested too deeply") from None


def _refuse_constant(name: str):
    raise _Refused(f"a bare {name}, which is not JSON")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"the number {text[:40]}, beyond the float range")
    return value


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _Refused(f"a whole number of {len(text.lstrip('-'))} digits (the limit is {MAX_INT_DIGITS})")
    return int(text)


def _number(value, path) -> float:
    """``value`` as a float if it is a JSON number; the reader has already
    refused NaN, Infinity and numbers beyond the float range."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NeuronFileError(path, f"{path} holds {_short(value)} where a finite number belongs")
    return float(value)


_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = _SHORT.maxlong = 40


def _short(value) -> str:
    """``value`` for a message: cut short, however large or deep it is."""
    return _SHORT.repr(value)
