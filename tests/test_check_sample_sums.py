"""Sums over samples with vectors inside (issue 9 reach): ``\\sum_{i=1}^{m} (\\theta^T x^{(i)}
- y^{(i)}) x^{(i)}`` and its link to ``X^T(X\\theta - y)`` are judged at random small shapes
with a concrete number of samples (sample_sums.py, sample_sum_links.py,
sample_sum_values.py), where the matrix reader used to refuse every ``\\sum``. A slipped sum
is wrong with a counterexample; a link that is not plain (samples as columns of X, a sample
with a second index, a function applied to a sample, an undefined prediction under a
derivative) stays skipped with its reason. The notes here are our own."""
from derive.check import check_text

COST = "$$E(w) = \\frac{1}{2n}\\sum_{k=1}^{n} (w^T x^{(k)} - y^{(k)})^2$$\n\n"


def verdicts(notes: str) -> dict[int, object]:
    return {v.line: v for v in check_text(notes).verdicts}


def test_the_gradient_of_a_mean_cost_as_a_sum_and_as_a_matrix_product_is_numeric():
    notes = (COST + "$$\\nabla_w E = \\frac{1}{n}\\sum_{k=1}^{n} (w^T x^{(k)} - y^{(k)}) x^{(k)}$$\n\n"
             "$$\\nabla_w E = \\frac{1}{n} X^T (Xw - y)$$\n")
    got = verdicts(notes)
    assert str(got[1].verdict) == "definition"
    assert str(got[3].verdict) == "numeric", got[3]
    assert str(got[5].verdict) == "numeric", got[5]
    # the reason says the number of terms, each sample's shape and how A and b are made of them
    assert "sums of 3 terms" in got[5].reason
    assert "x^(k) 2×1" in got[5].reason and "y^(k) scalar" in got[5].reason
    assert "X's rows the x^(k)ᵀ" in got[5].reason and "y's entries the y^(k)" in got[5].reason


def test_subscripted_bold_samples_link_to_the_matrix_of_rows():
    got = verdicts("$$\\sum_{k} (\\hat p_k - q_k)\\mathbf{u}_k = U^T(\\hat{\\mathbf p} - \\mathbf q)$$\n\n"
                   "$$\\sum_{k=1}^{n} \\mathbf{u}_k \\mathbf{u}_k^T = U^T U$$\n")
    assert str(got[1].verdict) == "numeric", got[1]
    assert "u_k 2×1" in got[1].reason  # samples are shown as the notes write them
    assert "U's rows the u_kᵀ" in got[1].reason
    assert str(got[3].verdict) == "numeric", got[3]


def test_a_sum_over_features_is_an_inner_product():
    got = verdicts("$$\\sum_{j=1}^{d} c_j v_j = \\mathbf{c}^T \\mathbf{v}$$\n")
    assert str(got[1].verdict) == "numeric", got[1]


def test_a_gradient_with_the_mean_dropped_is_wrong_with_a_counterexample():
    got = verdicts(COST + "$$\\nabla_w E = \\sum_{k=1}^{n} (w^T x^{(k)} - y^{(k)}) x^{(k)}$$\n")
    v = got[3]
    assert str(v.verdict) == "wrong", v
    assert v.counterexample["point"]["terms"] == "3"
    assert v.counterexample["left"] != v.counterexample["right"]


def test_a_sign_slipped_in_the_matrix_form_is_wrong():
    got = verdicts("$$\\sum_{k} (\\hat p_k - q_k)\\mathbf{u}_k = U^T(\\hat{\\mathbf p} + \\mathbf q)$$\n")
    assert str(got[1].verdict) == "wrong", got[1]


def test_a_sum_over_features_off_by_one_is_wrong():
    got = verdicts("$$\\sum_{j=1}^{d} c_j v_j = \\mathbf{c}^T \\mathbf{v} + 1$$\n")
    assert str(got[1].verdict) == "wrong", got[1]


def test_samples_as_columns_of_the_matrix_are_not_judged():
    # U(p̂ - q) is right when U holds the samples as columns: which one the notes use is not known
    got = verdicts("$$\\sum_{k} (\\hat p_k - q_k)\\mathbf{u}_k = U(\\hat{\\mathbf p} - \\mathbf q)$$\n\n"
                   "$$\\sum_{k=1}^{n} \\mathbf{u}_k \\mathbf{u}_k^T = U U^T$$\n")
    for line in (1, 3):
        assert str(got[line].verdict) == "skipped", got[line]
        assert "as many samples as entries in a sample" in got[line].reason


def test_a_sample_with_a_second_index_is_not_read():
    got = verdicts(COST + "$$\\frac{\\partial E}{\\partial w} = \\frac{1}{n}\\sum_{k=1}^{n} "
                          "(w^T x^{(k)} - y^{(k)}) x_j^{(k)}$$\n")
    assert str(got[3].verdict) == "skipped", got[3]
    assert "x_j^(k) carries a sum's index with another one" in got[3].reason


def test_a_component_beside_its_vector_is_not_read():
    got = verdicts("$$\\frac{\\partial}{\\partial w_j} \\frac{1}{2}\\sum_{k=1}^{n} (w^T x^{(k)} - y^{(k)})^2"
                   " = \\sum_{k=1}^{n} (w^T x^{(k)} - y^{(k)}) w_j$$\n")
    assert str(got[1].verdict) == "skipped", got[1]
    assert "a component of a vector" in got[1].reason


def test_a_prediction_the_notes_leave_undefined_is_not_held_fixed():
    # p_k may be σ(wᵀx_k): its derivative by w is not 0, so the sum's derivative is not judged
    got = verdicts("$$F(w) = \\frac{1}{2}\\sum_{k} (p_k - y_k)^2 + w^Tw$$\n\n"
                   "$$\\nabla_w F = 2w$$\n")
    assert str(got[3].verdict) == "skipped", got[3]
    assert "may depend on w" in got[3].reason


def test_a_function_applied_to_a_sample_is_not_read_as_a_product():
    # g_w(x^(k)) read as g_w times x^(k) would lose its dependence on w: the row is not read
    got = verdicts("$$E(w) = \\frac{1}{2n}\\sum_{k=1}^{n} (g_w(x^{(k)}) - y^{(k)})^2$$\n\n"
                   "$$\\nabla_w E = \\frac{1}{n}\\sum_{k=1}^{n} (w^T x^{(k)} - y^{(k)}) x^{(k)}$$\n")
    assert str(got[3].verdict) == "skipped", got[3]
    assert "depends on E, which the notes define in a row read as scalars or not at all" in got[3].reason


def test_a_term_written_after_its_sum_is_not_guessed():
    # Σ_k u_k - v_k: is v_k inside the sum or not? not read
    got = verdicts("$$\\sum_{k} \\mathbf{u}_k - \\mathbf{v}_k = U^T \\mathbf{s}$$\n")
    assert str(got[1].verdict) == "skipped", got[1]
    assert "v_k is used outside its sum over k" in got[1].reason


def test_an_index_outside_its_sum_beside_the_sum_is_not_guessed():
    got = verdicts("$$\\sum_{k} q_k \\mathbf{u}_k + q_j \\mathbf{u}_j = U^T \\mathbf{q}$$\n")
    assert str(got[1].verdict) == "skipped", got[1]
    assert "outside a sum" in got[1].reason


def test_limits_that_are_not_plain_are_not_read():
    # from 1 to n the sum is read (and holds); from 0, or all k but j, it is not read
    got = verdicts("$$\\sum_{k=1}^{n} q_k \\mathbf{u}_k = U^T \\mathbf{q}$$\n\n"
                   "$$\\sum_{k=0}^{n} q_k \\mathbf{u}_k = U^T \\mathbf{q}$$\n\n"
                   "$$\\sum_{k \\neq j} q_k \\mathbf{u}_k = U^T \\mathbf{q}$$\n")
    assert str(got[1].verdict) == "numeric", got[1]
    for line in (3, 5):
        assert str(got[line].verdict) == "skipped", got[line]
