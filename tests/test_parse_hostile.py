"""The reader under hostile input: every refusal is an ExpressionError with
a column, nothing hangs, and what it returns is real and finite."""
import time

import pytest
import sympy as sp
from hypothesis import example, given, settings
from hypothesis import strategies as st

from derive import ExpressionError, parse_expression
from derive.budget import degree_bound, digits, exponent_product
from derive.names import MAX_INDEX
from derive.parse import MAX_EXPONENT, MAX_POWER_DIGITS

#: Generous: the slowest legal input takes well under a second.
SECONDS = 10.0

TOKENS = ["x", "w", "b", "y", "x_1", "w_2000", "x_2001", "None", "True", "oo", "nan", "I", "zoo", "lambda",
          "0", "1", "2", "9", "1000", "1e300", "1e-300", "0.001", "1e99999", ".5", "\u0661",
          "exp(", "log(", "abs(", "sign(", "sigmoid(", "sqrt(", "tanh(", "ln(", "pi", "e",
          "**", "^", "*", "/", "+", "-", "(", ")", ",", " ", "__import__(", "'", "."]


def _read_within_budget(text: str):
    started = time.monotonic()
    try:
        result = parse_expression(text)
    except ExpressionError as err:
        assert err.column is None or 1 <= err.column <= len(text) + 1
        result = None
    assert time.monotonic() - started < SECONDS, f"{text[:80]!r} took too long"
    return result


@settings(deadline=None)
@given(st.text(max_size=200))
@example("1e" + "9" * 5000)
@example("2**(0/0)")
@example("\u0661\u0662 + x")
def test_any_text_is_an_expression_or_an_expression_error(text):
    result = _read_within_budget(text)
    assert result is None or isinstance(result, sp.Expr)


@settings(deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join))
@example("((1e300*x)**1000)**1000")
@example("((0.001**1000)**1000)**0.5*x")
@example("(y-(w*x+b))**2/0")
@example("x**1000**1000")
def test_grammar_soup_reads_to_a_real_finite_expression_or_is_refused(text):
    result = _read_within_budget(text)
    if result is not None:
        assert isinstance(result, sp.Expr)
        assert not result.has(sp.zoo, sp.nan, sp.oo, -sp.oo, sp.I)
        assert exponent_product(result) <= MAX_EXPONENT
        assert digits(result) <= MAX_POWER_DIGITS + 310  # a power's digits, times a typed number's


@pytest.mark.parametrize("text, column, words", [
    ("((1e300*x)**1000)**1000", 11, "too large to compute"),
    ("((0.001**1000)**1000)**0.5*x", 8, "too large to compute"),
    ("(x**10)**101", 8, "multiply to more than 1000"),
    ("1e" + "9" * 5000, 1, "too large"),
    ("1e-301", 1, "too small"),
    ("2**(0/0)", 6, "no finite value"),
    ("(y-(w*x+b))**2/0", 15, "no finite value"),
    ("x/(w - w)", 2, "no finite value"),
    ("log(0)", 1, "no finite value"),
    ("0**-1", 2, "no finite value"),
    ("sqrt(-1)*x", 1, "not a real number"),
    ("(-8)**(1/3)", 5, "not a real number"),
    ("x**-1001", 2, "exponent -1001"),
    ("None*x", 1, "'None' is not a name"),
    ("x + True", 5, "'True' is not a name"),
    ("lambda", 1, "not a name"),
    ("oo", 1, "not a name"),
    ("w*nan", 3, "not a name"),
    ("I*x", 1, "not a name"),
    ("_x", 1, "not a name"),
    ("x + \u0661", 5, "unexpected character"),
    (f"w_{MAX_INDEX + 1}*x", 1, f"larger than {MAX_INDEX}"),
    ("w_" + "9" * 30, 1, "not a name"),
])
def test_refusals_name_the_column(text, column, words):
    with pytest.raises(ExpressionError) as info:
        parse_expression(text)
    assert info.value.column == column
    assert words in str(info.value)


def test_the_bounds_are_inclusive():
    x = sp.Symbol("x", real=True)
    assert parse_expression("(x**10)**100") == x**1000  # the exponent product at its bound
    assert parse_expression("10**400") == sp.Integer(10) ** 400  # the digits at their bound
    assert parse_expression("0.5**1000") == sp.Rational(1, 2) ** 1000
    assert parse_expression("x**-1000") == x**-1000
    assert parse_expression("1e-300 + 1e300") == sp.Rational(1, 10**300) + 10**300
    assert parse_expression(f"w_{MAX_INDEX}").name == f"w_{MAX_INDEX}"
    with pytest.raises(ExpressionError):
        parse_expression("10**401")
    with pytest.raises(ExpressionError):
        parse_expression("(x**10)**100*x**0 + (x**2)**501")


def test_names_are_ascii_letters_digits_and_underscores():
    for name in ["x", "SE", "x_1", "w_new", "math", "numpy", "out", "int", "E", "N", "S", "min", "gradient"]:
        assert parse_expression(name) == sp.Symbol(name, real=True)


def test_degree_bound_never_expands():
    w, b, x, y = sp.symbols("w b x y", real=True)
    loss = (y - (w * x + b)) ** 1000
    assert degree_bound(loss, [w, b]) == 1000
    assert degree_bound((y - w * x) ** 2 * b + 3, [w, b]) == 3
    assert degree_bound(sp.exp(w) + b, [w, b]) == float("inf")
    assert degree_bound(sp.exp(x) * w**2, [w, b]) == 2
