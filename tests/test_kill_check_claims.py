r"""What a claim says besides its two sides, read by the checker's small readers: the sign
condition after it (derive/check/conditions.py), how its numbers are written
(decimals.py), a ``cases`` environment or a name defined under opposite signs
(piecewise.py), and which definition is in force where (derivation.py). Each expected value
is worked out by hand from the module's docstring; each test names the bug it catches."""
import pytest
import sympy as sp
from hypothesis import example, given, strategies as st

from derive.check.conditions import shown, sign_condition
from derive.check.decimals import printed_decimals, rounded_inputs, written_numbers
from derive.check.derivation import Derivation
from derive.check.piecewise import FILL, MARK, PiecewiseError, cases_read, conditional_pieces
from derive.symbols import symbol

x, z, a, delta = (symbol(n) for n in ("x", "z", "a", "delta"))


# ---- sign conditions ---------------------------------------------------------------------

@pytest.mark.parametrize("latex, domain", [
    (r"x^2 \quad (x > 0)", (("x", 1, ">"),)),
    (r"f (N, M > 0)", (("N", 1, ">"), ("M", 1, ">"))),
    (r"a = b, \; x \le 0", (("x", -1, "≤"),)),
    (r"f = g \quad \text{for } x_{1} \ge 0.", (("x_1", 1, "≥"),)),
    (r"f \qquad \text{if } x<0", (("x", -1, "<"),)),
    (r"f \quad \text{where } x \leq 0 ;", (("x", -1, "≤"),)),
    (r"f, x \geq 0", (("x", 1, "≥"),)),
    (r"f, x \leqslant 0", (("x", -1, "≤"),)),
    (r"f (x\geqslant 0)", (("x", 1, "≥"),)),
    (r"f, x ≥ 0", (("x", 1, "≥"),)),
    (r"f, x ≤ 0", (("x", -1, "≤"),)),
    (r"f \quad (\alpha < 0) \\", (("alpha", -1, "<"),)),
])
def test_a_trailing_sign_condition_is_read_and_blanked(latex, domain):
    """Catches ≤ read as positive (the sign from the relation's first character), ≥ shown as >,
    a name kept with its braces or backslash, or the blank not as long as the condition."""
    text, got = sign_condition(latex)
    assert got == domain
    assert len(text) == len(latex)
    head = latex[:len(text.rstrip())]
    assert text == head + " " * (len(latex) - len(head))
    assert text.rstrip() and not text.rstrip().endswith(("(", ","))


@pytest.mark.parametrize("latex", [
    r"f \quad (x > y)",          # compares two names: not a sign condition
    r"(x > 0) = y",              # not at the end of the row
    r"f (x > 0) + 1",
    r"f = g \text{ for } x \ge 0",  # no comma or \quad before it
    r"f = x > 0",
])
def test_what_is_not_a_trailing_comparison_with_zero_is_left_alone(latex):
    """Catches the end anchor dropped, or any comparison read as a sign condition."""
    assert sign_condition(latex) == (latex, ())


@pytest.mark.parametrize("latex", [r"f \quad \text{for } i = 1..n", r"f, i = 1, \dots, n",
                                   r"f \quad for i = 1..n", r"f, i = 1, 2, \ldots, N"])
def test_the_range_of_an_index_is_blanked_and_is_no_condition(latex):
    """Catches the range left in (then read as i = 1) or taken as a sign condition."""
    text, domain = sign_condition(latex)
    assert domain == () and text == "f" + " " * (len(latex) - 1)


def test_a_condition_is_shown_as_written():
    assert shown((("x", 1, ">"), ("N", -1, "≤"))) == "x > 0, N ≤ 0"
    assert shown(()) == ""


# ---- how numbers are written ---------------------------------------------------------------

@pytest.mark.parametrize("text, decimals", [("0.246", 3), ("-0.5", 1), (" 1 . 25 ", 2), ("−2.50", 2),
                                            (".5", 1), ("3", None), ("1.2.3", None), ("abc", None),
                                            ("1e-3", None), ("0.", None), ("x0.5", None)])
def test_printed_decimals_counts_the_digits_after_the_point(text, decimals):
    """Catches the count off by one, a trailing zero dropped, or a number with an exponent or
    two points taken as a decimal."""
    assert printed_decimals(text) == decimals


@given(whole=st.integers(0, 10**6), digits=st.text("0123456789", min_size=1, max_size=12),
       minus=st.sampled_from(["", "-", "−"]))
@example(whole=0, digits="0", minus="")
@example(whole=7, digits="000000000000", minus="−")
def test_printed_decimals_of_any_decimal(whole, digits, minus):
    assert printed_decimals(f"{minus}{whole}.{digits}") == len(digits)


@pytest.mark.parametrize("text, numbers", [
    (r"0.5 \cdot 4 + 1", (sp.Rational(1, 2), 4, 1)),
    (r"\frac{1}{2}", (1, 2)),
    (r"\left(0.25\right) \times 8", (sp.Rational(1, 4), 8)),
    (r"\dfrac{3}{4} - \tfrac{1}{8}", (3, 4, 1, 8)),
    (r"2 x", None),            # a letter: not arithmetic on numbers
    ("3", None),               # one number: nothing computed
    (r"\sin{2}+1", None),      # a command not in the list is letters (\sqrt, \exp, \ln, \log and e^ are in it)
])
def test_written_numbers_of_an_arithmetic_claim(text, numbers):
    """Catches a decimal read as two numbers, the one-number case counted, or a letter ignored."""
    got = written_numbers(text)
    assert got == numbers
    if got is not None:
        assert all(isinstance(n, sp.Rational) for n in got)


@pytest.mark.parametrize("text, counted", [
    (r"0.5498 \cdot 0.4502", (2, 4)),
    (r"1.5 + 0.25", (2, 1)),       # the fewest decimals, not the most
    (r"2 \cdot 0.10", (1, 2)),
    ("x_1.5", None),               # a subscript's digit before the point
    (r"a.5 + 0.123", (1, 3)),
    ("3", None),
])
def test_rounded_inputs_counts_decimal_numbers_and_their_fewest_decimals(text, counted):
    """Catches ``min`` turned ``max``, the count of all numbers instead of decimal ones, or the
    look-behind dropped (x_1.5 is no decimal input)."""
    assert rounded_inputs(text) == counted


# ---- piecewise definitions ----------------------------------------------------------------

_READ = {"z": z, "0": sp.Integer(0), "1": sp.Integer(1), "x": x, "-x": -x, "|a|": sp.Abs(a),
         r"\delta": delta, "a": a}


def read(text: str) -> sp.Expr:
    """A reader of the few sides the tests write (raising ValueError like the checker's)."""
    if text.strip() not in _READ:
        raise ValueError(text)
    return _READ[text.strip()]


@pytest.mark.parametrize("latex, value", [
    (r"y = \begin{cases} z & z > 0 \\ 0 & \text{otherwise} \end{cases}",
     sp.Piecewise((z, z > 0), (0, True))),
    (r"\begin{cases} x, & x \geq 0 \\ -x, & x < 0 \end{cases} + 1",
     sp.Piecewise((x, x >= 0), (-x, x < 0))),
    (r"\begin{cases} a & |a| \le \delta \\ 1 & \text{if } a > \delta \\ 0 & \text{otherwise}\end{cases}",
     sp.Piecewise((a, sp.Le(sp.Abs(a), delta)), (1, a > delta), (0, True))),
    (r"\begin {cases} 1 & x \gt 0 \\[2pt] 0 & x \le 0 \end{ cases }",
     sp.Piecewise((1, x > 0), (0, x <= 0))),
])
def test_a_cases_environment_becomes_one_piecewise_and_one_mark_as_long(latex, value):
    """Catches a relation mapped to its opposite, the rows split at the wrong place, the
    ``otherwise`` row given a condition, or a mark of another length (columns shift)."""
    text, values = cases_read(latex, read)
    assert values == (value,)
    assert len(text) == len(latex)
    start = latex.index(r"\begin")
    assert text[start:start + 2] == MARK + "0"
    assert text[:start] == latex[:start]
    end = latex.rindex("}") + 1
    assert set(text[start + 2:end]) == {FILL} and text[end:] == latex[end:]


def test_two_environments_get_two_numbered_marks():
    latex = r"\begin{cases} 1 & x > 0 \\ 0 & otherwise \end{cases} + \begin{cases} z & z > 0 \\ 0 & otherwise \end{cases}"
    text, values = cases_read(latex, read)
    assert values == (sp.Piecewise((1, x > 0), (0, True)), sp.Piecewise((z, z > 0), (0, True)))
    assert text.count(MARK) == 2 and MARK + "1" in text


@pytest.mark.parametrize("latex", [
    r"\begin{cases} 1 x > 0 \\ 0 & otherwise \end{cases}",    # 1 x (one space) might be 1·x
    r"\begin{cases} 0 & otherwise \\ 1 & x > 0 \end{cases}",  # "otherwise" before the last row
    r"\begin{cases} 1 & x > 0 \end{cases}",                    # one row is no piecewise
    r"\begin{cases} q & x > 0 \\ 0 & otherwise \end{cases}",  # a side the reader refuses
])
def test_rows_that_are_not_a_value_and_a_condition_are_refused_with_the_position(latex):
    """Catches a guess where the docstring promises a refusal, and the error's position lost."""
    with pytest.raises(PiecewiseError) as info:
        cases_read("ab " + latex, read)
    assert info.value.pos == 3


def test_a_name_defined_under_opposite_signs_is_one_piecewise():
    """y = x (x > 0), y = 0 (x ≤ 0) → Piecewise((x, x > 0), (0, True)); with ≥ on the positive
    side the strict one is the negative: Piecewise((0, x < 0), (x, True)). Catches the
    pieces swapped, or the strict side taken from the wrong piece."""
    assert conditional_pieces([(x, (("x", 1, ">"),)), (sp.Integer(0), (("x", -1, "≤"),))]) \
        == sp.Piecewise((x, x > 0), (0, True))
    assert conditional_pieces([(sp.Integer(0), (("x", -1, "<"),)), (x, (("x", 1, "≥"),))]) \
        == sp.Piecewise((0, x < 0), (x, True))


@pytest.mark.parametrize("pieces", [
    [(x, (("x", 1, ">"),))],                                                        # one sign only
    [(x, (("x", 1, ">"),)), (sp.Integer(0), (("y", -1, "≤"),))],                    # two names
    [(x, (("x", 1, ">"), ("y", 1, ">"))), (sp.Integer(0), (("x", -1, "≤"),))],      # two conditions
    [(x, (("x", 1, ">"),)), (sp.Integer(1), (("x", 1, ">"),)), (sp.Integer(0), (("x", -1, "≤"),))],
    [(x, (("x", -1, "<"),)), (sp.Integer(0), (("x", -1, "≤"),))],                   # both negative
])
def test_pieces_that_do_not_cover_both_signs_once_make_no_piecewise(pieces):
    assert conditional_pieces(pieces) is None


# ---- the definitions in force -----------------------------------------------------------------

def test_definitions_in_force_are_the_latest_before_else_the_first_after_unless_a_number():
    """L defined at claims 2 and 5; w = 3 (a worked example's value) at 7; b solved at 4 (a
    variable). Catches bisect_left for bisect_right (a claim's own definition), the last
    entry read forward, or later numbers and solutions read back."""
    L, w, b, y = (symbol(n) for n in "Lwby")
    d = Derivation(claims=[], spellings={}, assumptions=[], variables=frozenset({b}))
    d._definitions = {L: [(2, y - w), (5, (y - w) ** 2)], w: [(7, sp.Integer(3))], b: [(4, y / 2)]}
    assert d.definitions_at(0) == {L: y - w}
    assert d.definitions_at(2) == {L: y - w}
    assert d.definitions_at(4) == {L: y - w, b: y / 2}
    assert d.definitions_at(5) == {L: (y - w) ** 2, b: y / 2}
    assert d.definitions_at(8) == {L: (y - w) ** 2, w: 3, b: y / 2}
    assert d.definitions_at(6) == {L: (y - w) ** 2, b: y / 2}


# ---- a row under a condition that is not checked; the test points ---------------------------

def test_a_row_under_an_unchecked_condition_is_skipped_at_its_own_line():
    """Catches the skipped row given no line (or the segment's first)."""
    from derive.check import check_text

    (v,) = check_text("intro\n\n$$a = b + c, \\quad x > y$$\n").verdicts
    assert (v.line, str(v.verdict)) == (3, "skipped")
    assert v.reason == "holds under a condition (an inequality) that is not checked"


def test_every_third_random_point_lies_inside_zero_one():
    """sin(πx) = 0 holds at every integer: the first point (x = 2) and the first two random ones
    (any integer, then a positive one) agree, and the third, a fraction k/7, is the first to
    differ. Catches the fraction points moved to another place in the cycle."""
    from derive.check.points import numeric_difference

    equal, (point, left, right) = numeric_difference(sp.sin(sp.pi * x), sp.Integer(0))
    assert equal == 3
    assert 0 < point[x] < 1 and point[x].q == 7 and right == 0
