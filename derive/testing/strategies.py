"""Hypothesis strategies of points at which to check a gradient, and
:func:`gradient_test`, the one line that turns a loss and a gradient into
a property test for pytest."""
from __future__ import annotations

import inspect
import math
from typing import Callable, Mapping, Sequence

import numpy as np
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ..symbols import sort_key
from .checks import check_gradient


def numbers(largest: float = 10.0, smallest: float = 1e-6) -> st.SearchStrategy[float]:
    """Floats in ``[-largest, largest]`` whose magnitude is 0 or at least
    ``smallest``, spread over the orders of magnitude between (Hypothesis's
    own floats crowd near the bounds), with its usual awkward values too."""
    if not 0 < smallest <= largest or not math.isfinite(largest):
        raise ValueError(f"need 0 < smallest <= largest < inf, got smallest={smallest}, largest={largest}")
    low, high = math.log10(smallest), math.log10(largest)
    magnitude = st.one_of(
        st.floats(smallest, largest),
        st.floats(low, high).map(lambda e: min(max(10.0**e, smallest), largest)),
    )
    signed = st.tuples(st.booleans(), magnitude).map(lambda s: -s[1] if s[0] else s[1])
    return st.one_of(st.just(0.0), signed)


def gradient_cases(
    names: Sequence[str],
    data: Sequence[str] = (),
    *,
    largest: float = 10.0,
    smallest: float = 1e-6,
    length: tuple[int, int] = (1, 8),
    values: Mapping[str, st.SearchStrategy[float]] | None = None,
) -> st.SearchStrategy[dict[str, object]]:
    """Points ``{name: value}`` for :func:`check_gradient`.

    Every name in ``names`` gets a float; every name in ``data`` (which may
    repeat names from ``names``) gets a NumPy array, all of one drawn length
    in ``length``. By default values lie in [-10, 10] with magnitudes 0 or
    ≥ 1e-6: the lecture's scale, and the tiny and zero values where wrong
    gradients hide. Widen with ``largest``/``smallest`` (``smallest=1e-8,
    largest=1e6`` for extreme magnitudes), or give some names their own
    strategy in ``values``, e.g. ``{"y": st.sampled_from([0.0, 1.0])}``.
    """
    values = dict(values or {})
    order = list(dict.fromkeys([*names, *data]))
    unknown = sorted(set(values) - set(order))
    if unknown:
        raise ValueError(f"values given for {', '.join(unknown)}, which are not among {', '.join(order)}")
    low, high = length
    if not 1 <= low <= high:
        raise ValueError(f"length must be (low, high) with 1 <= low <= high, got {length}")
    default = numbers(largest, smallest)

    def fields(n: int) -> dict[str, st.SearchStrategy]:
        return {
            name: arrays(np.float64, n, elements=values.get(name, default)) if name in data
            else values.get(name, default)
            for name in order
        }

    def in_order(point: dict[str, object]) -> dict[str, object]:
        return {name: point[name] for name in order}

    sizes = st.integers(low, high) if data else st.just(0)
    return sizes.flatmap(lambda n: st.fixed_dictionaries(fields(n))).map(in_order)


def gradient_test(
    loss: Callable[..., object] | sp.Expr,
    grad: Callable[..., object],
    wrt: Sequence[str],
    cases: st.SearchStrategy[dict[str, object]] | None = None,
    **options,
) -> Callable[[], None]:
    """A pytest test: for every point Hypothesis draws from ``cases``
    (default: :func:`gradient_cases` of the loss's inputs), ``grad`` is the
    gradient of ``loss`` with respect to ``wrt``. ``options`` go to
    :func:`check_gradient`. Use it as one line in a test module::

        test_backprop = gradient_test(losses.half_squared_error(), backprop, wrt=["w", "b"])
    """
    wrt = [wrt] if isinstance(wrt, str) else list(wrt)
    if cases is None:
        cases = gradient_cases(_input_names(loss, wrt))

    def test(point: dict[str, object]) -> None:
        check_gradient(loss, grad, point, wrt, **options)

    test.__name__ = test.__qualname__ = f"test_{getattr(grad, '__name__', 'gradient')}_is_the_gradient"
    return given(point=cases)(test)


def _input_names(loss: Callable[..., object] | sp.Expr, wrt: Sequence[str]) -> list[str]:
    """The loss's inputs, parameters first: the symbols of an expression,
    or the parameter names of a function."""
    if isinstance(loss, sp.Expr):
        names = [s.name for s in sorted(loss.free_symbols, key=sort_key)]
    else:
        names = list(inspect.signature(loss).parameters)
    return list(dict.fromkeys([*wrt, *names]))
