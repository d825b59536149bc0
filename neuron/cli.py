"""The ``neuron`` command line: ``neuron fit`` trains one neuron on a CSV
file, or on the bundled diabetes data to reproduce the book; ``neuron
predict`` applies a saved neuron to a CSV file.

Exit codes: 0 trained, 1 training diverged, 2 the input could not be used
(the message goes to stderr, never a traceback), 130 stopped by Ctrl-C.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from derive.errors import InputError, report_bug
from derive.names import INITS, LOSS_CHOICES, LOSSES, METHODS
from derive.version import package_version

from .cli_dask_args import add_arguments as add_dask_arguments

# NumPy, SymPy, Dask and the trainer are imported when a command runs, not
# for parsing: ``neuron fit --help`` imports no SymPy.


def __getattr__(name: str):
    if name == "Neuron":  # neuron.cli.Neuron, the class neuron fit trains (tests patch it)
        from .neuron import Neuron

        return Neuron
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="neuron",
        description="Train one neuron (z = w·x + b) by gradient descent on gradients from derive.",
    )
    parser.add_argument("--version", action="version", version=f"neuron {package_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_fit(commands)
    predict = commands.add_parser(
        "predict",
        help="apply a neuron saved by neuron fit --save to the rows of a CSV file",
        description="Print the saved neuron's prediction for each row of DATA.csv, found by the column names "
        "saved with it (other columns are ignored), scaled as in training if it was trained with --standardize. "
        "A classifier prints the class (0/1) and P(y = 1).",
        epilog="example: neuron fit data.csv --save model.json && neuron predict model.json new.csv > predictions.csv",
    )
    predict.add_argument("model", metavar="MODEL.json", help="a neuron saved by neuron fit --save")
    predict.add_argument("data", metavar="DATA.csv", help="rows to predict, with the model's feature columns")
    predict.add_argument("--json", action="store_true", help="print a JSON object instead of CSV")
    return parser


def _add_fit(commands) -> None:
    fit = commands.add_parser(
        "fit",
        help="train on a CSV file, or on the bundled diabetes data as the book does",
        description="Train on DATA.csv (a header row is optional; columns by name or number from 0). "
        "With no DATA it trains on the bundled diabetes data, x = bmi, y = target, and reproduces the book.",
        epilog="examples: neuron fit | neuron fit --json | neuron fit data.csv --x height --y weight --lr 0.01 | "
        "neuron fit data.csv --loss logistic --test-size 0.2 --seed 42 --standardize --save model.json",
    )
    fit.add_argument("data", nargs="?", metavar="DATA.csv", help="numbers, one sample a row (default: bundled diabetes)")
    fit.add_argument("--x", nargs="+", metavar="COL",
                     help="feature column(s) (default: bmi for the diabetes data; every column but --y for a file)")
    fit.add_argument("--y", metavar="COL", help="target column (default: the last column)")
    fit.add_argument("--loss", default="half-se", metavar=f"{LOSS_CHOICES}|EXPR",
                     help=f"a named loss ({'; '.join(f'{n}: {what}' for n, (_, what) in LOSSES.items())}), or an "
                     "expression in w, b, x, y such as '(y - (w*x + b))**2' (with several features: "
                     "w_1…w_d, x_1…x_d) (default: half-se)")
    fit.add_argument("--epochs", type=int, default=100, metavar="N", help="passes over the data (default: 100)")
    fit.add_argument("--lr", type=float, default=1.0, metavar="R", help="learning rate (default: 1)")
    fit.add_argument("--batch-size", type=int, default=1, metavar="K",
                     help="samples per step; 1 is the book's per-sample descent (default: 1)")
    fit.add_argument("--shuffle", action="store_true", help="shuffle the samples every epoch")
    fit.add_argument("--seed", type=int, metavar="S", help="seed for --shuffle, --init random and --test-size")
    fit.add_argument("--init", choices=INITS, default="book", help="starting w and b (default: book, w = b = 1)")
    fit.add_argument("--init-w", metavar="W", help="starting w: one number for every feature, or one per "
                     "feature separated by commas (over --init)")
    fit.add_argument("--init-b", metavar="B", help="starting b (over --init)")
    fit.add_argument("--standardize", action="store_true",
                     help="scale each feature to mean 0 and standard deviation 1 over the training rows "
                     "(saved with --save, so neuron predict scales the same way)")
    held_out = fit.add_mutually_exclusive_group()
    held_out.add_argument("--test", metavar="TEST.csv", help="score the trained neuron on these held-out rows "
                          "(the same columns as DATA), beside the training score")
    held_out.add_argument("--test-size", type=float, metavar="F",
                          help="hold out this fraction of the rows (such as 0.2) and score on it; stratified "
                          "by class for the logistic loss; random unless --seed")
    fit.add_argument("--method", choices=list(METHODS), default="auto",
                     help="loop: derive's generated per-sample loop (the book's numbers to the last digit); "
                     "scan: per-sample SGD as composed affine maps (squared losses); batch: full-batch descent "
                     "from the data's moments (squared losses, --batch-size at least n); auto: the fastest of "
                     "these that applies, the same numbers up to rounding (default: auto)")
    fit.add_argument("--plot", metavar="FILE.png", help="draw the fitted line and the loss per epoch (needs matplotlib)")
    fit.add_argument("--save", metavar="FILE.json", help="save the trained neuron as JSON, with its column names")
    fit.add_argument("--json", action="store_true", help="print a JSON object instead of text")
    fit.add_argument("--quiet", "-q", action="store_true",
                     help="no progress bar (shown on a terminal for runs longer than a second)")
    add_dask_arguments(fit)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        if args.command == "predict":
            from .cli_predict import run_predict

            return run_predict(args)
        from .cli_fit import run_fit

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
    except KeyboardInterrupt as err:  # Ctrl-C: one line, not a traceback
        trajectory = getattr(err, "trajectory", None)  # a TrainingInterrupted knows how far it got
        done = f" after {trajectory.epochs} finished epoch(s)" if trajectory is not None else ""
        print(f"neuron: interrupted{done}; nothing printed or saved", file=sys.stderr)
        return 130
    except Exception as err:  # a bug: exit 3, never 1 (diverged) or 2 (bad input)
        return report_bug("neuron", err)


if __name__ == "__main__":
    sys.exit(main())
