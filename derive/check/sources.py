"""Files → the Markdown text the checker reads, and positions back in the file.

A Markdown file is read as it is. A Jupyter notebook (``.ipynb``, nbformat 4)
is read as JSON with the standard library: its Markdown cells are joined into
one text (definitions carry from cell to cell, as a reader reads them), code
cells and outputs are ignored, and a checked line maps back to ``cell N:line L``
(N counts every cell from 1, as a reader counts them down the notebook).
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass

from ..files import MAX_NOTES_BYTES, read_bounded_text

NOTEBOOK_SUFFIX = ".ipynb"
CELL_BOUNDARY = "\n\n<!-- derive check: cell boundary -->\n\n"


class NotesError(ValueError):
    """The file cannot be read as notes; the message says why."""


@dataclass(frozen=True)
class Part:
    """One stretch of Markdown: the whole file, or one Markdown cell."""

    text: str
    first_line: int  # the line of the checked text where it begins, from 1
    cell: int | None = None  # the cell's number in the notebook, from 1


@dataclass(frozen=True)
class Notes:
    """What the checker reads (``text``) and where each of its lines came from."""

    path: str
    text: str
    parts: tuple[Part, ...]
    notebook: dict | None = None  # the parsed notebook, for --fix
    raw: str = ""  # the file as read, for positions in a notebook's JSON

    @property
    def is_notebook(self) -> bool:
        return self.notebook is not None

    def locate(self, line: int) -> tuple[int | None, int]:
        """(cell, line in that cell) of a line of ``text``; cell is None for Markdown."""
        if not self.is_notebook or not self.parts:
            return None, line
        starts = [p.first_line for p in self.parts]
        part = self.parts[max(bisect.bisect_right(starts, line) - 1, 0)]
        return part.cell, max(line - part.first_line + 1, 1)

    def where(self, line: int) -> str:
        """``67`` for Markdown, ``cell 4:line 2`` for a notebook."""
        cell, at = self.locate(line)
        return str(at) if cell is None else f"cell {cell}:line {at}"

    def label(self, line: int) -> str:
        """``line 67`` for Markdown, ``cell 4, line 2`` for a notebook (for people)."""
        cell, at = self.locate(line)
        return f"line {at}" if cell is None else f"cell {cell}, line {at}"

    def relabel(self, text: str) -> str:
        """``text`` (a verdict's reason) with each ``line N`` of the checked text
        said as a position in the notebook; Markdown text is returned as it is."""
        if not self.is_notebook:
            return text
        return re.sub(r"\bline (\d+)", lambda m: self.label(int(m.group(1))), text)

    def position(self, line: int) -> dict:
        """``{"line": 67}`` or ``{"cell": 4, "line": 2}`` (for JSON)."""
        cell, at = self.locate(line)
        return {"line": at} if cell is None else {"cell": cell, "line": at}


def markdown_notes(path: str, text: str) -> Notes:
    """Notes from Markdown text."""
    return Notes(path, text, (Part(text, 1),))


def notebook_notes(path: str, raw: str) -> Notes:
    """Notes from the JSON text of a notebook: its Markdown cells, joined."""
    try:
        notebook = json.loads(raw)
    except json.JSONDecodeError as err:
        raise NotesError(f"it is not a notebook: invalid JSON at line {err.lineno}, column {err.colno}") from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise NotesError("it is not a Jupyter notebook of format 4 (no list of cells)")
    pieces: list[str] = []
    parts: list[Part] = []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "markdown":
            continue
        source = cell_source(cell, number)
        if CELL_BOUNDARY.strip() in source:
            raise NotesError(f"cell {number} contains derive's own cell marker {CELL_BOUNDARY.strip()}")
        if pieces:
            pieces.append(CELL_BOUNDARY)
        first_line = 1 + "".join(pieces).count("\n")
        pieces.append(source)
        parts.append(Part(source, first_line, number))
    return Notes(path, "".join(pieces), tuple(parts), notebook, raw)


def cell_source(cell: dict, number: int) -> str:
    """A cell's source as one string (nbformat stores a string or a list of lines)."""
    source = cell.get("source", "")
    if isinstance(source, list) and all(isinstance(s, str) for s in source):
        return "".join(source)
    if isinstance(source, str):
        return source
    raise NotesError(f"cell {number}'s source is neither text nor a list of lines")


def read_notes(path: str) -> Notes:
    """Read a Markdown file or a notebook (by its ``.ipynb`` suffix).

    Raises OSError or UnicodeDecodeError when the file cannot be read as
    UTF-8 text, NotesError when a notebook is not one."""
    raw = read_bounded_text(path, MAX_NOTES_BYTES)  # a regular file, bounded: never a FIFO or /dev/zero
    if path.lower().endswith(NOTEBOOK_SUFFIX):
        return notebook_notes(path, raw)
    return markdown_notes(path, raw)


def fixed_notebook(notes: Notes, fixed_text: str) -> str:
    """The notebook's JSON with its Markdown cells replaced by the pieces of
    ``fixed_text`` (the joined text after --fix); every other byte of meaning kept."""
    pieces = fixed_text.split(CELL_BOUNDARY)
    if notes.notebook is None or len(pieces) != len(notes.parts):
        raise NotesError("the fixed text no longer has one piece per Markdown cell")
    notebook = json.loads(notes.raw)
    for part, piece in zip(notes.parts, pieces):
        if piece != part.text:
            notebook["cells"][part.cell - 1]["source"] = piece.splitlines(keepends=True)
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


_SOURCE_LIST = re.compile(r'"source":\s*\[')


def json_line(notes: Notes, line: int) -> int | None:
    """The line of the notebook's JSON file that holds ``line`` of the checked
    text, when the notebook stores sources one string per line (as Jupyter
    writes them); None when that cannot be confirmed."""
    cell, at = notes.locate(line)
    if cell is None:
        return line
    cells = notes.notebook.get("cells", [])
    starts = [m.start() for m in _SOURCE_LIST.finditer(notes.raw)]
    if len(starts) != len(cells):
        return None  # a "source" key elsewhere, or a source stored as one string
    raw_lines = notes.raw.split("\n")
    found = notes.raw.count("\n", 0, starts[cell - 1]) + 1 + at  # 1-based
    expected = cell_source(cells[cell - 1], cell).splitlines(keepends=True)
    if not 0 < found <= len(raw_lines) or at > len(expected):
        return None
    try:
        stored = json.loads(raw_lines[found - 1].strip().rstrip(","))
    except json.JSONDecodeError:
        return None
    return found if stored == expected[at - 1] else None
