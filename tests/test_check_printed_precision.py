"""A number in a worked example is judged at the precision printed: the exact
value must print as it, rounded (half a unit of the last place either way) or
cut off (up to a whole unit toward zero), widened only by how far the value
moves when rounded decimals it is computed from move by half a unit
(``derive/check/rounding.py``). Notes written here; each row is one edge."""
from __future__ import annotations

import pytest

from derive.check import Verdict, check_text


def verdict_of(row: str) -> str:
    """The verdict of the one claim of a note holding ``row``."""
    results = [v for v in check_text(f"$${row}$$\n").verdicts if v.verdict is not Verdict.DEFINITION]
    assert len(results) == 1, results
    return results[0].verdict.value


@pytest.mark.parametrize("row, verdict", [
    # σ(0.21) = 0.552307…: 0.55 rounds it, 0.56 neither rounds nor cuts it (was "numeric": 3 units allowed)
    (r"\frac{1}{1 + e^{-0.21}} = 0.55", "numeric"),
    (r"\frac{1}{1 + e^{-0.21}} = 0.56", "wrong"),
    (r"\frac{1}{1 + e^{-0.21}} = 0.54", "wrong"),
    # σ(0.2) = 0.549833…: rounded 0.550, cut off 0.549; 0.551 and 0.548 are neither
    (r"\frac{1}{1 + e^{-0.2}} = 0.550", "numeric"),
    (r"\frac{1}{1 + e^{-0.2}} = 0.549", "numeric"),
    (r"\frac{1}{1 + e^{-0.2}} = 0.551", "wrong"),
    (r"\frac{1}{1 + e^{-0.2}} = 0.548", "wrong"),
    # negative: -σ(0.2) cut off toward zero is -0.549, rounded -0.550; -0.551 is neither
    (r"-\frac{1}{1 + e^{-0.2}} = -0.549", "numeric"),
    (r"-\frac{1}{1 + e^{-0.2}} = -0.551", "wrong"),
    # a rounded input (0.5523 for σ(0.21)) carried on: 1000 · 0.5523 = 552.3, written as the full
    # value 552.31 — within 1000 · half a unit of 0.5523 (0.05), so it is the rounding, not a slip
    (r"1000 \cdot 0.5523 = 552.31", "numeric"),
    (r"1000 \cdot 0.5523 = 552.40", "wrong"),
    # a whole unit off toward zero is not a cut-off value: 1.2 cut off is 1.2, not 1.1
    (r"(-0.3) \cdot 4 = -1.1", "wrong"),
    (r"0.3 \cdot 4 = 1.1", "wrong"),
    (r"0.3 \cdot 4 = 1.2", "numeric"),
])
def test_a_worked_number_must_print_the_exact_value(row: str, verdict: str) -> None:
    """Catches the old three-unit allowance (0.56, 0.551, 0.548 accepted), a symmetric interval
    (0.549 or -0.549 refused), a sign error in the cut-off side (-0.551 accepted), and the slack of
    rounded inputs dropped (552.31 refused) or unbounded (552.40 accepted)."""
    assert verdict_of(row) == verdict
