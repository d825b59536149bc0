r"""Words in ``\text{…}`` between two equations, in any language (notes written
here): blanked, they joined the sides next to them into one product, and
``E(u) \text{ et } V(u) = 1`` was read as E·V = 1."""
from derive.check import check_text

NOTES = r"""Let $a = 2$.

$$u = a + 1 \text{ et } v = a - 1$$

$$u + v = 4$$

$$u = 3 \text{ pour } a = 2$$

$$u = 3 \text{이므로 } v = 1$$

$$L = \text{MSE} = 4$$
"""


def _at(notes, line):
    return [(str(v.verdict), v.latex, v.reason) for v in check_text(notes).verdicts if v.line == line]


def test_and_in_another_language_separates_two_definitions():
    assert [(v, latex) for v, latex, _ in _at(NOTES, 3)] == [("definition", "u = a + 1"), ("definition", "v = a - 1")]
    assert _at(NOTES, 5)[0][0] == "proved"
    assert _at(NOTES.replace("u + v = 4", "u + v = 5"), 5)[0][0] == "wrong"


def test_other_words_between_two_equations_leave_the_row_unread_with_the_reason():
    for line, words in ((7, r"\text{ pour }"), (9, r"\text{이므로 }")):
        (verdict, _, reason), = _at(NOTES, line)
        assert verdict == "skipped" and f"words between two relations ({words})" in reason


def test_a_name_in_text_and_a_word_beside_one_equation_are_read_as_before():
    assert {v for v, _, _ in _at(NOTES, 11)} == {"definition"}
    notes = "Let $a = 2$.\n\n$$a + 1 = 3 \\text{ ici}$$\n"
    assert _at(notes, 3)[0][0] == "proved"
