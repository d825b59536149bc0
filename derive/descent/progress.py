"""Telling a listener (a progress bar) each time a loop finishes an epoch.

Only the loops that really run epoch after epoch report (the generated
per-sample loop, the compiled loop and the reference loop); the scan and full-batch descent
finish every epoch at once and report nothing, so a bar never claims
progress that was not made. When a fast method hands over to a loop, the loop
reports from epoch 1 again. Off by default: with no listener, a report costs
one context-variable lookup per epoch.

    with reporting_epochs(lambda epoch, params: print(epoch)):
        train(...)
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator, Sequence

#: ``listener(epoch, params)``: ``epoch`` is 1-based, ``params`` the weights after it.
EpochListener = Callable[[int, Sequence[float]], None]

_listener: ContextVar[EpochListener | None] = ContextVar("epoch_listener", default=None)


def epoch_done(epoch: int, params: Sequence[float]) -> None:
    """Tell the current listener, if any, that ``epoch`` ended at ``params``."""
    listener = _listener.get()
    if listener is not None:
        listener(epoch, params)


def listening() -> bool:
    """Whether a listener is waiting for epochs (a compiled loop then runs
    one epoch per call instead of all of them in one)."""
    return _listener.get() is not None


@contextmanager
def reporting_epochs(listener: EpochListener) -> Iterator[None]:
    """Within the block, every epoch a loop finishes is passed to ``listener``."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


@contextmanager
def counting_from(done: int) -> Iterator[None]:
    """Within the block, a loop's epoch e is reported as ``done + e``: a run
    trained in pieces (:mod:`derive.descent.pieces`) reports its own epochs."""
    listener = _listener.get()
    if listener is None or not done:
        yield
        return
    token = _listener.set(lambda epoch, params: listener(done + epoch, params))
    try:
        yield
    finally:
        _listener.reset(token)
