r"""``\phi(z) = z = \sum_j w_j x_j`` (function_rows.py), in notes written here.

The row defines φ as the identity and, in the same breath, says what its
argument z stands for. The link φ(z) = Σ_j w_j x_j was judged with z free and
called wrong. A chain whose middle is the function's own argument is now
skipped after its definition, with that reason; other chains are judged as before.
"""
import pytest

from derive.check import check_text


def _verdicts(notes: str) -> list[tuple[str, str]]:
    return [(str(v.verdict), v.reason) for v in check_text(notes).verdicts]


@pytest.mark.parametrize("row, name", [("\\phi(z) = z = \\sum_{j=0}^{m} w_j x_j", "φ"), ("g(u) = u = a + b", "g")])
def test_a_chain_through_the_functions_own_argument_says_what_the_argument_is(row, name):
    (first, _), (second, why) = _verdicts(f"$${row}$$\n")
    assert (first, second) == ("definition", "skipped")
    assert f"the argument of {name}" in why


@pytest.mark.parametrize("row, verdict", [("f(x) = x^2 = x \\cdot x", "proved"), ("k(x) = x^2 = 2x", "wrong"),
                                          ("q(x) = x + 1 = x + 2", "wrong")])
def test_a_chain_through_any_other_middle_is_still_judged(row, verdict):
    assert [v for v, _ in _verdicts(f"$${row}$$\n")] == ["definition", verdict]
