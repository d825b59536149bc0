"""What the judging of one step found (``algebra.py``), as plain data that
crosses from the worker process back to this one."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    """What :func:`assess` found; ``verdict`` is proved, numeric, wrong,
    skipped, or undecided (numerically equal, symbolic proof not tried)."""

    verdict: str
    reason: str = ""
    expected: str | None = None
    counterexample: dict | None = None
