r"""Math in Hugo's ``{{< katex >}}`` shortcode, and sums with ``\limits``/``\nolimits`` (issue 9, layout).

Notes built with Hugo write display math between ``{{< katex >}}`` and
``{{< /katex >}}``, often with no ``$$`` and no environment: those rows were
never found, so nothing in them was checked, and the names they defined were
unknown to every later step. Notes written here.
"""
from derive.check import check_text
from derive.check.latex import parse_statement
from derive.check.markdown import math_segments


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


HUGO = r"""# logistic unit

{{< katex  >}}
\tag{1}
   s_{k} = \frac{1}{1 + \exp(- z_{k})}
{{< /katex >}}

and

{{< katex display >}}
\begin{aligned}
   \frac{\partial s_{k} }{\partial z_{k} }
        &= \frac{ \exp(- z_{k}) }{ (1 + \exp(- z_{k}))^2 } \\
        &= s_{k} (1 - s_{k})
\end{aligned}
{{< /katex >}}

inline {{< katex >}}z_{k} = 2 v_{k}{{< /katex >}} too.
"""


def test_rows_in_a_katex_shortcode_are_read():
    assert verdicts(HUGO) == [(5, "definition"), (12, "proved"), (14, "proved"), (18, "definition")]


def test_a_wrong_row_in_a_katex_shortcode_is_flagged():
    planted = HUGO.replace("&= s_{k} (1 - s_{k})", "&= s_{k} (1 + s_{k})")
    assert (14, "wrong") in verdicts(planted)


def test_a_name_defined_in_a_shortcode_is_known_to_later_steps():
    notes = HUGO + "\n$$\\frac{\\partial s_{k}}{\\partial v_{k}} = 2 s_{k}(1 - s_{k})$$\n"
    assert verdicts(notes)[-1] == (20, "proved")


def test_other_shortcodes_and_an_unclosed_katex_are_not_math():
    text = '{{< relref "x.md" >}} and {{< katexmore >}} a = b {{< /katex >}}\n{{< katex >}} c = d\n'
    assert math_segments(text) == []


def test_percent_shortcodes_and_offsets():
    text = "{{% katex %}}a = b + 1{{% /katex %}}\n"
    [seg] = math_segments(text)
    assert seg.latex == "a = b + 1" and text[seg.start:seg.start + len(seg.latex)] == seg.latex


def test_a_sum_with_nolimits_or_limits_reads_as_the_sum():
    plain = parse_statement(r"z = \sum_{j=1}^{n} x_j").pieces[0].exprs[1].value
    assert parse_statement(r"z = \sum\nolimits_{j=1}^{n} x_j").pieces[0].exprs[1].value == plain
    assert parse_statement(r"z = \sum\limits_{j=1}^{n} x_j").pieces[0].exprs[1].value == plain
