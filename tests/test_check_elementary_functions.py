r"""Tables of derivatives: ``\tan``, ``arcsin(x)``, ``tg(x)``, ``\cos^2 x`` and ``(x^n)'``
(issue 9, reach; derive/check/elementary_functions.py, primed_brackets.py).

Notes written here. The trigonometric, inverse and hyperbolic functions beyond sin and cos
were read as products of letters, and a prime on a bracket of x and a constant was refused;
every row of such a table was skipped. Now they are read; a wrong row is wrong; ``\sin^{-1}``,
the Russian hyperbolic ``ch(x)`` and brackets of two variables stay skipped.
"""
import pytest

from derive.check import check_text

TABLE = r"""A table of derivatives, each by x.

1. $(\tan x)' = \frac{1}{\cos^2 x}$
2. $\frac{d}{dx} \arcsin x = \frac{1}{\sqrt{1 - x^2}}$
3. $(tg(x))' = \frac{1}{cos^2(x)}$
4. $(arctg(x))' = \frac{1}{1 + x^2}$
5. $\frac{d}{dx}\cosh x = \sinh x$
6. $(x^n)' = n x^{n-1}$
7. $(b^x)' = b^x \ln b$
8. $\frac{d}{dx} \sin^2 x = 2 \sin x \cos x$
9. $\tan(0.25) \approx 0.2553$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_every_row_of_the_table_gets_a_verdict():
    found = dict(verdicts(TABLE))
    assert {line: found.get(line) for line in range(3, 12)} == {
        3: "proved", 4: "proved", 5: "proved", 6: "proved", 7: "proved", 8: "proved", 9: "proved", 10: "proved",
        11: "numeric"}


@pytest.mark.parametrize("slip, fixed, line", [
    (r"\frac{1}{\cos^2 x}$", r"\frac{1}{\sin^2 x}$", 3),
    (r"\frac{1}{1 + x^2}$", r"\frac{1}{1 - x^2}$", 6),
    ("= n x^{n-1}$", "= n x^{n+1}$", 8),
    (r"= b^x \ln b$", r"= x b^{x-1}$", 9),
    ("0.2553$", "0.2453$", 11),
])
def test_a_wrong_row_is_wrong(slip, fixed, line):
    assert [l for l, verdict in verdicts(TABLE.replace(slip, fixed)) if verdict == "wrong"] == [line]


@pytest.mark.parametrize("row", [
    r"$\sin^{-1} x = \frac{1}{\sin x}$",   # the inverse function or 1/sin x?
    r"$(ch(x))' = sh(x) + 1$",             # c·h(x) with h a function, or cosh? not read as cosh
    r"$(x t)' = t$",                       # by x or by t?
    r"$(c)' = 1$",                         # a bare name: by which variable?
    r"$(w x)' = x$",                       # w is a weight, not a constant letter
])
def test_near_misses_stay_skipped(row):
    assert [verdict for _, verdict in verdicts(row + "\n")] == ["skipped"]


@pytest.mark.parametrize("row", [r"$\ln 2x = \ln 2 + \ln x$", r"$\sin 2\theta = 2 \sin\theta \cos\theta$"])
def test_a_function_of_a_number_then_a_name_without_a_bracket_is_not_read(row):
    """TeX readers mean ln(2x); the grammar took ln(2)·x and called the true row wrong."""
    assert [verdict for _, verdict in verdicts(row + "\n")] == ["skipped"]


def test_a_function_of_a_number_alone_is_still_read():
    assert verdicts("$\\sin 0.5 \\approx 0.4794$ and $\\ln 2 = 0.6931$\n") == [(1, "numeric"), (1, "numeric")]
