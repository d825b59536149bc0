"""Run symbolic work that can blow up under a wall-clock budget.

SymPy's ``simplify`` (and friends) can take minutes on an innocent-looking
expression. The work runs in a forked child process that is killed when the
budget is spent, so the caller can fall back to a cheaper answer. This works
on any thread (unlike ``signal.alarm``). Where ``fork`` is unavailable the
work is not attempted and the caller's fallback is used.
"""
from __future__ import annotations

import multiprocessing as mp
from typing import Any, Callable

import sympy as sp


class BudgetExceeded(Exception):
    """The work did not finish within its budget (or could not be run)."""


def _child(conn, fn: Callable, args: tuple) -> None:
    try:
        conn.send((True, fn(*args)))
    except BaseException as err:  # report any failure to the parent
        conn.send((False, repr(err)))
    finally:
        conn.close()


def within(seconds: float, fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)``, computed in a child process, or :class:`BudgetExceeded`
    if it takes longer than ``seconds`` or fails."""
    try:
        ctx = mp.get_context("fork")
    except ValueError as err:
        raise BudgetExceeded("no fork on this platform") from err
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(sender, fn, args), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise BudgetExceeded(f"no result within {seconds:g} s")
        with sp.evaluate(False):  # rebuild the child's tree as it was: 2*(a + b) stays
            ok, value = receiver.recv()
    except EOFError as err:
        raise BudgetExceeded("the worker ended without a result") from err
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if not ok:
        raise BudgetExceeded(value)
    return value
