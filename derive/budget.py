"""Run symbolic work under a time budget, in a worker process.

SymPy's ``simplify`` can run for minutes on a small expression. SIGALRM only
works on the main thread of the main interpreter, so the work goes to one
long-lived worker process instead: if it overruns, it is killed and the next
task starts a fresh one. Used by ``derive.gradient`` (simplifying
derivatives) and ``derive check`` (steps too large to decide in-process).
"""
from __future__ import annotations

import atexit
import multiprocessing
import threading
from typing import Any, Callable

import sympy

_STARTUP_SECONDS = 60.0


class Overrun(Exception):
    """The task did not finish within its budget (the worker was killed)."""


_in_worker = False


def _serve(conn) -> None:
    global _in_worker
    _in_worker = True  # work nested in a task runs inline, under the task's own budget
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
            conn.send(("error", f"{type(err).__name__}: {err}"))


class Worker:
    """One worker process; :meth:`run` calls ``function(*args)`` in it."""

    def __init__(self) -> None:
        self._process = None
        self._conn = None

    def _start(self) -> None:
        # fork is fast (SymPy is already imported) and does not re-run the
        # caller's __main__; with other threads running, spawn is the safe one.
        single = threading.active_count() == 1
        method = "fork" if single and "fork" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        parent, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child,), daemon=True)
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
        """``function(*args)`` within ``seconds``; raises :class:`Overrun`, or
        RuntimeError carrying the message of an exception raised in the worker."""
        if self._process is None or not self._process.is_alive():
            self._start()
        try:
            self._conn.send((function, args))
            ready = self._conn.poll(seconds)
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
            raise RuntimeError(value)
        return value

    def stop(self) -> None:
        """Kill the worker (if any); the next task starts a new one."""
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None


_worker = Worker()
atexit.register(_worker.stop)


def run_with_budget(function: Callable, args: tuple, seconds: float) -> Any:
    """Run ``function(*args)`` in the shared worker within ``seconds``
    (inline when already inside the worker, whose task has a budget)."""
    if _in_worker:
        return function(*args)
    return _worker.run(function, args, seconds)
