r"""Digits grouped with a thin space (``45\,000``, ``0.002\,5``) are one number (digit_groups.py).

Notes written here. Read as a product of the groups, ``45\,000`` was 45·0 = 0 and
``150\,528`` was 150·528, so true counts were called wrong. Near misses (a space
before a name or a bracket, groups of other lengths) keep the old reading.
"""
import sympy as sp
from hypothesis import example, given, strategies as st

from derive.check import check_text
from derive.symbols import symbol
from derive.check.decimals import printed_decimals, rounded_inputs, written_numbers
from derive.check.digit_groups import digit_groups_joined, digit_groups_read
from derive.check.latex import parse_statement


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def value(latex: str) -> sp.Expr:
    (piece,) = parse_statement(latex).pieces
    return piece.exprs[0].value


def test_a_count_with_thousands_grouped_is_one_number():
    notes = ("A layer of $224 \\cdot 224 \\cdot 3 = 150\\,528$ inputs.\n\n"
             "With $M = 45\\,000$ images and batches of $b = 250$ there are $M / b = 180$ steps.\n")
    assert verdicts(notes) == [(1, "proved"), (3, "definition"), (3, "definition"), (3, "proved")]


def test_a_wrong_grouped_count_is_still_wrong():
    assert verdicts("$224 \\cdot 224 \\cdot 3 = 150\\,538$\n") == [(1, "wrong")]


def test_three_groups_and_decimal_groups():
    assert value("7\\,340\\,032") == 7340032
    assert value("0.002\\,5") == sp.Rational(25, 10000)
    assert value("1\\,250.75") == sp.Rational(125075, 100)
    assert value("2\\;500") == 2500 and value("9\\ 100") == 9100
    notes = "$\\alpha = 0.002\\,5$ so $400\\alpha = 1$.\n"
    assert verdicts(notes) == [(1, "definition"), (1, "proved")]


def test_a_grouped_decimal_counts_all_its_places():
    assert printed_decimals("0.142\\,9") == 4
    assert rounded_inputs("0.142\\,86 \\cdot 7.5") == (2, 5)
    assert written_numbers("3 \\cdot 2\\,000") == (3, 2000)
    # 1/7 = 0.142857…: four places print 0.1429, never 0.1428
    assert verdicts("$\\frac{1}{7} = 0.142\\,9$\n\n$\\frac{1}{7} = 0.142\\,7$\n") == [(1, "numeric"), (3, "wrong")]


def test_a_space_before_anything_else_stays_a_product():
    assert value("4\\,y") == 4 * symbol("y")
    assert value("2\\,(y + 1)") == 2 * (symbol("y") + 1)
    assert value("5\\,\\text{s}") == 5
    notes = "$y = 3$, so $4\\,y = 12$ and $2\\,(y + 1) = 8$.\n"
    assert verdicts(notes) == [(1, "definition"), (1, "proved"), (1, "proved")]


def test_groups_of_other_lengths_are_not_read_as_one_number():
    for latex in ("1\\,0000", "3\\,000\\,12", "12\\,34", "1234\\,567", "0\\,500", "x_1\\,000", "2.5\\,000"):
        assert digit_groups_read(latex) == latex, latex
    assert value("1\\,0000") == 0  # read as before: 1·0000
    assert digit_groups_read("{,}") == "{,}" and digit_groups_read("50{,}000") == "50{,}000"


@given(st.integers(min_value=1000, max_value=10**12))
@example(1000)
@example(999_999_999_999)
@example(1_000_001)
def test_any_thousands_grouping_reads_back_the_number(n):
    grouped = f"{n:,}".replace(",", "\\,")
    rewritten = digit_groups_read(grouped)
    assert len(rewritten) == len(grouped)
    assert value(grouped) == n
    assert digit_groups_joined(grouped) == str(n)
