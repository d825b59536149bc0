r"""``x_1 = \cdots = x_n = 0`` says that a list of names are all equal (notes
written here): it was read as the definitions x_n = 0 and x_1 = x_n, and a
later case ``x_1 = 1`` came out wrong "at the values given"."""
from derive.check import check_text

NOTES = r"""If every sample is zero,

$$v_1 = \cdots = v_n = 0$$

and if every sample is one, $v_1 = \dots = v_n = 1$.

$$f(x) = (x+1)^2 = \cdots = x^2 + 2x + 1$$
"""


def _at(line):
    return [(str(v.verdict), v.reason) for v in check_text(NOTES).verdicts if v.line == line]


def test_a_chain_of_indexed_names_through_dots_is_a_condition_not_definitions():
    for line, first in ((3, "v_1"), (5, "v_1")):
        (verdict, reason), = _at(line)
        assert verdict == "skipped" and f"{first} = ⋯ = v_n says that a list of names are all equal" in reason


def test_a_chain_whose_middle_is_left_out_still_claims_its_ends_equal():
    assert ("proved", ) == tuple(v for v, _ in _at(7) if v != "definition")
    slipped = NOTES.replace("x^2 + 2x + 1$$", "x^2 + x + 1$$")
    assert "wrong" in [str(v.verdict) for v in check_text(slipped).verdicts if v.line == 7]
