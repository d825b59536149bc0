r"""Rows of equations set other ways than ``aligned`` with ``\\`` (issue 9, round 8: LaTeX rows).

Notes written here. Real notes end rows with plain TeX's ``\cr``, set a system's
solution as an ``eqnarray``-style column inside a matrix (``c_0 &=& \frac{5}{8}
&\approx& 0.625 \\``), draw a brace beside a list of equations
(``\left. \begin{matrix} … \cr … \end{matrix} \right\}``), and spread a ``\frac``
over several source lines inside an aligned block. Before, each such display was
one unreadable row (``unexpected '\'``, or "matrix notation"), so nothing in it
was checked and the names it defined were unknown further on.
"""
from derive.check import check_text
from derive.check.markdown import math_segments


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def reasons(notes: str) -> dict[int, str]:
    return {v.line: v.reason or "" for v in check_text(notes).verdicts}


NOTES = r"""# Fitting a line by hand

Two results at once:

$$\begin{pmatrix}
  c_0 &=& \frac{5}{8} &\approx& 0.625 \\
  c_1 &=& \frac{2}{3} &\approx& 0.66667 \\
\end{pmatrix}$$

$$
\left.
  \begin{matrix}
    r = 2 + 5 \cr
    s = r \cdot 3
  \end{matrix}
\right\}
$$

$$r + s = 28$$

$$
\begin{aligned}
\displaystyle (u + 2)^2 - u^2 &= u^2 + 4u + 4 - u^2 \cr
&= 4u + 4 \cr
  q &= \frac{
      3 + 9
  }
  {
      4
  } \cr
  &= 3
\end{aligned}
$$

$$E = \sum^{m}_{k=1} (v_k - c u_k - b)^2$$

$$
\begin{aligned}
\displaystyle \sum^{m}_{k=1} u_k (v_k - c u_k - b) &= 0 \cr
\sum^{m}_{k=1} u_k v_k &= \sum^{m}_{k=1} (c {u_k}^2 + b u_k) \cr
&= c \sum^{m}_{k=1} {u_k}^2 + b \sum^{m}_{k=1} u_k
\end{aligned}
$$
"""


def test_cr_rows_and_equation_columns_are_read():
    got = verdicts(NOTES)
    # a proof over sums may run out of its time budget on a loaded machine: then it is numeric
    got = [(line, "proved" if (line, verdict) == (41, "numeric") else verdict) for line, verdict in got]
    assert got == [
        (6, "definition"), (6, "numeric"), (7, "definition"), (7, "numeric"),
        (13, "definition"), (14, "definition"), (19, "proved"),
        (23, "proved"), (24, "proved"), (25, "definition"), (31, "proved"),
        (35, "definition"), (39, "skipped"), (40, "numeric"), (41, "proved")]  # 40 rearranges 39: equation_chains.py


def test_a_wrong_row_after_cr_is_flagged():
    assert (24, "wrong") in verdicts(NOTES.replace(r"&= 4u + 4 \cr", r"&= 4u + 2 \cr"))
    assert (31, "wrong") in verdicts(NOTES.replace("  &= 3\n", "  &= 4\n"))


def test_a_wrong_number_in_an_eqnarray_column_is_flagged():
    assert (6, "wrong") in verdicts(NOTES.replace("0.625", "0.652"))


def test_names_defined_beside_a_brace_are_known_further_on():
    assert (19, "wrong") in verdicts(NOTES.replace("r + s = 28", "r + s = 29"))


def test_offsets_stay_offsets_in_the_file():
    for seg in math_segments(NOTES):
        written = NOTES[seg.start:seg.start + len(seg.latex)]
        assert len(written) == len(seg.latex)
        kept = [(a, b) for a, b in zip(written, seg.latex) if b != " "]
        assert all(a == b for a, b in kept), (written, seg.latex)


# ------------------------------------------------------------- near misses: left as they were

def one_segment(latex: str) -> str:
    [seg] = math_segments(f"$$\n{latex}\n$$\n")
    return seg.latex


def test_a_matrix_of_entries_stays_one_matrix():
    for latex in (r"A = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}",
                  r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} = B",
                  r"\begin{pmatrix} w_1 = 0.3 & w_2 = 0.5 \\ w_3 = 1 & w_4 = 2 \end{pmatrix}",
                  r"M = \pmatrix{1 & 2 \cr 3 & 4}"):
        assert r"\\" in one_segment(latex) or r"\cr" in one_segment(latex)


def test_a_piecewise_definition_stays_one_row():
    for latex in (r"\begin{cases} y = 1 & \text{if } t > 0 \\ y = 0 & \text{otherwise} \end{cases}",
                  r"\begin{cases} y = 1 & t = 0 \\ y = 2 & t = 1 \end{cases}",
                  r"f(x) = \begin{cases} a &= 1 \\ b &= 2 \end{cases}"):
        assert r"\begin{cases}" in one_segment(latex)


def test_a_column_that_is_a_side_of_an_equation_is_not_opened():
    latex = r"v = \begin{pmatrix} a = 1 \\ b = 2 \end{pmatrix} + 1"
    assert r"\begin{pmatrix}" in one_segment(latex)


def test_cr_inside_braces_does_not_end_a_row():
    assert len(math_segments("$$\n\\matrix{a & b \\cr c & d} = 1\n$$\n")) == 1


def test_a_system_with_the_number_first_is_an_equation_not_a_wrong_identity():
    system = r"""$$\begin{cases}
  5 &=& 4 p &+& 0 q \\
  12 &=& 0 p &+& 3 q
\end{cases}
\Rightarrow
\begin{pmatrix}
  p &=& \frac{5}{4} \\
  q &=& 4
\end{pmatrix}$$
"""
    got = verdicts(system)
    assert (2, "skipped") in got and (3, "skipped") in got and "wrong" not in {v for _, v in got}
    assert "an equation to solve" in reasons(system)[2]
    assert (7, "definition") in got and (8, "definition") in got


def test_a_number_first_stays_wrong_when_the_notes_give_every_value():
    notes = "$$q = 4$$\n\n$$12 = 2 q$$\n"
    assert verdicts(notes) == [(1, "definition"), (3, "wrong")]


def test_a_number_set_equal_to_unknowns_alone_is_an_equation():
    notes = "$$5 = 4 p + 0 q$$\n\n$$4 p + 0 q = 5$$\n"
    got = check_text(notes).verdicts
    assert [(v.line, str(v.verdict)) for v in got] == [(1, "skipped"), (3, "numeric")]
    assert "an equation to solve" in got[0].reason and "a rearrangement of the equation at line 1" in got[1].reason
    # a system's rows are each an equation; a row after it is a rearrangement of it or a step in solving
    system = "$$1 = 7 p$$\n\n$$44 = 4 q$$\n\n$$2q = 22$$\n\n$$2q = 24$$\n"
    assert [(v.line, str(v.verdict)) for v in check_text(system).verdicts] == [
        (1, "skipped"), (3, "skipped"), (5, "numeric"), (7, "skipped")]


CONTROL_SPACE = r"""\begin{align}
(k + 1)^2 - 1 &= k^2 + 2k \\\
&= k(k + 2) \\\
&= k^2 + 2
\end{align}
"""


def test_a_backslash_after_a_row_end_is_a_space_not_a_row():
    r"""``\\\`` at the end of a row (the row end, then TeX's control space) used to
    make a row ``\`` of its own, unreadable, which cut the chain after it."""
    assert verdicts(CONTROL_SPACE) == [(2, "proved"), (3, "proved"), (4, "wrong")]


def test_an_even_run_of_backslashes_stays_a_row_end():
    rows = [s.latex.strip() for s in math_segments("$$\na = 1 \\\\\nb = 2 \\\\\\\\\nc = 3\n$$\n")]
    assert rows == ["a = 1", "b = 2", "c = 3"]


BOXED = r"""$$\boxed{\begin{aligned}
\frac{d}{dk} (k^2 + 1) &= 2k \\
\frac{d}{dk} (k^3 - k) &= 3k^2 - 1
\end{aligned}}$$
"""


def test_a_box_around_an_aligned_block_is_blanked():
    """The box's closing brace sat in the last row ("unexpected '}'")."""
    assert verdicts(BOXED) == [(2, "proved"), (3, "proved")]
    assert (3, "wrong") in verdicts(BOXED.replace("3k^2 - 1", "3k^2 + 1"))


def test_a_box_in_one_row_is_left_to_the_layout():
    assert [s.latex for s in math_segments("$$\\boxed{x = 1}$$\n")] == ["\\boxed{x = 1}"]


def test_cases_giving_one_name_two_values_are_alternatives_not_opened():
    latex = r"\begin{cases} \hat{y} = 1 \\ \hat{y} = 0 \end{cases}"
    assert r"\begin{cases}" in one_segment(latex)
    assert "wrong" not in [v for _, v in verdicts(f"$$\n{latex}\n$$\n")]
