r"""Math escaped for Markdown (issue 9, round 8: LaTeX rows).

Notes written here. Slides and static sites whose Markdown reads ``_…_`` as
emphasis before MathJax sees the math escape every underscore
(``\sum\_{i=1}^n``, ``D\_{val}``); GitLab writes inline math ``$`…`$``. Before,
the first stopped the reader ("unexpected '\'") and the second was read as
a code span and as math with backticks in it ("unexpected '`'").
"""
from derive.check import check_text
from derive.check.markdown import math_segments


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


ESCAPED = r"""# Mean squared error, as the slides write it

$$Q = \frac{1}{m} \sum\_{j=1}^m (a t\_j - s\_j)^2$$

$$\begin{aligned}\frac{\partial Q}{\partial a} &= \frac{1}{m} \sum\_{j=1}^m 2 (a t\_j - s\_j) t\_j =\\\\
&= \frac{2}{m} \sum\_{j=1}^m (a t\_j - s\_j) t\_j \end{aligned}$$

$N\_{val} = 0.2 \cdot 60 = 12$ examples.
"""


def test_escaped_underscores_read_as_subscripts():
    assert verdicts(ESCAPED) == [(3, "definition"), (5, "proved"), (6, "proved"), (8, "definition"), (8, "proved")]


def test_a_wrong_step_with_escaped_underscores_is_flagged():
    planted = ESCAPED.replace(r"&= \frac{2}{m} \sum\_{j=1}^m (a t\_j - s\_j) t\_j",
                              r"&= \frac{2}{m} \sum\_{j=1}^m (a t\_j + s\_j) t\_j")
    assert (6, "wrong") in verdicts(planted)
    assert (8, "wrong") in verdicts(ESCAPED.replace("= 12$", "= 14$"))


GITLAB = r"""# A line through the data

For $`m`$ points the residual is $`e_j = s_j - (a t_j + c)`$, so
$`\frac{\partial e_j}{\partial a} = -t_j`$ and $`\frac{\partial e_j}{\partial c} = -1`$.
"""


def test_gitlab_inline_math_is_read_once_as_latex():
    assert verdicts(GITLAB) == [(3, "definition"), (4, "proved"), (4, "proved")]


def test_a_wrong_step_in_gitlab_math_is_flagged():
    assert (4, "wrong") in verdicts(GITLAB.replace("= -t_j`", "= t_j`"))


# ------------------------------------------------------------- near misses: left as they were

def test_the_escape_is_blanked_in_place_and_a_row_end_before_an_underscore_stays():
    text = "$x\\_1 = 2$\n"
    [seg] = math_segments(text)
    assert seg.latex == "x _1 = 2" and len(text[seg.start:seg.start + len(seg.latex)]) == len(seg.latex)
    rows = [s.latex for s in math_segments("$$a = b \\\\_c = 1$$\n")]
    assert rows == ["a = b ", "_c = 1"]


def test_a_code_span_without_dollars_is_still_plain_math():
    notes = "The slope: `dy/dx = 2x` after `y = x² + 1`.\n"
    assert [(v.latex, str(v.verdict)) for v in check_text(notes).verdicts] == [
        (r"\frac{d y}{d x} = 2x", "proved"), ("y = x² + 1", "definition")]


def test_backticks_inside_display_math_are_not_blanked():
    [seg] = math_segments("$$`a` = 1 + `b`$$\n")
    assert "`a`" in seg.latex
