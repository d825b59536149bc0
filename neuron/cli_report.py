"""What ``neuron fit`` tells (used only by the command line): the trained w and b, the final loss and — for a
squared loss — how far that lands from the closed-form least-squares optimum."""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass

import numpy as np

from derive.descent import Schedule

from .neuron import Neuron
from .problem import expression_text


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
    init: str
    method: str
    history: list[float]


def least_squares(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """The w and b minimising Σ(y − (X·w + b))², by ``numpy.linalg.lstsq``."""
    coef, *_ = np.linalg.lstsq(np.c_[X, np.ones(len(y))], y, rcond=None)
    return coef[:-1], float(coef[-1])


@np.errstate(all="ignore")  # a loss that overflows is reported as inf (null in JSON), not warned about
def build_report(neuron: Neuron, X: np.ndarray, y: np.ndarray, *, data: str, x_names: list[str],
                 y_name: str, schedule: Schedule) -> Report:
    """Collect the numbers after ``neuron`` was trained on X and y."""
    problem = neuron.problem
    out = neuron.forpass(X)
    mse = accuracy = optimum = None
    if problem.classifies:
        accuracy = float(np.mean(neuron.predict(X) == y))
    else:
        mse = float(np.mean((y - out) ** 2))
    if problem.squared_error_scale is not None:
        w, b = least_squares(X, y)
        params = [*map(float, w), b]
        loss = float(np.mean(problem.objective.loss_numpy(*params, *problem.data_columns(X, y))))
        mse_opt = float(np.mean((y - (X @ w + b)) ** 2))
        optimum = Optimum(_weights(w), b, loss, mse_opt)
    return Report(
        data=data, samples=len(y), x=x_names, y=y_name, loss_name=problem.label,
        loss_expr=expression_text(problem.loss), epochs=schedule.epochs, lr=schedule.lr, batch_size=schedule.batch_size,
        shuffle=schedule.shuffle, seed=schedule.seed, init=neuron.init, method=neuron.method_,
        w=_weights(np.atleast_1d(neuron.w)), b=neuron.b, loss=neuron.history[-1], mse=mse,
        accuracy=accuracy, optimum=optimum, history=list(neuron.history),
    )


def to_json(report: Report) -> str:
    """The report as one JSON object with keys ``w``, ``b``, ``loss``, ``optimum`` and the settings;
    a number that is not finite is ``null``."""
    return json.dumps(_finite_or_null(asdict(report)), indent=2, ensure_ascii=False, allow_nan=False)


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
    start = {"book": "w = b = 1", "zeros": "w = b = 0", "random": f"random w, b (seed {report.seed})"}[report.init]
    lines = [
        f"data      {report.data}: {report.samples} samples, x = {', '.join(report.x)}, y = {report.y}",
        f"loss      {report.loss_name}" + ("" if report.loss_name == report.loss_expr else f" = {report.loss_expr}"),
        f"training  {report.epochs} epoch{'s' if report.epochs != 1 else ''}, lr {report.lr:g}, batch size {report.batch_size}, {order}, from {start}, by {report.method}",
        "",
        *_weight_lines(report.w, report.b),
        f"loss      {report.loss!r}  (mean over the samples after the last epoch)",
    ]
    if report.accuracy is not None:
        lines.append(f"accuracy  {report.accuracy:.4f}")
    if report.optimum is not None:
        opt = report.optimum
        lines += [
            "",
            "least-squares optimum (closed form):",
            *_weight_lines(opt.w, opt.b),
            f"loss      {opt.loss!r}",
            f"MSE       {report.mse:.5g} after training vs {opt.mse:.5g} at the optimum",
        ]
    elif report.mse is not None:
        lines.append(f"MSE       {report.mse:.5g}")
    return "\n".join(lines)


def _weights(w: np.ndarray) -> float | list[float]:
    values = [float(v) for v in np.atleast_1d(w)]
    return values[0] if len(values) == 1 else values


def _weight_lines(w: float | list[float], b: float) -> list[str]:
    if isinstance(w, float):
        return [f"w         {w!r}", f"b         {b!r}"]
    return [f"{'w_' + str(i):<9} {v!r}" for i, v in enumerate(w, start=1)] + [f"b         {b!r}"]
