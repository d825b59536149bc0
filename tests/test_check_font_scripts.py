r"""A script inside a calligraphic letter's braces (issue 9, round 8: LaTeX rows).

Notes written here. ``\mathcal{E^{(k)}}`` is set by TeX as ``\mathcal{E}^{(k)}``;
before, the reader stopped at the ``^`` ("unexpected '\'"), so the definition
of the loss of one example and every row built on it were skipped.
"""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


NOTES = r"""# One example's loss

$$\mathcal{E^{(k)}} = (a u_k - v_k)^2$$

$$\frac{\partial \mathcal{E^{(k)}}}{\partial a} = 2 (a u_k - v_k) u_k$$

$$\mathcal{E_{k}}^2 = \mathcal{E}_k \cdot \mathcal{E}_k$$
"""


def test_a_script_inside_mathcal_belongs_to_the_letter():
    assert verdicts(NOTES) == [(3, "definition"), (5, "proved"), (7, "proved")]


def test_a_wrong_derivative_of_it_is_flagged():
    assert (5, "wrong") in verdicts(NOTES.replace("= 2 (a u_k - v_k) u_k", "= 2 (a u_k - v_k)"))


def test_bold_with_a_script_inside_is_left_as_it_was():
    from derive.check.font_scripts import font_scripts_read
    assert font_scripts_read(r"\mathbf{x_i} + \mathcal{L}") == r"\mathbf{x_i} + \mathcal{L}"
    assert font_scripts_read(r"\mathcal{L^{(i)}}") == r"\mathcal{L}^{(i)}"
