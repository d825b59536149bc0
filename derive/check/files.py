"""Several files or folders of notes, checked in parallel on the machine's cores.

Every ``.md`` / ``.ipynb`` under a folder (hidden folders and notebook
checkpoints skipped) is checked on its own: one :func:`check_path` per file,
each starting from no definitions, so nothing leaks from one file to the next.
A process pool spreads the files over the cores; the results come back in
the order of the paths. Ctrl-C is the parent's alone: the pool's processes
ignore it, and the parent stops them and raises KeyboardInterrupt.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat

from . import CheckResult, check_file
from .verdicts import DEFAULT_SECONDS

SUFFIXES = (".md", ".markdown", ".ipynb")
SKIPPED_FOLDERS = {".ipynb_checkpoints", "__pycache__", "node_modules", "_build", "site-packages"}


@dataclass(frozen=True)
class FileResult:
    """One file's result, or why it could not be read (``error``)."""

    path: str
    result: CheckResult | None = None
    error: str | None = None

    @property
    def exit_code(self) -> int:
        """0 nothing wrong, 1 a wrong step, 2 unreadable."""
        if self.result is None:
            return 2
        return 1 if self.result.wrong else 0

    @property
    def status(self) -> str:
        if self.result is None:
            return f"unreadable: {self.error}"
        return "wrong" if self.result.wrong else "ok"


def collect(paths: list[str]) -> list[str]:
    """The files named, and every note file under each folder named, sorted
    within a folder; raises ValueError for a folder holding no notes."""
    found: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            found.append(path)
            continue
        inside = []
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in SKIPPED_FOLDERS)
            inside += [os.path.join(folder, f) for f in sorted(files)
                       if f.lower().endswith(SUFFIXES) and not f.startswith(".")]
        if not inside:
            raise ValueError(f"{path} holds no notes (no {', '.join(SUFFIXES)} files)")
        found += inside
    return list(dict.fromkeys(found))


def unreadable_reason(err: Exception) -> str:
    """Why a file could not be read, in a reader's words."""
    if isinstance(err, UnicodeDecodeError):
        return f"it is not UTF-8 text (byte {err.start})"
    if isinstance(err, OSError):
        return err.strerror or str(err)
    return str(err)


def check_path(path: str, aliases: dict[str, str] | None = None, seconds: float = DEFAULT_SECONDS,
               keep_claims: bool = True) -> FileResult:
    """Check one file from scratch; an unreadable file is a result, not an exception."""
    from .sources import NotesError

    try:
        result = check_file(path, aliases, seconds)
    except (OSError, UnicodeDecodeError, NotesError) as err:
        return FileResult(path, error=unreadable_reason(err))
    if not keep_claims:  # the claims hold SymPy trees: not needed across processes
        result = dataclasses.replace(result, judged=[])
    return FileResult(path, result)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def check_paths(paths: list[str], aliases: dict[str, str] | None = None, seconds: float = DEFAULT_SECONDS,
                jobs: int | None = None) -> list[FileResult]:
    """Check each file on its own, ``jobs`` at a time (default: one per core)."""
    jobs = min(jobs or default_jobs(), len(paths))
    if jobs <= 1:
        return [check_path(p, aliases, seconds) for p in paths]
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_ignore_interrupts)
    try:
        results = list(pool.map(check_path, paths, repeat(aliases), repeat(seconds), repeat(False)))
    except KeyboardInterrupt:  # Ctrl-C: stop the files being checked, then let the caller say so
        for process in multiprocessing.active_children():
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def _ignore_interrupts() -> None:
    """In each pool process: Ctrl-C is the parent's to handle (it stops the
    pool), so that the processes print no traceback of their own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> multiprocessing.context.BaseContext:
    """fork when it is safe, as from the command line: quick (SymPy is already
    imported) and nothing to inherit. With child processes alive (such as the
    budget's worker, which only its parent may use) or other threads running,
    workers come from a clean fork server instead (the caller's script then
    needs the usual ``if __name__ == "__main__":`` guard)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1 and not multiprocessing.active_children():
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["derive.check.files"])
    return context
