r"""A bold number is emphasis (issue 9, reading): ``= \mathbf{4.5}`` is the number 4.5.

Worked examples print the result of each step in bold. The notes here are
written for these tests; the near misses (``\mathbf{0}``, ``\mathbf{1}_n``, a
bold digit next to a digit, bold names used as vectors) must stay as they were.
"""
import pytest

from derive.check import check_text
from derive.check.latex import parse_statement
from derive.check.latex_errors import LatexError


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def values(latex: str) -> list[list]:
    return [[e.value for e in piece.exprs] for piece in parse_statement(latex).pieces]


WORKED_STEP = r"""# one step, numbers in bold

Input $x = 1.5$, weight $w = 4.0$, target $t = 5.0$.

1. Prediction: $1.5 \times 4.0 = \mathbf{6.0}$
2. Error: $6.0 - 5.0 = \textbf{1.0}$
3. Squared: $(1.0)^2 \approx \boldsymbol{1.00}$
4. Gradient: $2 \times 1.0 \times 1.5 = \bm{3}$
5. Step: $-0.1 \times 3 = \mathbf{-0.3}$
"""


def test_bold_results_of_a_worked_example_are_checked_as_numbers():
    assert verdicts(WORKED_STEP)[-5:] == [(5, "numeric"), (6, "numeric"), (7, "numeric"), (8, "proved"),
                                          (9, "numeric")]


@pytest.mark.parametrize("line, wrong", [
    (5, r"= \mathbf{6.0}$"), (6, r"= \textbf{1.0}$"), (8, r"= \bm{3}$"), (9, r"= \mathbf{-0.3}$")])
def test_a_wrong_bold_result_is_flagged_at_its_line(line, wrong):
    planted = WORKED_STEP.replace(wrong, wrong.replace("6.0", "6.5").replace("1.0}", "2.0}").replace("{3}", "{4}")
                                  .replace("-0.3", "-0.03"))
    assert planted != WORKED_STEP
    assert (line, "wrong") in verdicts(planted)


@pytest.mark.parametrize("latex, number", [
    (r"a = \mathbf{2.5}", 2.5), (r"a \approx \mathbf{-0.079}", -0.079), (r"a = \mathbf{ 12 }", 12),
    (r"a = \boldsymbol{.5}", 0.5), (r"a = \textbf{-7}", -7), (r"a = \mathbf {3.25}", 3.25)])
def test_a_bold_group_holding_a_number_is_that_number(latex, number):
    assert [float(v) for v in values(latex)[0][1:]] == [pytest.approx(number)]


def test_a_signed_bold_number_after_a_factor_multiplies():
    assert values(r"a = x \mathbf{-3}") == values(r"a = x (-3)")


@pytest.mark.parametrize("latex", [
    r"g = \mathbf{0}",                 # the zero vector
    r"s = \mathbf{1}^T x",             # the ones vector
    r"v = \mathbf{1}_n",               # a ones vector of length n
    r"a = 2\mathbf{5}",                # set as 25: not a separate factor
    r"a = \mathbf{2}.5",
    r"z = \mathbf{w} \mathbf{x} = \mathbf{2}",  # a product of bold names stays vector algebra
    r"z = (\mathbf{x} - \mathbf{y}) \mathbf{w} + \mathbf{2}",
    r"z = X \mathbf{w} = \mathbf{4}",  # a bold name next to a capital
])
def test_bold_that_may_be_a_vector_stays_matrix_notation(latex):
    with pytest.raises(LatexError, match="matrix notation"):
        parse_statement(latex)


def test_a_bold_name_keeps_todays_reading_next_to_a_bold_number():
    assert values(r"\mathbf{w} = \mathbf{2.5}") == values("w = 2.5")
