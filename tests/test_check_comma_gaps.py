"""A comma standing between two factors (``(p - r) , p(1 - p)``), in notes written here.

Markdown turns the thin space ``\\,`` into a plain comma, so a product arrives as
``B , C``. Read as written, the chain ended at B and ``A = B`` was called wrong.
Such a last link is skipped with the reason; a comma followed by another
equation, and the links before the comma, are read as before.
"""
from derive.check import check_text

NOTES = """One weight and a squared error:

$$p = \\sigma(s)$$

$$C = \\frac{1}{2}(p - r)^2$$

$$\\frac{\\partial C}{\\partial s} = (p - r) , p(1 - p)$$

$$\\frac{\\partial C}{\\partial p} = p - r, \\quad \\frac{\\partial p}{\\partial s} = p(1 + p)$$

$$\\frac{\\partial C}{\\partial p} = p + r = (p - r) , 1$$
"""


def rows(line: int) -> list[tuple[str, str]]:
    return [(str(v.verdict), v.reason) for v in check_text(NOTES).verdicts if v.line == line]


def test_a_comma_before_a_bare_factor_makes_the_last_link_uncertain():
    ((verdict, reason),) = rows(7)
    assert verdict == "skipped" and "thin space" in reason


def test_a_comma_between_two_equations_still_separates_them():
    assert [v for v, _ in rows(9)] == ["proved", "wrong"]


def test_the_links_before_the_comma_are_still_judged():
    verdicts = [v for v, _ in rows(11)]
    assert verdicts[0] == "wrong" and verdicts[1:] == ["skipped"]


def test_a_comma_set_with_spacing_is_read_as_before():
    spaced = "$$k = v + 2, \\quad v$$\n\n$$k - v = 3$$\n"
    assert [(v.line, str(v.verdict)) for v in check_text(spaced).verdicts] == [(1, "definition"), (3, "wrong")]
