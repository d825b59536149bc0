"""Verdicts → text (compiler style), JSON, or the notes with wrong claims fixed."""
from __future__ import annotations

import json
import math
from collections import Counter

from .greek_names import show_name
from .verdicts import VERDICTS, StepVerdict


def summary(verdicts: list[StepVerdict]) -> dict[str, int]:
    """How many claims got each verdict (every kind listed, zeros included)."""
    counts = Counter(v.verdict for v in verdicts)
    return {kind: counts.get(kind, 0) for kind in VERDICTS}


def _point_text(point: dict) -> str:
    return ", ".join(f"{show_name(k)}={v}" for k, v in point.items())


def text_report(file: str, verdicts: list[StepVerdict], assumptions: list[str], everything: bool = False) -> str:
    """``FILE:LINE: verdict: latex`` for each wrong, numeric or skipped claim
    (and, with ``everything``, proved ones and definitions), then a summary."""
    lines = [f"{file}: assuming {a}" for a in assumptions]
    for v in verdicts:
        if v.verdict == "wrong":
            detail = f" — expected {v.expected}" if v.expected else ""
            if v.counterexample:
                c = v.counterexample
                where = _point_text(c["point"]) or "the values given"
                detail += f"; at {where}: left {c['left']}, right {c['right']}"
            detail += f" ({v.where})" if v.where else ""
            lines.append(f"{file}:{v.line}: wrong: {v.latex}{detail}")
        elif everything or v.verdict in ("skipped", "numeric"):
            reason = f" ({v.reason})" if v.reason and v.verdict in ("skipped", "numeric") else ""
            lines.append(f"{file}:{v.line}: {v.verdict}: {v.latex}{reason}")
    counts = summary(verdicts)
    parts = [f"{n} {kind}" for kind, n in counts.items() if n]
    assumed = f"; assumed {', '.join(a.split(' (')[0] for a in assumptions)}" if assumptions else ""
    lines.append(f"{file}: {', '.join(parts) or 'no claims found'}{assumed}")
    checkable = counts["proved"] + counts["numeric"] + counts["wrong"]
    if counts["skipped"] and not checkable:
        lines.append(f"{file}: nothing was checked: every claim was skipped (see the reasons above); "
                     "this is not a sign that the notes are right")
    return "\n".join(lines)


def json_report(file: str, verdicts: list[StepVerdict], assumptions: list[str]) -> str:
    """The issue's JSON shape: file, summary, assumptions, steps."""
    steps = [
        {"line": v.line, "latex": v.latex, "verdict": v.verdict, "reason": v.reason,
         "expected": v.expected, "counterexample": v.counterexample,
         **({"end_line": v.end_line} if v.end_line is not None else {}),
         **({"where": v.where} if v.where else {})}
        for v in verdicts
    ]
    out = {"file": file, "summary": summary(verdicts), "assumptions": assumptions, "steps": steps}
    return json.dumps(_strict(out), indent=2, ensure_ascii=False, allow_nan=False)


def _strict(value):
    """``value`` with every float that is not finite written as the string
    ``"inf"``, ``"-inf"`` or ``"nan"`` (as the text report prints it): JSON
    has no Infinity or NaN, and a strict reader refuses them."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: _strict(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_strict(v) for v in value]
    return value


def fixed_notes(text: str, judged: list[tuple[object, StepVerdict]]) -> str:
    """``text`` with each wrong claim's right-hand side replaced by the
    expected expression, in place (the rest of the notes untouched)."""
    edits = sorted(
        ((*verdict.span, verdict.expected) for _, verdict in judged
         if verdict.span and verdict.verdict == "wrong" and verdict.expected),
        reverse=True,
    )
    for start, end, expected in edits:
        if end <= len(text):  # past the end: a plain-text line read as LaTeX (plain_math.py), not edited
            text = text[:start] + expected + text[end:]
    return text
