"""Reading a user's file is bounded: a regular file only, at most a fixed size,
a byte-order mark dropped, a cell too long for the csv module refused with
its line — for ``neuron fit DATA.csv`` and ``derive check NOTES``."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, strategies as st

from derive.errors import InputError
from derive.files import read_bounded_text
from neuron import csv_file
from neuron.cli import main as neuron_main
from neuron.csv_file import read_csv

ROOT = Path(__file__).resolve().parents[1]

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


def _write(tmp_path: Path, data: bytes, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# the byte-order mark ------------------------------------------------------------

@given(rows=st.lists(st.lists(finite, min_size=2, max_size=2), min_size=1, max_size=5),
       bom=st.booleans(), header=st.booleans(), crlf=st.booleans())
@example(rows=[[1.0, 2.0], [3.0, 4.0]], bom=True, header=False, crlf=False)  # the campaign's file
def test_a_table_of_numbers_reads_back_exactly(tmp_path_factory, rows, bom, header, crlf):
    """Whatever the header, line ends and BOM, the numbers written are the numbers read:
    kills a BOM read as part of the first cell (the first row taken for a header)."""
    end = "\r\n" if crlf else "\n"
    text = ("a,b" + end if header else "") + "".join(f"{x!r},{y!r}{end}" for x, y in rows)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode()
    table = read_csv(_write(tmp_path_factory.mktemp("csv"), data))
    assert table.names == (("a", "b") if header else ("0", "1"))
    assert table.values.tolist() == rows


def test_a_bom_before_a_header_is_not_part_of_the_first_name(tmp_path):
    table = read_csv(_write(tmp_path, b"\xef\xbb\xbfx,y\n1,2\n"))
    assert table.names == ("x", "y")


# long cells ---------------------------------------------------------------------

@given(length=st.integers(0, 2 * csv_file.MAX_CELL), quoted=st.booleans())
@example(length=csv_file.MAX_CELL, quoted=False)
@example(length=csv_file.MAX_CELL + 1, quoted=False)   # the first length the csv module refuses
@example(length=csv_file.MAX_CELL + 1, quoted=True)
def test_a_cell_of_any_length_is_read_or_refused_with_its_line(tmp_path_factory, length, quoted):
    """A long cell is a value, or an InputError naming the file and line — never ``_csv.Error``."""
    cell = "1" + "0" * max(length - 1, 0) if length else ""
    cell = f'"{cell}"' if quoted else cell
    path = _write(tmp_path_factory.mktemp("csv"), f"x,y\n1,2\n3,{cell}\n".encode())
    try:
        read_csv(path)
    except InputError as err:
        assert f"{path} line 3" in str(err)
        assert len(str(err)) < 300  # the cell itself is not echoed back
    except csv.Error as err:  # pragma: no cover - the bug
        pytest.fail(f"csv.Error escaped: {err}")


def test_a_cell_over_the_limit_is_refused_by_neuron_fit(tmp_path, capsys):
    path = _write(tmp_path, ("1," + "9" * 200_000 + "\n2,3\n").encode())
    assert neuron_main(["fit", str(path), "--epochs", "1"]) == 2
    err = capsys.readouterr().err
    assert err == f"neuron: {path} line 1: a cell is longer than 131,072 characters; no number is written that long\n"


# files that are not regular files, or too large -----------------------------------

def _special_files(tmp_path: Path) -> dict[str, str]:
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    return {"a FIFO (named pipe)": str(fifo), "a character device": "/dev/zero", "a folder": str(tmp_path)}


def test_neuron_fit_refuses_what_is_not_a_regular_file_without_blocking(tmp_path):
    for kind, path in _special_files(tmp_path).items():
        run = subprocess.run([sys.executable, "-m", "neuron", "fit", path], cwd=ROOT, capture_output=True,
                             text=True, timeout=60)
        assert run.returncode == 2, (kind, run.stderr)
        if kind == "a folder":  # a folder is a folder of data files for Dask; this one has none
            assert run.stderr == (f"neuron: {path} is a folder with no data files in it (neuron fit reads a "
                                  "folder's CSV or Parquet files with Dask)\n")
            continue
        assert run.stderr == f"neuron: cannot read {path}: it is {kind}, not a regular file\n"


def test_derive_check_refuses_what_is_not_a_regular_file_without_blocking(tmp_path):
    for kind, path in _special_files(tmp_path).items():
        if kind == "a folder":  # a folder is a folder of notes to derive check
            continue
        run = subprocess.run([sys.executable, "-m", "derive", "check", path], cwd=ROOT, capture_output=True,
                             text=True, timeout=60)
        assert run.returncode == 2, (kind, run.stderr)
        assert run.stderr == f"derive: cannot read {path}: it is {kind}, not a regular file\n"


def test_a_file_over_the_cap_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(csv_file, "MAX_BYTES", 100)
    fits = _write(tmp_path, b"1,2\n" * 25, "fits.csv")   # exactly 100 bytes
    over = _write(tmp_path, b"1,2\n" * 25 + b"3", "over.csv")
    assert read_csv(fits).values.shape == (25, 2)
    assert neuron_main(["fit", str(over), "--epochs", "1"]) == 2
    assert capsys.readouterr().err == f"neuron: cannot read {over}: it is larger than the 100 bytes read at most\n"


@given(size=st.integers(0, 300), limit=st.integers(0, 300))
@example(size=100, limit=100)
@example(size=101, limit=100)
def test_read_bounded_text_reads_exactly_up_to_the_limit(tmp_path_factory, size, limit):
    path = _write(tmp_path_factory.mktemp("bounded"), b"a" * size, "f.txt")
    if size <= limit:
        assert read_bounded_text(path, limit) == "a" * size
    else:
        with pytest.raises(OSError, match="larger than"):
            read_bounded_text(path, limit)


def test_read_bounded_text_translates_line_ends_as_open_does(tmp_path):
    path = _write(tmp_path, b"a\r\nb\rc\n", "f.txt")
    assert read_bounded_text(path, 100) == "a\nb\nc\n"
    assert read_bounded_text(path, 100, newline="") == "a\r\nb\rc\n"


def test_derive_check_reads_notes_up_to_the_cap(tmp_path, monkeypatch):
    from derive.check import sources

    notes = _write(tmp_path, b"$$a = 1$$\n" * 20, "n.md")
    assert sources.read_notes(str(notes)).text.count("\n") == 20
    monkeypatch.setattr(sources, "MAX_NOTES_BYTES", 50)
    with pytest.raises(OSError, match="larger than the 50 bytes"):
        sources.read_notes(str(notes))
