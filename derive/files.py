"""Reading a user's text file with a bound: a regular file only, at most a
given number of bytes, so no input can block (a FIFO, a terminal) or read
for ever (``/dev/zero``).

Refusals are ``OSError`` with the file name and a reader's reason in
``strerror``, so every caller that already reports an unreadable file
(``derive check``, ``neuron fit``) reports these the same way.
"""
from __future__ import annotations

import errno
import os
import stat

#: Bytes read at a time.
CHUNK = 1 << 20
#: Most bytes ``derive check`` reads from one file of notes (a notebook with
#: its outputs included).
MAX_NOTES_BYTES = 32 * 2**20


def file_kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, in a reader's words."""
    for test, name in ((stat.S_ISREG, "a regular file"), (stat.S_ISDIR, "a folder"),
                       (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def read_bounded_bytes(path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Opened with ``O_NONBLOCK`` (a FIFO with no writer does not block the
    open) and checked with ``fstat`` before anything is read: a folder,
    FIFO, device or socket is refused, and so is a file over ``limit`` bytes
    (also one that grows past it while it is read)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))
    except ValueError as err:  # a NUL byte in the name
        raise OSError(errno.EINVAL, str(err), str(path)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, f"it is {file_kind(info.st_mode)}, not a regular file", str(path))
        if info.st_size > limit:
            raise OSError(errno.EFBIG, f"it is larger than the {limit:,} bytes read at most", str(path))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise OSError(errno.EFBIG, f"it is larger than the {limit:,} bytes read at most", str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_bounded_text(path, limit: int, *, encoding: str = "utf-8", newline: str | None = None) -> str:
    """The text of the regular file ``path`` (at most ``limit`` bytes), as
    ``open(path, encoding=encoding, newline=newline).read()`` would give it:
    ``newline=None`` turns ``\\r\\n`` and ``\\r`` into ``\\n``, ``""`` keeps
    them. Raises ``OSError`` (see :func:`read_bounded_bytes`) or
    ``UnicodeDecodeError``."""
    text = read_bounded_bytes(path, limit).decode(encoding)
    if newline is None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
