r"""An expectation with round brackets, ``E(X)`` (expectations.py), in notes written here.

``E(X) = 0.5`` was read as the name E given 0.5; ``E(Y) = 3.5`` gave it another value,
and ``E(X) + E(Y) = 4`` (true) became 2·3.5 = 7 and was called wrong. A row with E before
a round bracket that starts with a capital letter is now refused as an expectation,
as ``E[X]`` is, unless E is a function the notes define of that letter; the links
between the row's numbers are still checked. ``E(w) = (w - 2)^2`` (a function),
``E(3)``, ``E'(w)`` and an error ``E(W)`` keep their readings.
"""
from derive.check import check_text
from derive.check.letter_functions import letter_calls

NOTES = r"""# Sums of expectations

A coin $X$ (0 or 1) and a die $Y$: $E(X) = 0.5$ and $E(Y) = 3.5$, so $E(X) + E(Y) = 4$.

$$\mathrm{Var}(Y) = E(Y^2) - E(Y)^2 = \frac{91}{6} - \frac{49}{4} = \frac{35}{12}$$

The loss $E(w) = (w - 2)^2$ has $E'(w) = 2(w - 2)$ and $E(3) = 1$.
"""


def _verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, v.latex, str(v.verdict)) for v in check_text(notes).verdicts]


def test_an_expectation_in_round_brackets_is_refused_not_wrong():
    got = _verdicts(NOTES)
    assert [g for g in got if g[0] == 3] == [(3, "E(X) = 0.5", "skipped"), (3, "E(Y) = 3.5", "skipped"),
                                             (3, "E(X) + E(Y) = 4", "skipped")]
    assert not any(verdict == "wrong" for _, _, verdict in got)
    (row,) = [v for v in check_text(NOTES).verdicts if v.latex.startswith("E(X) + E(Y)")]
    assert "expectation" in row.reason


def test_the_links_between_its_numbers_are_still_checked():
    assert (5, "\\frac{91}{6} - \\frac{49}{4} = \\frac{35}{12}", "proved") in _verdicts(NOTES)
    slip = _verdicts(NOTES.replace("{35}{12}", "{37}{12}"))
    assert (5, "\\frac{91}{6} - \\frac{49}{4} = \\frac{37}{12}", "wrong") in slip


def test_a_function_e_keeps_its_reading():
    got = _verdicts(NOTES)
    assert (7, "E'(w) = 2(w - 2)", "proved") in got and (7, "E(3) = 1", "proved") in got
    assert (7, "E(3) = 2", "wrong") in _verdicts(NOTES.replace("E(3) = 1", "E(3) = 2"))


def test_an_error_of_the_weights_or_of_a_defined_letter_is_not_an_expectation():
    notes = "$$E(W) = \\frac{1}{2}(t - o)^2$$\n\n$$E(Y) = (Y - 1)^2, \\quad E'(Y) = 2(Y - 1)$$\n"
    got = _verdicts(notes)
    assert not any("expectation" in v.reason for v in check_text(notes).verdicts)
    assert (3, "E'(Y) = 2(Y - 1)", "proved") in got
    assert letter_calls(["E(Y) = (Y - 1)^2"]).e_params == frozenset({"Y"})
