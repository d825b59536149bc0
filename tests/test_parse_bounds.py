"""The reader's size bounds, each tested on both sides of its edge and in both directions
(a huge negative exponent is as much a bound as a huge positive one), and the rest of its
grammar that the other tests leave to chance: operators, signs, unary chains, columns."""
import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from derive import ExpressionError, parse_expression
from derive.parse import MAX_DEPTH, MAX_EXPONENT, MAX_LENGTH, MAX_NUMBER_DIGITS, tokenize

w, b, x, y = sp.symbols("w b x y", real=True)


def refused(text: str) -> ExpressionError:
    with pytest.raises(ExpressionError) as info:
        parse_expression(text)
    return info.value


def test_the_bounds_are_the_documented_ones():
    assert (MAX_LENGTH, MAX_DEPTH, MAX_EXPONENT, MAX_NUMBER_DIGITS) == (10_000, 100, 1_000, 100)


@given(exponent=st.integers(-5000, 5000))
@example(exponent=1000)
@example(exponent=1001)
@example(exponent=-1000)
@example(exponent=-1001)
@example(exponent=-2000)
def test_a_symbol_may_be_raised_to_at_most_the_thousandth_power_either_sign(exponent):
    text = f"x**{exponent}" if exponent >= 0 else f"x**-{-exponent}"
    if abs(exponent) <= MAX_EXPONENT:
        assert parse_expression(text) == x**exponent
    else:
        error = refused(text)
        assert "exponent" in str(error) and error.column == 2


@pytest.mark.parametrize("text, value", [
    ("1e300", sp.Integer(10) ** 300), ("1e-300", sp.Rational(1, 10**300)),
    ("1E+300", sp.Integer(10) ** 300), ("2.5e-3", sp.Rational(1, 400)),
])
def test_decimal_exponents_up_to_300_are_read_exactly(text, value):
    assert parse_expression(text) == value


@pytest.mark.parametrize("text", ["1e301", "1e-301", "1e-400", "1E400", "1e+999", "1e-999"])
def test_decimal_exponents_beyond_300_are_refused_on_both_sides(text):
    error = refused(text)
    assert "too large" in str(error) and error.column == 1


def test_a_number_may_have_at_most_100_digits():
    assert parse_expression("9" * 100) == sp.Integer("9" * 100)
    assert parse_expression("1." + "0" * 98) == 1  # 99 digits and a point
    assert parse_expression("1" * 99 + "e1") == sp.Integer("1" * 99 + "0")  # the exponent is not a digit of it
    assert parse_expression("1" * 99 + "E1") == sp.Integer("1" * 99 + "0")
    assert "too large" in str(refused("9" * 101))
    assert "too large" in str(refused("1." + "0" * 100))


@pytest.mark.parametrize("text, allowed", [
    ("10**400", True), ("10**401", False), ("(-10)**401", False), ("0.5**1000", True),
    ("10**-400", True), ("10**-401", False), ("2**1000", True), ("2**1001", False), ("(-2)**1001", False),
])
def test_a_number_raised_to_a_power_may_have_at_most_400_digits(text, allowed):
    """The bound is on the digits of the result (and the exponent at most 1000), on both sides."""
    if allowed:
        base, exponent = text.split("**")
        assert parse_expression(text) == parse_expression(base) ** parse_expression(exponent)
    else:
        assert "beyond" in str(refused(text)) or "too large" in str(refused(text))


def test_the_power_refusal_names_the_column_of_the_operator():
    assert refused("x + 10**401").column == 7
    assert refused("x + 10^401").column == 7


def test_an_expression_may_be_10000_characters_long_and_no_longer():
    legal = "+".join(["x"] * 5000)  # 9999 characters
    assert parse_expression(legal + " ") == 5000 * x
    assert "10001 characters long" in str(refused(legal + "  "))


def test_nesting_may_be_100_deep_and_no_deeper():
    assert parse_expression("(" * MAX_DEPTH + "x" + ")" * MAX_DEPTH) == x
    assert "deeper than 100" in str(refused("(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1)))
    assert parse_expression("-" * MAX_DEPTH + "x") == x  # an even number of signs
    assert "deeper" in str(refused("-" * (MAX_DEPTH + 1) + "x"))


def test_depth_is_released_after_each_group():
    """200 groups side by side are 1 deep, not 200."""
    assert parse_expression("+".join(["(x)"] * 200)) == 200 * x
    assert parse_expression("*".join(["exp(x)"] * 150)) == sp.exp(x) ** 150
    assert parse_expression("+".join(["-x"] * 150)) == -150 * x
    assert parse_expression("+".join(["x**2"] * 150)) == 150 * x**2


@pytest.mark.parametrize("text, expected", [
    ("w + x - y", w + x - y), ("w - x + y", w - x + y), ("w * x / y", w * x / y),
    ("w / x * y", w * y / x), ("+x", x), ("--x", x), ("-+-x", x), ("x^2", x**2), ("2^-1", sp.Rational(1, 2)),
    ("-2**2", -4), ("(-2)**2", 4), (".5", sp.Rational(1, 2)), ("5.", 5), ("e", sp.E), ("pi", sp.pi),
    ("sqrt(4)", 2), ("  x  ", x),
])
def test_operators_and_signs(text, expected):
    assert parse_expression(text) == expected


def test_numbers_with_a_point_or_an_exponent_are_exact_rationals():
    assert parse_expression("0.1") == sp.Rational(1, 10)
    assert parse_expression("1e2") == 100 and parse_expression("1e2").is_Integer


@pytest.mark.parametrize("text, column, words", [
    ("x )", 3, "unexpected ')' after a complete expression"),
    ("x 2", 3, "(write * to multiply)"),
    ("x (y)", 1, "got a call to x"),
    ("(x) (y)", 5, "(write * to multiply)"),
    ("2 x", 3, "(write * to multiply)"),
    ("  @", 3, "unexpected character '@'"),
    ("exp(x", 6, "expected ')', got the end"),
    ("exp x", 1, "exp is a function: write exp(...)"),
    ("x *", 4, "got the end of the expression"),
    ("*x", 1, "expected a number, a name or '(', got '*'"),
])
def test_refusals_name_the_column(text, column, words):
    error = refused(text)
    assert error.column == column
    assert words in str(error)
    assert str(error).startswith(f"cannot read the expression at column {column}: ")


def test_a_refusal_without_a_column_does_not_name_one():
    error = refused("   ")
    assert error.column is None and str(error) == "cannot read the expression: the expression is empty"
    assert "expected text, got int" in str(refused(12))


def test_unknown_calls_are_refused_whatever_the_name():
    for name in ("eval", "os", "print", "__import__", "Symbol"):
        assert f"got a call to {name}" in str(refused(f"{name}(x)"))


def test_tokens_carry_their_kind_text_and_column():
    tokens = [(t.kind, t.text, t.column) for t in tokenize(" w1**2.5e3")]
    assert tokens == [("name", "w1", 2), ("op", "**", 4), ("num", "2.5e3", 6), ("end", "", 11)]
