r"""Math as site generators and word processors leave it (notes written here):
``&#43;`` for +, a typographic apostrophe as a prime (``f’(x)``), MathJax's
``\space``, size commands (``\Large``) and the end-of-proof mark. Each made
its row unreadable; they are now read as the page shows them."""
import pytest

from verdict_lines import verdicts_by_line
from derive.check.markdown_escapes import escapes_read

NOTES = r"""Site-escaped math.

$$y = 1 &#43; 2 = 3$$

$$f(x) = x^3, \quad f’(x) = 3x^2 \space.$$

$$a = 2 &#x2B; 2 = 5 \blacksquare$$

$$\Large b = 1 + 1 = 2$$

$$c = 4 &minus; 1 = 3$$
"""


@pytest.mark.parametrize("line, verdicts", [
    (3, ["definition", "proved"]),  # &#43;
    (5, ["definition", "proved"]),  # f’(x) and \space
    (7, ["definition", "wrong"]),  # &#x2B; and \blacksquare
    (9, ["definition", "proved"]),  # \Large
    (11, ["definition", "proved"]),  # &minus;
])
def test_escaped_math_is_read_as_the_page_shows_it(line, verdicts):
    assert verdicts_by_line(NOTES)[line] == verdicts


@pytest.mark.parametrize("body, read", [
    ("1 &#43; 2", "1 +     2"),
    ("1 &#x2B; 2", "1 +      2"),
    ("a &lt; b", "a <    b"),
    ("f’(x)", "f'(x)"),
])
def test_entities_become_the_character_and_keep_the_length(body, read):
    assert escapes_read(body) == read
    assert len(escapes_read(body)) == len(body)


@pytest.mark.parametrize("body", ["a &#9731; b", "a &nbsp; b", "a & b", "&#12345678;"])
def test_other_entities_and_bare_ampersands_are_left_alone(body):
    assert escapes_read(body) == body
