r"""A long right side broken over rows of ``eqnarray``, ``multline``, ``align*`` (issue 9: trust).

Notes written here. A row whose first content, after ``&&`` and layout (``\hspace{…}``,
``\qquad``, ``\nonumber``), is a binary operator goes on with the row above. The checker
judged the first row alone, dropped the factors of the next rows and called a true step
wrong: ``&&`` (eqnarray's two columns) and ``\hspace{…}`` escaped the rows joined before,
and a ``multline`` row has no ``&`` at all. Sized brackets ``\Biggl( … \Biggr)`` were not read.
"""
from derive.check import check_text
from derive.check.continued_rows import continues_row_above
from derive.check.markdown import math_segments

NOTES = r"""# Broken rows

Let $q(w) = (w + \sin(x))^3 \sin(b + w x)$.

\begin{eqnarray}
 \frac{\partial q}{\partial w} &=& 3 \left( w + \sin[x] \right)^2 \sin\Bigl[b + w x\Bigr]\nonumber \\
 && +\, \left( w + \sin[x]\right)^3 \nonumber\\
 && \hspace{1cm}\cdot x \cdot \cos\biggl[b + w x\biggr] \nonumber\\
 &=& \left( w + \sin[x]\right)^2 \left(3 \sin[b + w x] + x (w + \sin[x]) \cos[b + w x]\right).
\end{eqnarray}

\begin{multline}
 \frac{\partial q}{\partial x} = 3 \left( w + \sin(x) \right)^2 \cos(x) \sin\bigl[b + w x\bigr] \\
 + \left( w + \sin(x)\right)^3 \cdot w \\
 \cdot \cos\biggl[b + w x\biggr]
\end{multline}

\begin{align*}
 \frac{\partial q}{\partial b} &= \left( w + \sin(x)\right)^3 \nonumber \\
 &\qquad \times \cos\Bigl(b + w x\Bigr)
\end{align*}
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def wrong_lines(notes: str) -> list[int]:
    return [line for line, verdict in verdicts(notes) if verdict == "wrong"]


def test_a_right_side_broken_over_rows_is_judged_whole():
    found = verdicts(NOTES)
    assert not wrong_lines(NOTES)
    # eqnarray over three rows, then its next link (a row that begins with "=" is a new link)
    assert (6, "proved") in found and (9, "proved") in found
    assert (13, "proved") in found  # multline: rows without &
    assert (19, "proved") in found  # align*: &\qquad \times after \nonumber


def test_a_slip_in_a_continuation_factor_is_wrong():
    assert wrong_lines(NOTES.replace(r"\hspace{1cm}\cdot x \cdot", r"\hspace{1cm}\cdot w \cdot")) == [6]
    assert wrong_lines(NOTES.replace(r"\right)^3 \cdot w \\", r"\right)^3 \cdot x \\")) == [13]
    assert wrong_lines(NOTES.replace(r"&\qquad \times \cos\Bigl(", r"&\qquad \times \sin\Bigl(")) == [19]
    # the next link is still compared with the whole broken side
    assert wrong_lines(NOTES.replace(r"\left(3 \sin[b + w x] + x", r"\left(3 \sin[b + w x] + w")) == [9]


def test_the_broken_rows_are_one_segment_with_offsets_kept():
    rows = math_segments(NOTES)
    first = next(r for r in rows if "partial q}{\\partial w" in r.latex)
    assert r"\cdot x \cdot \cos" in first.latex and "\\\\" not in first.latex and "&" not in first.latex
    assert first.latex.index(r"\hspace{1cm}") == NOTES.index(r"\hspace{1cm}") - first.start


NEAR = r"""# Near misses

\begin{gather*}
p = 3 \\
- p = -3
\end{gather*}

\begin{align*}
m &= 4 \cdot 5 \\
-m &= -20
\end{align*}
"""


def test_a_row_with_its_own_relation_stays_an_equation_of_its_own():
    found = verdicts(NEAR)
    assert not wrong_lines(NEAR)  # joined, "p = 3 - p = -3" would be wrong
    assert (5, "proved") in found and (10, "proved") in found
    assert not continues_row_above(r" - p = -3") and not continues_row_above(r"-m &= -20")
    assert not continues_row_above(r" &= 5 \cdot 4") and not continues_row_above(r"&&\hspace{1cm} = 5")
    assert continues_row_above(r" &&\hspace*{0.5cm}\nonumber \cdot x") and continues_row_above(r" \quad - x")


def test_sized_brackets_are_brackets():
    notes = "\n\n".join([r"$$ r = \Bigl[ 2 + 3 \Bigr] \cdot 4 = 20 $$", r"$$ s = \biggl[ 1 + 2 \biggr]^2 = 9 $$",
                         r"$$ t = 5 \bigl[ 7 - 3 \bigr] = 20 $$", r"$$ u = \Biggl( 6 - 2 \Biggr) \cdot 3 = 12 $$"])
    assert [v for _, v in verdicts(notes)] == ["definition", "proved"] * 4
    assert wrong_lines(notes.replace("= 12", "= 13")) == [7]  # (6 - 2) · 3, not 6 - 2 · 3


DISPLAYS = r"""Let $q(w) = w^2 \sin(x w)$.

$$\frac{\partial q}{\partial w} = 2 w \sin(x w)$$
$$\qquad + w^2 \cdot x \cdot \cos(x w)$$

Let $h(w) = w^3$.

$$\frac{d h}{d w} = 3 w^2,$$
$$- w^2$$

$$\frac{d h}{d w} = 3 w^2$$
is what we found; the term
$$- w^2$$
comes from somewhere else.

$$ p = 3 $$
$$ - p = -3 $$
"""


def test_a_display_right_after_an_equation_goes_on_with_it():
    found = verdicts(DISPLAYS)
    assert (3, "proved") in found
    assert wrong_lines(DISPLAYS.replace(r"\cdot x \cdot \cos", r"\cdot w \cdot \cos")) == [3]


def test_displays_that_are_a_list_or_have_prose_between_stay_apart():
    found = verdicts(DISPLAYS)
    assert (8, "proved") in found and (11, "proved") in found  # "3 w^2," ends its equation; prose between
    assert (16, "definition") in found and (17, "proved") in found  # -p = -3: an equation of its own
    assert not [line for line in wrong_lines(DISPLAYS) if line > 5]
