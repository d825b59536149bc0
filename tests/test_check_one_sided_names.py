r"""A name on one side only that the checker cannot vouch for (notes written
here): an undefined function whose value the prose gave in words, and a run
of letters that is a product. Both were called wrong."""
from derive.check import check_text

NOTES = r"""Suppose the first model overshoots: $g_1(t) = u + 5$. A second model that outputs $-5$ there fixes it:

$$g_1(t) + g_2(t) = (u + 5) + (-5) = u$$

$$(y - wx)^2 = y^2 - 2wxy + w^2x^2$$

$$(y - wx)^2 = y^2 - 3wxy + w^2x^2$$

$$g_1(t) + 1 = u + 7$$
"""


def _at(line):
    return [(str(v.verdict), v.reason) for v in check_text(NOTES).verdicts if v.line == line]


def test_an_undefined_function_on_one_side_only_is_not_judged():
    got = _at(3)
    assert got and all(v == "skipped" and "g_2 appears on one side only" in why for v, why in got)


def test_letters_that_make_the_step_hold_as_a_product_are_read_so():
    assert _at(5) == [("proved", "equal reading wxy as w·x·y")]
    (verdict, why), = _at(7)
    assert verdict == "skipped" and "wxy (or w·x·y) is read as one name" in why


def test_a_defined_function_with_a_slip_is_still_wrong():
    assert [v for v, _ in _at(9)] == ["wrong"]
