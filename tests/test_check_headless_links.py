"""The numeric links of a row whose head cannot be read, in notes written here (issue 9).

``\\sum t = 12 + 15 + 21 = 48`` begins with a sum over data without an index, which the reader
refuses, so the row is skipped; but ``12 + 15 + 21 = 48`` is arithmetic whatever the head means,
and is checked on its own (a wrong sum is wrong, and the verdict says the head was not read).
Rows of an environment the reader does not split (``b_0 &=& \\frac{2}{9} &\\approx& 0.22222``)
are read row by row. Parts with names, dots, spacing between digits, labels read as numbers, or
another relation stay unread, and no link is compared across an unread part.
"""
from derive.check import check_text
from derive.check.headless_links import numeric_runs

SUMS = r"""Daily readings $t$: 12, 15, 21.

- $\sum t = 12 + 15 + 21 = 48$
- $\sum t^2 = 12^2 + 15^2 + 21^2 = 144 + 225 + 441 = 810$
- $\sum t^3 = 12^3 + 15^3 + \dots = 14364$
"""

SOLVED = r"""$$\begin{pmatrix}
b_0 &=& \frac{2}{9} &\approx& 0.22222 \\
b_1 &=& \frac{40}{9} &\approx& 4.44444
\end{pmatrix}$$
"""


def verdicts(notes: str):
    return [(v.line, str(v.verdict), v.latex, v.reason) for v in check_text(notes).verdicts]


def real(notes: str):
    return [(line, verdict, latex) for line, verdict, latex, _ in verdicts(notes) if verdict != "skipped"]


def test_the_numbers_after_an_unread_sum_are_checked():
    found = real(SUMS)
    assert (3, "proved", "12 + 15 + 21 = 48") in found
    assert (4, "proved", "12^2 + 15^2 + 21^2 = 144 + 225 + 441") in found
    assert (4, "proved", "12^2 + 15^2 + 21^2 = 810") in found
    assert not [1 for _, verdict, _ in found if verdict == "wrong"]
    # the head's own claim stays skipped, and says that its numbers were checked
    skipped = {line: reason for line, verdict, _, reason in verdicts(SUMS) if verdict == "skipped"}
    assert "numbers are checked on their own" in skipped[3] and "numbers are checked on their own" in skipped[4]
    # and why the head was not read: a sum over data, not over indexed names
    assert "a sum over data without an index" in skipped[3]


def test_a_wrong_sum_after_an_unread_head_is_wrong_and_says_the_head_was_not_read():
    (wrong,) = [v for v in check_text(SUMS.replace("= 48", "= 46")).verdicts if str(v.verdict) == "wrong"]
    assert wrong.line == 3 and wrong.latex == "12 + 15 + 21 = 46"
    assert wrong.reason.startswith("the row's head could not be read")
    assert wrong.expected == "48"
    (wrong,) = [v for v in check_text(SUMS.replace("+ 441 = 810", "+ 441 = 801")).verdicts
                if str(v.verdict) == "wrong"]
    assert wrong.line == 4 and wrong.latex.endswith("= 801")


def test_a_sum_written_with_dots_stays_skipped():
    assert [v for v in verdicts(SUMS) if v[0] == 5] == [v for v in verdicts(SUMS) if v[0] == 5 and v[1] == "skipped"]
    assert [v for v in verdicts(SUMS) if v[0] == 5]


def test_each_row_of_an_unsplit_environment_is_read_on_its_own():
    # tex_rows.py opens a column of equations into rows; each row's approximation is then checked
    checked = [(line, verdict) for line, verdict, _ in real(SOLVED) if verdict != "definition"]
    assert checked == [(2, "numeric"), (3, "numeric")]
    planted = SOLVED.replace("4.44444", "4.44944")
    assert [(line, verdict) for line, verdict, _ in real(planted) if verdict != "definition"] == [
        (2, "numeric"), (3, "wrong")]
    # rows whose heads cannot be read: the numbers after each head are checked row by row
    sums = "$$\\begin{pmatrix}\n\\sum x &=& 12 + 15 &=& 27 \\\\\n\\sum y &=& 3 + 4 &=& 8\n\\end{pmatrix}$$\n"
    assert real(sums) == [(2, "proved", "12 + 15 = 27"), (3, "wrong", "3 + 4 = 8")]


def test_no_link_is_compared_across_an_unread_part():
    notes = r"$12 + 15 = \sum t = 27$" + "\n"  # 12 + 15 and 27 are on either side of the unread sum
    assert [v[1] for v in verdicts(notes)] == ["skipped"]
    notes = r"$\sum t = 12 + 15 = \sum s = 28$" + "\n"
    assert [v[1] for v in verdicts(notes)] == ["skipped"]


def test_parts_that_are_not_plain_numbers_stay_unread():
    for notes in (r"$\sum t = 1\,200 + 300 = 1\,500$",  # a thin space may group the digits of a thousand
                  r"$\sum t = 1 200 + 300 = 1 500$",  # so may a plain space
                  r"$\sum t = 3k + 2 = 14$",  # a name
                  r"$\sum t = 12 + 15 = 27 \quad (3)$",  # an equation number, not a factor
                  r"$\sum t = 12 + 15 = 27 \text{ hours}$",  # a unit
                  r"$\sum t \le 20 + 30 = 50$",  # another relation
                  r"$\sum t = [12, 15] = 27$",  # a list
                  r"$\sum t = 12{,}5 + 3 = 15{,}5$",  # a decimal comma
                  r"$\sum t = 40 + 50 + ... = 300$"):  # dots
        assert [v[1] for v in verdicts(notes + "\n")] == ["skipped"], notes


def test_a_label_is_not_read_as_a_number():
    notes = r"$$\sum t = 12 + 15 = 27 \tag{2}$$" + "\n"
    assert real(notes) == [(1, "proved", "12 + 15 = 27")]


def test_a_readable_row_is_read_as_before():
    notes = "$q = 12 + 15 = 27$\n"  # read whole: a definition, then its chain, not this module's claims
    assert [v[3] for v in verdicts(notes) if v[1] != "definition"] == ["equal after expanding both sides"]


def test_a_row_that_goes_on_from_the_row_above_is_not_read_from_its_middle():
    # rows of one segment the reader could not read whole, cut at its row breaks
    for latex in (r"\sum t &= 12 + 15 \\ &+ 21 = 48",  # "+ 21 = 48" is the end of 12 + 15 + 21
                  r"\sum t &= 12 + 15 + \\ & 21 = 48",  # "21 = 48" after a row that ends with "+"
                  r"\sum t &= 12 \cdot 3 \\ \cdot 2 = 72"):
        assert numeric_runs(latex) == [], latex
    (run,) = numeric_runs(r"\sum t &= 27 \\ \sum s &= 4 + 1 = 5")  # a row of its own: read
    assert [e.text for e in run[0]] == ["4 + 1", "5"]


def test_functions_whose_meaning_depends_on_the_notes_are_not_read():
    for notes in (r"$\sum t = \log 100 = 2$",  # base 10 here, natural in other notes
                  r"$\sum t = \sigma(0) = 0.5$",  # sigma may be the logistic function or a number
                  r"$\sum t = \max(0, 3) = 3$"):
        assert [v[1] for v in verdicts(notes + "\n")] == ["skipped"], notes
