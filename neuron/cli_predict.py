"""``neuron predict MODEL.json DATA.csv``: the saved neuron's prediction for
every row of a CSV file, as CSV on stdout (or JSON with ``--json``).

The model's feature columns are found in the file by the names saved with it
(extra columns, such as the target, are ignored); a missing column is an
error naming it, never a guess. A model saved without names (before
``neuron fit --save`` stored them) takes the columns by position: all of them,
or all but the last when the file has one more (``neuron fit``'s default,
y last). A model trained with ``--standardize`` scales each feature by the
mean and standard deviation saved with it, as in training.
"""
from __future__ import annotations

import argparse
import json

import numpy as np

from derive.errors import InputError

from . import persist
from .cli_text import names_text
from .csv_file import Table, read_csv
from .neuron import Neuron


def run_predict(args: argparse.Namespace) -> int:
    """Print the predictions of the model in ``args.model`` for ``args.data``."""
    model = persist.load_model(Neuron, args.model)
    table = read_csv(args.data)
    columns = feature_columns(model, table)
    X = table.values[:, columns]
    if model.standardization is not None:
        X = model.standardization.apply(X)
    neuron = model.neuron
    output = np.atleast_1d(neuron.forpass(X))
    classes = (output >= 0.5).astype(int) if neuron.problem.classifies else None
    if args.json:
        result = {"model": str(args.model), "data": table.source, "samples": len(output),
                  "x": [table.names[c] for c in columns], "standardized": model.standardization is not None,
                  "predictions": (classes if classes is not None else output).tolist()}
        if classes is not None:
            result["probabilities"] = output.tolist()
        print(json.dumps(result, indent=2, ensure_ascii=False))
    elif classes is None:
        print("\n".join(["prediction", *map(repr, output.tolist())]))
    else:
        print("\n".join(["prediction,probability", *(f"{c},{p!r}" for c, p in zip(classes.tolist(), output.tolist()))]))
    return 0


def feature_columns(model: persist.SavedModel, table: Table) -> list[int]:
    """The columns of ``table`` that hold the model's features, in the model's order."""
    features = model.neuron.features
    if model.feature_names is None:
        if len(table.names) in (features, features + 1):
            return list(range(features))
        raise InputError(f"the model has {features} feature(s) and no column names (it was saved before "
                         f"names were stored), so its columns are taken by position; {table.source} has "
                         f"{len(table.names)} columns: give it {features} (or {features + 1}, the target last)")
    headerless = table.names == tuple(str(i) for i in range(len(table.names)))
    columns, missing = [], []
    for name in model.feature_names:
        try:
            columns.append(table.column(name))
        except InputError:
            missing.append(name)
    if not missing:
        return columns
    wanted = names_text(model.feature_names)
    if headerless:
        raise InputError(f"{table.source} has no header row, but the model was trained on the columns {wanted}: "
                         "add a header row naming them")
    raise InputError(f"{table.source} has no column {', '.join(map(repr, missing))}; the model was trained on "
                     f"the columns {wanted}, and the file's columns are {names_text(table.names)}")
