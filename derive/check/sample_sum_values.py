r"""Judge a matrix claim with sums over samples (``sample_sums.py``) at random
small shapes with a concrete number of samples: each sample ``x^{(i)}``,
``y^{(i)}`` drawn at random, ``X`` stacked from the ``x^{(i)T}`` as rows and
``\mathbf y`` from the ``y^{(i)}`` (``sample_sum_links.py``), the bound ``m``
the number of samples, and the sums added up term by term.

The shapes come from ``shapes.py`` on the linked tree (the number of samples is
the size the column of ones gets, distinct from every other size); a reading in
which the number of samples must equal the length of a sample (``X`` holding the
samples as columns would fit it) is not used. ``numeric`` and ``wrong`` as for
any matrix claim (``matrix_values.py``): every reading agrees on every draw, or
differs on every draw.
"""
from __future__ import annotations

import random

import sympy as sp

from ..worker import Overrun, run_with_budget
from .matrix_evaluator import _add, _Evaluator
from .matrix_values import DRAWS, DrawTally, MatrixOutcome, _draw, _shape_text, _shown, outcome_of_draws
from .sample_sum_links import ONES, Linked, Unlinked, has_sums, link
from .shape_inference import Inconsistent, Unknown
from .shapes import Reading, free_names, readings

#: The key under which the samples travel in an evaluator's environment (no name has it).
_SAMPLES = "⟨samples⟩"
#: The number of samples when no X or y fixes it.
SAMPLES = 3


class _SampleEvaluator(_Evaluator):
    """Evaluates ``("sum", i, bound, term)`` over the samples and ``("stack", kind, family)``."""

    def value(self, node: tuple):
        if node[0] == "sum":
            count, samples = self.env[_SAMPLES]
            total = None
            for k in range(count):
                env = {**self.env, **{f"{family}[{node[1]}]": values[k] for family, values in samples.items()}}
                term = type(self)(env, self.defs, self.stop, self.layout).value(node[3])
                total = term if total is None else _add(total, term)
            if isinstance(total, sp.MatrixBase) and total.free_symbols:  # under a derivative: a polynomial
                total = total.applyfunc(sp.expand)  # in its marks is differentiated far faster expanded
            return total
        if node[0] == "stack":
            _, samples = self.env[_SAMPLES]
            values = samples[node[2]]
            return sp.Matrix.vstack(*(v.T if node[1] == "rows" else v for v in values))
        return super().value(node)


def judge_sums(sides, defs: dict, stop: frozenset, symmetric: frozenset, seconds: float) -> MatrixOutcome | None:
    """The verdict on ``sides`` when a sum over samples is in them (or in a definition they
    reach), within ``seconds``; None when there is none."""
    if not has_sums(sides, defs, stop):
        return None
    try:
        linked = link(sides, defs, stop)
    except Unlinked as err:
        return MatrixOutcome("skipped", f"matrix notation: a sum over samples whose names do not link up plainly "
                                        f"({err}); not checked")
    try:
        return run_with_budget(assess_sums, (linked, stop, symmetric), seconds)
    except Overrun:
        return MatrixOutcome("skipped", f"matrix notation: no verdict within the time budget ({seconds:g} s per step)")
    except RuntimeError as err:
        return MatrixOutcome("skipped", f"matrix notation: could not evaluate: {err}")


def _shown_samples(linked: Linked) -> list[tuple[str, str]]:
    """(placeholder key, how the notes write a sample): ``x[·]`` → ``x^(i)``."""
    letters = dict(linked.letters)
    return [(f"{family}[·]", f"{_shown(family)}^({letters.get(family, 'i')})" if style == "sup"
             else f"{_shown(family)}_{letters.get(family, 'i')}") for family, style in linked.families]


def _count(reading: Reading) -> int:
    shapes = dict(reading.shapes)
    return shapes[ONES][0] if ONES in shapes else SAMPLES


def _sample_text(linked: Linked, shapes: dict, count: int) -> str:
    shown = dict(_shown_samples(linked))
    parts = [f"{shown[key]} " + ("scalar" if shapes.get(key, (1, 1)) == (1, 1) else "{}×{}".format(*shapes[key]))
             for key in shown]
    links = [f"{_shown(name)}'s rows the {shown[family + '[·]']}ᵀ" if kind == "rows"
             else f"{_shown(name)}'s entries the {shown[family + '[·]']}" for name, kind, family in linked.stacks]
    return f"sums of {count} terms: " + ", ".join(parts) + ("; " + ", ".join(links) if links else "")


def assess_sums(linked: Linked, stop: frozenset, symmetric: frozenset = frozenset(),
                seed: int = 20240515) -> MatrixOutcome:
    """Compare the two linked sides in every consistent reading, over the samples."""
    sides = linked.shape_sides
    left, right = (set(free_names(side, {}, stop)) - {ONES} for side in sides)
    if left - right and right - left:
        shown = lambda names: ", ".join(_shown(n) for n in sorted(names))
        return MatrixOutcome("skipped", f"matrix notation: the sides are written in different names ({shown(left - right)} "
                                        f"on the left, {shown(right - left)} on the right) and the notes do not say "
                                        "how they relate; not checked")
    if bool(left) != bool(right):
        return MatrixOutcome("skipped", "matrix notation: numbers claimed for a sum over samples; not checked")
    try:
        found = readings(list(sides), {}, stop)
    except Unknown as err:
        return MatrixOutcome("skipped", f"matrix notation: {err}; not checked")
    except Inconsistent as err:
        return MatrixOutcome("skipped", f"matrix notation: the shapes of a sum over samples cannot be read "
                                        f"consistently ({err}); not checked")
    usable, dropped = [], False
    for reading in found:
        if reading.layouts:
            continue  # a Jacobian of a sum: its layout is not fixed
        reading = _samples_first(reading)
        shapes = dict(reading.shapes)
        count = _count(reading)
        sample_sizes = {d for key, shape in shapes.items() if key.endswith("[·]") for d in shape}
        if (ONES in shapes and count in sample_sizes) or (linked.bound and shapes.get(linked.bound, (1, 1)) != (1, 1)):
            dropped = True  # X n×n: its rows or its columns may be the samples
            continue
        usable.append((reading, count))
    if not usable:
        return MatrixOutcome("skipped", "matrix notation: a sum over samples that reads only with as many samples as "
                                        "entries in a sample (the matrix may hold the samples as rows or as columns); not checked"
                             if dropped else "matrix notation: no reading of a sum over samples; not checked")
    if all(all(shape == (1, 1) for key, shape in r.shapes if key != ONES) and ONES not in dict(r.shapes)
           for r, _ in usable):
        return MatrixOutcome("skipped", "matrix notation, but every reading of the sum over samples is scalar; not checked")
    verdicts, first_wrong, wheres = [], None, []
    for reading, count in usable:
        verdict, example = _draws(linked, reading, count, stop, symmetric, seed)
        verdicts.append(verdict)
        if verdict == "differ" and first_wrong is None:
            first_wrong = (reading, example)
        shapes = dict(reading.shapes)
        plain = _shape_text(_plain(reading, linked))
        wheres.append((plain + "; " if plain else "") + _sample_text(linked, shapes, count))
    where = "; or ".join(wheres)
    point = None
    if first_wrong is not None:
        reading, shown = first_wrong[0], dict(_shown_samples(linked))
        point = {shown.get(k, k): f"{r}×{c}" for k, (r, c) in reading.shapes if (r, c) != (1, 1) and k != ONES}
        point["terms"] = str(_count(reading))
    return outcome_of_draws(verdicts, where, first_wrong, point)


def _samples_first(reading: Reading) -> Reading:
    """The reading with the number of samples :data:`SAMPLES` (sizes are distinct, one per
    unified dimension: swapping two of them everywhere is a reading again)."""
    shapes = dict(reading.shapes)
    if ONES not in shapes or shapes[ONES][0] == SAMPLES:
        return reading
    count = shapes[ONES][0]
    swap = {count: SAMPLES, SAMPLES: count}
    return Reading(reading.kinds, tuple((k, (swap.get(r, r), swap.get(c, c))) for k, (r, c) in reading.shapes),
                   reading.layouts)


def _plain(reading: Reading, linked: Linked) -> Reading:
    """The names that are neither samples, the column of ones, nor the bound."""
    return Reading(reading.kinds, tuple((k, s) for k, s in reading.shapes
                                        if k not in (ONES, linked.bound) and not k.endswith("[·]")))


def _draws(linked: Linked, reading: Reading, count: int, stop: frozenset, symmetric: frozenset, seed: int):
    shapes = dict(reading.shapes)
    plain = _plain(reading, linked)
    rng = random.Random(seed)
    tally = DrawTally()
    for _ in range(DRAWS):
        env = _draw(plain, rng, symmetric)
        samples = {}
        for family, _ in linked.families:
            r, c = shapes.get(f"{family}[·]", (1, 1))
            samples[family] = [_draw(Reading((), (("s", (r, c)),)), rng, frozenset())["s"] for _ in range(count)]
        env[_SAMPLES] = (count, samples)
        if linked.bound:
            env[linked.bound] = sp.Matrix([[count]])
        ev = _SampleEvaluator(env, {}, stop)
        try:
            left, right = ev.value(linked.eval_sides[0]), ev.value(linked.eval_sides[1])
        except (ValueError, ZeroDivisionError, TypeError, ArithmeticError, KeyError,
                sp.matrices.common.NonInvertibleMatrixError):
            continue
        tally.add(left, right)
    return tally.verdict(), tally.example


__all__ = ["judge_sums", "assess_sums", "SAMPLES"]
