"""The one kind of error that means "the input cannot be used", and the exit
codes both command lines share.

Library code raises :class:`InputError` (or a subclass such as
:class:`derive.ExpressionError`) for a bad expression, file, column, option
or value; the command lines catch exactly this (exit code 2, a message, no
traceback). Any other exception is a bug: it exits with
:data:`EXIT_BUG`, never 1 or 2, so that a crash cannot pass for a verdict.
InputError is a ``ValueError``, so ``except ValueError`` in callers keeps working.
"""
from __future__ import annotations

import os
import sys

#: Exit codes of ``derive`` and ``neuron``.
EXIT_OK = 0
EXIT_FOUND = 1  # derive check found a wrong step; neuron fit diverged
EXIT_INPUT = 2  # the input (or an option) cannot be used; a message says why
EXIT_BUG = 3  # an internal error: a bug, to be reported
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it

#: Set to anything but "" or "0" to print a bug's traceback.
DEBUG_VARIABLE = "DERIVE_DEBUG"


class InputError(ValueError):
    """The input cannot be used; the message says what, where, and what would be right."""


def report_bug(program: str, err: BaseException) -> int:
    """Say on one line that ``err`` is a bug (with its traceback after it
    when :data:`DEBUG_VARIABLE` is set) and return :data:`EXIT_BUG`."""
    print(f"{program}: internal error (a bug; please report it): {type(err).__name__}: {err}"
          f"{'' if _debugging() else f' (set {DEBUG_VARIABLE}=1 for the traceback)'}", file=sys.stderr)
    if _debugging():
        import traceback  # only for a bug, and only when asked

        traceback.print_exception(err, file=sys.stderr)
    return EXIT_BUG


def report_interrupt(program: str) -> int:
    """Say that Ctrl-C stopped ``program`` and return :data:`EXIT_INTERRUPTED`."""
    print(f"{program}: interrupted", file=sys.stderr)
    return EXIT_INTERRUPTED


def _debugging() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")
