r"""A two-index name inside a sum over one of its indices: ``\sum_j v_{kj}``
adds the entries of a row, not n copies of one name (notes written here).

The reader makes ``v_{kj}`` one name; a sum over j then added the same v_kj n
times, and the false ``\sum_j v_{kj} = n v_{kj}`` was proved. After expansion
such a name inside a sum over its index is read as the entry v[k, j], so that
claim is no longer proved (the sides are written in different names: skipped).
Steps that hold under either reading keep their verdicts.
"""
import pytest
from hypothesis import example, given, strategies as st

import sympy as sp

from derive.check import check_text
from derive.check.entry_sums import read_entries


def _verdicts(notes: str) -> dict:
    return {v.line: str(v.verdict) for v in check_text(notes).verdicts}


FALSE_TOTALS = r"""Row totals.

$$\sum_j v_{kj} = n v_{kj}$$

$$\sum_{j=1}^{n} v_{kj} = n v_{kj}$$

$$\sum_{i=1}^{m} w_{ij} x_i = m w_{ij} x_i$$
"""


def test_a_sum_of_entries_is_not_n_copies_of_one_name():
    got = _verdicts(FALSE_TOTALS)
    assert got == {3: "skipped", 5: "skipped", 7: "skipped"}


KEPT = r"""A unit sums its weighted inputs.

$$z_i = \sum_j w_{ij} x_j + b_i$$

$$\frac{\partial z_i}{\partial x_j} = w_{ij}$$

$$\frac{\partial z_i}{\partial b_i} = 1$$

$$\sum_j w_{ij} x_j = \sum_j x_j w_{ij}$$

$$\sum_j (v_{kj} + u_{kj}) = \sum_j v_{kj} + \sum_j u_{kj}$$

$$\sum_j (v_{kj} + u_{kj}) = \sum_j v_{kj} + 2 \sum_j u_{kj}$$

$$\sum_{j=1}^{n} 3 c = 3 n c$$
"""


def test_steps_that_hold_or_fail_under_either_reading_keep_their_verdicts():
    got = _verdicts(KEPT)
    assert got[3] == "definition"
    assert got[5] == got[7] == got[9] == got[11] == got[15] == "proved"
    assert got[13] == "wrong"


k, j = sp.Symbol("k", integer=True), sp.Symbol("j", integer=True)
n = sp.Symbol("n")


@given(st.sampled_from(["kj", "jk", "ij", "j1", "1j", "ijk", "jj"]))
@example("kj")
def test_a_name_carrying_the_index_becomes_that_entry(sub):
    total = sp.Sum(sp.Symbol(f"v_{sub}"), (j, 1, n))
    (read,) = read_entries(total).atoms(sp.Indexed)
    assert read.base.label.name == "v"
    assert [str(i) for i in read.indices] == list(sub)
    assert sum(1 for i in read.indices if i == j) == sub.count("j")


@pytest.mark.parametrize("name", ["v_k", "v_j", "v_ik", "v_kjil", "v_kJ", "v", "v_hat_k"])
def test_names_not_carrying_the_index_in_two_or_three_letters_are_left_alone(name):
    total = sp.Sum(sp.Symbol(name) * sp.Symbol("c"), (j, 1, n))
    assert read_entries(total) == total
