"""A worked number after a chain-rule row is judged with the definitions that row reaches (issue 9 §1).

In ``\\frac{\\partial p}{\\partial t} = \\frac{\\partial p}{\\partial q}\\frac{\\partial q}{\\partial t} = 1 \\cdot 3``
the number 3 is compared with the row before it. That row reaches ``q = u t`` although the
chain's first expression (∂p/∂t, p never written out) does not: judged without q's formula, q was
a constant input, ∂q/∂t was 0, the row before was the number 0, and a right worked value was
called wrong ("expected 0"). Notes written here, in their own names and numbers.
"""
from derive.check import check_text


def rows(notes: str) -> list[tuple[int, str, str, str]]:
    return [(v.line, str(v.verdict), v.latex, v.reason) for v in check_text(notes).verdicts]


def at(notes: str, line: int) -> list[tuple[str, str, str]]:
    return [(verdict, latex, reason) for n, verdict, latex, reason in rows(notes) if n == line]


# p is never written out: only ∂p/∂q is stated
GRAPH = r"""# a two-node graph, by hand

Values: $u = 3$, $t = 4$, $c = 1$.

$$q = u t$$

$$\frac{\partial q}{\partial t} = u$$

$$\frac{\partial p}{\partial q} = 1$$

$$\frac{\partial p}{\partial t} = \frac{\partial p}{\partial q} \cdot \frac{\partial q}{\partial t} = 1 \cdot 3 = 3$$
"""


def test_a_worked_number_after_a_chain_rule_row_through_a_defined_name_is_not_wrong():
    assert check_text(GRAPH).wrong == []
    verdicts = [verdict for verdict, *_ in at(GRAPH, 11)]
    assert "wrong" not in verdicts
    # the row before it is (∂p/∂q)·u at u = 3: with the stated ∂p/∂q = 1 it is 3, so 1·3 is proved
    (_, one_times, reason) = at(GRAPH, 11)[1]
    assert one_times.endswith(r"1 \cdot 3")
    assert verdicts[1] == "proved" and "∂p/∂q (line 9)" in reason


def test_the_same_with_a_name_whose_value_is_given_only_through_the_row_before():
    # ∂p/∂t = ∂p/∂q · ∂q/∂t = 1 · u = 1 · 3: the number 3 is u's value, reached only through the row before
    notes = GRAPH.replace(r"= 1 \cdot 3 = 3$$", r"= 1 \cdot u = 1 \cdot 3$$")
    assert check_text(notes).wrong == []
    judged = at(notes, 11)
    assert [latex.rpartition("= ")[2] for _, latex, _ in judged] == [
        r"\frac{\partial p}{\partial q} \cdot \frac{\partial q}{\partial t}", r"1 \cdot u", r"1 \cdot 3"]
    assert judged[2][0] in ("proved", "numeric")


def test_a_wrong_worked_number_is_still_wrong_when_the_notes_define_the_output():
    # near miss: with p = q + c written out, ∂p/∂t = u = 3, and 1·4 is a real slip
    defined = GRAPH.replace("$$q = u t$$", "$$q = u t, \\quad p = q + c$$")
    assert check_text(defined).wrong == []
    slip = defined.replace(r"= 1 \cdot 3 = 3$$", r"= 1 \cdot 4 = 4$$")
    wrong = [(v.line, v.latex) for v in check_text(slip).wrong]
    assert (11, r"\frac{\partial p}{\partial t} = 1 \cdot 4") in wrong
    assert all(line == 11 for line, _ in wrong)


def test_a_slip_against_a_stated_value_is_skipped_not_wrong():
    # near miss: p is never written out, so 1·4 disagrees only with the stated ∂p/∂q, which may be the slip
    slip = GRAPH.replace(r"= 1 \cdot 3 = 3$$", r"= 1 \cdot 4 = 4$$")
    assert check_text(slip).wrong == []
    assert at(slip, 11)[1][0] == "skipped"
