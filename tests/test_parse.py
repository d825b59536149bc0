"""The safe expression reader: what it builds, and what it refuses."""
import pytest
import sympy as sp

from derive import ExpressionError, losses, parse_expression
from derive.symbols import sigmoid

w, b, x, y = sp.symbols("w b x y", real=True)


def test_reads_the_lecture_loss_with_exact_numbers():
    assert parse_expression("(y - (w*x + b))**2 / 2") == losses.half_squared_error()
    assert parse_expression("0.5 * (y - (w*x + b))^2") == losses.half_squared_error()


def test_precedence_and_right_associative_power():
    assert parse_expression("-x**2") == -(x**2)
    assert parse_expression("2**3**2") == 512
    assert parse_expression("w - x - y") == w - x - y
    assert parse_expression("w / x / y") == w / (x * y)


def test_subscripted_names_are_real_symbols():
    expr = parse_expression("w_1 * x_1")
    assert {s.name for s in expr.free_symbols} == {"w_1", "x_1"}
    assert all(s.is_real for s in expr.free_symbols)


def test_whitelisted_functions():
    assert parse_expression("sigmoid(w*x + b)") == sigmoid(w * x + b)
    assert parse_expression("abs(y) + sign(x) + sqrt(w) + exp(b) + log(x)") == (
        sp.Abs(y) + sp.sign(x) + sp.sqrt(w) + sp.exp(b) + sp.log(x))


@pytest.mark.parametrize("text, column, words", [
    ("__import__('os')", 1, "got a call to __import__"),
    ("w*x +", 6, "got the end"),
    ("x @ y", 3, "unexpected character '@'"),
    ("w x", 3, "write * to multiply"),
    ("exp", 1, "write exp(...)"),
    ("exp(x, y)", 6, "one argument"),
    ("(w + x", 7, "expected ')'"),
    ("9**9**9**9", 5, "exponent"),
    ("x.__class__", 2, "unexpected character '.'"),
    ("1e999 * x", 1, "too large"),
])
def test_refusals_say_what_and_where(text, column, words):
    with pytest.raises(ExpressionError) as info:
        parse_expression(text)
    assert info.value.column == column
    assert words in str(info.value)


@pytest.mark.parametrize("text", [
    "(" * 5000 + "x" + ")" * 5000,
    "x" * 1_000_000,
    "-" * 5000 + "x",
    "x**" * 2000 + "x",
    "",
])
def test_hostile_sizes_are_refused(text):
    with pytest.raises(ExpressionError):
        parse_expression(text)


def test_long_but_legal_sums_are_read():
    assert parse_expression("+".join(["x"] * 3000)) == 3000 * x


def test_the_reader_never_evaluates_python(monkeypatch):
    import builtins

    def forbidden(*args, **kwargs):
        raise AssertionError("eval was called")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(sp, "sympify", forbidden)
    assert parse_expression("(y - (w*x + b))**2") == losses.squared_error()
