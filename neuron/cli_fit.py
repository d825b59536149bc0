"""``neuron fit``: read the data, hold some out if asked, standardise if
asked, train with a progress bar, report, and save or plot.

Exit codes: 0 trained, 1 training diverged, 2 the input could not be used.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from derive.descent import Schedule, TrainingDiverged
from derive.errors import InputError

from . import dask_input, persist
from .cli_args import loss_spec, start_values
from .cli_progress import progress_bar, wanted
from .cli_report import Start, build_report, to_json, to_text
from .cli_text import names_text, start_text
from .csv_file import Table, read_csv
from .datasets import DIABETES_FEATURES, load_diabetes
from .neuron import Neuron
from .bundle import find_problem
from .scaling import Standardization
from .split import split_rows
from .validate import probabilities

BUNDLED = "diabetes (bundled)"


@dataclass(frozen=True)
class Data:
    """Samples to train on (and to hold out), with the names of their columns."""

    source: str
    X: np.ndarray
    y: np.ndarray
    x_names: list[str]
    y_name: str
    test: tuple[np.ndarray, np.ndarray] | None = None
    held_out: str | None = None  # how the test set was made


def run_fit(args: argparse.Namespace) -> int:
    """Train, print the report, and plot or save when asked."""
    _check_targets(args)
    if dask_input.is_lazy_source(args):  # a glob, a folder, Parquet or --scheduler: Dask reads and trains
        _refuse_in_memory_options(args)
        return dask_input.run_lazy_fit(args)
    data = load_data(args)
    features = data.X.shape[1]
    loss = loss_spec(args.loss, features)
    data = _hold_out(args, data, find_problem(loss, features).classifies)
    scaling = Standardization.of(data.X) if args.standardize else None
    X = data.X if scaling is None else scaling.apply(data.X)
    test = data.test if scaling is None or data.test is None else (scaling.apply(data.test[0]), data.test[1])
    if test is not None and find_problem(loss, features).classifies:
        probabilities(test[1], "the held-out y")
    init_w = start_values(args.init_w, "--init-w", features)
    init_b = start_values(args.init_b, "--init-b", None)
    neuron = Neuron(loss, features=features, init=args.init, seed=args.seed, w=init_w, b=init_b)
    start_w = [float(v) for v in np.atleast_1d(neuron.w)]
    if init_w is not None or init_b is not None:  # every starting value as init, so --save keeps them
        neuron = Neuron(loss, features=features, init=[*start_w, neuron.b], seed=args.seed)
    start = Start(start_w[0] if features == 1 else start_w, neuron.b)
    schedule = Schedule(args.epochs, args.lr, args.batch_size, args.shuffle, args.seed)
    columns = neuron.problem.data_columns(X, data.y)

    def mean_loss(params) -> float:
        with np.errstate(all="ignore"):
            return float(np.mean(neuron.problem.objective.loss_numpy(*params, *columns)))

    with progress_bar(wanted(args.quiet, args.json), args.epochs, mean_loss):
        try:
            neuron.fit(X, data.y, epochs=args.epochs, lr=args.lr, batch_size=args.batch_size,
                       shuffle=args.shuffle, seed=args.seed, method=args.method)
        except TrainingDiverged as err:
            print(f"neuron: {_diverged_message(err, args.standardize)}", file=sys.stderr)
            return 1
    report = build_report(neuron, X, data.y, data=data.source, x_names=data.x_names, y_name=data.y_name,
                          schedule=schedule, start=start,
                          start_summary=start_text(neuron.init, start_w, start.b, args.seed),
                          standardization=None if scaling is None else scaling.to_json(),
                          test=test, held_out=data.held_out)
    print(to_json(report) if args.json else to_text(report))
    if args.save:
        persist.save(neuron, args.save, feature_names=data.x_names, target_name=data.y_name,
                     standardization=scaling)
    if args.plot:
        from .cli_plot import plot_fit

        plot_fit(args.plot, report, X, data.y, np.atleast_1d(neuron.forpass(X)))
    return 0


def load_data(args: argparse.Namespace) -> Data:
    """The samples and column names the arguments choose (no test set yet)."""
    if args.data is None:
        X, y = load_diabetes()
        table = Table("the diabetes data", DIABETES_FEATURES, X)
        if args.y is not None:
            raise InputError("--y needs a DATA.csv file; the bundled data's target is fixed")
        columns = [table.column(c) for c in (args.x or ["bmi"])]
        return Data(BUNDLED, X[:, columns], y, [table.names[c] for c in columns], "target")
    table = read_csv(args.data)
    if len(table.names) < 2:
        raise InputError(f"{table.source} needs at least two columns, one for x and one for y")
    y_col = table.column(args.y) if args.y is not None else len(table.names) - 1
    x_cols = [table.column(c) for c in args.x] if args.x else [c for c in range(len(table.names)) if c != y_col]
    if y_col in x_cols:
        raise InputError(f"column {table.names[y_col]!r} cannot be both x and y")
    return Data(table.source, table.values[:, x_cols], table.values[:, y_col],
                [table.names[c] for c in x_cols], table.names[y_col])


def _hold_out(args: argparse.Namespace, data: Data, classifies: bool) -> Data:
    """``data`` with its test set: read from ``--test``, or split off by
    ``--test-size`` (stratified by class for a classifier); unchanged without either."""
    if args.test is not None:
        table = read_csv(args.test)
        try:
            x_cols = [table.column(name) for name in data.x_names]
            y_col = table.column(data.y_name)
        except InputError as err:
            raise InputError(f"the test file must have the training columns ({names_text(data.x_names)} and "
                             f"{data.y_name}): {err}") from None
        test = (table.values[:, x_cols], table.values[:, y_col])
        return Data(data.source, data.X, data.y, data.x_names, data.y_name, test, table.source)
    if args.test_size is None:
        return data
    stratify = classifies and bool(np.isin(data.y, (0.0, 1.0)).all())
    train, test = split_rows(data.y, args.test_size, args.seed, stratify)
    percent = round(args.test_size * 100, 6)
    how = ", ".join([f"{percent:g}% of the rows", *(["stratified"] if stratify else []),
                     f"seed {args.seed}" if args.seed is not None else "no seed"])
    return Data(data.source, data.X[train], data.y[train], data.x_names, data.y_name,
                (data.X[test], data.y[test]), how)


def _diverged_message(err: TrainingDiverged, standardized: bool) -> str:
    """The divergence, and — when the features' scales differ widely — the flag that fixes it."""
    if err.scales and not standardized:
        return f"{err}: add --standardize, which does that (and --save keeps the scaling for neuron predict)"
    return str(err)


def _refuse_in_memory_options(args: argparse.Namespace) -> None:
    """The options that need the data in memory, refused for data Dask reads lazily."""
    given = [flag for flag, value in (("--test", args.test), ("--test-size", args.test_size),
                                      ("--standardize", args.standardize or None), ("--init-w", args.init_w),
                                      ("--init-b", args.init_b)) if value is not None]
    if given:
        raise InputError(f"{', '.join(given)} need{'s' if len(given) == 1 else ''} data that fits in memory (one CSV "
                         "file); leave them out for a glob, a folder, Parquet files or --scheduler")


def _check_targets(args: argparse.Namespace) -> None:
    """Refuse a plot or save target before training, not after the report."""
    if args.plot:
        from .cli_plot import check_target

        check_target(args.plot)
    if args.save:
        if not Path(args.save).parent.is_dir():
            raise InputError(f"cannot save to {args.save}: the folder {Path(args.save).parent} does not exist")
        persist.check_target(args.save)
    if args.test is not None and args.test_size is not None:
        raise InputError("give either --test TEST.csv or --test-size, not both")
