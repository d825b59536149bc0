"""One file's verdicts → text, JSON or GitHub workflow annotations, with the
positions of its source (``notes.md:67``, ``lecture.ipynb:cell 4:line 2``);
and the per-file summary table that ends a check of several files.

Text and JSON are report.py's, with a notebook's line numbers put back into
its cells; nothing here decides a verdict.
"""
from __future__ import annotations

import json
import re
from typing import Sequence

from .html import KINDS, corrected_claim, kind
from .report import json_report, summary, text_report
from .sources import Notes, json_line


def text_output(notes: Notes, verdicts: Sequence, assumptions: Sequence[str], everything: bool = False) -> str:
    """report.py's text report, positions as ``FILE:LINE`` or ``FILE:cell N:line L``."""
    out = text_report(notes.path, list(verdicts), list(assumptions), everything=everything)
    if not notes.is_notebook:
        return out
    prefix = re.compile(rf"^{re.escape(notes.path)}:(\d+): ", re.MULTILINE)
    return prefix.sub(lambda m: f"{notes.path}:{notes.where(int(m.group(1)))}: ", out)


def json_object(notes: Notes, verdicts: Sequence, assumptions: Sequence[str]) -> dict:
    """report.py's JSON object; a notebook's steps carry ``cell`` and the line in that cell."""
    out = json.loads(json_report(notes.path, list(verdicts), list(assumptions)))
    if notes.is_notebook:
        out["steps"] = [{**notes.position(v.line), **{k: s[k] for k in s if k not in ("line", "end_line")}}
                        for v, s in zip(verdicts, out["steps"])]
    return out


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_output(notes: Notes, verdicts: Sequence, assumptions: Sequence[str]) -> str:
    """GitHub workflow commands: ``::error`` for each wrong step, ``::notice``
    for numeric and skipped ones, at the step's line of the file (for a
    notebook, the line of its JSON holding that line of the cell)."""
    lines = []
    for v in verdicts:
        name = kind(v)
        if name not in ("wrong", "numeric", "skipped"):
            continue
        where = notes.label(v.line)
        props = [f"file={_escape_property(notes.path)}"]
        line = json_line(notes, v.line)
        if line is not None:
            props.append(f"line={line}")
        if name == "wrong":
            title = f"derive check: wrong step at {where}"
            message = f"{v.latex}"
            if v.expected:
                message += f" — should read {corrected_claim(v)}"
            c = v.counterexample
            if c:
                point = ", ".join(f"{k}={n}" for k, n in c.get("point", {}).items())
                message += f"; at {point}: left {c.get('left')}, right {c.get('right')}"
            level = "error"
        else:
            title = f"derive check: {name} at {where}"
            message = f"{v.latex} ({v.reason})" if v.reason else v.latex
            level = "notice"
        props.append(f"title={_escape_property(title)}")
        lines.append(f"::{level} {','.join(props)}::{_escape_data(message)}")
    lines.append(text_output(notes, verdicts, assumptions).splitlines()[-1])
    return "\n".join(lines)


def summary_table(rows: Sequence[tuple[str, Sequence | None, str]]) -> str:
    """One line per file (path, verdicts or None, status), counts per verdict."""
    width = max([len("file")] + [len(path) for path, _, _ in rows])
    head = f"{'file':<{width}}  " + "  ".join(f"{k:>10}" for k in KINDS) + "  status"
    lines = [head]
    for path, verdicts, status in rows:
        if verdicts is None:
            counts = "  ".join(f"{'-':>10}" for _ in KINDS)
        else:
            c = summary(list(verdicts))
            counts = "  ".join(f"{c.get(k, 0):>10}" for k in KINDS)
        lines.append(f"{path:<{width}}  {counts}  {status}")
    return "\n".join(lines)
