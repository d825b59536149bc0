"""How well ``derive check`` does on real lecture notes written by other people (issue 9).

The notes themselves are third-party text and stay outside the repository (default
``/work/notes-corpus/notes``); ``benchmarks/notes_corpus.json`` holds only facts about them:
each note's source, language, split (``dev`` / ``heldout`` / ``fresh`` / ``fresh2`` / ``fresh3`` /
``fresh4`` / ``fresh5`` / ``fresh6`` /
``fresh7`` / ``fresh8`` / ``fresh9`` / ``fresh10`` / ``fresh11`` / ``fresh12`` / ``fresh13`` / ``fresh14`` / ``fresh15`` / ``fresh16``), the truth of every checkable claim by line, and one planted error (a small
replacement on a line holding a true claim).
``dev`` notes may be read while tuning the checker, ``heldout`` ones measure generalisation, and
``fresh`` ones were added after the held-out notes had been looked at: nobody working on the checker
has seen them; ``fresh2`` ones were added after the fresh notes had been measured, ``fresh3``
ones after ``fresh2`` had been, ``fresh4`` ones after ``fresh3`` had been, ``fresh5`` ones
after ``fresh4`` had been, ``fresh6`` ones after ``fresh5`` had been, ``fresh7`` ones after
``fresh6`` had been, ``fresh8`` ones after ``fresh7`` had been, ``fresh9`` ones after
``fresh8`` had been, ``fresh10`` ones after ``fresh9`` had been, ``fresh11`` ones after
``fresh10`` had been, ``fresh12`` ones after ``fresh11`` had been, ``fresh13`` ones after
``fresh12`` had been, ``fresh14`` ones after ``fresh13`` had been, ``fresh15`` ones after
``fresh14`` had been, and ``fresh16`` ones after ``fresh15`` had been: each a new set nobody had
measured before.
``--split all`` means dev and held-out; the fresh notes are measured only when asked for by name
(``--split fresh``, ``--split fresh2`` … ``--split fresh16``), so that routine runs
do not show their rows.

For every note the script runs ``python -m derive check NOTE --json`` (cwd = the repository
measured, ``--repo``), then again on a temporary copy with the planted error, and prints one
row per note and the four figures of the issue:

- precision of "wrong": lines flagged wrong whose claim is false ÷ all lines flagged wrong
  (a wrong verdict on a true claim, or on a line the truth file does not list, is a false alarm;
  one on an ``either`` claim — true or false depending on whether a chain row is compared with
  the row before it or with the chain's first expression — counts neither way);
- recall on the notes' own errors: false claims flagged wrong ÷ all false claims;
- recall on planted errors: planted lines flagged wrong ÷ notes run (a line the checker
  already calls wrong in the untouched note does not count as finding the plant);
- coverage: checkable claims that got proved / numeric / wrong ÷ all checkable claims;
- false claims passed (a fifth figure, for trust): false claims that got proved or numeric and no
  "wrong" anywhere in their span. The checker compares a worked number with the row before it, so a
  row computed correctly from a wrong number carried on from earlier counts here.

A claim written over several lines (``LHS`` then ``&= RHS`` on the next line) has a ``span``;
a verdict anywhere in the span counts for the claim. Crashes (no JSON, exit code not 0/1)
and timeouts are counted and reported, and their claims count as not covered.

    python benchmarks/bench_check_notes.py [--notes DIR] [--split dev|heldout|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10|fresh11|fresh12|fresh13|fresh14|fresh15|fresh16|all]
        [--repo DIR] [--timeout S] [--jobs N] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_REPO = HERE.parent
DEFAULT_TRUTH = HERE / "notes_corpus.json"
DEFAULT_NOTES = Path("/work/notes-corpus/notes")
REAL_VERDICTS = {"proved", "numeric", "wrong"}
PASSING_VERDICTS = {"proved", "numeric"}  # a false claim given one of these (and no "wrong") was passed
SPLITS = ("dev", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "all")
ALL_SPLITS = ("dev", "heldout")  # what ``--split all`` measures: fresh notes only on request


@dataclass
class Run:
    """What one ``derive check --json`` run said: verdicts by line, or why it failed."""

    verdicts: dict[int, set[str]] = field(default_factory=dict)
    failure: str = ""  # "" when the run worked, else "crash: ..." or "timeout"


def verdict_name(raw: object) -> str:
    """A step's verdict as a lower-case word, whether it is a string or an enum-like object."""
    if isinstance(raw, dict):
        raw = raw.get("value") or raw.get("name") or ""
    return str(raw).split(".")[-1].strip().lower()


def step_lines(step: dict) -> list[int]:
    """The 1-based line(s) a step is reported at (``line``, plus ``end_line`` if given)."""
    first = step.get("line")
    if not isinstance(first, int):
        return []
    last = step.get("end_line")
    return list(range(first, last + 1)) if isinstance(last, int) and last >= first else [first]


def run_check(python: str, repo: Path, note: Path, timeout: float) -> Run:
    """Run the checker of ``repo`` on ``note`` and collect its verdicts by line."""
    env = dict(os.environ, PYTHONPATH=str(repo))
    try:
        proc = subprocess.run([python, "-m", "derive", "check", str(note), "--json"], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Run(failure="timeout")
    if proc.returncode not in (0, 1):
        last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        return Run(failure=f"crash: exit {proc.returncode}: {last[:120]}")
    try:
        report = json.loads(proc.stdout)
        steps = report["steps"]
    except (ValueError, KeyError, TypeError) as err:
        return Run(failure=f"crash: unreadable JSON ({type(err).__name__})")
    run = Run()
    for step in steps:
        if not isinstance(step, dict):
            continue
        name = verdict_name(step.get("verdict"))
        for line in step_lines(step):
            run.verdicts.setdefault(line, set()).add(name)
    return run


def claim_lines(claim: dict) -> range:
    """The lines a claim occupies (its ``span`` if it has one, else its line)."""
    first, last = claim.get("span") or (claim["line"], claim["line"])
    return range(first, last + 1)


def planted_copy(note: Path, plant: dict, folder: Path) -> Path:
    """A copy of ``note`` in ``folder`` with the planted replacement made on its line."""
    lines = note.read_text(encoding="utf-8").split("\n")
    index = plant["line"] - 1
    if lines[index].count(plant["from"]) != 1:
        raise ValueError(f"{note.name}: plant text {plant['from']!r} is not on line {plant['line']} exactly once")
    lines[index] = lines[index].replace(plant["from"], plant["to"])
    copy = folder / note.name
    copy.write_text("\n".join(lines), encoding="utf-8")
    return copy


def score_note(entry: dict, run: Run, planted: Run) -> dict:
    """Per-note counts: wrong lines that are right / false alarms, own errors found, plant, coverage."""
    claims = entry["claims"]
    owner = {line: i for i, c in enumerate(claims) for line in claim_lines(c)}
    flagged, covered, passed, alarm_lines = set(), set(), set(), set()
    for line, names in run.verdicts.items():
        i = owner.get(line)
        if i is not None and names & REAL_VERDICTS:
            covered.add(i)
        if i is not None and names & PASSING_VERDICTS:
            passed.add(i)
        if "wrong" in names:
            if i is None:
                alarm_lines.add(line)
            else:
                flagged.add(i)
    true_wrong = sorted(i for i in flagged if claims[i]["truth"] == "false")
    false_alarm_claims = sorted(claims[i]["line"] for i in flagged if claims[i]["truth"] == "true")
    false_passed = sorted(claims[i]["line"] for i in passed - flagged if claims[i]["truth"] == "false")
    plant_claim = next((c for c in claims if c["line"] == entry["plant"]["line"]), {"line": entry["plant"]["line"]})
    plant_span = claim_lines(plant_claim)
    already = any("wrong" in run.verdicts.get(line, set()) for line in plant_span)
    flagged_in_copy = any("wrong" in planted.verdicts.get(line, set()) for line in plant_span)
    plant_hit = not already and flagged_in_copy
    return {
        "id": entry["id"], "split": entry["split"], "language": entry["language"],
        "claims": len(claims), "covered": len(covered),
        "false_claims": sum(c["truth"] == "false" for c in claims), "own_errors_flagged": len(true_wrong),
        "wrong_right": len(true_wrong), "false_alarms_on_true_claims": false_alarm_claims,
        "false_alarms_off_claims": sorted(alarm_lines), "false_claims_passed": false_passed,
        "planted_hit": plant_hit and not planted.failure,
        "planted_line_flagged": flagged_in_copy and not planted.failure,
        "failure": run.failure, "planted_failure": planted.failure,
    }


def figures(rows: list[dict]) -> dict:
    """The issue's four figures (and the counts behind them) over the scored notes."""
    right = sum(r["wrong_right"] for r in rows)
    alarms_true = sum(len(r["false_alarms_on_true_claims"]) for r in rows)
    alarms_off = sum(len(r["false_alarms_off_claims"]) for r in rows)
    flagged = right + alarms_true + alarms_off
    false_claims = sum(r["false_claims"] for r in rows)
    claims = sum(r["claims"] for r in rows)
    ratio = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
    return {
        "notes": len(rows),
        "claims": claims,
        "precision_wrong": {"right": right, "flagged_lines": flagged, "value": ratio(right, flagged),
                            "false_alarms_on_true_claims": alarms_true, "false_alarms_off_claims": alarms_off},
        "recall_own_errors": {"found": sum(r["own_errors_flagged"] for r in rows), "of": false_claims,
                              "value": ratio(sum(r["own_errors_flagged"] for r in rows), false_claims)},
        "recall_planted": {"found": sum(r["planted_hit"] for r in rows), "of": len(rows),
                           "value": ratio(sum(r["planted_hit"] for r in rows), len(rows)),
                           "line_flagged_in_copy": sum(r["planted_line_flagged"] for r in rows)},
        "false_claims_passed": {"count": sum(len(r["false_claims_passed"]) for r in rows), "of": false_claims},
        "coverage": {"covered": sum(r["covered"] for r in rows), "of": claims,
                     "value": ratio(sum(r["covered"] for r in rows), claims)},
        "crashes": sum(r["failure"].startswith("crash") + r["planted_failure"].startswith("crash") for r in rows),
        "timeouts": sum((r["failure"] == "timeout") + (r["planted_failure"] == "timeout") for r in rows),
    }


def select(entries: list[dict], split: str) -> list[dict]:
    """The truth-file entries of one split; ``all`` is dev + held-out (fresh notes only by name)."""
    wanted = ALL_SPLITS if split == "all" else (split,)
    return [e for e in entries if e.get("split") in wanted]


def measure(entry: dict, args: argparse.Namespace, folder: Path) -> dict:
    """Check one note and its planted copy, and score them."""
    note = args.notes / entry["id"]
    if not note.is_file():
        missing = Run(failure="crash: note file missing")
        return score_note(entry, missing, missing)
    run = run_check(args.python, args.repo, note, args.timeout)
    sub = folder / entry["id"].rsplit(".", 1)[0]
    sub.mkdir()
    planted = run_check(args.python, args.repo, planted_copy(note, entry["plant"], sub), args.timeout)
    return score_note(entry, run, planted)


def print_table(rows: list[dict], figs: dict, split: str, repo: Path) -> None:
    """One row per note, then the figures."""
    print(f"derive check on real notes — repo {repo}, split {split}")
    print(f"{'note':42} {'lang':4} {'split':7} {'cover':>7} {'own err':>7} {'alarms':>6} {'plant':>5}  status")
    for r in rows:
        alarms = len(r["false_alarms_on_true_claims"]) + len(r["false_alarms_off_claims"])
        status = r["failure"] or r["planted_failure"] or "ok"
        if alarms:
            status += f" (alarms at {', '.join(map(str, r['false_alarms_on_true_claims'] + r['false_alarms_off_claims']))})"
        print(f"{r['id'][:42]:42} {r['language']:4} {r['split']:7} {r['covered']:>3}/{r['claims']:<3} "
              f"{r['own_errors_flagged']:>3}/{r['false_claims']:<3} {alarms:>6} {'yes' if r['planted_hit'] else 'no':>5}  {status}")
    p, o, pl, c = figs["precision_wrong"], figs["recall_own_errors"], figs["recall_planted"], figs["coverage"]
    print(f"\n{figs['notes']} notes, {figs['claims']} checkable claims")
    print(f"precision of 'wrong' (by line):   {p['right']} of {p['flagged_lines']} = {p['value']}"
          f"  (false alarms: {p['false_alarms_on_true_claims']} on true claims, {p['false_alarms_off_claims']} off the truth file)")
    print(f"recall on the notes' own errors:  {o['found']} of {o['of']} = {o['value']}")
    print(f"recall on planted errors:         {pl['found']} of {pl['of']} = {pl['value']}"
          f"  (plant line called wrong in the copy: {pl['line_flagged_in_copy']}, counting lines already wrong before)")
    print(f"claims with a real verdict:       {c['covered']} of {c['of']} = {c['value']}")
    fp = figs["false_claims_passed"]
    print(f"false claims passed:              {fp['count']} of {fp['of']}  (proved or numeric, never called wrong; "
          "a wrong number carried on counts here, as the checker blames it once, at its own line)")
    print(f"crashes: {figs['crashes']}, timeouts: {figs['timeouts']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=Path, default=DEFAULT_NOTES, help="folder holding the notes")
    parser.add_argument("--truth", type=Path, default=DEFAULT_TRUTH, help="the corpus truth file")
    parser.add_argument("--split", choices=SPLITS, default="all",
                        help="dev, heldout, fresh, fresh2 … fresh16, or all (= dev + heldout)")
    parser.add_argument("--repo", type=Path, default=DEFAULT_REPO, help="repository whose derive is measured")
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs derive")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per derive check run")
    parser.add_argument("--jobs", type=int, default=1, help="notes checked at once")
    parser.add_argument("--json", action="store_true", help="print the figures (and rows) as JSON")
    args = parser.parse_args(argv)
    args.repo = args.repo.resolve()
    if not (args.repo / "derive").is_dir():
        print(f"error: {args.repo} has no derive package", file=sys.stderr)
        return 2
    if not args.notes.is_dir():
        print(f"error: notes folder {args.notes} not found", file=sys.stderr)
        return 2
    try:
        entries = json.loads(args.truth.read_text(encoding="utf-8"))["notes"]
    except (OSError, ValueError, KeyError) as err:
        print(f"error: cannot read truth file {args.truth}: {err}", file=sys.stderr)
        return 2
    entries = select(entries, args.split)
    with tempfile.TemporaryDirectory(prefix="planted-notes-") as tmp:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            rows = list(pool.map(lambda e: measure(e, args, Path(tmp)), entries))
    figs = figures(rows)
    if args.json:
        print(json.dumps({"repo": str(args.repo), "split": args.split, "figures": figs, "notes": rows},
                         indent=2, ensure_ascii=False))
    else:
        print_table(rows, figs, args.split, args.repo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
