r"""A claim the prose makes for a name in a set of values (notes written here):
"For $y \in \{0, 1\}$, $y^2 = y$" was judged for every y and called wrong. It
is checked at each value the notes name."""
from derive.check import check_text

NOTES = r"""For $y \in \{0, 1\}$, $y^2 = y$.

Since $y \in \{-1, 1\}$, $\frac{1}{y} = y$.

For $y \in \{0, 1\}$, $y^3 = 2y$.

Always $y^2 = y$.
"""


def _at(line):
    return [(str(v.verdict), v.reason) for v in check_text(NOTES).verdicts if v.line == line
            and "\\in" not in v.latex]


def test_a_claim_that_holds_at_each_value_named_is_numeric():
    for line, values in ((1, r"\{0, 1\}"), (3, r"\{-1, 1\}")):
        (verdict, why), = _at(line)
        assert verdict == "numeric" and f"equal at each value of y \\in {values}" in why


def test_a_claim_false_at_a_value_named_or_without_a_set_is_wrong():
    assert [v for v, _ in _at(5)] == ["wrong"]
    assert [v for v, _ in _at(7)] == ["wrong"]
