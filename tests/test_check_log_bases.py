r"""A logarithm with a subscript base, ``\log_2 0.5`` (log_bases.py), in notes written here.

Every row with ``\log_2`` or ``\log_{10}`` was a parse error ("unexpected '_'"), so a
slip in an entropy in bits went unseen. Now ``\log_b x`` is ln x / ln b for a whole
number b (or e); a base that is a name stays unread.
"""
import math

import sympy as sp

from derive.check import check_text
from derive.check.latex import parse_statement

NOTES = r"""# Entropy of a biased coin, in bits

$H(q) = -q\log_2 q - (1-q)\log_2(1-q)$.

At $q = 0.5$: $H = -0.5\log_2 0.5 - 0.5\log_2 0.5 = 1$.

At $q = 0.1$: $H = -0.1\log_{2} 0.1 - 0.9 \log_2 0.9 \approx 0.469$.

$H'(q) = \log_2\frac{1-q}{q}$, and $\log_{10} 1000 = 3$.
"""


def _verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_rows_with_a_base_are_read_and_checked():
    got = _verdicts(NOTES)
    assert (5, "proved") in got and (7, "numeric") in got
    assert [v for line, v in got if line == 9] == ["proved", "proved"]
    assert not any(v == "skipped" for _, v in got)


def test_slips_are_wrong():
    assert (7, "wrong") in _verdicts(NOTES.replace("0.469", "0.569"))
    assert (9, "wrong") in _verdicts(NOTES.replace("\\log_2\\frac{1-q}{q}", "\\log_2\\frac{q}{1-q}"))
    assert (9, "wrong") in _verdicts(NOTES.replace("1000 = 3", "1000 = 2"))


def test_the_value_is_the_log_in_that_base():
    (piece,) = parse_statement(r"\log_2 8 + \log_{10}(100) + \log_e x").pieces
    value = piece.exprs[0].value
    x = next(iter(value.free_symbols))
    assert math.isclose(float(value.subs(x, math.e ** 2)), 3 + 2 + 2)
    assert sp.simplify(value - (5 + sp.log(x))) == 0


def test_a_base_that_is_a_name_is_not_read():
    got = check_text("$$\\log_a 8 = 3$$\n").verdicts
    assert [str(v.verdict) for v in got] == ["skipped"]
