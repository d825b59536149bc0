r"""A derivative by a two-index name whose index the sum in the definition also sums over:
``a_k = \sum_j v_{kj} h_j + c_k``, then ``\frac{\partial a_k}{\partial v_{kj}} = h_j`` (notes written here).

The writer means the one term of the sum with that j. Read with v_kj the same
name in every term of the sum, the derivative was the whole sum of h_j and the
true step was called wrong. The reading is not settled (j bound in the sum,
free in the derivative): the step is proved when it holds with the sum read as
its one term with that j, and otherwise skipped with that reason, never wrong.
Where the reading is certain (a one-index name, or a sum over another letter)
a slip is still wrong.
"""
from derive.check import check_text

LAYER = r"""A unit sums its inputs:

$$a_k = \sum_j v_{kj} h_j + c_k$$

so

$$\frac{\partial a_k}{\partial v_{kj}} = h_j$$

and the same in the other order of indices:

$$u_r = \sum_{s}(g_{s} q_{sr}) + b_r$$

$$\frac{\partial u_r}{\partial q_{sr}} = g_{s}$$

and written out in one row: $\frac{\partial}{\partial v_{kj}} \sum_j v_{kj} h_j = h_j$.
"""

REASON = "which term of the sum is meant is not settled"


def _by_line(notes: str) -> dict:
    return {v.line: (str(v.verdict), v.reason) for v in check_text(notes).verdicts}


def test_a_derivative_by_a_name_carrying_the_summed_index_is_read_as_its_one_term():
    got = _by_line(LAYER)
    for line, letter, name in ((7, "j", "v_kj"), (13, "s", "q_sr"), (15, "j", "v_kj")):
        verdict, reason = got[line]
        assert verdict == "proved", (line, got[line])
        assert f"the sum over {letter} read as its one term" in reason and name in reason, reason


def test_a_slip_there_is_skipped_not_wrong():
    """Read as the one term the sides differ, but that reading is not certain: no verdict either way.
    The whole sum (the other reading) is not proved either."""
    for right in (r"h_j^2", r"\sum_j h_j", r"h_k"):
        got = _by_line(LAYER.replace(r"\partial v_{kj}} = h_j$$", r"\partial v_{kj}} = " + right + "$$"))
        assert got[7][0] == "skipped" and REASON in got[7][1], (right, got[7])
        assert got[7][1].startswith("j is summed over") and "v_kj" in got[7][1]


def test_another_entry_of_the_same_matrix_carrying_the_summed_index_is_not_read():
    """Σ_j v_kj v_jk h_j: which entries coincide as j runs is not written; skipped, never proved or wrong.
    An entry without the summed index (v_km) is a name of its own there, as everywhere: proved."""
    notes = "$$r_k = \\sum_j v_{kj} v_{jk} h_j$$\n\n$$\\frac{\\partial r_k}{\\partial v_{kj}} = v_{jk} h_j$$\n"
    got = _by_line(notes)
    assert got[3][0] == "skipped" and REASON in got[3][1], got[3]
    got = _by_line(notes.replace("v_{jk}", "v_{km}"))
    assert got[3][0] == "proved", got[3]


def test_a_one_index_name_is_still_read_term_by_term():
    notes = r"""$$s = \sum_j v_j h_j$$

$$\frac{\partial s}{\partial v_j} = h_j$$

$$\frac{\partial s}{\partial v_m} = h_m$$

$$\frac{\partial s}{\partial v_m} = h_m^2$$
"""
    got = _by_line(notes)
    assert got[3][0] == "proved" and got[5][0] == "proved"
    assert got[7][0] == "wrong"


def test_a_sum_over_another_letter_keeps_its_reading():
    """In Σ_m v_kj h_m the name v_kj is truly the same in every term: ∂/∂v_kj is the whole sum."""
    notes = r"""$$p_k = \sum_{m=1}^{3} v_{kj} h_m$$

$$\frac{\partial p_k}{\partial v_{kj}} = \sum_{m=1}^{3} h_m$$

$$\frac{\partial p_k}{\partial v_{kj}} = h_m$$
"""
    got = _by_line(notes)
    assert got[3][0] == "proved", got[3]
    assert got[5][0] != "proved" and REASON not in got[5][1], got[5]


def test_a_three_letter_subscript_is_a_name_not_two_indices():
    """y_{hat} over a sum on t: 'hat' holds a t but is one word, not indices; the step is still judged."""
    notes = r"""$$L = \sum_{t=1}^{3} (x_t - y_{hat})^2$$

$$\frac{\partial L}{\partial y_{hat}} = -2 \sum_{t=1}^{3} (x_t - y_{hat})$$

$$\frac{\partial L}{\partial y_{hat}} = 2 \sum_{t=1}^{3} (x_t - y_{hat})$$
"""
    got = _by_line(notes)
    assert got[3][0] == "proved", got[3]
    assert got[5][0] == "wrong", got[5]
