"""A function the notes define by its arguments, evaluated at numbers (issue 9), in notes written here.

``J(w) = w^2`` and then ``J(3) = 3^2 = 9``: J(3) is the body at 3, so the worked numbers are
checked (a wrong one is wrong, with the value), while a call the checker cannot tie to one
definition (no definition, another number of arguments, a name defined without arguments, a
bracket of names that may be a product) is never judged through the function.
"""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.reason) for v in check_text(notes).verdicts]


def lines_with(notes: str, verdict: str) -> list[int]:
    return sorted({line for line, found, _ in verdicts(notes) if found == verdict})


NUDGE = """Take the cost $C(u) = u^3$ and start at $u = 2$.

The cost there is $C(2) = 2^3 = 8$; nudged, $C(2.01) = (2.01)^3 = 8.120601$.

Half-way back, $C(1.5) = 3.375$.
"""


def test_a_function_of_one_name_is_evaluated_at_the_numbers_it_is_applied_to():
    found = verdicts(NUDGE)
    assert {line for line, verdict, _ in found if verdict in ("proved", "numeric")} == {3, 5}
    assert not [1 for line, verdict, _ in found if verdict == "skipped"]
    assert not lines_with(NUDGE, "wrong")


def test_a_wrong_value_of_the_function_is_wrong_with_the_value_it_has():
    for planted, line in ((NUDGE.replace("= 8.120601", "= 8.210601"), 3), (NUDGE.replace("= 3.375", "= 3.357"), 5)):
        (wrong,) = [v for v in check_text(planted).verdicts if str(v.verdict) == "wrong"]
        assert wrong.line == line and wrong.latex.startswith("C(")
        assert wrong.expected.startswith(("8.1206", "3.375"))
        assert wrong.counterexample is not None


LOSS = r"""The loss of one sample is

$$E(t, p) = \frac{1}{2}(t - p)^2$$

For the first sample, $$E(2, 1.4) = \frac{1}{2}(2 - 1.4)^2 = 0.18$$
"""


def test_a_function_of_two_names_takes_its_arguments_in_the_order_written():
    assert lines_with(LOSS, "numeric") == [5] or lines_with(LOSS, "proved") == [5]
    assert not lines_with(LOSS, "wrong") and 5 not in lines_with(LOSS, "skipped")
    # E(1.4, 2) is the same here (a square); a function that is not symmetric tells the order apart
    odd = LOSS.replace(r"\frac{1}{2}(t - p)^2", "t - p^2").replace(r"\frac{1}{2}(2 - 1.4)^2 = 0.18", "2 - 1.4^2 = 0.04")
    assert lines_with(odd, "wrong") == [] and 5 in lines_with(odd, "numeric") + lines_with(odd, "proved")
    swapped = odd.replace("E(2, 1.4)", "E(1.4, 2)")
    assert lines_with(swapped, "wrong") == [5]


def test_a_call_with_another_number_of_arguments_is_not_judged():
    notes = LOSS.replace("E(2, 1.4) = ", "E(1.4) = ")
    found = verdicts(notes)
    assert not lines_with(notes, "wrong")
    (skip,) = [reason for line, verdict, reason in found if line == 5 and verdict == "skipped"]
    assert "2 arguments" in skip


def test_a_name_defined_without_arguments_is_not_a_function_of_the_numbers_after_it():
    notes = NUDGE.replace("$C(u) = u^3$", "$C = u^3$").replace("(2.01)^3 = 8.120601", "(2.01)^3 = 8.210601")
    skipped = [reason for line, verdict, reason in verdicts(notes) if line == 3 and verdict == "skipped"]
    assert len(skipped) == 2 and all("C is defined as a name" in reason for reason in skipped)
    # only the arithmetic between numbers is judged: (2.01)^3 = 8.210601 is wrong as arithmetic
    wrong = [v for v in check_text(notes).verdicts if str(v.verdict) == "wrong"]
    assert [(v.line, v.latex) for v in wrong] == [(3, "(2.01)^3 = 8.210601")]


def test_a_name_redefined_without_arguments_is_no_longer_that_function():
    notes = NUDGE.replace("and start at $u = 2$.", "and start at $u = 2$. Later $C = 5u$.")
    found = verdicts(notes)
    skipped = [reason for line, verdict, reason in found if line == 3 and verdict == "skipped"]
    assert len(skipped) == 2 and all("C is defined as a name" in reason for reason in skipped)
    assert not lines_with(notes, "wrong")


def test_a_bracket_of_names_after_a_defined_function_stays_a_product():
    notes = r"""$$S(v) = \frac{1}{1 + e^{-v}}$$

$$\frac{dS}{dv} = S(1 - S)$$
"""
    found = verdicts(notes)
    assert not lines_with(notes, "wrong")
    assert [verdict for line, verdict, _ in found if line == 3] == ["skipped"]


def test_a_function_used_before_its_definition_is_not_read_back():
    notes = "The cost at 2 is $C(2) = 9$.\n\nThe cost is $C(u) = u^3$.\n"
    found = verdicts(notes)
    assert not lines_with(notes, "wrong")
    assert [verdict for line, verdict, _ in found if line == 1] == ["skipped"]
