"""``derive check [PATH ...]``: the command line of the derivation checker."""
from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import resources

from .files import FileResult, check_path, check_paths, collect, default_jobs
from .formats import github_output, json_object, summary_table, text_output
from .report import fixed_notes, summary
from .sources import NotesError, fixed_notebook, markdown_notes
from .verdicts import DEFAULT_SECONDS

BUNDLED = "lecture.md"
FORMATS = ("text", "json", "github")

EPILOG = """\
verdicts: proved (symbolically), numeric (equal at test points, not proved),
wrong (with the expected expression and a counterexample), definition, skipped
(with the reason: could not parse, a rule statement, no verdict in time).

exit codes: 0 nothing wrong, 1 at least one wrong claim (with --strict: or any
claim skipped), 2 a file could not be read (with several files: the worst
file's code).

examples:
  derive check                       # the lecture's derivation bundled with derive
  derive check notes.md --json
  derive check notes.md --html report.html
  derive check lecture.ipynb         # the notebook's Markdown cells
  derive check course/ --format github
  derive check notes.md --alias omega=w --fix > fixed.md
"""


def add_parser(commands) -> argparse.ArgumentParser:
    """Add the ``check`` subcommand to the ``derive`` parser."""
    check = commands.add_parser(
        "check",
        help="verify every step of a derivation written in Markdown lecture notes or notebooks",
        description="Read the math in each PATH ($…$, $$…$$, aligned rows) and check each claim: "
        "definitions, chains A = B = C, derivatives d/dw. A PATH is Markdown notes, a Jupyter "
        "notebook (.ipynb: its Markdown cells) or a folder (every .md and .ipynb under it, checked "
        "in parallel). Without PATH, check the gradient-descent lecture's derivation bundled with derive.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("file", nargs="*", metavar="PATH",
                       help="Markdown notes, a notebook or a folder (default: the bundled lecture)")
    check.add_argument("--format", choices=FORMATS, default=None,
                       help="text (default), json, or github (workflow annotations for pull requests)")
    check.add_argument("--json", action="store_true", help="the same as --format json")
    check.add_argument("--html", metavar="REPORT",
                       help="also write the notes with every step marked, as one self-contained HTML file")
    check.add_argument("--fix", action="store_true",
                       help="print the notes (or the notebook) with each wrong claim's right-hand side corrected")
    check.add_argument("--alias", action="append", default=[], metavar="NAME=NAME",
                       help="read the first name as the second, e.g. omega=w (repeatable)")
    check.add_argument("--timeout", type=float, default=DEFAULT_SECONDS, metavar="SECONDS",
                       help=f"time budget per step before falling back to numeric testing (default {DEFAULT_SECONDS:g})")
    check.add_argument("--all", action="store_true", help="list proved steps and definitions too")
    check.add_argument("--jobs", type=int, default=None, metavar="N",
                       help=f"files checked at once (default: one per core, here {default_jobs()})")
    check.add_argument("--strict", action="store_true",
                       help="exit with 1 when any claim was skipped, not only when one is wrong")
    return check


def _aliases(pairs: list[str]) -> dict[str, str]:
    aliases = {}
    for pair in pairs:
        name, sep, means = pair.partition("=")
        if not sep or not name.strip() or not means.strip():
            raise ValueError(f"--alias takes NAME=NAME, e.g. omega=w; got {pair!r}")
        aliases[name.strip()] = means.strip()
    return aliases


def _options(args: argparse.Namespace) -> tuple[dict[str, str], str]:
    """The aliases and the output format, or ValueError saying what is wrong."""
    aliases = _aliases(args.alias)
    if not args.timeout > 0:
        raise ValueError(f"--timeout must be a positive number of seconds; got {args.timeout:g}")
    if args.jobs is not None and args.jobs < 1:
        raise ValueError(f"--jobs must be at least 1; got {args.jobs}")
    if args.json and args.format not in (None, "json"):
        raise ValueError(f"--json and --format {args.format} ask for two formats; choose one")
    return aliases, "json" if args.json else (args.format or "text")


def run(args: argparse.Namespace) -> int:
    """Check the files named by ``args``; 0 nothing wrong, 1 wrong, 2 unreadable."""
    try:
        aliases, fmt = _options(args)
        paths = collect(args.file)
    except ValueError as err:
        print(f"derive: {err}", file=sys.stderr)
        return 2
    several = len(paths) > 1 or any(os.path.isdir(p) for p in args.file)
    if args.fix and several:
        print("derive: --fix takes one file (it prints the corrected notes)", file=sys.stderr)
        return 2
    if not paths:
        results = [_bundled(aliases, args.timeout)]
    elif several:
        results = check_paths(paths, aliases, args.timeout, args.jobs)
    else:
        results = [check_path(paths[0], aliases, args.timeout)]
    if not several and results[0].result is None:
        print(f"derive: cannot read {results[0].path}: {results[0].error}", file=sys.stderr)
        return 2
    if args.html:
        status = _write_html(args.html, results)
        if status:
            return status
    if args.fix:
        return _print_fixed(results[0])
    _print(results, fmt, args.all, several)
    strict = 1 if args.strict and any(r.result is not None and r.result.skipped for r in results) else 0
    return max([strict] + [r.exit_code for r in results])


def _bundled(aliases: dict[str, str], seconds: float) -> FileResult:
    from . import check_notes

    text = resources.files("derive").joinpath("data", BUNDLED).read_text(encoding="utf-8")
    return FileResult(BUNDLED, check_notes(markdown_notes(BUNDLED, text), aliases, seconds))


def _write_html(target: str, results: list[FileResult]) -> int:
    from .html import render_page

    readable = [r.result for r in results if r.result is not None]
    unreadable = [(r.path, r.error) for r in results if r.result is None]
    page = render_page(((r.notes, r.verdicts, r.assumptions) for r in readable), unreadable)
    try:
        with open(target, "w", encoding="utf-8") as f:
            f.write(page)
    except OSError as err:
        print(f"derive: cannot write {target}: {err.strerror or err}", file=sys.stderr)
        return 2
    return 0


def _print_fixed(file: FileResult) -> int:
    result = file.result
    fixed = fixed_notes(result.notes.text, result.judged)
    if result.notes.is_notebook:
        try:
            fixed = fixed_notebook(result.notes, fixed)
        except NotesError as err:
            print(f"derive: cannot fix {file.path}: {err}", file=sys.stderr)
            return 2
    sys.stdout.write(fixed)
    return file.exit_code


def _print(results: list[FileResult], fmt: str, everything: bool, several: bool) -> None:
    readable = [r for r in results if r.result is not None]
    if fmt == "json":
        reports = [json_object(r.result.notes, r.result.verdicts, r.result.assumptions) for r in readable]
        if not several:
            print(json.dumps(reports[0], indent=2, ensure_ascii=False))
            return
        reports += [{"file": r.path, "error": r.error} for r in results if r.result is None]
        order = {r.path: i for i, r in enumerate(results)}
        reports.sort(key=lambda rep: order[rep["file"]])
        totals = summary([v for r in readable for v in r.result.verdicts])
        out = {"files": reports, "summary": totals, "exit_code": max(r.exit_code for r in results)}
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return
    for r in results:
        if r.result is None:
            print(f"{r.path}: cannot read: {r.error}")
        elif fmt == "github":
            print(github_output(r.result.notes, r.result.verdicts, r.result.assumptions))
        else:
            print(text_output(r.result.notes, r.result.verdicts, r.result.assumptions, everything))
    if several:
        rows = [(r.path, r.result.verdicts if r.result else None, r.status) for r in results]
        wrong = sum(r.exit_code == 1 for r in results)
        unreadable = sum(r.exit_code == 2 for r in results)
        print()
        print(summary_table(rows))
        print(f"{len(results)} files: {wrong} with wrong steps, {unreadable} unreadable")
