"""derive check: verify every step of a derivation written in lecture notes.

Markdown → math segments (markdown.py) → LaTeX read into SymPy (latex.py) →
claims: definitions, chains, derivatives (claims.py) → verdicts
(verdicts.py; algebra.py with expansion.py, points.py, rounding.py,
expected.py; ../worker.py) → a report (report.py as text or
JSON, html.py as a page). Notebooks and folders: sources.py, files.py.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .claims import read_derivation
from .rounding_habit import held_to_rounding
from .sources import Notes, markdown_notes, read_notes
from .verdicts import DEFAULT_SECONDS, StepVerdict, Verdict, judge

__all__ = ["CheckResult", "StepVerdict", "Verdict", "check_file", "check_notes", "check_text"]


@dataclass(frozen=True)
class CheckResult:
    """The verdicts on one file and what was assumed to reach them; in a
    notebook it displays as the HTML report (``_repr_html_``)."""

    file: str
    verdicts: list[StepVerdict]
    assumptions: list[str]
    judged: list  # (claim, verdict) pairs, for --fix
    notes: Notes | None = None  # what was checked, with positions (cells of a notebook)

    @property
    def wrong(self) -> list[StepVerdict]:
        return [v for v in self.verdicts if v.verdict is Verdict.WRONG]

    @property
    def skipped(self) -> list[StepVerdict]:
        return [v for v in self.verdicts if v.verdict is Verdict.SKIPPED]

    @property
    def summary(self) -> dict[str, int]:
        """How many steps got each verdict (every kind listed, zeros included)."""
        from .report import summary

        return summary(self.verdicts)

    def _repr_html_(self) -> str:
        from .html import render_fragment

        return render_fragment(self.notes or markdown_notes(self.file, ""), self.verdicts, self.assumptions)


def check_text(text: str, file: str = "<notes>", aliases: dict[str, str] | None = None,
               seconds: float = DEFAULT_SECONDS) -> CheckResult:
    """Check every claim in the Markdown ``text``; ``aliases`` maps a name to
    the one it stands for (``{"omega": "w"}``); ``seconds`` is the budget per step."""
    return check_notes(markdown_notes(file, text), aliases, seconds)


def check_notes(notes: Notes, aliases: dict[str, str] | None = None,
                seconds: float = DEFAULT_SECONDS) -> CheckResult:
    """Check the text of ``notes`` (a Markdown file or a notebook's Markdown cells)."""
    derivation = read_derivation(notes.text, aliases)
    judged = held_to_rounding(judge(derivation, seconds), derivation, seconds)  # rounding_habit.py
    verdicts = [v for _, v in judged]
    if notes.is_notebook:  # "defined at line 36" → "defined at cell 2, line 1"
        verdicts = [replace(v, reason=notes.relabel(v.reason)) if v.reason else v for v in verdicts]
    return CheckResult(notes.path, verdicts, derivation.assumptions, judged, notes)


def check_file(path: str, aliases: dict[str, str] | None = None,
               seconds: float = DEFAULT_SECONDS) -> CheckResult:
    """Check a Markdown file or a Jupyter notebook (``.ipynb``: its Markdown cells)."""
    return check_notes(read_notes(path), aliases, seconds)
