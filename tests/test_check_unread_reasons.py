r"""Reasons that say what the reader stopped on (issue 9, round 8: LaTeX rows).

Notes written here. A component of a bracketed expression (``(…)_i``), a
period used as a product dot (``u_k.v_k``) and dots written as periods stay
skipped (none is certain), but the reason now names the notation instead of
"unexpected '_'" or "unexpected '.'".
"""
from derive.check import check_text


def skipped(notes: str) -> list[tuple[int, str]]:
    return [(v.line, v.reason) for v in check_text(notes).verdicts if str(v.verdict) == "skipped"]


def test_a_component_of_a_bracket_is_named():
    notes = r"$$\left( \mathbf{a} + \mathbf{b} \right)_k = a_k + b_k$$" + "\n"
    [(line, reason)] = skipped(notes)
    assert line == 1 and "a subscript on a bracket ((…)_i)" in reason
    # a Jacobian written by components is read by component_jacobians.py; with E undefined it stays skipped
    jacobian = r"$$\left( \frac{\partial E}{\partial \mathbf{u}} \right)_k = 2 u_k$$" + "\n"
    assert [line for line, _ in skipped(jacobian)] == [1]


def test_a_period_between_names_is_named_and_stays_skipped():
    notes = r"$$g = \sum_{k} (u_k.v_k)$$" + "\n\n" + r"$$g = u_1.v_1 + u_2.v_2$$" + "\n"
    got = skipped(notes)
    assert [line for line, _ in got] == [1, 3]
    assert all("a period between two names (a.b)" in reason for _, reason in got)


def test_dots_written_as_periods_are_named():
    notes = r"$$r = (u_1^2 + u_2^2 + ...)^{1/2}$$" + "\n"
    [(_, reason)] = skipped(notes)
    assert "dots written as periods" in reason


# ------------------------------------------------------------- near misses

def test_a_sentence_ending_after_a_number_keeps_the_parsers_words():
    notes = "$$a = 3. b = 2$$\n"
    [(_, reason)] = skipped(notes)
    assert "unexpected '.'" in reason


def test_a_subscript_on_a_name_is_still_read():
    notes = r"$$\hat{y}_k = 2 u_k, \quad (u_k)^2 = u_k^2$$" + "\n"
    assert [str(v.verdict) for v in check_text(notes).verdicts] == ["definition", "proved"]
