"""Reach on notation classes of real notes (issue 9, round 3), in notes written here.

Each class: a note in the notation is checked (its true rows proved), a planted
error in it is flagged wrong at its line, and a variant the checker cannot be
sure of is skipped with a reason, never called wrong.
"""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


# ------------------------------------------------ "= $…$": the = outside the math
SQUARED_ERROR_ROWS = """# one sample

$E = (t - wx)^2$

$\\frac{\\partial E}{\\partial w} = \\frac{\\partial (t - wx)^2}{\\partial w}$

= $2(t - wx)\\frac{\\partial (t - wx)}{\\partial w}$

=  $-2x(t - wx)$
"""


def test_a_row_whose_equals_sign_is_written_before_the_dollar_continues_the_chain():
    assert verdicts(SQUARED_ERROR_ROWS) == [(3, "definition"), (5, "proved"), (7, "proved"), (9, "proved")]
    planted = SQUARED_ERROR_ROWS.replace("$-2x(t", "$-2(t")
    assert (9, "wrong") in verdicts(planted)


def test_an_equals_sign_inside_a_sentence_is_not_a_continuation():
    notes = "$$a = 2b$$\n\nwith x = $3$ for the example.\n"
    assert [line for line, verdict in verdicts(notes) if verdict == "wrong"] == []


def test_a_derivative_written_out_whose_value_is_a_constant_is_checked_symbolically():
    notes = ("$E = (t - wx - c)^2$\n\n"
             "$\\frac{\\partial E}{\\partial c} = \\frac{\\partial (t - wx - c)}{\\partial c}$\n")
    assert verdicts(notes) == [(1, "definition"), (3, "wrong")]  # the square was dropped: -1 is not -2(t-wx-c)
    right = notes.replace("\\frac{\\partial (t - wx - c)}{\\partial c}", "-2(t - wx - c)")
    assert verdicts(right) == [(1, "definition"), (3, "proved")]


def test_a_number_claimed_in_a_worked_example_with_values_elsewhere_stays_skipped():
    # d stands for a value the notes compute elsewhere: -1 = d·x is a worked example, not an identity
    notes = "$E = (t - wx)^2$\n\n$d = 0.5$\n\n$\\frac{\\partial E}{\\partial w} = d \\cdot 2$\n"
    assert all(verdict != "wrong" for _, verdict in verdicts(notes))


# ------------------------------------------------ L = g(u) = body: a function named on the way
CHAIN_OF_NAMED_STEPS = """Let $E = g(s) = -\\log(s)$ and $s = r_2(v) = v^2 + 1$.

$$\\frac{\\partial g(s)}{\\partial s} = -\\frac{1}{s}$$

$$\\frac{\\partial r_2(v)}{\\partial v} = 2v$$

$$\\frac{\\partial E}{\\partial v} = \\frac{\\partial g(s)}{\\partial s}\\frac{\\partial r_2(v)}{\\partial v}$$
"""


def test_a_function_named_between_a_name_and_its_body_is_defined():
    got = verdicts(CHAIN_OF_NAMED_STEPS)
    assert [v for v in got if v[1] != "definition"] == [(3, "proved"), (5, "proved"), (7, "proved")]
    assert (5, "wrong") in verdicts(CHAIN_OF_NAMED_STEPS.replace("= 2v$$", "= 3v$$"))
    assert (3, "wrong") in verdicts(CHAIN_OF_NAMED_STEPS.replace("= -\\frac{1}{s}$$", "= \\frac{1}{s}$$"))
    assert (7, "wrong") in verdicts(CHAIN_OF_NAMED_STEPS.replace("\\frac{\\partial E}{\\partial v} =",
                                                                   "\\frac{\\partial E}{\\partial v} = 2"))


def test_a_middle_call_whose_body_does_not_use_its_argument_is_not_a_definition():
    # F(a) = z^2 + 1 says nothing about how F depends on a: the row stays unread as a function
    notes = "$$K = F(a) = z^2 + 1$$\n\n$$\\frac{\\partial F(a)}{\\partial a} = 0$$\n"
    assert all(verdict != "proved" and verdict != "wrong" for _, verdict in verdicts(notes)[1:])


# ------------------------------------------------ max(Z_i): the largest component, a name of its own
def test_a_max_of_one_component_is_a_name_whose_derivatives_stay_opaque():
    notes = ("$$m = \\max(Z_i)$$\n\n"
             "$$u = Z_i - \\max(Z_i)$$\n\n"
             "$$\\frac{\\partial u}{\\partial Z_i} = 1$$\n\n"  # true only if the max is not Z_i: not judged
             "$$e^{u} = \\frac{e^{Z_i}}{e^{\\max(Z_i)}}$$\n")
    got = dict(verdicts(notes))
    assert got[5] == "skipped"
    assert got[7] == "proved"
    planted = dict(verdicts(notes.replace("\\frac{e^{Z_i}}", "\\frac{e^{2 Z_i}}")))
    assert planted[7] == "wrong"


def test_a_second_node_naming_the_same_function_redefines_it():
    notes = ("Sum node: $$s = g(a, c) = a + c$$\n\n$$\\frac{\\partial s}{\\partial a} = 1$$\n\n"
             "Product node: $$s = g(a, c) = ac$$\n\n$$\\frac{\\partial s}{\\partial a} = c$$\n")
    got = [v for v in verdicts(notes) if v[1] != "definition"]
    assert got == [(3, "proved"), (7, "proved")]
    assert (7, "wrong") in verdicts(notes.replace("= c$$", "= 2c$$"))


# ------------------------------------------------ \sum alone: the notes' name for a sum written out before
QUOTIENT_WITH_A_NAMED_SUM = """Write $\\sum$ for $\\sum_k e^{a_k}$.

$$\\frac{e_i \\sum - e_i e_i}{\\sum^2} = \\frac{e_i}{\\sum} \\left( \\frac{\\sum - e_i}{\\sum} \\right)$$

$$= \\frac{e_i}{\\sum}\\left(1 - \\frac{e_i}{\\sum}\\right)$$

$$\\frac{0 \\cdot \\sum - e_i e_j}{\\sum^2} = -\\frac{e_i}{\\sum}\\frac{e_j}{\\sum}$$
"""


def test_a_sum_sign_standing_alone_is_a_name_and_its_algebra_is_checked():
    assert verdicts(QUOTIENT_WITH_A_NAMED_SUM) == [(3, "proved"), (5, "proved"), (7, "proved")]
    planted = QUOTIENT_WITH_A_NAMED_SUM.replace("= -\\frac{e_i}{\\sum}\\frac{e_j}", "= \\frac{e_i}{\\sum}\\frac{e_j}")
    assert (7, "wrong") in verdicts(planted)
    assert (5, "wrong") in verdicts(QUOTIENT_WITH_A_NAMED_SUM.replace("(1 - \\frac{e_i}{\\sum}", "(1 + \\frac{e_i}{\\sum}"))


def test_a_sum_sign_with_a_summand_is_still_a_sum_and_a_primed_sum_is_skipped():
    (v,) = check_text("$$\\sum_{i=1}^{n} (b + 1) = nb + n$$\n").verdicts
    assert str(v.verdict) == "proved"
    (v,) = check_text("$$\\sum' = e_i$$\n").verdicts
    assert str(v.verdict) == "skipped" and "prime on a sum" in v.reason


# ------------------------------------------------ 1_{i=j} and \delta_{ij}: the indicator of equal indices
def test_an_identity_in_the_indicator_is_proved_for_any_value_of_it():
    notes = ("$$\\frac{1_{i=j}e^{c_i} \\cdot S - e^{c_j} \\cdot e^{c_i}}{S^2} = "
             "\\frac{e^{c_i}}{S}\\frac{1_{i=j}S - e^{c_j}}{S}$$\n")
    assert verdicts(notes) == [(1, "proved")]
    assert verdicts(notes.replace("1_{i=j}S", "0")) == [(1, "skipped")]  # differs only where i = j: not judged
    assert verdicts(notes.replace("1_{i=j}S", "S")) == [(1, "wrong")]  # differs where i ≠ j too
    assert verdicts(notes.replace("1_{i=j}S - e^{c_j}", "1_{i=j}S + e^{c_j}")) == [(1, "wrong")]


def test_a_claim_true_only_because_the_indices_coincide_is_not_called_wrong():
    for claim in ("\\delta_{ij}^2 = \\delta_{ij}", "\\delta_{ij} s_i - s_i s_j = \\delta_{ij} s_j - s_i s_j",
                  "\\mathbb{1}_{i=j} (1 - \\mathbb{1}_{i=j}) = 0"):
        (v,) = check_text(f"$${claim}$$\n").verdicts
        assert str(v.verdict) in ("skipped", "proved"), claim
    (v,) = check_text("$$\\delta_{ij} s_i - s_i s_j = \\delta_{ij} s_j + s_i s_j$$\n").verdicts
    assert str(v.verdict) == "wrong" and "i ≠ j" in v.reason and v.counterexample["point"]["delta_ij"] == 0


def test_a_sum_with_its_upper_limit_written_first():
    assert verdicts("$$\\sum^K_{k=1} c = Kc$$\n") == [(1, "proved")]
    assert verdicts("$$\\sum^{K}_{k=1} c = (K+1)c$$\n") == [(1, "wrong")]


# ------------------------------------------------ ∂/∂z_i of a sum over the components z_k
def test_the_derivative_of_a_sum_over_components_is_its_term_at_that_component():
    notes = ("$$\\frac{\\partial}{\\partial z_j}\\sum_{k=1}^{n} e^{z_k} = e^{z_j}$$\n\n"
             "$$\\frac{\\partial}{\\partial z_i} \\log \\sum_k e^{z_k} = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n"
             "$$\\frac{\\partial}{\\partial z_i} \\sum_k c_k z_k^2 = 2 c_i z_i$$\n\n"
             "$$\\frac{\\partial}{\\partial z_2} \\sum_{k=1}^{n} c_k z_k = c_2$$\n")
    assert verdicts(notes) == [(1, "proved"), (3, "proved"), (5, "proved"), (7, "proved")]
    assert verdicts(notes.replace("= 2 c_i z_i", "= 2 c_i z_i^2"))[2] == (5, "wrong")
    assert verdicts(notes.replace("= e^{z_j}", "= n e^{z_j}"))[0] == (1, "wrong")


def test_a_sum_whose_terms_hold_an_undefined_entry_keeps_its_derivative_opaque():
    # q_k is never defined: it may depend on z_i, so the term-by-term reading would be a guess
    notes = "$$L = \\sum_k q_k z_k$$\n\n$$\\frac{\\partial L}{\\partial z_i} = q_i$$\n\n$$\\frac{\\partial q_j}{\\partial z_i} = 0$$\n"
    got = dict(verdicts(notes))
    assert got[3] == "skipped"
    # a shifted entry z_{k+1} is not read term by term either
    (v,) = check_text("$$\\frac{\\partial}{\\partial z_i} \\sum_{k=1}^{n} z_k z_{k+1} = 2 z_i$$\n").verdicts
    assert str(v.verdict) != "wrong"


# ------------------------------------------------ A = B with A unreadable: "= C" continues from B
QUOTIENT_RULE_WITH_PRIMES = """$$
\\begin{aligned}
\\frac{u' S - u S'}{S^2} &= \\frac{u S - u u}{S^2} \\\\
&= \\frac{u}{S}\\left(\\frac{S - u}{S}\\right) \\\\
&= \\frac{u}{S}\\left(1 - \\frac{u}{S}\\right)
\\end{aligned}
$$
"""


def test_rows_after_a_skipped_row_continue_from_its_readable_end():
    assert verdicts(QUOTIENT_RULE_WITH_PRIMES) == [(3, "skipped"), (4, "proved"), (5, "proved")]
    assert (4, "wrong") in verdicts(QUOTIENT_RULE_WITH_PRIMES.replace("{S - u}{S}", "{S + u}{S}"))
    unreadable = QUOTIENT_RULE_WITH_PRIMES.replace("u' S - u S'", "u^\\natural S")  # a row the parser refuses
    assert verdicts(unreadable) == [(3, "skipped"), (4, "proved"), (5, "proved")]


def test_a_row_ending_in_a_because_clause_or_matrix_notation_leaves_nothing_to_continue():
    notes = "$$\n\\begin{aligned}\nu^\\natural &= a + b \\quad \\because c = 2 \\\\\n&= 2\n\\end{aligned}\n$$\n"
    assert all(verdict == "skipped" for line, verdict in verdicts(notes) if line == 4)
    notes = "$$\n\\begin{aligned}\nX^\\top X &= a + b \\\\\n&= 2a\n\\end{aligned}\n$$\n"
    assert all(verdict == "skipped" for line, verdict in verdicts(notes) if line == 4)


def test_the_readable_end_of_a_skipped_row_is_continued_only_by_the_row_right_after_it():
    notes = ("$$E = (t - v)^2$$\n$$\\frac{dE}{dv} = -2(t - v)$$\n$$h(x) = -v$$\n$$v = 3x$$\n"
             "$$= -2(t - v)$$\n")
    got = verdicts(notes)
    assert (5, "wrong") not in got and (5, "proved") in got  # it goes on from dE/dv, not from -v


def test_a_wrong_step_with_the_indicator_is_reported_in_the_notes_spelling():
    (v,) = check_text("$$s_i(1_{i=j} - s_j) = s_i 1_{i=j} + s_i s_j$$\n").verdicts
    assert str(v.verdict) == "wrong" and "1_{i=j}" in v.expected


def test_a_number_claimed_for_an_opaque_derivative_is_skipped_for_that_reason():
    notes = "$$u = z_i - \\max(z_i)$$\n\n$$\\frac{\\partial u}{\\partial z_i} = 1$$\n"
    (v,) = [v for v in check_text(notes).verdicts if v.line == 3]
    assert str(v.verdict) == "skipped" and "depends on" in v.reason and "max" in v.reason


# ------------------------------------------------ ", i = j" / ", i \neq j" after a claim about components
SOFTMAX_JACOBIAN = """$$q_j = \\frac{e^{u_j}}{\\sum_k e^{u_k}}$$

$$\\frac{\\partial q_j}{\\partial u_i} = q_j(1 - q_j), \\quad i = j$$

$$\\frac{\\partial q_j}{\\partial u_i} = -\\frac{e^{u_i} e^{u_j}}{(\\sum_k e^{u_k})^2}, \\quad i \\neq j$$
"""


def test_a_claim_about_components_is_checked_under_its_index_condition():
    assert verdicts(SOFTMAX_JACOBIAN) == [(1, "definition"), (3, "proved"), (5, "proved")]
    assert (3, "wrong") in verdicts(SOFTMAX_JACOBIAN.replace("q_j(1 - q_j)", "q_j(1 + q_j)"))
    assert (5, "wrong") in verdicts(SOFTMAX_JACOBIAN.replace("= -\\frac{e^{u_i}", "= \\frac{e^{u_i}"))


def test_other_conditions_on_indices_still_leave_the_claim_unchecked():
    for condition in ("i < j", "a = b"):
        notes = SOFTMAX_JACOBIAN.replace("i \\neq j", condition)
        assert dict(verdicts(notes))[5] == "skipped", condition


def test_a_worked_example_under_an_undefined_derivative_is_still_checked_against_the_row_before():
    notes = ("$$\n\\begin{aligned}\n\\frac{\\partial Q}{\\partial w} &= -2 \\cdot (0.7 - 0.4943) \\cdot 0.552 \\\\\n"
             "&= -0.227\n\\end{aligned}\n$$\n")
    assert dict(verdicts(notes))[4] == "numeric"
    assert dict(verdicts(notes.replace("-0.227", "-0.327")))[4] == "wrong"


# ------------------------------------------------ a_j defined for every j: a_i is read from it
def test_a_definition_indexed_by_one_letter_defines_the_other_components():
    notes = SOFTMAX_JACOBIAN.replace("-\\frac{e^{u_i} e^{u_j}}{(\\sum_k e^{u_k})^2}", "-q_i q_j")
    assert verdicts(notes) == [(1, "definition"), (3, "proved"), (5, "proved")]
    assert (5, "wrong") in verdicts(notes.replace("= -q_i q_j", "= q_i q_j"))


def test_a_component_definition_that_would_capture_the_other_index_is_not_used():
    # r_j sums over i: r_i cannot be read from it by renaming j to i
    notes = "$$r_j = \\sum_i c_{ij} v_i$$\n\n$$r_i = 0$$\n\n$$\\frac{\\partial r_i}{\\partial v_i} = 1$$\n"
    assert all(verdict != "wrong" for _, verdict in verdicts(notes))


# ------------------------------------------------ "E = q(s) = body": a one-letter function named on the way
def test_a_one_letter_function_named_between_two_equals_signs_is_a_function_not_a_product():
    notes = ("$$E = q(s) = -\\log s$$\n\n"
             "$$\\frac{dE}{ds} = -\\frac{1}{s}$$\n")
    assert verdicts(notes) == [(1, "definition"), (1, "definition"), (3, "proved")]
    planted = notes.replace("-\\frac{1}{s}", "\\frac{1}{s}")
    assert (3, "wrong") in verdicts(planted)


def test_a_product_written_with_parentheses_stays_a_product_when_the_body_uses_the_letter():
    # n(x) with n in the body is n·x: the row is checked as a product, and a wrong one is caught
    assert verdicts("$$S = n(x) = n x$$\n") == [(1, "definition"), (1, "proved")]
    assert (1, "wrong") in verdicts("$$y = w(x) = w x + 1$$\n")
