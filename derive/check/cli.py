"""``derive check [FILE]``: the command line of the derivation checker."""
from __future__ import annotations

import argparse
import sys
from importlib import resources

from . import check_text
from .report import fixed_notes, json_report, text_report
from .verdicts import DEFAULT_SECONDS

BUNDLED = "lecture.md"

EPILOG = """\
verdicts: proved (symbolically), numeric (equal at test points, not proved),
wrong (with the expected expression and a counterexample), definition, skipped
(with the reason: could not parse, a rule statement, no verdict in time).

exit codes: 0 nothing wrong, 1 at least one wrong claim (with --strict: or any
claim skipped), 2 FILE could not be read.

examples:
  derive check                       # the lecture's derivation bundled with derive
  derive check notes.md --json
  derive check notes.md --alias omega=w --fix > fixed.md
"""


def add_parser(commands) -> argparse.ArgumentParser:
    """Add the ``check`` subcommand to the ``derive`` parser."""
    check = commands.add_parser(
        "check",
        help="verify every step of a derivation written in Markdown lecture notes",
        description="Read the math in FILE ($…$, $$…$$, aligned rows) and check each claim: "
        "definitions, chains A = B = C, derivatives d/dw. Without FILE, check the gradient-descent "
        "lecture's derivation bundled with derive.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("file", nargs="?", metavar="FILE", help="Markdown notes (default: the bundled lecture)")
    check.add_argument("--json", action="store_true", help="print a JSON report instead of text")
    check.add_argument("--fix", action="store_true",
                       help="print the notes with each wrong claim's right-hand side corrected")
    check.add_argument("--alias", action="append", default=[], metavar="NAME=NAME",
                       help="read the first name as the second, e.g. omega=w (repeatable)")
    check.add_argument("--timeout", type=float, default=DEFAULT_SECONDS, metavar="SECONDS",
                       help=f"time budget per step before falling back to numeric testing (default {DEFAULT_SECONDS:g})")
    check.add_argument("--all", action="store_true", help="list proved steps and definitions too")
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


def _read(path: str | None) -> tuple[str, str]:
    if path is None:
        return BUNDLED, resources.files("derive").joinpath("data", BUNDLED).read_text(encoding="utf-8")
    with open(path, encoding="utf-8") as f:
        return path, f.read()


def run(args: argparse.Namespace) -> int:
    """Check the file named by ``args``; 0 nothing wrong, 1 wrong, 2 unreadable."""
    try:
        aliases = _aliases(args.alias)
    except ValueError as err:
        print(f"derive: {err}", file=sys.stderr)
        return 2
    if not args.timeout > 0:
        print(f"derive: --timeout must be a positive number of seconds; got {args.timeout:g}", file=sys.stderr)
        return 2
    try:
        name, text = _read(args.file)
    except (OSError, UnicodeDecodeError) as err:
        reason = (f"it is not UTF-8 text (byte {err.start})" if isinstance(err, UnicodeDecodeError)
                  else err.strerror or str(err))
        print(f"derive: cannot read {args.file}: {reason}", file=sys.stderr)
        return 2
    result = check_text(text, name, aliases, args.timeout)
    if args.fix:
        sys.stdout.write(fixed_notes(text, result.judged))
    elif args.json:
        print(json_report(name, result.verdicts, result.assumptions))
    else:
        print(text_report(name, result.verdicts, result.assumptions, everything=args.all))
    if result.wrong or (args.strict and result.skipped):
        return 1
    return 0
