"""Judge a matrix claim at random small shapes: build every name as an
explicit SymPy matrix of random numbers, evaluate both sides with gradients
taken entry by entry (``∂f/∂W_ij`` of the explicit ``f``: ``matrix_evaluator.py``),
and compare the two sides entry by entry on several draws.

``wrong`` needs every consistent reading of the names (see ``shapes.py``)
to differ on every draw that could be evaluated; ``numeric`` needs them all
to agree; anything else is skipped. Runs in the worker process under the
checker's time budget.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import sympy as sp

from .matrix_evaluator import _Eye, _Evaluator
from .shape_inference import ROW, Inconsistent, Unknown
from .shapes import Reading, free_names, readings

DRAWS = 5
TOLERANCE = sp.Float("1e-12", 30)
#: A difference is a counterexample only when it is this large (relative).
CLEAR = sp.Float("1e-6", 30)


@dataclass(frozen=True)
class MatrixOutcome:
    verdict: str
    reason: str
    expected: str | None = None
    counterexample: dict | None = None


def _nodes(node: tuple):
    yield node
    for child in node[1:]:
        if isinstance(child, tuple):
            yield from _nodes(child)


def _draw(reading: Reading, rng: random.Random, symmetric: frozenset) -> dict:
    env = {}
    for key, (r, c) in reading.shapes:
        values = sp.Matrix(r, c, lambda i, j: sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 9), rng.randint(1, 4)))
        if key in symmetric and r == c:
            values = (values + values.T) / 2
        env[key] = values
    return env


def _numbers(v) -> list | None:
    out = []
    for e in v:
        if e.is_Rational:
            out.append(e)
            continue
        n = sp.N(e, 30)
        if not n.is_number or n.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        re_, im = n.as_real_imag()
        if abs(im) > TOLERANCE:
            return None
        out.append(re_)
    return out


def _compare(left, right):
    """'equal', ('differ', index, l, r) or None (not evaluable)."""
    if isinstance(left, _Eye) or isinstance(right, _Eye):
        return None
    if left.shape != right.shape:
        if right.shape == (1, 1) and right[0] == 0:
            right = sp.zeros(*left.shape)
        elif left.shape == (1, 1) and left[0] == 0:
            left = sp.zeros(*right.shape)
        else:
            return None
    lv, rv = _numbers(left), _numbers(right)
    if lv is None or rv is None:
        return None
    worst = None
    for k, (a, b) in enumerate(zip(lv, rv)):
        gap = abs(a - b)
        scale = max(1, abs(a), abs(b))
        if gap > CLEAR * scale:
            return ("differ", divmod(k, left.cols), a, b)
        if gap > TOLERANCE * scale:
            worst = k
    return "equal" if worst is None else "unclear"


def _shape_text(reading: Reading) -> str:
    parts = [f"{_shown(k)} {r}×{c}" for k, (r, c) in reading.shapes if (r, c) != (1, 1)]
    scalars = [_shown(k) for k, (r, c) in reading.shapes if (r, c) == (1, 1)]
    text = ", ".join(parts)
    if scalars:
        text += ("; " if text else "") + ", ".join(scalars) + " scalar" + ("s" if len(scalars) > 1 else "")
    return text


def _shown(key: str) -> str:
    return key.replace("_hat", "\u0302")


def _number_text(v) -> str:
    return str(v) if v.is_Rational else f"{float(v):.8g}"


def draws_verdict(equal: int, differ: int) -> str:
    """What random draws say: "equal" when every draw that ran agreed, "differ" when
    at least 3 disagreed and none agreed (one odd draw is no counterexample), else "unclear"."""
    return "equal" if equal and not differ else "differ" if differ >= 3 and not equal else "unclear"


class DrawTally:
    """The draws on which the two sides agree and differ, and the first difference (its example)."""

    def __init__(self) -> None:
        self.equal = self.differ = 0
        self.example = None

    def add(self, left, right) -> None:
        result = _compare(left, right)
        if result == "equal":
            self.equal += 1
        elif isinstance(result, tuple):
            self.differ += 1
            self.example = self.example or result

    def verdict(self) -> str:
        return draws_verdict(self.equal, self.differ)


def assess_matrix(sides: tuple, defs: dict, stop: frozenset, symmetric: frozenset = frozenset(),
                  seed: int = 20240515) -> MatrixOutcome:
    """Compare ``sides[0]`` with ``sides[1]`` in every consistent reading."""
    left, right = (set(free_names(side, defs, stop)) for side in sides)
    derivative = any(n[0] in ("grad", "deriv") for side in sides for n in _nodes(side))
    if bool(left) != bool(right) and not derivative:
        return MatrixOutcome("skipped", "matrix notation: numbers claimed for an expression in names whose values "
                                        "the matrix reader does not know; not checked")
    if left - right and right - left:
        shown = lambda names: ", ".join(_shown(n) for n in sorted(names))
        return MatrixOutcome("skipped", f"matrix notation: the sides are written in different names ({shown(left - right)} "
                                        f"on the left, {shown(right - left)} on the right) and the notes do not say "
                                        "how they relate; not checked")
    try:
        found = readings(list(sides), defs, stop)
    except Unknown as err:
        return MatrixOutcome("skipped", f"matrix notation: {err}; not checked")
    except Inconsistent as err:
        return MatrixOutcome("skipped", f"matrix notation: the shapes cannot be read consistently ({err}); "
                                        "not judged as scalars")
    if all(all(shape == (1, 1) for _, shape in r.shapes) for r in found):
        return MatrixOutcome("skipped", "matrix notation, but every reading of it is scalar: left to the scalar "
                                        "reader, which knows the values the notes give; not checked")
    verdicts, first_wrong, shapes = [], None, []
    cases = [(reading, layout) for reading in found for layout in (reading.layouts or ("numerator",))]
    for reading, layout in cases:
        rng = random.Random(seed)
        tally = DrawTally()
        for _ in range(DRAWS):
            env = _draw(reading, rng, symmetric)
            ev = _Evaluator(env, defs, stop, layout)
            try:
                left, right = ev.value(sides[0]), ev.value(sides[1])
            except (ValueError, ZeroDivisionError, TypeError, ArithmeticError, sp.matrices.common.NonInvertibleMatrixError):
                continue
            tally.add(left, right)
        verdicts.append(tally.verdict())
        if verdicts[-1] == "differ" and first_wrong is None:
            first_wrong = (reading, tally.example)
        shapes.append(_shape_text(reading) + (f", the Jacobian in {layout} layout" if reading.layouts else ""))
    where = "; or ".join(s or "all scalars" for s in shapes)
    if any(kind == ROW for reading in found for _, kind in reading.kinds):
        where += " (vectors read as rows: no reading with column vectors fits)"
    point = None
    if first_wrong is not None:
        point = {k: f"{r}×{c}" for k, (r, c) in first_wrong[0].shapes if (r, c) != (1, 1)}
    return outcome_of_draws(verdicts, where, first_wrong, point)


def outcome_of_draws(verdicts: list[str], where: str, first_wrong, point: dict | None) -> MatrixOutcome:
    """The outcome of a claim drawn at random values in each reading: numeric when every reading
    agrees, wrong (with the first differing entry, at ``point``) when every reading differs,
    skipped otherwise. Shared by the matrix rows and the sums over samples (sample_sum_values.py)."""
    if all(v == "equal" for v in verdicts):
        return MatrixOutcome("numeric", f"equal at random values, {DRAWS} draws, shapes {where}")
    if all(v == "differ" for v in verdicts):
        _, (_, (i, j), a, b) = first_wrong
        return MatrixOutcome("wrong", f"the sides differ at random values, shapes {where}", None,
                             {"point": point, "left": f"entry ({i + 1},{j + 1}) = {_number_text(a)}",
                              "right": f"entry ({i + 1},{j + 1}) = {_number_text(b)} "
                                       f"(random entries; the sides differ on every one of {DRAWS} draws)"})
    if "differ" in verdicts and "equal" in verdicts:
        return MatrixOutcome("skipped", "matrix notation: true in one reading of the names and false in another "
                                        f"(shapes {where}); not checked")
    return MatrixOutcome("skipped", f"matrix notation: no clear result at random values (shapes {where})")
