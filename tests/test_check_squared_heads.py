r"""A name defined by its square, ``s^2 = \frac{1}{n}\sum_i (x_i - m)^2``
(notes written here). Read as a claim, the row was skipped and s stayed an
independent name: ``\frac{\partial s^2}{\partial m}`` was 0 and the true
derivative was called wrong. The row now defines s as the root, so s² is the
expression wherever it is used; a slip in its derivative is still wrong, and
squares that solve an equation or equal a number are not definitions."""
import sympy as sp

from derive.check import check_text
from derive.check.squared_heads import squared_head

VARIANCE = r"""The spread of a batch:

$$s^2 = \frac{1}{n} \sum_{i=1}^{n} (x_i - m)^2$$

$$\frac{\partial s^2}{\partial m} = -\frac{2}{n} \sum_{i=1}^{n} (x_i - m)$$

$$\frac{\partial s^2}{\partial m} = -\frac{1}{n} \sum_{i=1}^{n} (x_i - m)$$
"""


def _verdicts(notes):
    return {v.line: str(v.verdict) for v in check_text(notes).verdicts}


def test_a_name_defined_by_its_square_is_its_root():
    got = _verdicts(VARIANCE)
    assert got[3] == "definition"
    assert got[5] == "proved"
    assert got[7] == "wrong"


s, x, m = sp.symbols("s x m")


def test_what_is_not_a_square_definition():
    e = (x - m) ** 2
    assert squared_head(s**2, e, "=", False, {}) == s
    assert squared_head(s**2, e, "=", True, {}) is None  # after ⇒: an equation being solved
    assert squared_head(s**2, e, "≈", False, {}) is None
    assert squared_head(s**2, e, "=", False, {s: []}) is None  # s already defined
    assert squared_head(s**3, e, "=", False, {}) is None
    assert squared_head(s**2, sp.Integer(4), "=", False, {}) is None  # s² = 4 solves for s
    assert squared_head(s**2, s + x, "=", False, {}) is None  # written in s itself
    assert squared_head((s + x) ** 2, e, "=", False, {}) is None
