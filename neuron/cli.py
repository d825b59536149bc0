"""The ``neuron`` command line: ``neuron fit`` trains one neuron on a CSV
file, or on the bundled diabetes data to reproduce the book.

Exit codes: 0 trained, 1 training diverged, 2 the input could not be used
(the message goes to stderr, never a traceback).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

import numpy as np

from derive.descent import METHODS, Schedule, TrainingDiverged
from derive.errors import InputError
from derive.names import LOSS_CHOICES, LOSSES

from . import dask_input
from .cli_report import build_report, to_json, to_text
from .datasets import DIABETES_FEATURES, load_diabetes
from . import persist
from .neuron import INITS, Neuron
from .csv_file import Table, read_csv

BUNDLED = "diabetes (bundled)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="neuron",
        description="Train one neuron (z = w·x + b) by gradient descent on gradients from derive.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    fit = commands.add_parser(
        "fit",
        help="train on a CSV file, or on the bundled diabetes data as the book does",
        description="Train on DATA.csv (a header row is optional; columns by name or number from 0). "
        "With no DATA it trains on the bundled diabetes data, x = bmi, y = target, and reproduces the book.",
        epilog="examples: neuron fit | neuron fit --json | neuron fit data.csv --x height --y weight --lr 0.01",
    )
    fit.add_argument("data", nargs="?", metavar="DATA.csv", help="numbers, one sample a row (default: bundled diabetes)")
    fit.add_argument("--x", nargs="+", metavar="COL",
                     help="feature column(s) (default: bmi for the diabetes data; every column but --y for a file)")
    fit.add_argument("--y", metavar="COL", help="target column (default: the last column)")
    fit.add_argument("--loss", default="half-se", metavar=f"{LOSS_CHOICES}|EXPR",
                     help=f"a named loss ({'; '.join(f'{n}: {what}' for n, (_, what) in LOSSES.items())}), or an "
                     "expression in w, b, x, y such as '(y - (w*x + b))**2' (default: half-se)")
    fit.add_argument("--epochs", type=int, default=100, metavar="N", help="passes over the data (default: 100)")
    fit.add_argument("--lr", type=float, default=1.0, metavar="R", help="learning rate (default: 1)")
    fit.add_argument("--batch-size", type=int, default=1, metavar="K",
                     help="samples per step; 1 is the book's per-sample descent (default: 1)")
    fit.add_argument("--shuffle", action="store_true", help="shuffle the samples every epoch")
    fit.add_argument("--seed", type=int, metavar="S", help="seed for --shuffle and --init random")
    fit.add_argument("--init", choices=INITS, default="book", help="starting w and b (default: book, w = b = 1)")
    fit.add_argument("--method", choices=list(METHODS), default="auto",
                     help="loop: derive's generated per-sample loop (the book's numbers to the last digit); "
                     "scan: per-sample SGD as composed affine maps (squared losses); batch: full-batch descent "
                     "from the data's moments (squared losses, --batch-size at least n); auto: the fastest of "
                     "these that applies, the same numbers up to rounding (default: auto)")
    fit.add_argument("--plot", metavar="FILE.png", help="draw the fitted line and the loss per epoch (needs matplotlib)")
    fit.add_argument("--save", metavar="FILE.json", help="save the trained neuron as JSON")
    fit.add_argument("--json", action="store_true", help="print a JSON object instead of text")
    dask_input.add_arguments(fit)
    return parser


def load_data(args: argparse.Namespace) -> tuple[str, np.ndarray, np.ndarray, list[str], str]:
    """(description, X, y, x column names, y column name) from the arguments."""
    if args.data is None:
        X, y = load_diabetes()
        table = Table("the diabetes data", DIABETES_FEATURES, X)
        if args.y is not None:
            raise InputError("--y needs a DATA.csv file; the bundled data's target is fixed")
        columns = [table.column(c) for c in (args.x or ["bmi"])]
        return BUNDLED, X[:, columns], y, [table.names[c] for c in columns], "target"
    table = read_csv(args.data)
    if len(table.names) < 2:
        raise InputError(f"{table.source} needs at least two columns, one for x and one for y")
    y_col = table.column(args.y) if args.y is not None else len(table.names) - 1
    x_cols = [table.column(c) for c in args.x] if args.x else [c for c in range(len(table.names)) if c != y_col]
    if y_col in x_cols:
        raise InputError(f"column {table.names[y_col]!r} cannot be both x and y")
    return (table.source, table.values[:, x_cols], table.values[:, y_col],
            [table.names[c] for c in x_cols], table.names[y_col])


def run_fit(args: argparse.Namespace) -> int:
    """Train, print the report, and plot or save when asked."""
    if args.plot:
        from .cli_plot import check_target

        check_target(args.plot)
    if args.save:
        if not Path(args.save).parent.is_dir():
            raise InputError(f"cannot save to {args.save}: the folder {Path(args.save).parent} does not exist")
        persist.check_target(args.save)  # refuse before training, not after the report
    if dask_input.is_lazy_source(args):  # a glob, a folder, Parquet or --scheduler: Dask reads and trains
        return dask_input.run_lazy_fit(args)
    data, X, y, x_names, y_name = load_data(args)
    neuron = Neuron(args.loss, init=args.init, seed=args.seed)
    schedule = Schedule(args.epochs, args.lr, args.batch_size, args.shuffle, args.seed)
    try:
        neuron.fit(X, y, epochs=args.epochs, lr=args.lr, batch_size=args.batch_size,
                   shuffle=args.shuffle, seed=args.seed, method=args.method)
    except TrainingDiverged as err:
        print(f"neuron: {err}", file=sys.stderr)
        return 1
    report = build_report(neuron, X, y, data=data, x_names=x_names, y_name=y_name, schedule=schedule)
    print(to_json(report) if args.json else to_text(report))
    if args.save:
        neuron.save(args.save)
    if args.plot:
        from .cli_plot import plot_fit

        plot_fit(args.plot, report, X, y, np.atleast_1d(neuron.forpass(X)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return run_fit(args)
    except InputError as err:  # anything else is a bug, and shows as one
        print(f"neuron: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (neuron fit | head): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as err:
        where = f" {err.filename}" if err.filename else ""
        print(f"neuron: cannot use{where}: {err.strerror or err}", file=sys.stderr)
        return 2
    except RecursionError:
        print("neuron: the loss expression is nested too deeply to use", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
