"""A test helper: a function that raises KeyboardInterrupt (as Ctrl-C does) on a chosen call."""
from __future__ import annotations

from typing import Callable


def interrupting(function: Callable, at: int) -> Callable:
    """``function``, raising KeyboardInterrupt on its ``at``-th call."""
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        if calls[0] == at:
            raise KeyboardInterrupt
        return function(*args, **kwargs)
    return wrapper
