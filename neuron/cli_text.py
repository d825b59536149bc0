"""Short text for ``neuron fit``'s report: long lists and expressions
summarised so a 30-feature model reads in a few lines (``--json`` keeps the
full text)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .problem import Problem

#: Expressions longer than this are summarised in the text report.
EXPRESSION_CHARS = 100
#: Lists longer than this show their first few items and their last.
LIST_ITEMS = 6


def loss_text(problem: Problem) -> str:
    """The loss as text, or — when longer than :data:`EXPRESSION_CHARS`
    with several features — in z with ``z = w·x + b over d features``.
    A problem read from its bundle (:mod:`neuron.bundle`) has it stored."""
    stored = getattr(problem, "loss_summary", None)
    if stored is not None:
        return stored
    import sympy as sp

    from derive.printer import expression_text

    full = expression_text(problem.loss)
    if len(full) <= EXPRESSION_CHARS:
        return full
    if problem.features > 1:
        z = sp.Symbol("z")
        short = problem.loss.subs(problem.linear, z)
        if all(s.name in ("z", "y") for s in short.free_symbols):  # every w_i, x_i and b inside z
            return f"{expression_text(short)}, z = w·x + b over {problem.features} features"
    return full[:EXPRESSION_CHARS - 1] + "… (the full loss is in --json)"


def names_text(names: Sequence[str]) -> str:
    """``a, b, c``, or ``a, b, c, … z (30 columns)`` for a long list."""
    if len(names) <= LIST_ITEMS:
        return ", ".join(names)
    return f"{', '.join(names[:LIST_ITEMS - 2])}, … {names[-1]} ({len(names)} columns)"


def values_text(values: Sequence[float]) -> str:
    """``[1, 2, 3]``, or ``[1, 2, 3, 4, …] (30 values)`` for a long list."""
    shown = ", ".join(f"{v:g}" for v in values[:LIST_ITEMS - 2 if len(values) > LIST_ITEMS else None])
    return f"[{shown}]" if len(values) <= LIST_ITEMS else f"[{shown}, …] ({len(values)} values)"


def start_text(init: str | list[float], w: list[float], b: float, seed: int | None) -> str:
    """Where training started: ``w = b = 1``, ``w = 1, b = 0``, ``random w, b (seed 3)``, …"""
    if init == "random":
        return f"random w, b (seed {seed})"
    if len(set(w)) == 1:
        if w[0] == b:
            return f"w = b = {b:g}"
        return f"w = {w[0]:g}, b = {b:g}"
    return f"w = {values_text(w)}, b = {b:g}"
