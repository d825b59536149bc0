r"""An inverse function applied, ``\sigma^{-1}(p)``, is not p/σ (issue 9, trust).

The reader took ``\sigma^{-1}(p)`` for a power of a name times p, and called the
logit identity wrong. It is skipped now with what it is; a power -1 of a name
that is not a function (``w^{-1}(x - b)``) is still a power. Notes written here.
"""
import pytest

from derive.check import check_text
from derive.check.latex import parse_statement
from derive.check.latex_errors import LatexError
from derive.symbols import symbol

LOGIT = r"""$$\sigma(x) = \frac{1}{1+e^{-x}}$$

$$\sigma^{-1}(q) = \ln\frac{q}{1-q}$$
"""


def test_the_logit_written_as_the_inverse_sigmoid_is_skipped_not_called_wrong():
    found = check_text(LOGIT).verdicts
    assert [(v.line, str(v.verdict)) for v in found] == [(1, "proved"), (3, "skipped")]
    assert "inverse function" in found[1].reason


@pytest.mark.parametrize("latex", [r"\sigma^{-1}(p) = 2", r"g^{-1}(y) = x", r"F^{ - 1 }\left(u\right) = 0",
                                   r"a = σ^-1(b)"])
def test_an_inverse_function_applied_is_refused_with_that_reason(latex):
    with pytest.raises(LatexError, match="inverse function"):
        parse_statement(latex)


def test_a_power_minus_one_of_a_plain_name_stays_a_power():
    w, x, b = symbol("w"), symbol("x"), symbol("b")
    [[left, right]] = [[e.value for e in p.exprs] for p in parse_statement(r"w^{-1}(x - b) = 2").pieces]
    assert left == (x - b) / w and right == 2
