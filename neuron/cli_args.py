"""Reading ``neuron fit``'s own arguments: the loss (a name, or an expression
written for the data's number of features) and starting values
(``--init-w 1`` or ``--init-w 0.5,1,2``)."""
from __future__ import annotations

import difflib
import math
import re

from derive.errors import InputError
from derive.names import LOSSES

from .bundle import find_problem

#: What a loss name looks like: one word, perhaps with hyphens (``half-se``).
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*$")
#: Bare symbols of an expression: these are not names of losses.
_SYMBOLS = {"w", "b", "x", "y"}


def loss_spec(text: str, features: int) -> str:
    """``text`` if it names a loss or is an expression for ``features`` features.

    A single word that is no loss's name (``mse``) is an unknown loss, not a
    symbol; an expression in w and x with several feature columns is told to
    use w_1…w_d and x_1…x_d."""
    name = text.strip()
    if name in LOSSES:
        return name
    if _NAME.match(name) and name not in _SYMBOLS and not re.fullmatch(r"[wx]_\d+", name):
        close = difflib.get_close_matches(name, LOSSES, n=1, cutoff=0.5)
        named = "; ".join(f"{n} ({what})" for n, (_, what) in LOSSES.items())
        raise InputError(f"unknown loss {name!r}" + (f" (did you mean {close[0]}?)" if close else "")
                         + f"; the named losses are {named}; or write an expression in w, b, x, y "
                         "such as '(y - (w*x + b))**2'")
    own = find_problem(text).features
    if own != features:
        raise InputError(_features_message(own, features))
    return text


def _features_message(own: int, features: int) -> str:
    wrote = "one feature (w, x)" if own == 1 else f"{own} features (w_1…w_{own}, x_1…x_{own})"
    if features == 1:
        return (f"the loss is written for {wrote}, but there is one feature column; write it in w and x, "
                "such as '(y - (w*x + b))**2', or choose more columns with --x")
    example = " + ".join(f"w_{i}*x_{i}" for i in range(1, min(features, 2) + 1))
    example += " + … + " + f"w_{features}*x_{features}" if features > 2 else ""
    return (f"the loss is written for {wrote}, but there are {features} feature columns: write it with "
            f"w_1…w_{features} and x_1…x_{features}, such as '(y - ({example} + b))**2', "
            f"or choose {'one column' if own == 1 else f'{own} columns'} with --x")


def start_values(text: str | None, option: str, features: int | None) -> float | list[float] | None:
    """``--init-w``/``--init-b`` as one number, or (``features`` given) a
    comma-separated list of one number per feature."""
    if text is None:
        return None
    cells = [cell.strip() for cell in text.split(",")]
    values = []
    for cell in cells:
        try:
            value = float(cell)
        except ValueError:
            raise InputError(f"{option} takes numbers{' separated by commas' if features else ''}; "
                             f"{cell!r} is not a number") from None
        if not math.isfinite(value):
            raise InputError(f"{option} takes finite numbers, not {cell!r}")
        values.append(value)
    if len(values) == 1:
        return values[0]
    if features is None:
        raise InputError(f"{option} takes one number, not {len(values)}")
    if len(values) != features:
        raise InputError(f"{option} has {len(values)} values but there are {features} feature columns: "
                         f"give one value for every feature, or {features} values separated by commas")
    return values
