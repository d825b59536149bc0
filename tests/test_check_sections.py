r"""A letter defined in one section and used as an input in the next (issue 9: trust).

Notes written here. A first section defines ``a`` as a neuron's activation; a second works a
computation graph whose input is also called a. Read with the activation in force, the graph's
true derivative by b was wrong. When a wrong step holds with such a name read as an input of its
own, and the name's formula in force was given under another heading, the step is skipped with
that reason. In the same section, the formula is what the notes mean: a slip is still wrong.
"""
from derive.check import check_text
from derive.check.sections import heading_lines, same_section

NEURON = r"""## A neuron

$$a = \text{ReLU}(Wx + b)$$

## A graph

$y = (a + b) c$

$$\frac{\partial y}{\partial b} = c$$

$$\frac{\partial y}{\partial a} = c$$
"""


def verdicts(notes: str) -> dict[int, str]:
    return {v.line: str(v.verdict) for v in check_text(notes).verdicts}


def test_a_graph_input_named_like_an_earlier_activation_is_skipped_not_wrong():
    found = verdicts(NEURON)
    assert found[9] == "skipped" and found[11] == "proved"
    reason = [v.reason for v in check_text(NEURON).verdicts if v.line == 9][0]
    assert "another section" in reason and "line 3" in reason


def test_in_one_section_the_formula_in_force_is_meant_and_a_slip_is_wrong():
    one = NEURON.replace("## A graph\n", "")
    assert verdicts(one)[8] == "wrong"


def test_a_step_wrong_with_the_name_free_too_is_still_wrong():
    slip = NEURON.replace(r"\frac{\partial y}{\partial b} = c", r"\frac{\partial y}{\partial b} = 2c")
    assert verdicts(slip)[9] == "wrong"


def test_headings_inside_fenced_code_do_not_count():
    text = "# One\n```python\n# a comment\n```\n~~~\n## not a heading\n~~~\n## Two\n#hashtag\n    # indented code\n"
    assert heading_lines(text) == (1, 8)


def test_same_section_edges():
    headings = (5, 10)
    assert same_section(headings, 1, 4) and same_section(headings, 5, 9)
    assert not same_section(headings, 4, 5) and not same_section(headings, 9, 10)
    assert same_section((), 1, 100)
