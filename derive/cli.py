"""The ``derive`` command line: ``derive grad`` and ``derive check``.

Exit codes (:mod:`derive.errors`): 0 all good, 1 a check found a wrong
step, 2 the input could not be used (a message on stderr, never a
traceback), 3 an internal error (a bug), 130 interrupted by Ctrl-C.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Sequence

from .errors import EXIT_INPUT, InputError, report_bug, report_interrupt
from .names import CONSTANTS, FUNCTION_LIST, NAME_RULE
from .version import package_version

EMIT_TARGETS = ("numpy", "python", "c", "jax", "latex")
#: derive grad's time budget for reading, differentiating and printing, in seconds.
GRAD_SECONDS = 20.0


def seconds(text: str) -> float:
    """A time budget from the command line: a positive number of seconds,
    or ``inf`` for no limit (argparse turns the ValueError into exit 2)."""
    value = float(text)
    if not value > 0:  # also refuses nan
        raise ValueError(text)
    return value


def build_parser(check: bool = True) -> argparse.ArgumentParser:
    """The parser of both commands; without ``check``, of ``derive grad``
    only (the checker's parser imports the checker, and with it SymPy)."""
    parser = argparse.ArgumentParser(
        prog="derive",
        description="Symbolic gradients of a loss, and a checker for derivations in lecture notes.",
    )
    parser.add_argument("--version", action="version", version=f"derive {package_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    grad = commands.add_parser(
        "grad",
        help="differentiate a loss and print its partial derivatives or gradient code",
        description="Differentiate EXPR with respect to each parameter named by --wrt.",
        epilog='example: derive grad "(y - (w*x + b))**2 / 2" --wrt w b --emit numpy',
    )
    grad.add_argument(
        "expr",
        metavar="EXPR",
        help="the loss, e.g. '(y - (w*x + b))**2'; numbers, names, + - * / ** ^ ( ), the constants "
        f"{' and '.join(CONSTANTS)} and the functions {FUNCTION_LIST}; {NAME_RULE}",
    )
    grad.add_argument("--wrt", nargs="+", default=["w", "b"], metavar="P", help="parameters (default: w b)")
    grad.add_argument("--emit", choices=EMIT_TARGETS, help="print gradient source in this language instead")
    grad.add_argument("--name", default="gradient", help="function name for --emit (default: gradient)")
    grad.add_argument("--json", action="store_true", help="print a JSON object instead of text")
    grad.add_argument("--timeout", type=seconds, default=GRAD_SECONDS, metavar="SECONDS",
                      help=f"time budget for the whole job, or inf for none (default {GRAD_SECONDS:g})")
    if check:
        from .check import cli as check_cli

        check_cli.add_parser(commands)
    return parser


def run_grad(args: argparse.Namespace) -> int:
    """Print d(EXPR)/dp for each p in --wrt, or the emitted code: worked out
    in the worker process within --timeout (reading, differentiating and
    printing alike), so that no input can hang the command."""
    from .worker import Overrun, run_with_budget

    job = (args.expr, tuple(args.wrt), args.emit, args.name, args.json)
    try:
        text, notes = (grad_text(*job) if math.isinf(args.timeout)
                       else run_with_budget(grad_text, job, args.timeout))
    except Overrun:
        raise InputError(f"no result within {args.timeout:g} s: the expression is too large to differentiate "
                         "and print in time (--timeout SECONDS allows more, inf no limit)") from None
    for note in notes:
        print(f"derive: note: {note}", file=sys.stderr)
    print(text)
    return 0


def grad_text(expr: str, wrt: tuple[str, ...], emit: str | None, name: str,
              as_json: bool) -> tuple[str, list[str]]:
    """(what ``derive grad`` prints, notes for stderr) for these options."""
    import sympy as sp

    from .gradient import gradient
    from .parse import parse_expression
    from .printer import expression_text
    from .symbols import SIGN_NOTE

    loss = parse_expression(expr)
    g = gradient(loss, wrt)
    notes = [SIGN_NOTE] if loss.has(sp.sign) else []
    if emit == "latex":
        code = g.latex()
    elif emit:
        code = g.source(emit, name=name)
    if as_json:
        out = {
            "loss": expression_text(loss),
            "wrt": list(g.wrt),
            "args": list(g.names),
            "gradient": {n: expression_text(e) for n, e in g.exprs.items()},
            "latex": {n: sp.latex(e) for n, e in g.exprs.items()},
        }
        if emit:
            out["emit"] = {"target": emit, "source": code}
        if notes:
            out["notes"] = notes
        return json.dumps(out, indent=2, ensure_ascii=False), notes
    if emit:
        return code, notes
    width = max(len(n) for n in g.wrt)
    lines = [f"loss = {expression_text(loss)}"]
    lines += [f"d/d{n:<{width}} = {expression_text(e)}" for n, e in g.exprs.items()]
    return "\n".join(lines), notes


def main(argv: Sequence[str] | None = None) -> int:
    try:
        argv = sys.argv[1:] if argv is None else list(argv)
        parser = build_parser(check=argv[:1] not in (["grad"], ["--version"]))
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_INPUT
        if args.command == "grad":
            return run_grad(args)
        from .check import cli as check_cli

        return check_cli.run(args)
    except InputError as err:  # what the user gave cannot be used
        print(f"derive: {err}", file=sys.stderr)
        return EXIT_INPUT
    except RecursionError:
        print("derive: the expression is nested too deeply to use", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return report_interrupt("derive")
    except Exception as err:  # a bug: never exit 1 or 2, which are verdicts
        return report_bug("derive", err)


if __name__ == "__main__":
    sys.exit(main())
