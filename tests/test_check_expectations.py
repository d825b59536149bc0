r"""An expectation written with square brackets, ``E[X]``: refused, not read as E times X.
Notes written here.

``\mathrm{Var}(X) = E[X^2] - E[X]^2`` was read as E·X² − E·X² = 0, and a true
variance of a die was called wrong (found by notes written here). Such a row's
head is now refused with the reason, and the links between its numbers are
still checked, so a slip in the arithmetic is still wrong. An error named E and
a function E(w) keep their readings.
"""
from derive.check import check_text

DIE = r"""A four-sided die: $E[X] = \frac{1+2+3+4}{4} = 2.5$ and $E[X^2] = \frac{30}{4} = 7.5$.

$$\mathrm{Var}(X) = E[X^2] - E[X]^2 = 7.5 - 6.25 = 1.25$$

$$\operatorname{Var}(X) = \mathbb{E}\left[X^2\right] - \mathbf{E}_{X}[X]^2 = 1.25$$
"""


def _verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.latex) for v in check_text(notes).verdicts]


def test_a_true_variance_is_not_called_wrong_and_says_why_it_is_skipped():
    got = _verdicts(DIE)
    assert not [g for g in got if g[1] == "wrong"]
    reasons = [v.reason for v in check_text(DIE).verdicts if v.line == 3 and str(v.verdict) == "skipped"]
    assert reasons and all("expectation" in r for r in reasons)


def test_the_arithmetic_beside_an_expectation_is_still_checked():
    assert (3, "numeric", "7.5 - 6.25 = 1.25") in _verdicts(DIE)
    slipped = _verdicts(DIE.replace("= 1.25$$\n\n$$\\operatorname", "= 1.5$$\n\n$$\\operatorname"))
    assert (3, "wrong", "7.5 - 6.25 = 1.5") in slipped


def test_an_error_named_e_and_a_function_e_keep_their_readings():
    notes = ("$$E = \\frac{1}{2}(y - w x)^2$$\n\n$$\\frac{\\partial E}{\\partial w} = -(y - w x) x$$\n\n"
             "$$\\frac{\\partial E}{\\partial w} = (y - w x) x$$\n\n$$Q(w) = [w - 1]^2, \\quad Q'(w) = 2[w - 1]$$\n")
    got = _verdicts(notes)
    assert (3, "proved", "\\frac{\\partial E}{\\partial w} = -(y - w x) x") in got
    assert (5, "wrong", "\\frac{\\partial E}{\\partial w} = (y - w x) x") in got
    assert (7, "proved", "Q'(w) = 2[w - 1]") in got
