r"""A time or sample index in square brackets, ``w[t + 1]``, ``x[n]``, ``v[0]``: an indexed name, not a product.
Notes written here.

Code-style and signal notes write the t-th value of a sequence as ``w[t]``. The
reader took ``w[t + 1]`` for w·(t + 1), so a momentum update and its starting
values were called wrong. Now ``name[index]`` (no space, an integer or an index
letter, maybe ± an integer) is the subscripted name, and the update is an
assignment, as ``v_{t+1} = …`` is. A number before a bracket, a bracket holding
anything else and ``E[X]`` keep their readings.
"""
from derive.check import check_text

MOMENTUM = r"""Momentum with the time in brackets: $v[t + 1] = \beta\,v[t] + (1 - \beta)\,d[t]$,
starting from $v[0] = 0$ and $d[0] = 3$, with $\beta = 0.8$.

Then $v[1] = 0.8 \cdot 0 + 0.2 \cdot 3 = 0.6$.

A running product: $p[k] = 2\,p[k-1]$ with $p[0] = 5$, so $p[2] = 20$.
"""


def _verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.latex) for v in check_text(notes).verdicts]


def test_a_bracketed_update_and_its_starting_values_are_not_called_wrong():
    got = _verdicts(MOMENTUM)
    assert not [g for g in got if g[1] == "wrong"], got
    assert (1, "definition", r"v[t + 1] = \beta\,v[t] + (1 - \beta)\,d[t]") in got
    assert (2, "definition", "d[0] = 3") in got
    assert (6, "definition", "p[k] = 2\\,p[k-1]") in got


def test_the_arithmetic_of_a_bracketed_value_is_still_checked():
    assert (4, "numeric", "v[1] = 0.6") in _verdicts(MOMENTUM)
    slipped = _verdicts(MOMENTUM.replace("= 0.6$", "= 0.7$"))
    assert (4, "wrong", "v[1] = 0.7") in slipped


def test_the_same_index_in_brackets_and_as_a_subscript_is_one_name():
    notes = "Given $u_3 = 4$, the value $u[3] + 1 = 5$ holds.\n\nAnd $u[3] + 1 = 6$ does not.\n"
    got = _verdicts(notes)
    assert (1, "proved", "u[3] + 1 = 5") in got
    assert (3, "wrong", "u[3] + 1 = 6") in got


def test_two_index_letters_are_skipped_with_a_reason():
    result = check_text(r"A filter: $y[n] = \sum_{k} c[k]\,x[n - k]$." + "\n")
    (verdict,) = [v for v in result.verdicts if v.line == 1]
    assert str(verdict.verdict) == "skipped" and "index of two letters" in verdict.reason


def test_near_misses_keep_their_readings():
    # a number before a bracket is a product, and so is a bracket of anything else
    got = _verdicts("$$Q(w) = 3[w - 1]^2, \\quad Q'(w) = 6[w - 1]$$\n\n$$s[1 - s] = s - s^2$$\n\n"
                    "$$x[x + 1] = x^2 + x$$\n\n$$a[t + 1] = a t + 2 a$$\n")
    assert (3, "proved", "s[1 - s] = s - s^2") in got
    assert (5, "proved", "x[x + 1] = x^2 + x") in got
    assert not [g for g in got if g[1] == "wrong"], got
    # an expectation is still refused as one
    (e,) = [v for v in check_text("$E[X] = 2$\n").verdicts]
    assert str(e.verdict) == "skipped" and "expectation" in e.reason
