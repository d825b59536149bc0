"""What ``neuron fit`` tells (used only by the command line): the trained w and b, the final loss and — for a
squared loss — how far that lands from the closed-form least-squares optimum; with a held-out set, the score
on it beside the training score (loss and R² for a regression, loss and accuracy for a classifier)."""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass

import numpy as np

from derive.descent import Schedule

from .cli_text import loss_text, names_text, start_text
from .neuron import Neuron


@dataclass(frozen=True)
class Score:
    """How the trained neuron does on one set of samples: its mean loss, and
    R² and MSE (a regression) or the accuracy (a classifier)."""

    samples: int
    loss: float
    r2: float | None
    mse: float | None
    accuracy: float | None


@dataclass(frozen=True)
class Start:
    """Where training started: the weights and bias before the first epoch."""

    w: float | list[float]
    b: float


@dataclass(frozen=True)
class Optimum:
    """The least-squares solution and its loss and mean squared error."""

    w: float | list[float]
    b: float
    loss: float
    mse: float


@dataclass(frozen=True)
class Report:
    w: float | list[float]
    b: float
    loss: float
    mse: float | None
    accuracy: float | None
    optimum: Optimum | None
    data: str
    samples: int
    x: list[str]
    y: str
    loss_name: str
    loss_expr: str
    epochs: int
    lr: float
    batch_size: int
    shuffle: bool
    seed: int | None
    init: str | list[float]
    method: str
    history: list[float]
    # optional, so a report made elsewhere (neuron.dask_input) need not know them
    start: Start | None = None
    standardization: dict[str, list[float]] | None = None
    train: Score | None = None
    test: Score | None = None
    held_out: str | None = None  # how the test set was made: a file, or a split
    #: The epoch of each loss in ``history`` when a long run thinned it (in --json only then), else None.
    history_epochs: list[int] | None = None
    loss_summary: str = ""  # the loss for the text report, summarised (not in --json)
    start_summary: str = ""  # where training started, in words (not in --json)


def least_squares(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """The w and b minimising Σ(y − (X·w + b))², by ``numpy.linalg.lstsq``."""
    coef, *_ = np.linalg.lstsq(np.c_[X, np.ones(len(y))], y, rcond=None)
    return coef[:-1], float(coef[-1])


@np.errstate(all="ignore")  # a loss that overflows is reported as inf (null in JSON), not warned about
def build_report(neuron: Neuron, X: np.ndarray, y: np.ndarray, *, data: str, x_names: list[str],
                 y_name: str, schedule: Schedule, start: Start, start_summary: str,
                 standardization: dict[str, list[float]] | None = None,
                 test: tuple[np.ndarray, np.ndarray] | None = None, held_out: str | None = None) -> Report:
    """Collect the numbers after ``neuron`` was trained on X and y (and scored
    on ``test``, the held-out X and y, when given)."""
    problem = neuron.problem
    train = score(neuron, X, y)
    optimum = None
    if problem.squared_error_scale is not None:
        w, b = least_squares(X, y)
        params = [*map(float, w), b]
        loss = float(np.mean(problem.objective.loss_numpy(*params, *problem.data_columns(X, y))))
        mse_opt = float(np.mean((y - (X @ w + b)) ** 2))
        optimum = Optimum(_weights(w), b, loss, mse_opt)
    return Report(
        data=data, samples=len(y), x=x_names, y=y_name, loss_name=problem.label,
        loss_expr=problem.loss_expression, epochs=schedule.epochs, lr=schedule.lr, batch_size=schedule.batch_size,
        shuffle=schedule.shuffle, seed=schedule.seed, init=neuron.init, method=neuron.method_,
        w=_weights(np.atleast_1d(neuron.w)), b=neuron.b, loss=neuron.history[-1], mse=train.mse,
        accuracy=train.accuracy, optimum=optimum, history=list(neuron.history),
        history_epochs=neuron.history_epochs if neuron.epochs_ != len(neuron.history) else None,
        start=start, standardization=standardization, train=train,
        test=None if test is None else score(neuron, *test), held_out=held_out,
        loss_summary=loss_text(problem), start_summary=start_summary,
    )


def score(neuron: Neuron, X: np.ndarray, y: np.ndarray) -> Score:
    """The mean loss of the trained ``neuron`` on X, y, with R² and MSE for
    a regression or the accuracy for a classifier."""
    problem = neuron.problem
    with np.errstate(all="ignore"):
        params = [*map(float, np.atleast_1d(neuron.w)), neuron.b]
        loss = float(np.mean(problem.objective.loss_numpy(*params, *problem.data_columns(X, y))))
        if problem.classifies:
            return Score(len(y), loss, None, None, float(np.mean(neuron.predict(X) == y)))
        residual = float(np.mean((y - neuron.forpass(X)) ** 2))
    spread = float(np.mean((y - np.mean(y)) ** 2))
    return Score(len(y), loss, 1.0 - residual / spread if spread > 0 else None, residual, None)


def to_json(report: Report) -> str:
    """The report as one JSON object with keys ``w``, ``b``, ``loss``, ``optimum``,
    ``train`` and ``test`` (the scores) and the settings; the loss in full, and a
    number that is not finite as ``null``."""
    fields = asdict(report)
    for text_only in ("loss_summary", "start_summary"):
        del fields[text_only]
    if fields["history_epochs"] is None:  # every epoch's loss: the list numbers them
        del fields["history_epochs"]
    return json.dumps(_finite_or_null(fields), indent=2, ensure_ascii=False, allow_nan=False)


def _finite_or_null(value):
    """``value`` with every float that is not finite (a loss that overflowed) as ``None``:
    JSON has no Infinity or NaN, and a strict reader refuses them."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite_or_null(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite_or_null(v) for v in value]
    return value


def to_text(report: Report) -> str:
    """The report as a few lines for a person."""
    order = "shuffled" if report.shuffle else "in order"
    scaled = ", features standardised" if report.standardization else ""
    lines = [
        f"data      {_data_text(report)}, x = {names_text(report.x)}, y = {report.y}",
        f"loss      {report.loss_name}"
        + ("" if report.loss_name == report.loss_expr else f" = {report.loss_summary or report.loss_expr}"),
        f"training  {report.epochs} epoch{'s' if report.epochs != 1 else ''}, lr {report.lr:g}, batch size "
        f"{report.batch_size}, {order}, from {report.start_summary or _start_of(report)}, by {report.method}{scaled}",
        "",
        *_weight_lines(report.w, report.b),
    ]
    if report.test is not None:
        lines += _score_table(report.train, report.test)
    else:
        lines.append(f"loss      {report.loss!r}  (mean over the samples after the last epoch)")
        if report.accuracy is not None:
            lines.append(f"accuracy  {report.accuracy:.4f}")
    if report.optimum is not None:
        opt = report.optimum
        lines += [
            "",
            "least-squares optimum (closed form" + (", on the training samples):" if report.test else "):"),
            *_weight_lines(opt.w, opt.b),
            f"loss      {opt.loss!r}",
            f"MSE       {report.mse:.5g} after training vs {opt.mse:.5g} at the optimum",
        ]
    elif report.mse is not None and report.test is None:
        lines.append(f"MSE       {report.mse:.5g}")
    return "\n".join(lines)


def _start_of(report: Report) -> str:
    """Where training started, from ``init`` alone (a report without a ``start_summary``)."""
    if isinstance(report.init, list):
        return start_text(report.init, report.init[:-1], report.init[-1], report.seed)
    named = {"book": "w = b = 1", "zeros": "w = b = 0", "random": f"random w, b (seed {report.seed})"}
    return named.get(report.init, report.init)


def _data_text(report: Report) -> str:
    if report.test is None:
        return f"{report.data}: {report.samples} samples"
    return f"{report.data}: {report.samples} samples to train on, {report.test.samples} held out ({report.held_out})"


def _score_table(train: Score, test: Score) -> list[str]:
    """The training and held-out scores side by side, each row labelled."""
    rows = [("", "training", "held out"), ("loss", f"{train.loss:.6g}", f"{test.loss:.6g}")]
    if train.accuracy is not None:
        rows.append(("accuracy", _accuracy(train), _accuracy(test)))
    else:
        rows.append(("R²", _r2(train.r2), _r2(test.r2)))
        rows.append(("MSE", f"{train.mse:.5g}", f"{test.mse:.5g}"))
    return ["", *(f"{label:<9} {a:<20} {b}".rstrip() for label, a, b in rows)]


def _accuracy(score: Score) -> str:
    return f"{score.accuracy:.4f} ({round(score.accuracy * score.samples)}/{score.samples})"


def _r2(r2: float | None) -> str:
    return "undefined (y is constant)" if r2 is None else f"{r2:.4f}"


def _weights(w: np.ndarray) -> float | list[float]:
    values = [float(v) for v in np.atleast_1d(w)]
    return values[0] if len(values) == 1 else values


def _weight_lines(w: float | list[float], b: float) -> list[str]:
    if isinstance(w, float):
        return [f"w         {w!r}", f"b         {b!r}"]
    return [f"{'w_' + str(i):<9} {v!r}" for i, v in enumerate(w, start=1)] + [f"b         {b!r}"]
