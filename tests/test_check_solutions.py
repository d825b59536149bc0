r"""A closed-form solution stated before the derivation (issue 9, round 8: LaTeX rows).

Notes written here. Once the rows of a system are read (``\left. \begin{matrix}
c = … \end{matrix} \right\}``), least-squares notes define the parameter by its
closed form before differentiating by it; put in for c, that formula makes
every gradient formula 0, so a wrong derivative came out "numeric". A
definition of a differentiation variable by a sum over the data is not the
variable's value in the steps; a sum-defined step of the chain rule is.
"""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


NOTES = r"""# The slope through the origin

The result first: $$c = \frac{\sum_{k=1}^{m} u_k v_k}{\sum_{k=1}^{m} u_k^2}$$

$$E = \sum_{k=1}^{m} (v_k - c u_k)^2$$

$$\frac{\partial E}{\partial c} = -2 \sum_{k=1}^{m} (v_k - c u_k) u_k$$
"""


def real(got: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(line, "checked" if verdict in ("proved", "numeric") else verdict) for line, verdict in got]


def test_the_derivative_is_taken_with_the_parameter_free():
    assert real(verdicts(NOTES)) == [(3, "definition"), (5, "definition"), (7, "checked")]


def test_a_wrong_sign_is_flagged_not_passed_as_zero_equals_zero():
    assert (7, "wrong") in verdicts(NOTES.replace("= -2 \\sum", "= 2 \\sum"))


def test_a_step_of_the_chain_rule_defined_by_a_sum_is_still_put_in():
    notes = r"""$$s = \sum_{k=1}^{m} w_k u_k, \quad L = (s - t)^2$$

$$\frac{\partial L}{\partial s} = 2(s - t), \quad \frac{\partial L}{\partial w_j} = 2(s - t) u_j$$
"""
    assert real(verdicts(notes)) == [(1, "definition"), (1, "definition"), (3, "checked"), (3, "checked")]
