r"""``\frac12``: TeX's one-digit arguments without braces (issue 9, round 8: LaTeX rows).

Notes written here. TeX takes one token for each argument of ``\frac``, so
``\frac12`` is 1/2, as notes write it in a loss ``\frac12 (a - t)^2``; before, the
reader stopped at it ("unexpected '12'"), the loss was not defined, and its
derivative further on was skipped as the derivative of an undefined name.
"""
from derive.check import check_text
from derive.check.latex import parse_statement

import sympy as sp


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


NOTES = r"""# Half the squared error

$$C = \frac12 (a - t)^2$$

$$\frac{\partial C}{\partial a} = a - t, \quad \tfrac 3 4 \cdot 8 = 6$$
"""


def test_short_fractions_are_read():
    assert verdicts(NOTES) == [(3, "definition"), (5, "proved"), (5, "proved")]


def test_a_wrong_step_after_a_short_fraction_is_flagged():
    assert (5, "wrong") in verdicts(NOTES.replace("= a - t,", "= 2(a - t),"))
    assert (5, "wrong") in verdicts(NOTES.replace("= 6$$", "= 8$$"))


def test_only_one_digit_is_taken_for_each_argument():
    value = lambda latex: parse_statement(latex).pieces[0].exprs[0].value
    assert value(r"\frac123") == sp.Rational(3, 2)  # (1/2)·3, as TeX sets it
    assert value(r"\frac{12}{3}") == 4
    assert value(r"\frac{1}{2}") == sp.Rational(1, 2)
