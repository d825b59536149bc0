"""``neuron fit`` on data too large for memory: a glob of CSV files, a
folder, or Parquet files, read lazily with ``dask.dataframe`` and trained
on with :mod:`derive.descent.dask_methods`; ``--scheduler ADDRESS`` runs it on a
``dask.distributed`` cluster (with no address, Dask's local scheduler).

The columns are chosen as for one CSV file (``--x``, ``--y``, by name or
number, with the same messages); a header row is recognised, and the
delimiter guessed, from the first line of the first file, as
:func:`neuron.table.read_csv` does. The files are read once to count their
rows (Dask needs the chunk sizes), then once per pass of the method.
"""
from __future__ import annotations

import argparse
import glob
import os
import sys
from pathlib import Path

import numpy as np

from derive.descent import Schedule, TrainingDiverged
from derive.descent.dask_chunks import EXTRA, is_dask, require_dask
from derive.errors import InputError

from .cli_dask_args import add_arguments, is_lazy_source  # noqa: F401 (light: neuron fit --help reads them)
from .cli_report import Optimum, Report, _weights, to_json, to_text
from .neuron import Neuron
from .csv_file import Table, _delimiter, _is_number


def run_lazy_fit(args: argparse.Namespace) -> int:
    """Read, train, print and save as :func:`neuron.cli.run_fit` does, on
    Dask; the exit code (1 when training diverged)."""
    try:
        report, neuron = _train(args)
    except TrainingDiverged as err:
        print(f"neuron: {err}", file=sys.stderr)
        return 1
    print(to_json(report) if args.json else to_text(report))
    if args.save:
        neuron.save(args.save)
    return 0


def _train(args: argparse.Namespace) -> tuple[Report, Neuron]:
    try:
        import dask
        import dask.dataframe as dd  # noqa: F401
    except ImportError:
        raise InputError(f"reading {args.data or 'data'} lazily needs Dask: pip install '{EXTRA}'") from None
    if args.data is None:
        raise InputError("--scheduler needs DATA: the files to train on")
    if args.plot:
        raise InputError("--plot draws every sample, so it needs data that fits in memory; leave it out for "
                         "a glob, a folder or Parquet files")
    client = _client(args.scheduler)
    try:
        source, frame = _read(args.data)
        x_names, y_name = _columns(source, tuple(str(c) for c in frame.columns), args)
        table = frame[[*x_names, y_name]].astype(float).to_dask_array()
        try:
            table.compute_chunk_sizes()  # the pass that counts the rows (and parses every cell)
        except ValueError as err:  # pandas names the cell, not the file
            raise InputError(f"cannot read {source}: {err}") from None
        X, y = table[:, :-1], table[:, -1]
        neuron = Neuron(args.loss, init=args.init, seed=args.seed)
        schedule = Schedule(args.epochs, args.lr, args.batch_size, args.shuffle, args.seed)
        neuron.fit(X, y, epochs=args.epochs, lr=args.lr, batch_size=args.batch_size,
                   shuffle=args.shuffle, seed=args.seed, method=args.method)
        return _report(neuron, X, y, source, list(x_names), y_name, schedule), neuron
    finally:
        if client is not None:
            client.close()


def dask_columns(x, y) -> tuple:
    """``x`` as an n × d and ``y`` as an n Dask array (either may be NumPy),
    checked for shape as :func:`neuron.validate.as_features` does, without
    reading the data; x's columns are one chunk wide."""
    require_dask()
    import dask.array as da

    X = x if is_dask(x) else da.from_array(np.asarray(x, dtype=float))
    if X.ndim == 1:
        X = X[:, None]
    if X.ndim != 2:
        raise InputError(f"x must be 1-D (one feature) or 2-D (samples × features), got shape {X.shape}")
    Y = y if is_dask(y) else da.from_array(np.asarray(y, dtype=float), chunks=(X.chunks[0],))
    if Y.ndim == 2 and Y.shape[1] == 1:
        Y = Y[:, 0]
    if Y.ndim != 1:
        raise InputError(f"y must be 1-D (one target per sample), got shape {Y.shape}")
    if X.shape[1] == 0:
        raise InputError("x has no feature columns")
    if Y.shape[0] != X.shape[0]:
        raise InputError(f"x has {X.shape[0]} samples but y has {Y.shape[0]}: they must have the same length")
    return X.rechunk({1: -1}), Y


def _client(address: str | None):
    if address is None:
        return None
    try:
        from distributed import Client
    except ImportError:
        raise InputError(f"--scheduler needs dask.distributed: pip install '{EXTRA}'") from None
    try:
        return Client(address, timeout=5)
    except (OSError, TimeoutError) as err:
        raise InputError(f"cannot reach the Dask scheduler at {address}: {err}") from None


def _read(data: str):
    """``(description, lazy dataframe)`` of the files ``data`` names."""
    import dask.dataframe as dd

    path = Path(data)
    files = sorted(str(p) for p in path.iterdir() if p.is_file()) if path.is_dir() else sorted(glob.glob(data))
    if not files and path.is_dir():
        raise InputError(f"{data} is a folder with no data files in it (neuron fit reads a folder's CSV or "
                         "Parquet files with Dask)")
    if not files:
        raise InputError(f"no files match {data}")
    kinds = {Path(f).suffix.lower() for f in files}
    if kinds == {".parquet"}:
        return f"{data} ({len(files)} Parquet file{'s' * (len(files) > 1)})", dd.read_parquet(files)
    if kinds - {".csv", ".txt", ".tsv"}:
        raise InputError(f"{data} holds {', '.join(sorted(kinds))} files; give CSV files or Parquet files, not a mix")
    first = _first_line(files[0])
    delimiter = _delimiter(first)
    cells = [c.strip() for c in first.split(delimiter)]
    header = not all(_is_number(c) for c in cells)
    names = None if header else [str(i) for i in range(len(cells))]
    frame = dd.read_csv(files, sep=delimiter, header=0 if header else None, names=names,
                        skipinitialspace=True, dtype=float, blocksize="64MB")
    return f"{data} ({len(files)} CSV file{'s' * (len(files) > 1)})", frame


def _first_line(file: str) -> str:
    try:
        with open(file, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    return line
    except UnicodeDecodeError as err:
        raise InputError(f"cannot read {file}: it is not UTF-8 text (byte {err.start})") from None
    raise InputError(f"{file} is empty")


def _columns(source: str, names: tuple[str, ...], args: argparse.Namespace) -> tuple[tuple[str, ...], str]:
    """The x and y column names from ``--x`` and ``--y``, with the messages of one file."""
    table = Table(source, names, np.empty((0, len(names))))
    if len(names) < 2:
        raise InputError(f"{source} needs at least two columns, one for x and one for y")
    y_col = table.column(args.y) if args.y is not None else len(names) - 1
    x_cols = [table.column(c) for c in args.x] if args.x else [c for c in range(len(names)) if c != y_col]
    if y_col in x_cols:
        raise InputError(f"column {names[y_col]!r} cannot be both x and y")
    return tuple(names[c] for c in x_cols), names[y_col]


def _report(neuron: Neuron, X, y, source: str, x_names: list[str], y_name: str, schedule: Schedule) -> Report:
    """The numbers of :func:`neuron.report.build_report`, from one more pass:
    the means of t·tᵀ for t = [x, 1, y] give the least-squares optimum (by
    the normal equations) and both mean squared errors."""
    import dask
    import dask.array as da

    problem = neuron.problem
    table = da.concatenate([X, da.ones_like(y)[:, None], y[:, None]], axis=1)
    moments = (table.T @ table) / table.shape[0]
    accuracy = None
    if problem.classifies:
        predicted = X.map_blocks(lambda block: np.asarray(neuron.predict(block), dtype=float), drop_axis=1, dtype=float)
        moments, accuracy = dask.compute(moments, (predicted == y).mean())
        accuracy = float(accuracy)
    else:
        moments = dask.compute(moments)[0]
    xx, xy, yy = moments[:-1, :-1], moments[:-1, -1], moments[-1, -1]
    beta = np.linalg.lstsq(xx, xy, rcond=None)[0]
    mse_opt = max(float(yy - beta @ xy), 0.0)
    delta = np.array([*np.atleast_1d(neuron.w), neuron.b]) - beta
    mse = None if problem.classifies else mse_opt + float(delta @ xx @ delta)  # the optimum's gradient is 0
    optimum = None
    scale = problem.squared_error_scale
    if scale is not None:
        optimum = Optimum(_weights(beta[:-1]), float(beta[-1]), scale * mse_opt, mse_opt)
    return Report(
        data=source, samples=int(X.shape[0]), x=x_names, y=y_name, loss_name=problem.label,
        loss_expr=_expression(problem), epochs=schedule.epochs, lr=schedule.lr, batch_size=schedule.batch_size,
        shuffle=schedule.shuffle, seed=schedule.seed, init=neuron.init, method=neuron.method_,
        w=_weights(np.atleast_1d(neuron.w)), b=neuron.b, loss=neuron.history[-1], mse=mse,
        accuracy=accuracy, optimum=optimum, history=list(neuron.history),
        history_epochs=neuron.history_epochs if neuron.epochs_ != len(neuron.history) else None,
    )


def _expression(problem) -> str:
    from .problem import expression_text

    return expression_text(problem.loss)
