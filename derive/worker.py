"""Run symbolic work under a time budget, in a worker process.

SymPy's ``simplify`` can run for minutes on a small expression. SIGALRM only
works on the main thread of the main interpreter, so the work goes to one
worker process instead: if it overruns, it is killed and the next task
starts a fresh one. Used by ``derive check`` for steps too large to decide
in-process; ``derive.gradient`` starts no process.

An exception raised by the task is raised again here with its own type
(and is also a :class:`WorkerError`, whose message names the worker).

The worker never outlives the process that asked for it: on Linux the
kernel kills it when its parent dies (``PR_SET_PDEATHSIG``), and everywhere
a thread of its own ends it when the asking process is gone (a fork
server's worker is the server's child, and the server lives as long as its
children do); it ignores Ctrl-C (the parent decides,
and stops it), and its standard input, output and error are ``/dev/null``,
so a killed ``derive grad … | tail`` never waits on it.
"""
from __future__ import annotations

import atexit
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from typing import Any, Callable

import sympy

_STARTUP_SECONDS = 60.0
#: How often the worker looks for its parent, where the kernel cannot watch.
_PARENT_POLL_SECONDS = 0.2
_PR_SET_PDEATHSIG = 1


class Overrun(Exception):
    """The task did not finish within its budget (the worker was killed)."""


class WorkerError(RuntimeError):
    """An exception raised by the task in the worker. The exception raised
    is also an instance of the task's own exception type when that type
    allows it (``except ValueError`` catches a ValueError from the worker)."""


_in_worker = False


def _die_with_parent(parent: int, forked: bool) -> None:
    """End this process when the process that asked for it (``parent``)
    ends: SIGKILL from the kernel when it forked us (Linux), and everywhere a
    thread that watches ``parent``'s pid. (A fork server's child is not the
    asker's child, and the fork server lives as long as its children do.)"""
    if forked and sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the thread below still watches
            pass
    if not _alive(parent) or (forked and os.getppid() != parent):  # it died before prctl
        os._exit(1)

    def watch() -> None:
        while _alive(parent):
            time.sleep(_PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="derive-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, killed but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc: kill(0) is all we know


def _detach_stdio() -> None:
    """Point fds 0, 1, 2 at /dev/null: the worker prints nothing (results go
    through the pipe), and must not hold the parent's pipes open."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _serve(conn, parent: int, forked: bool) -> None:
    global _in_worker
    _in_worker = True  # work nested in a task runs inline, under the task's own budget
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(parent, forked)
    _detach_stdio()
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        function, args = task
        try:
            conn.send(("ok", function(*args)))
        except Exception as err:  # reported to the caller, which decides the verdict
            conn.send(("error", _portable(err)))


def _portable(err: Exception) -> tuple[type | None, tuple, str]:
    """(type, args, text) of ``err``; type and args only if they pickle."""
    text = f"{type(err).__name__}: {err}"
    try:
        pickle.loads(pickle.dumps((type(err), err.args)))
    except Exception:  # an exception type or argument that does not travel
        return None, (), text
    return type(err), err.args, text


_RAISED_AS: dict[type, type] = {}


def _reraised(kind: type | None, args: tuple, text: str) -> Exception:
    """The worker's exception, as an instance of its own type and of
    :class:`WorkerError`; a plain WorkerError if the two cannot combine."""
    if kind is not None and issubclass(kind, Exception) and not issubclass(kind, WorkerError):
        if kind not in _RAISED_AS:
            try:
                _RAISED_AS[kind] = type(kind.__name__, (kind, WorkerError), {"__module__": kind.__module__})
            except TypeError:  # incompatible layouts (e.g. OSError)
                _RAISED_AS[kind] = WorkerError
        combined = _RAISED_AS[kind]
        if combined is not WorkerError:
            err = combined.__new__(combined, *args)
            err.args = args
            return err
    return WorkerError(text)


def _threads() -> int:
    """Threads of this process as the OS counts them: native ones (JAX,
    BLAS pools) included, which ``threading.active_count`` misses."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0  # unknown: not Linux


def start_method() -> str:
    """``fork`` when this process has one thread (fast: SymPy is already
    imported, and forking a one-threaded process cannot deadlock), else
    ``forkserver`` (forks from a clean one-threaded server) or ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _threads() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


class Worker:
    """One worker process; :meth:`run` calls ``function(*args)`` in it."""

    def __init__(self) -> None:
        self._process = None
        self._conn = None

    def _start(self, module: str) -> None:
        method = start_method()
        context = multiprocessing.get_context(method)
        if method == "forkserver":  # the server imports these once; each worker forks from it
            context.set_forkserver_preload(["sympy", module])
        parent, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, os.getpid(), method == "fork"), daemon=True)
        self._conn = parent
        try:
            self._process.start()
            child.close()
            started = parent.poll(_STARTUP_SECONDS) and parent.recv() == "ready"
        except (OSError, EOFError, RuntimeError):
            started = False
        if not started:
            self.stop()
            raise Overrun("the worker process did not start")

    def run(self, function: Callable, args: tuple, seconds: float) -> Any:
        """``function(*args)`` within ``seconds`` (``inf``: no limit); raises
        :class:`Overrun`, or the task's own exception (also a :class:`WorkerError`)."""
        if self._process is None or not self._process.is_alive():
            self._start(function.__module__)
        try:
            self._conn.send((function, args))
            ready = self._conn.poll(None if math.isinf(seconds) else seconds)
        except (OSError, EOFError) as err:
            self.stop()
            raise Overrun(f"the worker process failed: {err}") from None
        if not ready:
            self.stop()
            raise Overrun(f"no result within {seconds:g} s")
        try:
            with sympy.evaluate(False):  # rebuild the worker's tree as it was: 2*(a + b) stays
                status, value = self._conn.recv()
        except (OSError, EOFError):
            self.stop()
            raise Overrun("the worker process died") from None
        if status == "error":
            raise _reraised(*value)
        return value

    def forget(self) -> None:
        """Let go of the worker without stopping it: in a process forked from the one that
        started it (a pool's process, a test runner's), it is that process's worker, not ours
        (``multiprocessing`` may not even ask whether it is alive); the next task starts our own."""
        if self._conn is not None:
            self._conn.close()  # our copy of the pipe only
        self._process = self._conn = None

    def stop(self) -> None:
        """Kill the worker (if any); the next task starts a new one."""
        if self._process is not None and self._process.pid is not None:  # started
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None


_worker = Worker()
atexit.register(_worker.stop)
if hasattr(os, "register_at_fork"):  # POSIX: a forked child starts a worker of its own when it needs one
    os.register_at_fork(after_in_child=_worker.forget)


def run_with_budget(function: Callable, args: tuple, seconds: float) -> Any:
    """Run ``function(*args)`` in the shared worker within ``seconds``
    (inline when already inside the worker, whose task has a budget)."""
    if _in_worker:
        return function(*args)
    return _worker.run(function, args, seconds)
