"""Rows through a function the notes never define: the other links are still claims (issue 9).

``y_2 = G(0.4) = \\frac{1}{1 + e^{-0.4}} = 0.599`` with G never defined: the links with G are
skipped with the reason, and ``\\frac{1}{1 + e^{-0.4}} = 0.599`` is checked at the precision
printed. Notes written here, in their own numbers.
"""
from derive.check import check_text

WORKED = r"""Hidden unit:

$$
y_2 = G(0.4) = \frac{1}{1 + e^{-0.4}} = 0.5987
$$

Output unit:

$$
y_3 = G(0.9) = \frac{1}{1 + e^{-0.9}} = 0.7109
$$
"""


def found(notes: str) -> list[tuple[int, str, str, str]]:
    return [(v.line, str(v.verdict), v.latex, v.reason) for v in check_text(notes).verdicts]


def test_the_links_between_numbers_are_checked_and_those_with_the_function_skipped():
    rows = found(WORKED)
    assert [(line, verdict) for line, verdict, *_ in rows] == [(4, "skipped"), (4, "numeric"),
                                                                (10, "skipped"), (10, "numeric")]
    skipped = rows[0]
    assert skipped[2] == r"y_2 = G(0.4); G(0.4) = \frac{1}{1 + e^{-0.4}}"
    assert "G is a function the notes do not define" in skipped[3]
    assert rows[1][2] == r"\frac{1}{1 + e^{-0.4}} = 0.5987"


def test_a_wrong_number_after_the_function_is_wrong_with_the_value():
    planted = WORKED.replace("= 0.7109", "= 0.7019")
    wrong = [v for v in check_text(planted).verdicts if str(v.verdict) == "wrong"]
    assert [v.line for v in wrong] == [10]
    assert wrong[0].expected.startswith("0.7109") and wrong[0].counterexample is not None


def test_the_name_at_the_head_is_not_defined_by_a_row_through_an_unknown_function():
    notes = WORKED + "\n$$q = 2 y_2 = 1.1974$$\n"
    rows = found(notes)
    assert not [1 for _, verdict, latex, _ in rows if verdict == "definition" and latex.startswith("y_2")]
    assert not [1 for _, verdict, *_ in rows if verdict == "wrong"]


def test_a_row_where_every_link_touches_the_function_stays_skipped_whole():
    notes = r"$$y = G(0.5) + G(1.5) = 2 G(1)$$" + "\n"
    (row,) = found(notes)
    assert row[1] == "skipped" and "rule statement about G" in row[3]


def test_a_rule_statement_in_names_keeps_its_reason():
    notes = "$$h'(x) = G'(k(x)) k'(x)$$\n"
    (row,) = found(notes)
    assert row[1] == "skipped" and "rule statement" in row[3]


def test_a_row_that_ends_in_the_function_is_not_continued_across():
    notes = r"""$$
a = \frac{1}{1 + e^{-0.4}} = 0.5987 = G(0.4)
$$

$$
= 0.6
$$
"""
    rows = found(notes)
    assert (2, "numeric") in [(line, verdict) for line, verdict, *_ in rows]
    assert [verdict for line, verdict, *_ in rows if line == 6] == ["skipped"]


def test_a_row_that_ends_before_the_function_is_continued():
    notes = r"""$$
a = G(0.4) = \frac{1}{1 + e^{-0.4}}
$$

$$
= 0.5987
$$
"""
    rows = found(notes)
    assert (6, "numeric") in [(line, verdict) for line, verdict, *_ in rows]
    planted = notes.replace("= 0.5987", "= 0.5897")
    assert [line for line, verdict, *_ in found(planted) if verdict == "wrong"] == [6]
