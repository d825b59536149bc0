r"""``\Delta x`` is one name, the change of x (issue 9: a symbol read as a product of letters).

Notes written here. Read as Δ·x, a difference quotient Δy/Δx became y/x, and every row of
a derivative worked from its definition was called wrong. Rows in increments are now read;
an increment the notes never define (Δy beside a defined y) leaves the step skipped, never
wrong; a wrong step in increments is still wrong; a bare Δ stays a name of its own, and the
increments that cannot be written as one name in place are skipped with a reason.
"""
import pytest

from derive.check import check_text
from derive.check.increments import increments_read
from derive.check.latex_errors import LatexError

QUOTIENT = r"""The slope of $f(x) = 3x^2$ from its definition:

$$\frac{\Delta y}{\Delta x} = \frac{f(x + \Delta x) - f(x)}{\Delta x}$$

$$\frac{3(x + \Delta x)^2 - 3x^2}{\Delta x} = \frac{6x\Delta x + 3\Delta x^2}{\Delta x} = 6x + 3\Delta x$$

A step of gradient descent, with $\eta = 0.1$ and $g = 2$:

$$\Delta w = -\eta g = -0.1 \cdot 2 = -0.2$$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_a_difference_quotient_is_read_in_increments_and_never_called_wrong():
    found = verdicts(QUOTIENT)
    assert (3, "skipped") in found  # Δy is not defined: the two sides are in different names
    assert found.count((5, "proved")) == 2 and (9, "numeric") in found
    assert not [line for line, verdict in found if verdict == "wrong"]
    reason = [v.reason for v in check_text(QUOTIENT).verdicts if v.line == 3][0]
    assert "different names" in reason


@pytest.mark.parametrize("slip, line", [("= 6x + 3\\Delta x$$", 5), ("= -0.2$$", 9)])
def test_a_wrong_step_in_increments_is_still_wrong(slip, line):
    # without the Δy row: a row in names the other side lacks is kept as an equation, and the
    # rows soon after it count as steps in solving it (verdicts.py), which would hide the slip
    notes = QUOTIENT.replace(r"$$\frac{\Delta y}{\Delta x} = \frac{f(x + \Delta x) - f(x)}{\Delta x}$$", "")
    planted = notes.replace(slip, {"= 6x + 3\\Delta x$$": "= 6x + \\Delta x$$", "= -0.2$$": "= -0.3$$"}[slip])
    assert [l for l, verdict in verdicts(planted) if verdict == "wrong"] == [line]


def test_a_bare_delta_stays_a_name_of_its_own():
    notes = "$$\\Delta = 3^2 - 4 \\cdot 1 \\cdot 2 = 1$$\n"
    assert (1, "proved") in verdicts(notes) or (1, "numeric") in verdicts(notes)
    assert [verdict for _, verdict in verdicts(notes.replace("= 1$$", "= 2$$"))].count("wrong") == 1


@pytest.mark.parametrize("row", [r"$$\Delta w_1 = 2 w_1 - w_1 + w_1$$", r"$$\Delta\theta = 2\theta - \theta + \theta$$",
                                 r"$$\Delta xy = 2xy - xy + xy$$"])
def test_increments_that_cannot_be_one_name_in_place_are_skipped(row):
    """Read as products these rows would be wrong (Δ·w₁ ≠ 2w₁); they are not judged."""
    assert verdicts(row + "\n") == [(1, "skipped")]


@pytest.mark.parametrize("latex", [r"\frac{\Delta y}{\Delta x}", r"\Delta  x + \Delta{x}^2", r"\Delta \theta",
                                   r"\Delta{ \theta } - Δ x", r"\Delta = b^2 - 4ac", r"\Delta(x) + \Delta \cdot x"])
def test_the_rewrite_keeps_every_position(latex):
    """Columns in messages and the spans --fix rewrites are offsets in the notes' own text."""
    assert len(increments_read(latex)) == len(latex)


def test_the_rewrite_names_each_increment_and_leaves_other_deltas():
    assert increments_read(r"\frac{\Delta y}{\Delta x}") == r"\frac{\Delta_y}{\Delta_x}"
    assert increments_read(r"\Delta{x}^2").startswith(r"\Delta_x") and increments_read(r"\Delta \eta") == r"\Delta_\eta"
    for other in (r"\Delta = 1", r"\Delta(x)", r"\Delta \cdot x", r"\Delta + 1"):
        assert increments_read(other) == other
    for refused in (r"\Delta w_1", r"\Delta\theta", r"\Delta xy", "Δx"):
        with pytest.raises(LatexError):
            increments_read(refused)
