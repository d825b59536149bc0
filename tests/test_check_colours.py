r"""Colour commands around part of a formula (``\color{red}{…}``, ``{\color{blue} …}``,
``\textcolor{red}{…}``, ``\color{#1F618D}{…}``). Notes written here.

Annotated derivations colour the part a step works on; the reader stopped at the
command and left the row unread, so a slip in a coloured step went unseen. The colour is
blanked; its braces too where that cannot change the reading. A coloured sum that is
multiplied, subtracted or raised (TeX draws ``2\color{red}{x+1}`` as "2 x+1"), a
coloured term under a power or after a ``/``, stay unread with that reason.
"""
import pytest

from derive.check import check_text
from derive.check.colours import colours_read
from derive.check.latex_errors import LatexError

NOTES = r"""# Inner and outer function, coloured

Let $h(t) = (t^2 + 5t)^4$.

$$h'(t) = 4({\color{teal}{t^2 + 5t}})^3 \cdot (2t + 5)$$

$$\frac{d}{dt} \cos(t^3) = -\sin(t^3) \cdot \textcolor{red}{3t^2}$$

$$\frac{d}{dt} \cos(t^3) = -\sin(t^3) \cdot {\color{blue} 2t^2}$$

$$\color{#2E86C1}{q = 7 \cdot 6 = 40}$$

$$f(t) = \color{orange}{t^3} - 2t, \qquad f'(t) = \color{orange}{3t^2} - 2$$

$${\color{green}{g(t) = t^4}} \qquad g'(t) = 4t^3$$

$$r = 3\color{red}{t + 1}$$

$$s = 10 - \textcolor{red}{t + 1}$$

$$p = \textcolor{red}{3t}^2$$

$$n = 1/\color{red}{2t}$$

$$
\color{#1F618D}{
\begin{aligned}
u &= 2 \cdot 9 + 4 \\
  &= 23
\end{aligned}
}
$$
"""


def _verdicts():
    got: dict[int, list[str]] = {}
    for v in check_text(NOTES).verdicts:
        got.setdefault(v.line, []).append(str(v.verdict))
    return got


def test_coloured_steps_are_read_and_checked():
    got = _verdicts()
    assert got[5] == ["proved"]  # h'(t) with the inner function coloured
    assert got[7] == ["proved"]  # \textcolor{red}{3t^2}, the inner derivative
    assert got[9] == ["wrong"]  # {\color{blue} 2t^2}: the inner derivative is 3t^2
    assert got[11] == ["definition", "wrong"]  # 7 · 6 is 42
    assert "proved" in got[13]
    assert "proved" in got[15]


def test_a_colour_around_aligned_rows_is_opened():
    got = _verdicts()
    assert "wrong" in got[29]  # 2 · 9 + 4 is 22, not 23


def test_a_coloured_sum_whose_grouping_is_not_certain_stays_unread():
    got = _verdicts()
    for line in (17, 19, 21, 23):
        assert got[line] == ["skipped"], line
    reasons = [v.reason for v in check_text(NOTES).verdicts if v.line == 17]
    assert "colour" in reasons[0] and "not certain" in reasons[0]


@pytest.mark.parametrize("latex, read", [
    (r"\color{red}{3x^2} - 9", r"3x^2 - 9"),
    (r"a \cdot {\color{blue} 2x}", r"a \cdot 2x"),
    (r"\textcolor[rgb]{1,0,0}{x}", r"x"),
    (r"6({\color{cyan}{x-1}})^5", r"6( x-1 )^5"),
    (r"{\color{cyan}{v = x}} \quad w", r"v = x \quad w"),
    (r"\frac{\color{red} a+b}{2}", r"\frac{ a+b}{2}"),
    (r"e^{\color{red}{2x}}", r"e^{ 2x }"),
    (r"\color{#1F618D}{\lambda}", r"\lambda"),
])
def test_colours_and_their_braces_are_blanked_in_place(latex, read):
    got = colours_read(latex)
    assert " ".join(got.split()) == read
    assert len(got) == len(latex)


@pytest.mark.parametrize("latex", [
    r"2\color{red}{x+1}", r"a - \textcolor{red}{b+c}", r"\textcolor{red}{2x}^2", r"1/\color{red}{2x}",
    r"2 {\color{red} x - 1}", r"a + {\color{red} b = c}", r"\color{red}{x+1", r"\color{red}{a/b} c",
])
def test_colour_groups_that_could_change_the_reading_are_refused(latex):
    with pytest.raises(LatexError):
        colours_read(latex)


def test_rows_without_colour_are_untouched():
    for latex in (r"x^2 + \text{colour} = 1", r"\colorbox{yellow}{x}", r"\frac{a}{b}", r"{a+b}^2"):
        assert colours_read(latex) == latex
