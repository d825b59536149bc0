r"""A name e beside Euler's number (issue 9: trust). Notes written here.

``e = \hat{y} - y`` names an error, and ``L = e^2`` squares it; the reader parses ``e^2``
as the exponential before it knows the notes' names, so a true square was called wrong.
When the notes define e, a wrong step that reaches an exponential is skipped with the
reason; steps without one, and notes that never define e, are judged as before.
"""
from derive.check import check_text

ERROR = r"""Given $y = 1$ and $\hat{y} = 0.6$.

$e = \hat{y} - y = 0.6 - 1 = -0.4$

$L = e^2 = (-0.4)^2 = 0.16$

$q = 3 \cdot 0.5 = 1.6$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_the_square_of_a_name_e_is_never_called_wrong():
    found = verdicts(ERROR)
    assert (5, "wrong") not in found and (5, "skipped") in found and (5, "numeric") in found
    reason = [v.reason for v in check_text(ERROR).verdicts if v.line == 5 and str(v.verdict) == "skipped"][0]
    assert "define a name e" in reason


def test_a_slip_without_an_exponential_is_still_wrong_in_those_notes():
    assert [line for line, verdict in verdicts(ERROR) if verdict == "wrong"] == [7]


def test_without_a_name_e_the_exponential_is_judged():
    notes = "$$s = \\frac{1}{1 + e^{-0.5}} = 0.7$$\n"
    assert [verdict for _, verdict in verdicts(notes)].count("wrong") == 1
    assert [verdict for _, verdict in verdicts(notes.replace("= 0.7$$", "\\approx 0.6225$$"))].count("wrong") == 0
