"""The ``derive`` command line: ``derive grad`` and ``derive check``.

Exit codes: 0 all good, 1 a check found a wrong step, 2 the input could not
be used (the message goes to stderr, never a traceback).
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from .errors import InputError
from .names import CONSTANTS, FUNCTION_LIST
from .version import package_version

EMIT_TARGETS = ("numpy", "python", "c", "jax", "latex")


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
        f"{' and '.join(CONSTANTS)} and the functions {FUNCTION_LIST}",
    )
    grad.add_argument("--wrt", nargs="+", default=["w", "b"], metavar="P", help="parameters (default: w b)")
    grad.add_argument("--emit", choices=EMIT_TARGETS, help="print gradient source in this language instead")
    grad.add_argument("--name", default="gradient", help="function name for --emit (default: gradient)")
    grad.add_argument("--json", action="store_true", help="print a JSON object instead of text")
    if check:
        from .check import cli as check_cli

        check_cli.add_parser(commands)
    return parser


def run_grad(args: argparse.Namespace) -> int:
    """Print d(EXPR)/dp for each p in --wrt, or the emitted code."""
    import sympy as sp

    from .gradient import gradient
    from .parse import parse_expression
    from .printer import expression_text

    loss = parse_expression(args.expr)
    g = gradient(loss, args.wrt)
    if args.emit == "latex":
        code = g.latex()
    elif args.emit:
        code = g.source(args.emit, name=args.name)
    if args.json:
        out = {
            "loss": expression_text(loss),
            "wrt": list(g.wrt),
            "args": list(g.names),
            "gradient": {n: expression_text(e) for n, e in g.exprs.items()},
            "latex": {n: sp.latex(e) for n, e in g.exprs.items()},
        }
        if args.emit:
            out["emit"] = {"target": args.emit, "source": code}
        print(json.dumps(out, indent=2, ensure_ascii=False))
    elif args.emit:
        print(code)
    else:
        width = max(len(n) for n in g.wrt)
        print(f"loss = {expression_text(loss)}")
        for n, e in g.exprs.items():
            print(f"d/d{n:<{width}} = {expression_text(e)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(check=argv[:1] not in (["grad"], ["--version"]))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "grad":
            return run_grad(args)
        from .check import cli as check_cli

        return check_cli.run(args)
    except InputError as err:  # anything else is a bug, and shows as one
        print(f"derive: {err}", file=sys.stderr)
        return 2
    except RecursionError:
        print("derive: the expression is nested too deeply to use", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
