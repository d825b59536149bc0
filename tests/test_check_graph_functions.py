"""Computation-graph notes (issue 9 §2): a function written through an intermediate name.

Notes that draw ``h(s) = a s + c`` as a graph name the product, ``q = a s``, and write
``h(s) = q + c``; then ``\\frac{\\partial h}{\\partial q} = 1`` and the chain rule through q. The
body ``q + c`` does not write s, so the row was skipped ("read as a product") and every
derivative of the bare name h was a derivative of something undefined. Now the row defines h
(its bare name is ``q + c``, a call ``h(2)`` is ``2a + c``), and is a claim when h was defined
before (proved when the bodies agree; a new definition, never wrong, when they do not).
A bare h after ``h(s) = …`` is that function's value, as ``J`` after ``J(w, b) = …`` is.
Notes written here, in their own names and numbers (``graph_functions.py``).
"""
from derive.check import check_text

GRAPH = r"""# A node graph, by hand

Take $$h(s) = a s + c$$ with $$a = 4, s = 2, c = -1$$.

Name the product $$q = a s$$, so that $$h(s) = q + c$$.

$$\frac{\partial h}{\partial q} = 1, \quad \frac{\partial h}{\partial c} = 1, \quad \frac{\partial q}{\partial s} = a$$

$$\frac{\partial h}{\partial s} = \frac{\partial h}{\partial q} \cdot \frac{\partial q}{\partial s} = 1 \cdot a = 4$$

$$h(2) = 7$$
"""


def verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.latex) for v in check_text(notes).verdicts if v.verdict != "definition"]


def at(notes: str, line: int) -> list[tuple[str, str]]:
    return [(str(v.verdict), v.reason) for v in check_text(notes).verdicts if v.line == line]


def wrong_lines(notes: str) -> list[int]:
    return [v.line for v in check_text(notes).wrong]


def test_a_function_written_through_an_intermediate_name_is_proved_and_its_derivatives_checked():
    assert verdicts(GRAPH) == [
        (5, "proved", "h(s) = q + c"),
        (7, "proved", r"\frac{\partial h}{\partial q} = 1"),
        (7, "proved", r"\frac{\partial h}{\partial c} = 1"),
        (7, "proved", r"\frac{\partial q}{\partial s} = a"),
        (9, "proved", r"\frac{\partial h}{\partial s} = \frac{\partial h}{\partial q} \cdot \frac{\partial q}{\partial s}"),
        (9, "proved", r"\frac{\partial h}{\partial s} = 1 \cdot a"),
        (9, "proved", r"\frac{\partial h}{\partial s} = 4"),
        (11, "proved", "h(2) = 7"),
    ]
    (restated, defined) = at(GRAPH, 5)[1:]
    assert restated[1].startswith("h as defined at line 3, written through the names it is defined in")
    assert defined == ("definition", "defines q") or defined[0] == "definition"


def test_slips_about_the_graph_are_wrong():
    assert wrong_lines(GRAPH.replace(r"\frac{\partial h}{\partial q} = 1", r"\frac{\partial h}{\partial q} = 2")) == [7]
    assert wrong_lines(GRAPH.replace(r"\frac{\partial h}{\partial c} = 1", r"\frac{\partial h}{\partial c} = -1")) == [7]
    assert wrong_lines(GRAPH.replace(r"= 1 \cdot a = 4$$", r"= 1 \cdot a = 5$$")) == [9]
    assert wrong_lines(GRAPH.replace("h(2) = 7", "h(2) = 9")) == [11]


def test_a_restated_function_that_differs_is_never_wrong_and_not_used_after():
    # a new function h, or a slip in one of its two bodies: which is not known, so h is not judged from here on
    other = GRAPH.replace("so that $$h(s) = q + c$$", "so that $$h(s) = q - c$$")
    assert wrong_lines(other) == []
    (verdict, reason), = [row for row in at(other, 5) if row[0] != "definition"]
    assert verdict == "skipped" and "a new function h, or a slip in one of the two" in reason
    assert [v for v, _ in at(other, 7)] == ["skipped", "skipped", "proved"]
    assert at(other, 11)[0][0] == "skipped"
    # nor are slips after it: they may be right about the new h
    assert wrong_lines(other.replace(r"\frac{\partial h}{\partial c} = 1", r"\frac{\partial h}{\partial c} = -1")) == []


def test_the_first_definition_through_a_name_defines_the_function():
    notes = GRAPH.replace("Take $$h(s) = a s + c$$ with", "Take")
    assert [row for row in verdicts(notes) if row[0] == 5] == []  # nothing to compare it with: a definition
    assert {verdict for _, verdict, _ in verdicts(notes)} == {"proved"}
    assert wrong_lines(notes.replace("h(2) = 7", "h(2) = 6")) == [11]


def test_a_body_that_does_not_reach_the_argument_stays_skipped():
    # q is a product of a and t, not of s: h(s) = q + c says nothing about s
    notes = GRAPH.replace("Take $$h(s) = a s + c$$ with", "Take").replace("$$q = a s$$", "$$q = a t$$")
    (verdict, reason), = at(notes, 5)[1:]
    assert verdict == "skipped"
    assert wrong_lines(notes.replace(r"\frac{\partial h}{\partial q} = 1", r"\frac{\partial h}{\partial q} = 2")) == []


def test_a_body_that_reaches_the_argument_only_through_a_number_stays_skipped():
    # q = 8 is a worked value, not a formula in s
    notes = GRAPH.replace("Take $$h(s) = a s + c$$ with", "Take").replace("$$q = a s$$", "$$q = 8$$")
    assert [v for v, _ in at(notes, 5)][-1] == "skipped"
    assert wrong_lines(notes.replace(r"\frac{\partial h}{\partial q} = 1", r"\frac{\partial h}{\partial q} = 2")) == []


BARE = r"""# the bare name of a function

$$g(u) = u^2 + 3u$$

$$\frac{dg}{du} = 2u + 3$$
"""


def test_the_bare_name_of_a_defined_function_is_its_value():
    assert verdicts(BARE) == [(5, "proved", r"\frac{dg}{du} = 2u + 3")]
    assert wrong_lines(BARE.replace("= 2u + 3$$", "= 2u$$")) == [5]


def test_the_bare_name_of_a_function_defined_without_the_variable_is_not_judged():
    # ∂g/∂w of g(u) = u² + 3u: how u depends on w is not written
    notes = BARE + "\n$$\\frac{\\partial g}{\\partial w} = 0$$\n"
    assert at(notes, 7)[0][0] == "skipped"
    assert wrong_lines(notes.replace("= 0$$\n", "= 5$$\n")) == []


RULE = r"""# the chain rule, then an example

$$E = (t - p)^2, \quad p = a s$$

$$\frac{dE}{da} = \frac{d}{da}(t - p)^2$$

$$y = f(g(a))$$

$$y' = f'(g(a)) \cdot g'(a)$$

$$g(a) = -p$$

$$p = a s$$

$$= 2(t - p) \cdot \frac{d}{da}(-p)$$

$$= -2(t - p) s$$
"""


def test_a_function_of_a_rule_statement_is_not_defined_through_names():
    # g is the inner function of the rule (g'(a), f(g(a))): g(a) = -p names it for the example, and the
    # rows after it go on with dE/da, as they did before functions were read through names
    assert wrong_lines(RULE) == []
    assert [(line, verdict) for line, verdict, _ in verdicts(RULE) if line >= 15] == [(15, "proved"), (17, "proved")]
    assert wrong_lines(RULE.replace("= -2(t - p) s$$", "= 2(t - p) s$$")) == [17]


def test_the_bare_name_of_a_function_the_notes_also_compose_is_not_read():
    # f is the outer function of f(g(x)) and, redefined, the whole composite: a bare f may be either
    notes = r"""$$g(x) = 2x + 1, \quad f(u) = u^2$$

$$f(x) = (2x + 1)^2$$

$$\frac{df}{dx} = \frac{d}{dx}[f(g(x))]$$
"""
    assert wrong_lines(notes) == []
    assert [verdict for line, verdict, _ in verdicts(notes) if line == 5] == ["skipped"]
