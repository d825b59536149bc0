"""``neuron fit``'s progress bar: epochs done and the current loss, on
stderr, drawn by ``tqdm``.

Shown only when stderr is a terminal, not with ``--quiet`` or ``--json``,
and only for runs that take more than :data:`DELAY` seconds. It follows the
loops, which really run one epoch after another and report each
(:mod:`derive.descent.progress`); the scan and full-batch descent finish all
epochs at once and report nothing, so no bar claims progress not made. The
loss shown is the mean loss after the epoch shown, computed only when the bar
is redrawn (a few times a second), so the bar costs the loop almost nothing.
"""
from __future__ import annotations

import math
import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence, TextIO

from derive.descent import reporting_epochs

#: Seconds after the start of training before a bar appears.
DELAY = 1.0
#: Seconds between redraws of the bar.
REDRAW = 0.25


def wanted(quiet: bool, json_output: bool, stream: TextIO | None = None) -> bool:
    """Whether to draw a bar: not asked to be quiet, not printing JSON, and
    ``stream`` (stderr by default) is a terminal."""
    stream = sys.stderr if stream is None else stream
    if quiet or json_output:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class EpochBar:
    """A listener for :func:`derive.descent.reporting_epochs` that draws a
    ``tqdm`` bar of ``epochs`` epochs, created at the first epoch reported."""

    def __init__(self, epochs: int, mean_loss: Callable[[Sequence[float]], float], stream: TextIO):
        self.epochs, self.mean_loss, self.stream = epochs, mean_loss, stream
        self.started = time.monotonic()
        self.bar = None
        self.params: Sequence[float] | None = None

    def __call__(self, epoch: int, params: Sequence[float]) -> None:
        if self.bar is None:
            from tqdm import tqdm

            waited = time.monotonic() - self.started
            self.bar = tqdm(total=self.epochs, unit="epoch", desc="training", file=self.stream, leave=False,
                            delay=max(0.0, DELAY - waited), mininterval=REDRAW, dynamic_ncols=True)
        self.params = params
        if epoch <= self.bar.n:  # a fast method handed over to a loop, which starts again from epoch 1
            self.bar.set_postfix_str("", refresh=False)
            self.bar.reset()
        if time.time() - self.bar.last_print_t >= self.bar.mininterval:  # tqdm redraws now: show this loss
            self._show_loss()
        self.bar.update(epoch - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self._show_loss()
            self.bar.close()

    def _show_loss(self) -> None:
        loss = self.mean_loss(self.params)
        self.bar.set_postfix_str(f"loss {loss:.6g}" if math.isfinite(loss) else f"loss {loss}", refresh=False)


@contextmanager
def progress_bar(enabled: bool, epochs: int, mean_loss: Callable[[Sequence[float]], float],
                 stream: TextIO | None = None) -> Iterator[None]:
    """Within the block, draw a bar of the epochs the loops run (if ``enabled``)."""
    if not enabled:
        yield
        return
    bar = EpochBar(epochs, mean_loss, sys.stderr if stream is None else stream)
    try:
        with reporting_epochs(bar):
            yield
    finally:
        bar.close()
