"""Reading a CSV file of numbers for the command line, with messages that
name the file, the line and the column of anything that is not a number."""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from derive.errors import InputError

#: Delimiters recognised when the file does not use commas.
DELIMITERS = ",;\t"


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
        raise InputError(f"{self.source} has no column {spec!r}; its columns are "
                         f"{', '.join(self.names)} (or numbers 0 to {len(self.names) - 1})")


def read_csv(path: str | Path) -> Table:
    """The table in ``path``: an optional header row, then numbers only."""
    source = str(path)
    try:
        with open(path, newline="", encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as err:
        reason = (f"it is not UTF-8 text (byte {err.start})" if isinstance(err, UnicodeDecodeError)
                  else err.strerror or str(err))
        raise InputError(f"cannot read {source}: {reason}") from None
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        raise InputError(f"{source} is empty")
    delimiter = _delimiter(lines[0][1])
    rows = [(number, [cell.strip() for cell in cells])
            for (number, _), cells in zip(lines, csv.reader([l for _, l in lines], delimiter=delimiter))]
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
            values[r, c] = _number(cell, f"{source} line {number}, column {names[c]!r}")
    return Table(source, names, values)


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
        raise InputError(f"{where}: {cell!r} is not a number") from None
    if not math.isfinite(value):
        raise InputError(f"{where}: {cell!r} is not a finite number")
    return value
