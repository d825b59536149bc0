r"""An entry picked with round brackets inside a sum, ``\sum_k e^{s_j(k)}``
(notes written here): the reader keeps only the name of ``s_j(k)``, so the sum
added one constant term and true softmax derivatives were called wrong. Such
a row is now skipped with the reason; a named function applied to a letter
that no sum binds (``J(w)``, ``h_\theta(x)``) is read as before."""
from derive.check import check_text

SOFTMAX = r"""Scores and probabilities:

$$p_j = \frac{e^{s_j(c)}}{\sum_{k=1}^{K} e^{s_j(k)}}$$

$$\frac{\partial p_j}{\partial s_j(c)} = p_j (1 - p_j)$$

$$\frac{\partial p_j}{\partial s_j(c)} = \frac{e^{s_j(c)} \sum_{k=1}^{K} e^{s_j(k)} - e^{2 s_j(c)}}{\left(\sum_{k=1}^{K} e^{s_j(k)}\right)^2}$$
"""


def _verdicts(notes):
    return {v.line: (str(v.verdict), v.reason) for v in check_text(notes).verdicts}


def test_an_entry_in_round_brackets_inside_a_sum_is_not_read():
    got = _verdicts(SOFTMAX)
    assert got[3][0] == "skipped" and "s_j(k) inside a sum over k" in got[3][1]
    assert got[5][0] == got[7][0] == "skipped"
    assert all(verdict != "wrong" for verdict, _ in got.values())


KEPT = r"""A loss of two parameters:

$$J(w, b) = (w + b - 3)^2$$

$$\frac{\partial J}{\partial w} = 2(w + b - 3)$$

$$\frac{\partial J}{\partial b} = 3(w + b - 3)$$

$$h_\theta(x) = \theta x$$

$$\sum_{i=1}^{n} h_\theta(x) = n \theta x$$
"""


def test_functions_applied_to_letters_no_sum_binds_keep_their_reading():
    got = _verdicts(KEPT)
    assert got[3][0] == "definition" and got[5][0] == "proved"
    assert got[7][0] == "wrong"
    assert got[11][0] == "proved"
