"""``neuron fit``'s Dask arguments, without importing Dask, NumPy or SymPy:
the parser (and ``neuron fit --help``) needs only these;
:mod:`neuron.dask_input` does the reading and training."""
from __future__ import annotations

import argparse
import glob
import os


def is_lazy_source(args: argparse.Namespace) -> bool:
    """True when ``neuron fit`` should read with Dask: a glob, a folder, a
    Parquet file, or any data with ``--scheduler``."""
    data = args.data
    if data is None:
        return args.scheduler is not None
    return (args.scheduler is not None or glob.has_magic(data) or os.path.isdir(data)
            or data.endswith(".parquet"))


def add_arguments(fit: argparse.ArgumentParser) -> None:
    """``--scheduler`` for ``neuron fit``."""
    fit.add_argument("--scheduler", metavar="ADDRESS",
                     help="train on a running dask.distributed cluster (such as tcp://host:8786); DATA may also "
                     "be a glob ('data/*.csv'), a folder or Parquet files, read lazily with Dask on this machine "
                     "when no address is given (needs the dask extra)")
