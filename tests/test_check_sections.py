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


def test_a_name_the_step_differentiates_is_not_freed():
    # freed, dL/da would be a symbol of its own and any value would hold: a slip there stays wrong,
    # even when the step's section uses L as an input (J = L + 1)
    notes = "## Loss\n\n$$L = (a - 1)^2$$\n\n## Gradient\n\n$$J = L + 1$$\n\n$$\\frac{dL}{da} = 3(a - 1)$$\n"
    assert verdicts(notes)[9] == "wrong"


def test_a_name_no_formula_of_the_steps_section_uses_is_not_freed():
    # nothing under the second heading shows a is now an input: the formula in force is meant
    notes = "## One\n\n$$a = 2b$$\n\n## Two\n\n$$\\frac{\\partial}{\\partial b}(a + b) = 1$$\n"
    assert verdicts(notes)[7] == "wrong"
    used = notes.replace("## Two\n\n", "## Two\n\n$$y = a + b$$\n\n").replace(
        "$$\\frac{\\partial}{\\partial b}(a + b) = 1$$", "$$\\frac{\\partial y}{\\partial b} = 1$$")
    assert verdicts(used)[9] == "skipped"


def _last_step(notes: str):
    from derive.check.claims import read_derivation
    from derive.check.derivation import Step
    derivation = read_derivation(notes)
    return [c for c in derivation.claims if isinstance(c, Step)][-1], derivation


def test_the_guards_hold_even_when_the_freed_reading_would_hold():
    # a reading that always holds isolates the two guards from how the step is judged
    from derive.check.earlier_meanings import earlier_meaning
    always = lambda defs: True  # noqa: E731
    graph = _last_step(NEURON)
    assert "another section" in earlier_meaning(*graph, always)
    differentiated = _last_step("## Loss\n\n$$L = (a - 1)^2$$\n\n## Gradient\n\n$$J = L + 1$$\n\n"
                                "$$\\frac{dL}{da} = 3(a - 1)$$\n")
    assert earlier_meaning(*differentiated, always) == ""
    unused = _last_step("## One\n\n$$a = 2b$$\n\n$$y = a + b$$\n\n## Two\n\n$$\\frac{\\partial y}{\\partial b} = 1$$\n")
    assert earlier_meaning(*unused, always) == ""
    same = _last_step(NEURON.replace("## A graph\n", ""))
    assert earlier_meaning(*same, always) == ""
