"""Reading a CSV file of numbers for the command line, with messages that
name the file, the line and the column of anything that is not a number.

Every read is bounded: only a regular file is read (a FIFO, a device such as
``/dev/zero`` or a folder is refused, never waited on or read for ever), at
most :data:`MAX_BYTES` of it; a UTF-8 byte-order mark at the start is
dropped; a cell longer than :data:`MAX_CELL` characters is refused with its
line."""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from derive.errors import InputError
from derive.files import read_bounded_text

#: Delimiters recognised when the file does not use commas.
DELIMITERS = ",;\t"
#: Most bytes read from a data file (64 MiB: about three million rows of two numbers).
MAX_BYTES = 64 * 2**20
#: Longest cell, in characters: Python's ``csv`` module refuses longer ones
#: (``csv.field_size_limit()``), and no number is written that long.
MAX_CELL = csv.field_size_limit()


@dataclass(frozen=True)
class Table:
    """The numeric columns of one file, with their names (the header, or
    ``0, 1, …`` when the file has none)."""

    source: str
    names: tuple[str, ...]
    values: np.ndarray  # (rows, columns)

    def column(self, spec: str) -> int:
        """The index of the column named ``spec``, or numbered ``spec`` from 0."""
        if spec in self.names:
            return self.names.index(spec)
        try:
            index = int(spec)
        except ValueError:
            index = None
        if index is not None and -len(self.names) <= index < len(self.names):
            return index % len(self.names)
        shown = ", ".join(n if len(n) <= 40 else _short(n) for n in self.names[:10])
        shown += ", …" if len(self.names) > 10 else ""
        raise InputError(f"{self.source} has no column {_short(spec)}; its columns are "
                         f"{shown} (or numbers 0 to {len(self.names) - 1})")


def read_csv(path: str | Path) -> Table:
    """The table in ``path``: an optional header row, then numbers only."""
    source = str(path)
    try:
        text = read_bounded_text(path, MAX_BYTES, encoding="utf-8-sig", newline="")  # utf-8-sig: drop a BOM
    except (OSError, UnicodeDecodeError) as err:
        reason = (f"it is not UTF-8 text (byte {err.start})" if isinstance(err, UnicodeDecodeError)
                  else err.strerror or str(err))
        raise InputError(f"cannot read {source}: {reason}") from None
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        raise InputError(f"{source} is empty")
    delimiter = _delimiter(lines[0][1])
    rows = [(number, _cells(line, delimiter, f"{source} line {number}")) for number, line in lines]
    first_number, first = rows[0]
    if all(_is_number(cell) for cell in first):
        names = tuple(str(i) for i in range(len(first)))
    else:
        names, rows = tuple(first), rows[1:]
        if len(set(names)) != len(names):
            raise InputError(f"{source} line {first_number}: a column name appears twice in the header")
    if not rows:
        raise InputError(f"{source} has a header but no rows of data")
    values = np.empty((len(rows), len(names)))
    for r, (number, cells) in enumerate(rows):
        if len(cells) != len(names):
            raise InputError(f"{source} line {number}: {len(cells)} fields where the header has {len(names)}")
        for c, cell in enumerate(cells):
            values[r, c] = _number(cell, f"{source} line {number}, column {_short(names[c])}")
    return Table(source, names, values)


def _cells(line: str, delimiter: str, where: str) -> list[str]:
    """The cells of one line, stripped; a line the ``csv`` module cannot read
    (a cell over :data:`MAX_CELL` characters) is refused with ``where``."""
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error as err:
        if len(line) > MAX_CELL:
            raise InputError(f"{where}: a cell is longer than {MAX_CELL:,} characters; "
                             "no number is written that long") from None
        raise InputError(f"{where}: cannot read the line as CSV: {err}") from None
    return [cell.strip() for cell in cells]


def _delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _number(cell: str, where: str) -> float:
    if not cell:
        raise InputError(f"{where}: the value is missing")
    try:
        value = float(cell)
    except ValueError:
        raise InputError(f"{where}: {_short(cell)} is not a number") from None
    if not math.isfinite(value):
        raise InputError(f"{where}: {_short(cell)} is not a finite number")
    return value


def _short(cell: str, most: int = 40) -> str:
    """``cell`` quoted for a message, its middle cut out when it is long."""
    return repr(cell) if len(cell) <= most else f"{cell[:most // 2]!r}…{cell[-8:]!r} ({len(cell):,} characters)"
