r"""Plain-text rows whose head is a name at a value: ``f'(4.4) = 2*4.4 - 4 = 8.8 - 4 = 4.8`` (issue 9, recall).

Notes written here. In a code span or an untagged fence, a head like ``f'(4.4)``, ``h(1)`` or
``w(t+1)`` is refused (plain_math.py): read as a product it would be a false claim, and as
a call it may not be the function the notes define. The whole row was then unread, so a slip
in the arithmetic after the head (``8.8 - 4 = 4.6``) was never seen. The links after the head are
now read on their own, the head still is not: a head with only one expression after it stays
unread, and so does a line of code.
"""
import pytest

from derive.check import check_text

DESCENT = """Gradient descent on the parabola f(x) = x^2 - 4x + 3, with f'(x) = 2x - 4 and a step of 0.3:

1. `f'(5) = 2*5 - 4 = 10 - 4 = 6` (still positive)
2. `f'(3.2) = 2*3.2 - 4 = 6.4 - 4 = 2.4` (still positive)

```
h(1) = 3*(1) + 2 = 5
w(t+1) = 0.5 - 0.1*2 = 0.3
```
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def wrong_lines(notes: str) -> list[int]:
    return [line for line, verdict in verdicts(notes) if verdict == "wrong"]


def test_the_links_after_a_head_at_a_value_are_read():
    found = verdicts(DESCENT)
    assert wrong_lines(DESCENT) == []
    for line in (3, 4, 7, 8):
        assert any(l == line and v in ("proved", "numeric") for l, v in found), line


@pytest.mark.parametrize("slip, fixed, line", [
    ("6.4 - 4 = 2.4", "6.4 - 4 = 2.6", 4),    # the subtraction
    ("2*5 - 4 = 10 - 4", "2*5 - 4 = 12 - 4", 3),   # the product
    ("3*(1) + 2 = 5", "3*(1) + 2 = 6", 7),
    ("0.5 - 0.1*2 = 0.3", "0.5 - 0.1*2 = 0.4", 8),
])
def test_a_slip_after_a_head_at_a_value_is_wrong(slip, fixed, line):
    planted = DESCENT.replace(slip, fixed)
    assert planted != DESCENT
    assert set(wrong_lines(planted)) == {line}


@pytest.mark.parametrize("row", [
    "`f'(3.2) = 2.4`",                 # one expression after the head: nothing to link, the head is not read
    "`f'(3.2) == 2*3.2 - 4 == 2.5`",   # code (==), not math
    "`x(t+1)y = 2*3 = 7`",             # a head that is not one name at a value: the row stays unread
])
def test_rows_that_stay_unread(row):
    assert verdicts("Some values:\n\n" + row + "\n") == []
