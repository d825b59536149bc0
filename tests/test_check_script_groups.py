r"""A brace group holding only a script (issue 9, reading): ``\delta{_2}`` is ``\delta_2``.

Notes written here. The reader stopped at the ``_`` ("unexpected '_'"); the
script belongs to the name before it, as TeX sets it.
"""
import pytest

from derive.check import check_text
from derive.check.latex import parse_statement
from derive.check.latex_errors import LatexError


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def values(latex: str) -> list[list]:
    return [[e.value for e in piece.exprs] for piece in parse_statement(latex).pieces]


OUTPUT_ERROR = r"""$$L = \frac{1}{2}(a - t)^2$$

$$a = w h + c$$

$$\delta{_o} = \frac{\partial L}{\partial a} = a - t$$

$$\frac{\partial L}{\partial w} = \delta{_o} \cdot h$$

$$\frac{\partial L}{\partial c} = \delta{_o}$$
"""


def test_an_error_term_written_with_a_braced_subscript_is_checked():
    assert verdicts(OUTPUT_ERROR) == [(1, "definition"), (3, "definition"), (5, "definition"), (5, "proved"),
                                      (7, "proved"), (9, "proved")]


def test_a_wrong_step_with_a_braced_subscript_is_flagged():
    planted = OUTPUT_ERROR.replace(r"\delta{_o} \cdot h$$", r"\delta{_o} \cdot w$$")
    assert (7, "wrong") in verdicts(planted)


@pytest.mark.parametrize("braced, plain", [
    (r"\delta{_2} = 1", r"\delta_2 = 1"),
    (r"\delta{_k} + 1 = 2", r"\delta_k + 1 = 2"),
    (r"\delta {_3} = 1", r"\delta_3 = 1"),
    (r"\delta{ _3 } = 1", r"\delta_3 = 1"),
    (r"w{_{12}} = 3", r"w_{12} = 3"),
    (r"x{^2} = 4", r"x^2 = 4"),
    (r"\delta{_2}^2 = 4", r"\delta_2^2 = 4"),
    (r"\hat{y}{_i} = 2", r"\hat{y}_i = 2"),
    (r"\delta{_\alpha} = 2", r"\delta_\alpha = 2"),
])
def test_a_braced_script_reads_as_the_script(braced, plain):
    assert values(braced) == values(plain)


def test_the_text_shown_is_the_name_as_written():
    [piece] = parse_statement(r"w{_{12}} = 3").pieces
    assert piece.exprs[0].text == r"w{_{12}}"


@pytest.mark.parametrize("latex", [r"a = {_2}", r"{_2} = 3", r"a = 2 + {_k}"])
def test_a_script_group_after_no_name_stays_unread(latex):
    with pytest.raises(LatexError):
        parse_statement(latex)
