"""Derivatives of undefined names given values by the notes themselves (issue 9
§1), in notes written here: once the notes state ∂C/∂p = p - q and ∂p/∂s =
p(1 - p), a later link ∂C/∂p·∂p/∂s = (p - q)p(1 - p) is checked with those
values put in — proved, with the values it rests on named; a disagreement is
skipped (the stated value may be the wrong one), never called wrong; a value
judged wrong, or given twice differently, is not used."""
from derive.check import check_text


def judged(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.reason) for v in check_text(notes).verdicts]


def at(notes: str, line: int) -> list[tuple[str, str]]:
    return [(verdict, reason) for n, verdict, reason in judged(notes) if n == line]


STATED = """# a cost C of an output p, never defined here

$$\\frac{\\partial C}{\\partial p} = p - q$$

$$\\frac{\\partial p}{\\partial s} = p(1 - p)$$

$$\\frac{\\partial C}{\\partial s} = \\frac{\\partial C}{\\partial p}\\frac{\\partial p}{\\partial s} = (p - q)p(1 - p)$$
"""


def test_a_link_is_checked_with_the_values_the_notes_stated_for_its_derivatives():
    (rule, link) = at(STATED, 7)
    assert rule[0] == "proved" and rule[1].startswith("the chain rule through p")
    assert link[0] == "proved"
    assert "using the values the notes stated for ∂C/∂p (line 3), ∂p/∂s (line 5)" in link[1]
    # the rows stating the values are not checked themselves
    assert at(STATED, 3)[0][0] == at(STATED, 5)[0][0] == "skipped"


def test_a_link_that_disagrees_with_the_stated_values_is_skipped_never_wrong():
    planted = STATED.replace("= (p - q)p(1 - p)$$", "= (p + q)p(1 - p)$$")
    assert check_text(planted).wrong == []
    (verdict, reason) = at(planted, 7)[1]
    assert verdict == "skipped" and reason.startswith("disagrees with the values the notes stated for ∂C/∂p")
    # one row on its own: ∂C/∂s = (p + q)p(1 - p) once ∂C/∂s is known from the chain rule row before
    alone = STATED.replace(" = (p - q)p(1 - p)$$", "$$") + "\n$$\\frac{\\partial C}{\\partial s} = (p + q)p(1 - p)$$\n"
    (verdict, reason), = at(alone, 9)
    assert verdict == "skipped" and reason.startswith("disagrees with the values the notes stated")
    assert check_text(alone).wrong == []
    fine = alone.replace("(p + q)p(1 - p)$$\n", "(p - q)p(1 - p)$$\n")
    assert at(fine, 9)[0][0] == "proved"


def test_a_stated_value_judged_wrong_is_not_used():
    # p = σ(s) is defined: ∂p/∂s = p(1 + p) is judged wrong, and the link using it is not proved
    notes = STATED.replace("# a cost", "$$p = \\sigma(s)$$\n\n# a cost").replace("p(1 - p)", "p(1 + p)")
    lines = {n: verdict for n, verdict, _ in judged(notes)}
    assert lines[7] == "wrong"
    assert [v for v, _ in at(notes, 9)] == ["proved", "skipped"]
    assert [line for line, verdict, _ in judged(notes) if verdict == "wrong"] == [7]


def test_a_derivative_given_two_different_values_is_not_replaced():
    notes = STATED.replace("$$\\frac{\\partial C}{\\partial s}",
                           "$$\\frac{\\partial p}{\\partial s} = s$$\n\n$$\\frac{\\partial C}{\\partial s}")
    (rule, link) = at(notes, 9)
    assert rule[0] == "proved" and link[0] == "skipped" and "∂p/∂s" not in link[1].partition("using")[2]


def test_the_same_value_stated_again_is_a_restatement_not_a_proof():
    notes = STATED + "\n$$\\frac{\\partial C}{\\partial p} = p - q$$\n"
    (verdict, reason), = at(notes, 9)
    assert verdict == "skipped" and reason.startswith("restates the value the notes gave for ∂C/∂p at line 3")


WORKED = """# one weight, worked numbers; C is never written out

Input $x = 3$, weight $w = 2$, target $q = 5$.

$$p = w x = 6$$

$$\\frac{\\partial C}{\\partial w} = \\frac{\\partial C}{\\partial p} \\cdot \\frac{\\partial p}{\\partial w}$$

$$\\frac{\\partial C}{\\partial p} = 2(p - q) = 2$$

$$\\frac{\\partial p}{\\partial w} = x = 3$$

$$\\frac{\\partial C}{\\partial w} = 6$$
"""


def test_a_worked_gradient_follows_from_the_chain_rule_row_and_the_stated_factors():
    (verdict, reason), = at(WORKED, 13)
    assert verdict == "proved"
    assert "∂C/∂w (line 7), ∂C/∂p (line 9)" in reason
    planted = WORKED.replace("partial w} = 6$$", "partial w} = 8$$")
    assert at(planted, 13)[0][0] == "skipped" and check_text(planted).wrong == []


def test_a_value_after_a_skipped_row_of_its_chain_is_not_taken():
    # the value of ∂C/∂p comes after a row that could not be used: nothing is put in for it
    notes = WORKED.replace("= 2(p - q) = 2$$", "= 2(p - q) \\neq 2$$")
    assert at(notes, 13)[0][0] == "skipped"


def test_a_row_is_never_checked_against_the_value_its_own_chain_stated():
    # the numbers put in mid-chain are read as definitions: they do not end the row's chain
    notes = "# own notes\n\n$$\\frac{\\partial C}{\\partial p} = 2(p - q) = 2(0.9 - 0.5) = 0.8$$\n"
    reasons = [reason for line, verdict, reason in judged(notes) if verdict != "definition"]
    assert len(reasons) == 3 and not any("using the values" in r for r in reasons)
