"""A function defined again on a row that applies it (``f(x) = (2x - 1)^4 = f(g(x))`` after ``f(u) = u^4``),
in notes written here.

The f on the right was read with the row's new definition and the row was called
wrong, while the author meant the earlier f (the outer function). Those links are
skipped with the reason; a function defined once, or a redefinition whose row does
not apply it, is judged as before.
"""
from derive.check import check_text

NOTES = """The parts:

$$g(x) = 2x - 1$$

$$f(u) = u^4$$

Put together:

$$f(x) = (2x - 1)^4 = f(g(x))$$

$$f(x) = (2x - 1)^4 = (1 - 2x)^4$$
"""

ONCE = """An even function:

$$f(x) = x^2 + 1 = f(-x)$$
"""


def rows(notes: str, line: int) -> list[tuple[str, str]]:
    return [(str(v.verdict), v.reason) for v in check_text(notes).verdicts if v.line == line]


def test_a_redefined_function_applied_on_its_own_row_is_not_judged():
    ((verdict, reason),) = [r for r in rows(NOTES, 9) if r[0] != "definition"]
    assert verdict == "skipped" and "defined again on this row" in reason


def test_a_redefinition_that_does_not_apply_it_is_still_judged():
    assert [v for v, _ in rows(NOTES, 11) if v != "definition"] == ["proved"]
    wrong = NOTES.replace("= (1 - 2x)^4$$", "= (1 + 2x)^4$$")
    assert [v for v, _ in rows(wrong, 11) if v != "definition"] == ["wrong"]


def test_a_function_defined_once_is_applied_on_its_row():
    assert [v for v, _ in rows(ONCE, 3) if v != "definition"] == ["proved"]
