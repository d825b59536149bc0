r"""Products over an index (``\prod_{i=1}^{n}``, ``∏``), factorials (``y_i!``),
``∑`` for ``\sum``, a plain ``log[…]``, and a Bernoulli label written as an
exponent (products.py, binary_labels.py), in notes written here.

Before, every row of a likelihood with ``\prod`` or ``!`` was a parse error,
so the slips of maximum-likelihood derivations went unseen.
"""
import pytest
import sympy as sp

from derive.check import check_text
from derive.check.latex import parse_statement


def _verdicts(notes: str) -> dict[int, list[str]]:
    got: dict[int, list[str]] = {}
    for v in check_text(notes).verdicts:
        got.setdefault(v.line, []).append(str(v.verdict))
    return got


def _reasons(notes: str, line: int) -> str:
    return " ".join(v.reason for v in check_text(notes).verdicts if v.line == line)


def _value(latex: str) -> sp.Expr:
    (piece,) = parse_statement(latex).pieces
    return piece.exprs[0].value


@pytest.mark.parametrize("prod, sum_", [(r"\prod", r"\sum"), ("∏", "∑")])
def test_a_product_over_an_index_is_read_and_the_log_of_it_checked(prod, sum_):
    notes = (f"$$L(q) = {prod}_{{i=1}}^{{n}} q^{{t_i}}(1-q)^{{1-t_i}}$$\n\n"
             f"$$\\log L(q) = {sum_}_{{i=1}}^{{n}} \\left(t_i \\log q + (1-t_i)\\log(1-q)\\right)$$\n\n"
             f"$$\\log L(q) = {sum_}_{{i=1}}^{{n}} t_i \\log q + {sum_}_{{i=1}}^{{n}} t_i \\log(1-q)$$\n")
    got = _verdicts(notes)
    assert got[1] == ["definition"]
    assert got[3][0] in ("proved", "numeric")
    assert got[5] == ["wrong"]  # the second sum lost its 1 - t_i: wrong at t_i = 0 too, so no label reading saves it


def test_the_product_is_sympys_product_of_the_indexed_term():
    value = _value(r"\prod_{k=1}^{m} a_k^{2}")
    k = sp.Symbol("k", integer=True)
    (product,) = value.atoms(sp.Product)
    assert product.limits[0][0] == k and product.limits[0][1] == 1
    written = product.subs(product.limits[0][2], 3).doit()
    a = sorted(written.atoms(sp.Indexed), key=str)
    assert len(a) == 3 and sp.simplify(written - (a[0] * a[1] * a[2]) ** 2) == 0


def test_a_product_with_only_its_index_runs_to_n_like_a_sum():
    got = _verdicts("$$\\prod_{i} e^{-\\lambda} = e^{-n\\lambda}$$\n\n$$\\prod_{i} e^{-\\lambda} = e^{-\\lambda}$$\n")
    assert got[1][0] in ("proved", "numeric")
    assert got[3] == ["wrong"]


def test_a_product_upper_limit_gets_the_same_value_as_n_on_the_other_side():
    """n in the limit and n outside it are one name: e^{-nλ} is right, e^{-(n+1)λ} is not."""
    got = _verdicts("$$\\prod_{i=1}^{n} e^{-\\lambda} = e^{-n\\lambda}$$\n\n"
                    "$$\\prod_{i=1}^{n} e^{-\\lambda} = e^{-(n+1)\\lambda}$$\n")
    assert got[1][0] in ("proved", "numeric")
    assert got[3] == ["wrong"]


def test_a_product_with_no_closed_form_is_written_out_with_the_n_of_the_other_side():
    """The numeric check gives n one value in the product's limit and outside it."""
    got = _verdicts("$$\\log \\prod_{i=1}^{n} (1 + a_i^2) = \\sum_{i=1}^{n} \\log(1 + a_i^2)$$\n\n"
                    "$$\\log \\prod_{i=1}^{n} (1 + a_i^2) = \\sum_{i=1}^{n} \\log(1 + a_i^2) + n$$\n")
    assert got[1][0] in ("proved", "numeric")
    assert got[3] == ["wrong"]
    (alone,) = check_text("$$\\prod_{i=1}^{n} (1 + a_i^2) = n + \\prod_{i=1}^{n} a_i^2$$\n").verdicts
    assert str(alone.verdict) == "wrong"  # no sum here: the product's own limit gives n its value
    assert sorted(alone.counterexample["point"]) == ["a[1]", "a[2]", "a[3]"]


@pytest.mark.parametrize("claim, right", [("3! = 6", True), ("4! = 12", False), ("0! = 1", True),
                                          ("\\frac{5!}{(5-1)!} = 5", True), ("\\frac{5!}{(5-1)!} = 4", False)])
def test_factorials_of_numbers(claim, right):
    got = _verdicts(f"$${claim}$$\n")
    assert ("wrong" not in got[1]) == right
    assert got[1][0] in (("proved", "numeric") if right else ("wrong",))


def test_a_wrong_factorial_says_the_value_it_should_have():
    (v,) = check_text("$$4! = 12$$\n").verdicts
    assert str(v.verdict) == "wrong" and v.expected == "24"


def test_log_of_a_factorial_is_the_log_of_the_whole_factorial():
    r"""``\log y!`` is log(y!) as TeX writes it; read as (log y)! the step below is wrong at y = 1."""
    notes = "$$\\log \\frac{\\lambda^{y} e^{-\\lambda}}{y!} = y \\log\\lambda - \\lambda - \\log y!$$\n"
    assert _verdicts(notes)[1][0] in ("proved", "numeric")
    y = next(s for s in _value(r"\log y!").free_symbols)
    assert sp.simplify(_value(r"\log y!") - sp.log(sp.factorial(y))) == 0


def test_a_poisson_log_likelihood_is_checked_term_by_term():
    notes = ("$$\\ell(\\lambda) = \\sum_{i=1}^{n} \\log \\frac{\\lambda^{y_i} e^{-\\lambda}}{y_i!}$$\n\n"
             "$$\\ell(\\lambda) = \\log\\lambda \\sum_{i=1}^{n} y_i - n\\lambda - \\sum_{i=1}^{n} \\log y_i!$$\n\n"
             "$$\\frac{d\\ell}{d\\lambda} = \\frac{1}{\\lambda}\\sum_{i=1}^{n} y_i - 1$$\n")
    got = _verdicts(notes)
    assert got[3][0] in ("proved", "numeric")
    assert got[5] == ["wrong"]  # -1 for -n


def test_a_plain_log_before_a_square_bracket_is_the_logarithm():
    notes = "$$a = log[ e^{x} ]$$\n\n$$a = x$$\n\n$$c = log[ e^{x} ]$$\n\n$$c = 2x$$\n"
    got = _verdicts(notes)
    assert got[3] == ["proved"]
    assert got[7] != ["proved"]


@pytest.mark.parametrize("claim", [
    r"\prod_{i=1}^{n} \left(q t_i + (1-q)(1-t_i)\right) = \prod_{i=1}^{n} q^{t_i}(1-q)^{1-t_i}",
    r"q^{t}(1-q)^{1-t} = q t + (1-q)(1-t)",
    r"\sigma(z)^{t}(1-\sigma(z))^{1-t} = \sigma(z) t + (1-\sigma(z))(1-t)",
])
def test_a_bernoulli_written_two_ways_holds_for_labels_0_and_1_and_is_skipped(claim):
    notes = f"$${claim}$$\n"
    assert _verdicts(notes)[1] == ["skipped"]
    assert "is 0 or 1" in _reasons(notes, 1)


def test_a_label_over_a_defined_sigmoid_is_found_where_sympy_writes_its_exponent_negated():
    """(1/(1+e^{-z}))^{t} becomes (1+e^{-z})^{-t} once φ is put in: -t marks the label too."""
    notes = ("$$\\phi(z) = \\frac{1}{1+e^{-z}}$$\n\n"
             "$$\\prod_i \\left(\\phi(z_i) t_i + (1-\\phi(z_i))(1 - t_i)\\right) = "
             "\\prod_i \\left(\\phi(z_i)\\right)^{t_i} \\left(1-\\phi(z_i)\\right)^{1 - t_i}$$\n")
    assert _verdicts(notes)[3] == ["skipped"]
    assert "is 0 or 1" in _reasons(notes, 3)


@pytest.mark.parametrize("claim", [
    r"\prod_{i=1}^{n} \left(q t_i + (1-q) t_i\right) = \prod_{i=1}^{n} q^{t_i}(1-q)^{1-t_i}",
    r"q^{t}(1-q)^{1-t} = q t + (1-q) t",
    r"q^{t}(1-q)^{1-t} = q (1-t) + (1-q) t",
])
def test_a_bernoulli_slip_that_fails_at_0_or_1_is_still_wrong(claim):
    assert _verdicts(f"$${claim}$$\n")[1] == ["wrong"]


def test_a_power_without_its_complement_is_not_a_label():
    """q^{t} alone (no (1-q)^{1-t}) does not mark t as a label: the step stays wrong."""
    assert _verdicts("$$q^{t} = q t$$\n")[1] == ["wrong"]


def test_the_expected_value_of_a_wrong_log_likelihood_is_written_as_a_sum_of_logs():
    """Not log(L), the very side the claim starts from, nor log ∏: Σ (y_i log λ - λ - log y_i!)."""
    notes = ("$$L(\\lambda) = \\prod_{i=1}^{n} \\frac{\\lambda^{y_i} e^{-\\lambda}}{y_i!}$$\n\n"
             "$$\\log L(\\lambda) = \\log\\lambda \\sum_{i=1}^{n} y_i - \\lambda - \\sum_{i=1}^{n} \\log y_i!$$\n")
    (wrong,) = [v for v in check_text(notes).verdicts if str(v.verdict) == "wrong"]
    assert wrong.line == 3
    assert "\\prod" not in wrong.expected and "L" not in wrong.expected
    assert "\\sum_{i=1}^{n}" in wrong.expected and "y_i!" in wrong.expected


def test_an_expected_value_is_not_folded_back_into_the_side_the_claim_starts_from():
    (wrong,) = [v for v in check_text("$$h = x^3$$\n\n$$k = h + 1$$\n\n$$\\log k = 3 \\log x$$\n").verdicts
                if str(v.verdict) == "wrong"]
    assert wrong.expected != "\\log{\\left(k \\right)}"
    assert "x^{3}" in wrong.expected


@pytest.mark.parametrize("operator", ["\\sum", "\\prod"])
def test_a_log_of_a_sum_or_product_that_ends_the_math_is_read_without_a_crash(operator):
    """The reader brackets log Σ… / log ∏… up to the end of the math with a ")" of its own; the
    side shown must stop at the text's end (it raised IndexError, a crash of the whole file)."""
    got = check_text(f"$$a = \\log {operator}_{{i=1}}^{{4}} \\theta^{{x_i}}$$\n\n$$a = 2$$\n").verdicts
    assert [str(v.verdict) for v in got][0] == "definition"
    assert got[0].latex == f"a = \\log {operator}_{{i=1}}^{{4}} \\theta^{{x_i}}"
