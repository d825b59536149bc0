r"""A definition written again in another form (notes written here): the
restatement is checked against the definition in force before it; equal is a
verdict, anything else stays a new definition, never "wrong"."""
from derive.check import check_text

RESTATED = r"""The model is $h(x) = a + b x$ and the cost is

$$C = \frac{1}{2n}\sum_{i=1}^{n} (h(x_i) - t_i)^2$$

With the model filled in:

$$C(a, b) = \frac{1}{2n}\sum_{i=1}^{n} (a + b x_i - t_i)^2$$

So $\frac{\partial C}{\partial a} = \frac{1}{n}\sum_{i=1}^{n} (a + b x_i - t_i)$.
"""

CHANGED = r"""The model is $h(x) = a + b x$ and the cost is

$$C = \frac{1}{2n}\sum_{i=1}^{n} (h(x_i) - t_i)^2$$

For the second model we take the absolute error instead:

$$C = \frac{1}{n}\sum_{i=1}^{n} |a + b x_i - t_i|$$
"""

NUMBERS = r"""Start from $u = 0.5$ and $v = 2 u$.

After one step, $u = 0.5$ again and $v = 1.5$.

The loss is $q = u^2 + v$; an update $u = u - 0.1 \cdot 2u$.
"""


def _verdicts(notes):
    return {v.line: (str(v.verdict), v.reason) for v in check_text(notes).verdicts}


def test_a_restatement_equal_to_the_definition_before_it_is_proved_and_used():
    got = _verdicts(RESTATED)
    assert got[7][0] == "proved" and "restates the definition at line 3" in got[7][1]
    assert got[9][0] == "proved"  # the derivative of the cost, as restated


def test_a_restatement_with_a_slip_is_a_new_definition_not_a_wrong_step():
    slipped = RESTATED.replace("(a + b x_i - t_i)^2", "(a - b x_i - t_i)^2")
    got = _verdicts(slipped)
    assert got[7][0] == "definition" and "redefines C (defined at line 3)" in got[7][1]


def test_a_new_quantity_under_an_old_name_is_a_definition():
    got = _verdicts(CHANGED)
    assert got[7] == ("definition", "redefines C (defined at line 3) from here on")


def test_numbers_given_again_are_values_not_restatements():
    verdicts = [v for v in check_text(NUMBERS).verdicts if v.line == 3]
    assert {str(v.verdict) for v in verdicts} == {"definition"}
    assert all("restates" not in v.reason for v in verdicts)


def test_each_restatement_is_checked_against_the_form_in_force_just_before_it():
    notes = "Let $s = p + q$ and $r = 2 s$.\n\nThen $r = 2 p + 2 q$.\n\nAlso $r = 2 p + q$.\n\nAnd $r = q + 2 p$.\n"
    got = _verdicts(notes)
    assert got[3][0] == "proved" and "restates the definition at line 1" in got[3][1]
    assert got[5] == ("definition", "redefines r (defined at line 3) from here on")  # 2p + q ≠ 2p + 2q
    assert got[7][0] == "proved" and "restates the definition at line 5" in got[7][1]  # the new r


def test_the_same_expression_written_again_is_a_reminder_not_a_restatement():
    notes = "The error is $E = (t - o)^2$.\n\nRecall $E = (t - o)^2$.\n\nThat is, $E = (o - t)^2$.\n"
    got = _verdicts(notes)
    assert got[3] == ("definition", "redefines E (defined at line 1) from here on")
    assert got[5][0] == "proved" and "restates the definition at line 3" in got[5][1]
