r"""One index free on one side and summed on the other (notes written here):
``\frac{\partial u_k}{\partial c} = \sum_k 2 c`` may mean the sum over k of
what the left side says, or be a slip; it was called wrong. Where the sides
differ such a step is skipped with the reason; sums over another letter and
steps whose sides agree keep their verdicts."""
from derive.check import check_text
from derive.check.free_summed import free_and_summed

import sympy as sp

NOTES = r"""Per-sample terms:

$$u_k = c^2 + v_k$$

$$\frac{\partial u_k}{\partial c} = \sum_{k=1}^{K} 2 c$$

$$\frac{\partial u_k}{\partial c} = 2 c$$

$$\frac{\partial u_k}{\partial c} = 3 c$$

$$\frac{\partial u_k}{\partial c} = \sum_{j=1}^{3} c$$
"""


def _verdicts(notes):
    return {v.line: (str(v.verdict), v.reason) for v in check_text(notes).verdicts}


def test_a_letter_free_on_one_side_and_summed_on_the_other_is_not_judged_wrong():
    got = _verdicts(NOTES)
    assert got[5][0] == "skipped" and "k is a free index on one side and summed over on the other" in got[5][1]
    assert got[7][0] == "proved"
    assert got[9][0] == "wrong"
    assert got[11][0] == "wrong"  # summed over j, not k: no clash


k = sp.Symbol("k", integer=True)
c = sp.Symbol("c")


def test_which_letters_clash():
    total = sp.Sum(2 * c, (k, 1, 3))
    assert free_and_summed(sp.Symbol("u_k"), total) == "k"
    assert free_and_summed(total, sp.Symbol("u_k")) == "k"
    assert free_and_summed(sp.Symbol("W_jk"), total) == "k"
    assert free_and_summed(sp.Symbol("u_j"), total) is None
    assert free_and_summed(sp.Symbol("y_hat"), sp.Sum(c, (sp.Symbol("t", integer=True), 1, 3))) is None
    both = sp.Symbol("u_k") + total  # summed and free on the same side: left alone
    assert free_and_summed(both, total) is None
