"""Reach: the notation real notes write, in examples of our own. Each test
reads LaTeX into SymPy and compares with an expression written here."""
import sympy as sp

from derive.check import check_text
from derive.check.latex import parse_statement
from derive.check.markdown import math_segments
from derive.symbols import sigmoid, symbol

w, b, x, y, z = (symbol(n) for n in ("w", "b", "x", "y", "z"))


def one(latex: str) -> sp.Expr:
    ((value,),) = [[e.value for e in p.exprs] for p in parse_statement(latex).pieces]
    return value


def kinds(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_words_are_names_or_functions_never_products_of_letters():
    assert one("sigmoid(z) + tanh(z)") == sigmoid(z) + sp.tanh(z)
    assert one(r"\text{ReLU}(z) + relu(x) + \max(0, w)") == sp.Max(0, z) + sp.Max(0, x) + sp.Max(0, w)
    assert one("errors") == symbol("errors")
    assert one("new_W") == symbol("new_W")
    assert one("log x") == sp.log(x)
    assert one("wx") == w * x  # two letters still multiply


def test_functions_of_several_arguments_are_names():
    assert one(r"J(w, b)") == symbol("J")
    assert one(r"J(\theta)") == symbol("J")
    assert one(r"\text{CE}(y, \hat y)") == symbol("CE")
    notes = ("$$J(w, b) = \\frac{1}{2}(y - w x - b)^2$$\n"
             "$$\\frac{\\partial J}{\\partial w} = -(y - w x - b) x$$\n"
             "$$\\frac{\\partial J}{\\partial b} = (y - w x - b)$$\n")
    assert kinds(notes) == [(1, "definition"), (2, "proved"), (3, "wrong")]


def test_decorations_commands_and_unicode():
    assert one(r"\hat{y_1}") == one(r"\hat{y}_1") == one("ŷ_1") == symbol("y_hat_1")
    assert one(r"\mathcal{L}") == symbol("L")
    assert one("θ² − y·x") == symbol("theta") ** 2 - y * x
    assert one("z1 + w5") == symbol("z_1") + symbol("w_5")
    assert one(r"2x \tag{3}") == 2 * x
    assert one(r"\underbrace{w x}_{\text{score}} + b") == w * x + b
    assert one(r"\exp{(-z)} + \ln{x}") == sp.exp(-z) + sp.log(x)
    assert one(r"\left\{ x \right\}") == x
    (piece,) = parse_statement(r"a \overset{\text{def}}{=} b").pieces
    assert [e.value for e in piece.exprs] == [symbol("a"), b]


def test_korean_and_chinese_names():
    notes = "$$오차 = y - w x$$\n$$\\frac{d}{dw} 오차^2 = -2 오차 x$$\n$$\\frac{d}{dw} 误差 = 0$$\n"
    lines = kinds(notes)
    assert lines[:2] == [(1, "definition"), (2, "proved")]


def test_sums_without_limits_and_means():
    i = sp.Symbol("i", integer=True)
    X = sp.IndexedBase("x", real=True)
    assert one(r"\sum_i x_i") == sp.Sum(X[i], (i, 1, symbol("n")))
    assert one(r"\sum x_i") == sp.Sum(X[i], (i, 1, symbol("n")))
    k = sp.Symbol("k", integer=True)
    Y = sp.IndexedBase("y", real=True)
    # the term left out is y_i, the name the notes give it outside sums
    assert one(r"\sum_{k \neq i} y_k") == sp.Sum(Y[k], (k, 1, symbol("n"))) - symbol("y_i")
    notes = ("$$\\hat{y}_i = w x_i + b$$\n$$MSE = \\frac{1}{n}\\sum_i (y_i - \\hat{y}_i)^2$$\n"
             "$$\\frac{\\partial MSE}{\\partial b} = -\\frac{2}{n}\\sum_{i=1}^{n} (y_i - \\hat{y}_i)$$\n")
    assert kinds(notes)[2][1] in ("proved", "numeric")


def test_sigma_prime_is_the_derivative_of_the_sigmoid():
    assert one(r"\sigma'(z)") == sigmoid(z) * (1 - sigmoid(z))
    notes = "$$\\sigma'(x) = \\frac{e^{-x}}{(1 + e^{-x})^2}$$\n$$\\sigma'(x) = \\sigma(x)^2$$\n"
    assert kinds(notes) == [(1, "proved"), (2, "wrong")]


def test_display_math_everywhere_it_is_written():
    text = ("\\begin{align}\na &= 1 \\\\\nb &= 2\n\\end{align}\n"
            "```math\nc = 3\n```\n"
            "\\\\[ d_1 = 4 \\\\]\n"
            "[\ne_1 = 5\n]\n"
            "\\[ f_1 = 6 \\]\n")
    rows = [(s.line, " ".join(s.latex.split())) for s in math_segments(text)]
    assert rows == [(2, "a = 1"), (3, "b = 2"), (6, "c = 3"), (8, "d_1 = 4"), (10, "e_1 = 5"), (12, "f_1 = 6")]


def test_cases_rows_stay_together_and_are_read_as_one_piecewise_definition():
    notes = "$$L = \\begin{cases} x^2 & x < 1 \\\\ 2x - 1 & x \\ge 1 \\end{cases}$$\n"
    (v,) = check_text(notes).verdicts
    assert str(v.verdict) == "definition"
    notes = "$$L = \\begin{cases} x^2 & x < 1 \\\\ 2x - 1 \\end{cases}$$\n"  # a row with no condition
    (v,) = check_text(notes).verdicts
    assert str(v.verdict) == "skipped" and "piecewise" in v.reason


def test_a_superscript_prime_is_the_same_prime_as_an_apostrophe():
    # TeX writes f' as f^{\prime}: both spellings, braced or not, once or twice
    assert kinds("$$\\sigma^{\\prime}(z) = \\sigma(z)(1 - \\sigma(z))$$\n") == [(1, "proved")]
    notes = ("$$g(x) = x^3$$\n$$g^\\prime(x) = 3x^2$$\n$$g^{\\prime \\prime}(x) = 6x$$\n"
             "$$g^{\\prime\\prime}(x) = 3x$$\n")
    assert kinds(notes) == [(1, "definition"), (2, "proved"), (3, "proved"), (4, "wrong")]
    # a claim ending in the superscript prime is shown as written, not cut at the ^
    (shown,) = check_text("$u^{\\prime}$\n").verdicts
    assert shown.latex == "u^{\\prime}"


def test_a_text_subscript_without_braces_is_the_braced_subscript():
    # x_\text{max} is how TeX lets one write x_{\text{max}}: the same name
    notes = ("$$e^{x_\\text{max} - x_\\text{max}} = 1$$\n"
             "$$x_\\mathrm{old} + x_{\\text{old}} = 2 x_{old}$$\n"
             "$$2 x_\\text{max} = x_{max}$$\n")
    assert kinds(notes) == [(1, "proved"), (2, "proved"), (3, "wrong")]
