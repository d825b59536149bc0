r"""MyST directive fences in Jupyter Book notes (notes written here): the
Markdown inside ```` ```{prf:example} ```` was skipped as code, so a worked
example inside one got no verdict. Directive fences now hold Markdown; code
directives stay code, ``{math}`` is display math, lines keep their numbers."""
from verdict_lines import verdicts_by_line
from derive.check.myst_directives import directive_fences_blanked

NOTES = """Forward pass.
```{prf:example} A small graph at $u = 2$
- $v_1 = u^2 = 4$
- $v_2 = 3 v_1 = 13$
````{admonition} Note
```{hint}
$v_3 = v_1 + 1 = 5$
```
````
```
```{code-cell} python
x = 1  # $v_9 = 2 = 3$
```
```{math}
v_4 = v_2 - v_1 = 8
```
~~~{figure} graph.png
The last node, $v_5 = 2 v_1 = 9$.
~~~
$v_6 = 1 + 1 = 2$
"""


def test_math_inside_directives_is_read_at_its_own_lines():
    got = verdicts_by_line(NOTES)
    assert "proved" in got[3] and "wrong" in got[4]  # u = 2 given in the directive's title
    assert "proved" in got[7]  # nested directives
    assert 12 not in got  # inside a code cell
    assert "proved" in got[15]  # {math}
    assert "wrong" in got[18]  # a figure's caption
    assert "proved" in got[20]  # after the directives, lines still in place


def test_fence_lines_are_blanked_to_the_same_length():
    out = directive_fences_blanked(NOTES)
    assert len(out) == len(NOTES)
    assert out.count("\n") == NOTES.count("\n")
    assert "{prf:example}" not in out and "{hint}" not in out and "{figure}" not in out
    assert " A small graph at $u = 2$" in out
    assert "```{code-cell} python" in out and "```{math}" in out


def test_an_unclosed_directive_and_text_without_braces_are_safe():
    text = "```{note}\n$a = 1 + 1 = 2$\n"
    out = directive_fences_blanked(text)
    assert out.startswith(" " * len("```{note}")) and "$a = 1 + 1 = 2$" in out
    assert directive_fences_blanked("```{code}\n$b = 3$") == "```{code}\n$b = 3$"
    plain = "```python\nx = {1: 2}\n```\n"
    assert directive_fences_blanked(plain) == plain
