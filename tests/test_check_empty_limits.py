r"""Sums with empty limits, ``\sum_{}^{}``, as editors' templates leave them. Notes written here.

The reader stopped at the empty braces ("unexpected '}'") and skipped the row. An
empty script says nothing: ``\sum_{}^{} x_i`` is read as ``\sum x_i`` and
``\sum_{i}^{} x_i`` as ``\sum_i x_i``. An empty index under a written upper limit
(``\sum_{}^{n}``) stays unread.
"""
from derive.check import check_text
from derive.check.empty_limits import empty_limits_blanked

NOTES = r"""# Least squares with template sums

$$T = \sum_{}^{} (w x_i - y_i)^2, \quad \frac{\partial T}{\partial w} = \sum_{}^{} 2 (w x_i - y_i) x_i$$

$$U = \sum_{ }^{ } (w x_i)^2, \quad \frac{\partial U}{\partial w} = \sum_{}^{} 3 w x_i^2$$

$$W = \sum^{}_{i} (w x_i)^2, \quad \frac{\partial W}{\partial w} = \sum_{i}^{} 2 w x_i^2$$

$$Z = \sum_{}^{n} x_i$$
"""


def _verdicts():
    return {(v.line, v.latex): str(v.verdict) for v in check_text(NOTES).verdicts}


def test_sums_with_empty_limits_are_read_and_checked():
    got = _verdicts()
    assert got[(3, r"\frac{\partial T}{\partial w} = \sum_{}^{} 2 (w x_i - y_i) x_i")] in ("proved", "numeric")
    assert got[(7, r"\frac{\partial W}{\partial w} = \sum_{i}^{} 2 w x_i^2")] in ("proved", "numeric")


def test_a_slip_under_an_empty_limit_sum_is_wrong():
    got = _verdicts()
    assert got[(5, r"\frac{\partial U}{\partial w} = \sum_{}^{} 3 w x_i^2")] == "wrong"


def test_an_empty_index_under_an_upper_limit_stays_unread():
    got = _verdicts()
    assert got[(9, r"Z = \sum_{}^{n} x_i")] == "skipped"
    assert empty_limits_blanked(r"\sum_{}^{n} x_i") == r"\sum_{}^{n} x_i"


def test_only_empty_scripts_are_blanked_and_positions_kept():
    for latex, read in ((r"\sum_{}^{} x", r"\sum       x"), (r"\sum_{i}^{} x_i", r"\sum_{i}    x_i"),
                        (r"\sum\limits_{ }^{ } x", r"\sum\limits         x"), (r"\prod_{} x", r"\prod    x")):
        assert empty_limits_blanked(latex) == read and len(read) == len(latex)
    for latex in (r"\sum_{i=1}^{n} x_i", r"\sum x_i", r"x_{} = 1", r"a^{} b"):
        assert empty_limits_blanked(latex) == latex
