"""The frame every fuzz test uses: run a command line in-process on one
hostile input and check what any input must give.

For each input: the exit code is one the command documents, stderr holds no
traceback, the run ends within :data:`SECONDS`, no file outside the input's
own temporary folder is touched (the repository is snapshotted before and
after), nothing but the named outputs appears in that folder, and no child
process is left behind.
"""
from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parents[2]
#: Wall-clock bound for one input (generous: CI runs on 2 shared cores).
SECONDS = 60.0


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    seconds: float
    created: frozenset[str]  # names that appeared in the input's folder


def children() -> set[int]:
    """The live child processes of this process (from /proc; empty elsewhere)."""
    me, found = os.getpid(), set()
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me and fields[0] != "Z":
            found.add(int(entry))
    return found


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` (``.git``, caches and mutmut's scratch copy ``mutants/`` left out)
    with its size and modification time."""
    seen = {}
    for where, folders, files in os.walk(folder):
        folders[:] = [d for d in folders if d not in {".git", "__pycache__", ".hypothesis", ".pytest_cache", "mutants"}]
        for name in files:
            path = os.path.join(where, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            seen[path] = (info.st_size, info.st_mtime_ns)
    return seen


def run_hostile(main: Callable[[Sequence[str]], int], files: dict[str, bytes],
                args: Callable[[Path], list[str]]) -> Outcome:
    """Write ``files`` into a fresh folder, run ``main(args(folder))`` there
    (as the current directory) and return what happened; asserts the
    repository and the process's children are as they were."""
    before_repo, before_children = snapshot(ROOT), children()
    with tempfile.TemporaryDirectory(prefix="fuzz-") as name:
        folder = Path(name)
        for file_name, data in files.items():
            (folder / file_name).write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        previous = os.getcwd()
        start = time.monotonic()
        os.chdir(folder)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = main(args(folder))
                except SystemExit as exit_:  # argparse's own refusals
                    code = exit_.code if isinstance(exit_.code, int) else 2
        finally:
            os.chdir(previous)
        seconds = time.monotonic() - start
        created = frozenset(os.listdir(folder)) - set(files)
    assert snapshot(ROOT) == before_repo, "a file outside the input's folder was touched"
    assert children() <= before_children, "a child process was left behind"
    return Outcome(code, out.getvalue(), err.getvalue(), seconds, created)


def assert_well_behaved(outcome: Outcome, codes: set[int], prefix: str, outputs: set[str] = frozenset()) -> None:
    """What every input must give: a documented exit code, a one-line message
    (no traceback) when refused, the time bound, nothing but ``outputs`` created."""
    assert outcome.code in codes, (outcome.code, outcome.err[-2000:])
    assert "Traceback" not in outcome.err, outcome.err[-2000:]
    assert outcome.seconds < SECONDS, f"took {outcome.seconds:.1f} s"
    assert outcome.created <= set(outputs), f"created {sorted(outcome.created)}"
    if outcome.code != 0:
        assert outcome.err.startswith(prefix), outcome.err[:500]
        assert len(outcome.err) < 2000, "the message echoes the input"
