r"""The letter d as a name beside derivatives written with d (issue 9: a false alarm of a
never-read note, fresh8).

Notes written here. A computation graph names its nodes with letters, one of them d
(``d = a + b``, ``y = d c``), and backprop then writes ``\frac{dy}{dd}`` and ``\frac{dd}{da}``.
Read letter by letter, ``\frac{dy}{dd}`` was y/d and ``\frac{dd}{da}`` was d/a: their product
cancelled to y/a and the chain-rule row was called wrong. A d left in a fraction that is not a
derivative is refused now, before anything can cancel it; ordinary derivatives, and d as the
limit of a sum, are read as before.
"""
from derive.check import check_text

GRAPH = r"""A graph with nodes a, b, c and d:

$y = (a + b) c$

$$\begin{aligned}
\frac{dy}{dd} &= c \\
\frac{dy}{da} &= \frac{dy}{dd} \cdot \frac{dd}{da} = c \cdot 1 = c \\
\frac{dy}{db} &= \frac{dy}{dd} \cdot \frac{dd}{db} = c
\end{aligned}$$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_backprop_through_a_node_named_d_is_skipped_never_wrong():
    found = verdicts(GRAPH)
    assert [line for line, verdict in found if verdict == "skipped"] == [6, 7, 8]
    assert not [line for line, verdict in found if verdict == "wrong"]
    reasons = [v.reason for v in check_text(GRAPH).verdicts if v.line == 7]
    assert "the letter d as a name" in reasons[0]


def test_a_derivative_fraction_that_is_wrong_is_still_wrong():
    notes = "$$\\frac{d}{dx} x^3 = 3x$$\n\n$$\\frac{dy}{dx} = 2x$$ where $y = x^2$.\n"
    found = verdicts(notes)
    assert (1, "wrong") in found


def test_a_sum_up_to_d_and_a_derivative_by_w_are_read():
    notes = ("$$f(w) = \\sum_{j=1}^{d} w x_j$$\n\n"
             "$$\\frac{df}{dw} = \\sum_{j=1}^{d} x_j$$\n")
    found = verdicts(notes)
    assert (3, "proved") in found
