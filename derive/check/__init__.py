"""derive check: verify every step of a derivation written in lecture notes.

Markdown → math segments (markdown.py) → LaTeX read into SymPy (latex.py) →
claims: definitions, chains, derivatives (claims.py) → verdicts
(verdicts.py, algebra.py, ../budget.py) → a report (report.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from .claims import read_derivation
from .verdicts import DEFAULT_SECONDS, StepVerdict, Verdict, judge

__all__ = ["CheckResult", "StepVerdict", "Verdict", "check_text"]


@dataclass(frozen=True)
class CheckResult:
    """The verdicts on one file and what was assumed to reach them."""

    file: str
    verdicts: list[StepVerdict]
    assumptions: list[str]
    judged: list  # (claim, verdict) pairs, for --fix

    @property
    def wrong(self) -> list[StepVerdict]:
        return [v for v in self.verdicts if v.verdict is Verdict.WRONG]

    @property
    def skipped(self) -> list[StepVerdict]:
        return [v for v in self.verdicts if v.verdict is Verdict.SKIPPED]


def check_text(text: str, file: str = "<notes>", aliases: dict[str, str] | None = None,
               seconds: float = DEFAULT_SECONDS) -> CheckResult:
    """Check every claim in the Markdown ``text``; ``aliases`` maps a name to
    the one it stands for (``{"omega": "w"}``); ``seconds`` is the budget per step."""
    derivation = read_derivation(text, aliases)
    judged = judge(derivation, seconds)
    return CheckResult(file, [v for _, v in judged], derivation.assumptions, judged)
