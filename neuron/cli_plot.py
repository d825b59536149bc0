"""``neuron fit --plot``: the data with the fitted line, and the loss per epoch.

matplotlib is the optional ``plot`` extra. The figure is drawn on matplotlib's
``Figure`` object directly (the Agg canvas, no pyplot), so plotting neither
needs a display nor changes the backend of the session that calls it.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from derive.errors import InputError

from .cli_report import Report

INSTALL_HINT = "pip install 'derive-neuron[plot]'"


def check_target(path: str | Path) -> None:
    """Fail before training if the plot could not be written: no such
    folder, no matplotlib, or a file type matplotlib cannot write."""
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError(f"cannot write the plot {path}: the folder {path.parent} does not exist")
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise InputError(f"--plot needs matplotlib, which is not installed; {INSTALL_HINT}") from None
    kinds = Figure().canvas.get_supported_filetypes()
    suffix = path.suffix.lstrip(".").lower()
    if suffix not in kinds:
        raise InputError(f"cannot write the plot {path}: name it .png (or one of {', '.join(sorted(kinds))})")


def plot_fit(path: str | Path, report: Report, X: np.ndarray, y: np.ndarray, predicted: np.ndarray) -> None:
    """Write a two-panel figure: the data and the fitted line (or predicted
    against actual with several features), and the loss of each epoch."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 4.2), layout="constrained")
    data_ax, loss_ax = fig.subplots(1, 2)
    if X.shape[1] == 1:
        _line_panel(data_ax, report, X[:, 0], y, predicted)
    else:
        _predicted_panel(data_ax, report, y, predicted)
    _loss_panel(loss_ax, report)
    fig.suptitle(f"neuron fit: {report.data}, loss {report.loss_name}, {report.epochs} epochs, lr {report.lr:g}")
    fig.savefig(path, dpi=120)


def _line_panel(ax, report: Report, x: np.ndarray, y: np.ndarray, predicted: np.ndarray) -> None:
    ax.scatter(x, y, s=10, alpha=0.5, color="tab:gray", label="data")
    order = np.argsort(x)
    ax.plot(x[order], predicted[order], color="tab:blue", lw=2,
            label=f"neuron: w = {report.w:.1f}, b = {report.b:.1f}")
    opt = report.optimum
    if opt is not None:
        ax.plot(x[order], opt.w * x[order] + opt.b, "--", color="tab:orange", lw=1.5,
                label=f"least squares: w = {opt.w:.1f}, b = {opt.b:.1f}")
    ax.set_xlabel(report.x[0])
    ax.set_ylabel(report.y)
    ax.set_title("data and fitted line")
    ax.legend(loc="upper left", fontsize="small")


def _predicted_panel(ax, report: Report, y: np.ndarray, predicted: np.ndarray) -> None:
    ax.scatter(y, predicted, s=10, alpha=0.5, color="tab:blue", label="samples")
    low, high = float(min(y.min(), predicted.min())), float(max(y.max(), predicted.max()))
    ax.plot([low, high], [low, high], "--", color="tab:gray", lw=1, label="predicted = actual")
    ax.set_xlabel(f"actual {report.y}")
    ax.set_ylabel("predicted P(y = 1)" if report.accuracy is not None else "predicted")
    ax.set_title(f"{len(report.x)} features: predicted against actual")
    ax.legend(loc="upper left", fontsize="small")


def _loss_panel(ax, report: Report) -> None:
    epochs = report.history_epochs or np.arange(1, len(report.history) + 1)
    ax.plot(epochs, report.history, color="tab:blue", label="after each epoch")
    if report.optimum is not None:
        ax.axhline(report.optimum.loss, ls="--", color="tab:orange", lw=1.5, label="least-squares optimum")
    ax.set_xlabel("epoch")
    ax.set_ylabel(f"mean loss ({report.loss_name})")
    ax.set_title("loss per epoch")
    ax.legend(loc="upper right", fontsize="small")
