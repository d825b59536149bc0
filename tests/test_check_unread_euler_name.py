r"""A name e defined in a row the checker could not read is still the notes'
e, not Euler's number (notes written here): with ``e = (a+b)*b+1)`` unread,
``\frac{\partial e}{\partial b} = 1*2+1*3`` was "wrong, expected 0" (the
derivative of the constant 2.718…). And ``\\cr`` (a row end as Hugo pages
escape TeX's ``\cr``) ends a row: ``cr`` is no name."""
from derive.check import check_text

UNREAD = r"""Take $e = (a+b)*b+1)$ with $a = 2$ and $b = 1$.

$$\frac{\partial e}{\partial b} = 1*2+1*3$$

Euler's number is still itself where the notes give e no meaning: $\ln(e^{2}) = 2$.
"""

ROWS = "$$\n\\begin{aligned}\np &= a+b\n\\\\cr\nq &= p b\n\\end{aligned}\n$$\n\nWith $a = 2$, $b = 1$: $q + p = 6$.\n"


def _at(notes, line):
    return [(str(v.verdict), v.latex, v.reason) for v in check_text(notes).verdicts if v.line == line]


def test_a_derivative_of_an_unread_e_is_not_the_derivative_of_eulers_number():
    (verdict, _, reason), = _at(UNREAD, 3)
    assert verdict == "skipped" and reason.startswith("depends on ∂e/∂b")


def test_eulers_number_stays_itself_in_notes_that_never_define_e():
    notes = "Take $a = 2$ and $b = 1$.\n\n$$\\ln(e^{2}) = 2$$\n\n$$\\ln(e^{3}) = 2$$\n"
    assert [v for v, _, _ in _at(notes, 3)] == ["proved"]
    assert [v for v, _, _ in _at(notes, 5)] == ["wrong"]


def test_a_row_ended_by_backslashes_and_cr_is_read_without_the_cr():
    assert [(v, latex) for v, latex, _ in _at(ROWS, 5)] == [("definition", "q = p b")]
    assert [v for v, _, _ in _at(ROWS, 9) if v != "definition"] == ["proved"]  # a = 2, b = 1: definitions
    assert [v for v, _, _ in _at(ROWS.replace("q + p = 6", "q + p = 7"), 9) if v != "definition"] == ["wrong"]
