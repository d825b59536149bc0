"""Trust: "wrong" only when the checker is sure what both sides mean. Each
test is a false alarm seen on real notes, rewritten here in our own words;
the notes must get no "wrong" verdict, and the reason for a skip must say
what was not understood."""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_a_continuation_after_an_unreadable_row_is_skipped_not_attached_further_up():
    notes = ("$$\\frac{d}{dx}(x^2)=2x$$\n"
             "$$\\frac{\\partial \\zzz{L}}{\\partial w}=4w$$\n"
             "$$= 4w$$\n")
    result = check_text(notes)
    assert result.wrong == []
    # line 3 continues line 2, whose readable end is 4w (not line 1's 2x)
    third = [v for v in result.verdicts if v.line == 3]
    assert [str(v.verdict) for v in third] == ["proved"] and third[0].latex == "4w = 4w"
    result = check_text(notes.replace("$$= 4w$$", "$$= 2x$$"))
    assert result.wrong == [] and all(str(v.verdict) == "skipped" for v in result.verdicts if v.line == 3)
    # a row that is unreadable to its end leaves nothing to continue
    result = check_text(notes.replace("=4w$$", "=\\zzz{4w}$$"))
    third = [v for v in result.verdicts if v.line == 3]
    assert [str(v.verdict) for v in third] == ["skipped"] and "line 2 could not be read" in third[0].reason


def test_a_continuation_after_a_skipped_approximation_is_not_attached_further_up():
    notes = "$$a = 2x$$\n$$b \\approx 3$$\n$$= 7$$\n"
    assert ("skipped" in dict(verdicts(notes)).get(3, "")) and check_text(notes).wrong == []


def test_sums_of_constant_terms_give_n_the_same_value_on_both_sides():
    notes = ("$$\\sum_{i=1}^{n} b = n b$$\n$$\\sum_{i=1}^{n} 1 = n$$\n"
             "$$\\sum_{i=1}^{n} (b + x_i) = n b + \\sum_{i=1}^{n} x_i$$\n$$\\sum_{i=1}^{n} b = (n + 1) b$$\n")
    assert all(v in ("proved", "numeric") for _, v in verdicts(notes)[:3])
    assert [v.line for v in check_text(notes).wrong] == [4]


def test_the_derivative_of_an_undefined_loss_is_a_symbol_of_its_own_never_0():
    notes = ("$$\\frac{\\partial L}{\\partial \\hat{y}} = \\hat{y} - y$$\n"
             "$$\\frac{\\partial L}{\\partial z} = \\frac{\\partial L}{\\partial a} \\cdot \\frac{\\partial a}{\\partial z}$$\n"
             "$$\\frac{\\partial z}{\\partial w} = x$$\n")
    result = check_text(notes)
    assert result.wrong == []
    # the middle row telescopes: the chain rule through a, never 0 = 0 (chain_rule.py)
    assert [str(v.verdict) for v in result.verdicts] == ["skipped", "proved", "skipped"]
    assert "∂L/∂y" in result.verdicts[0].reason
    assert result.verdicts[1].reason.startswith("the chain rule through a")


def test_chain_rule_with_undefined_names_is_an_identity_of_their_derivatives():
    notes = ("$$\\frac{\\partial L}{\\partial z} = \\frac{\\partial L}{\\partial a} \\frac{\\partial a}{\\partial z}"
             " = \\frac{\\partial a}{\\partial z} \\cdot \\frac{\\partial L}{\\partial a}$$\n")
    (first, second) = check_text(notes).verdicts
    assert str(first.verdict) == "proved" and first.reason.startswith("the chain rule through a")
    # the second link only swaps the factors of the first: right about that link
    assert str(second.verdict) == "proved" and second.reason.startswith("equal to the expression before it")
    notes = "$$\\frac{\\partial L}{\\partial a} \\frac{\\partial a}{\\partial z} = \\frac{\\partial a}{\\partial z} \\frac{\\partial L}{\\partial a}$$\n"
    assert [str(v.verdict) for v in check_text(notes).verdicts] == ["proved"]


def test_an_undefined_prediction_is_an_unknown_function_in_the_chain_rule():
    notes = ("$$L = \\frac{1}{2}(y - \\hat{y})^2$$\n"
             "$$\\frac{\\partial L}{\\partial w} = -(y - \\hat{y}) \\frac{\\partial \\hat{y}}{\\partial w}$$\n"
             "$$\\frac{\\partial L}{\\partial w} = -(y - \\hat{y}) x$$\n")
    lines = dict(verdicts(notes))
    assert lines[2] == "proved" and lines[3] == "skipped"


def test_a_definition_that_could_not_be_read_makes_its_name_unknown():
    notes = ("$$\\hat{y} = \\unreadable{w} x$$\n$$E = (y - \\hat{y})^2$$\n"
             "$$\\frac{dE}{dw} = -2(y - \\hat{y}) x$$\n")
    assert check_text(notes).wrong == []


def test_matrix_notation_is_skipped_with_that_reason_never_judged_as_scalars():
    notes = ("$$\\nabla_w \\frac{1}{2}(X w - y)^2 = X^\\top (X w - y)$$\n"
             "$$\\hat{y} = \\mathbf{w}^T \\mathbf{x}$$\n"
             "$$L = \\frac{1}{2}(y - \\hat{y})^2$$\n"
             "$$\\frac{\\partial L}{\\partial w} = -(y - \\hat{y}) w$$\n")
    result = check_text(notes)
    assert result.wrong == []
    (first,) = [v for v in result.verdicts if v.line == 1]
    assert str(first.verdict) == "skipped" and "matrix notation" in first.reason
    # ŷ = wᵀx is read by the matrix reader (matrices.py) as a definition, not as a scalar
    assert [str(v.verdict) for v in result.verdicts if v.line == 2] == ["definition"]
    # ŷ's definition was not read: dL/dw depends on dŷ/dw, which is not known
    assert [str(v.verdict) for v in result.verdicts if v.line == 4] == ["skipped"]


def test_an_equation_set_to_zero_and_its_solution_are_not_identities():
    notes = ("$$\\frac{d}{dw}(w^2 - 6w) = 2w - 6 = 0$$\n"
             "$$2w = 6 \\Rightarrow w = 3$$\n"
             "$$\\frac{d}{dw}(w^2) = 3w$$\n")
    lines = verdicts(notes)
    assert lines[0] == (1, "proved")
    assert lines[1] == (1, "skipped")
    assert (2, "numeric") in lines  # 2w = 6 is the equation 2w - 6 = 0 rearranged
    assert (2, "skipped") in lines  # solves for w
    assert [v.line for v in check_text(notes).wrong] == [3]  # w is still the variable, not 3


def test_a_statement_under_a_side_condition_is_read_under_it_or_skipped():
    notes = ("$$a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n"
             "$$\\frac{\\partial a_j}{\\partial z_i} = a_i(1 - a_i), \\quad i = j$$\n"
             "$$\\frac{\\partial a_j}{\\partial z_i} = -a_i a_j, \\quad i \\neq j$$\n"
             "$$\\frac{\\partial a_j}{\\partial z_i} = 0, \\quad i < j$$\n")
    result = check_text(notes)
    assert result.wrong == []
    # i = j: a_i is a_j there; i ≠ j: a_i is read from a_j's definition (tests/test_check_reach_classes.py)
    (second,) = [v for v in result.verdicts if v.line == 2]
    assert str(second.verdict) == "proved" and "read where i = j" in second.reason
    (third,) = [v for v in result.verdicts if v.line == 3]
    assert str(third.verdict) == "proved" and "read where i ≠ j" in third.reason
    assert all(str(v.verdict) == "skipped" and "condition" in v.reason for v in result.verdicts if v.line == 4)


def test_inequalities_are_not_checked():
    assert verdicts("$$\\sigma(z) < 1$$\n$$0 \\leq \\sigma(z) = 2$$\n") == [(1, "skipped"), (2, "skipped")]


def test_a_worked_example_is_checked_to_its_printed_precision_against_the_line_before():
    notes = ("$$x = 0.5$$\n$$w = 0.4$$\n"
             "$$a = \\sigma(w x) = \\frac{1}{1 + e^{-0.2}} = 0.5498$$\n"
             "$$a(1 - a) = 0.5498 \\cdot 0.4502 = 0.2475$$\n"
             "$$= 0.2485$$\n")
    lines = verdicts(notes)
    assert (3, "numeric") in lines and (4, "numeric") in lines
    assert [v.line for v in check_text(notes).wrong] == [5]


def test_an_approximation_is_checked_to_the_digits_it_prints():
    notes = "$$0.562 \\cdot 0.438 \\approx 0.246$$\n$$\\frac{185}{24} \\approx 7.708185$$\n"
    assert verdicts(notes) == [(1, "numeric"), (2, "wrong")]


def test_a_number_claimed_for_an_expression_whose_values_are_not_given_is_skipped():
    notes = "$$z = w x + b$$\n$$a = \\sigma(z) = \\frac{1}{1 + e^{-0.3}} = 0.574$$\n"
    result = check_text(notes)
    assert result.wrong == []
    assert any("values" in v.reason for v in result.verdicts if str(v.verdict) == "skipped")


def test_a_line_that_agrees_with_the_line_before_is_not_blamed_again():
    notes = ("$$\\frac{d}{dx} x^3 = 3x^3$$\n$$= 3 x x^2$$\n$$= 3x^2$$\n")
    assert verdicts(notes) == [(1, "wrong"), (2, "proved"), (3, "proved")]


def test_a_step_that_replaces_an_undefined_name_with_another_is_skipped():
    notes = ("$$J = \\ln(p) + y$$\n$$\\because \\sigma(z) = q = \\frac{1}{1 + e^{-z}}$$\n"
             "$$= \\ln(\\frac{1}{1 + e^{-z}}) + y$$\n")
    result = check_text(notes)
    assert result.wrong == []
    assert "different names" in [v for v in result.verdicts if v.line == 3][0].reason


def test_a_because_row_is_checked_but_never_continued():
    notes = ("$$\\begin{aligned} E &= \\ln(e^{2w}) + 1 \\\\\n"
             "\\because \\ln(e^{2w}) &= 2w \\\\\n"
             "&= 2w + 1 \\end{aligned}$$\n")
    assert verdicts(notes) == [(1, "definition"), (2, "proved"), (3, "proved")]


def test_d_outside_a_derivative_fraction_is_not_read_as_a_variable():
    notes = "$$d\\sigma(x) = d\\sigma/dz \\cdot dz$$\n$$= \\sigma(x)$$\n"
    assert check_text(notes).wrong == []


def test_a_rearrangement_after_an_arrow_is_a_consequence_not_an_identity():
    notes = "$$y = 3w + 1 \\Rightarrow 3w = y - 1 \\Rightarrow 3 w = y + 1$$\n$$\\rightarrow \\frac{d}{dw} w^2 = w$$\n"
    result = check_text(notes)
    assert [v.line for v in result.wrong] == [2]  # a derivative after an arrow is still checked
    assert all(str(v.verdict) != "wrong" for v in result.verdicts if v.line == 1)


def test_the_derivative_by_one_term_of_a_sum_is_not_read_as_zero():
    notes = "$$p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n$$\\frac{\\partial p_i}{\\partial z_i} = p_i(1 - p_i)$$\n"
    assert check_text(notes).wrong == []


def test_a_subscripted_function_name_is_a_name_not_a_product():
    notes = "$$H_\\delta(a) = \\frac{1}{2}a^2$$\n$$\\frac{dH_\\delta}{da} = a$$\n$$\\frac{dH_\\delta}{da} = 2a$$\n"
    assert verdicts(notes) == [(1, "definition"), (2, "proved"), (3, "wrong")]


def test_a_worked_example_that_gives_the_prediction_a_value_does_not_make_its_derivative_zero():
    notes = ("$$\\hat{y} = w x + b$$\n$$E = (y - \\hat{y})^2$$\n"
             "$$x = 2, y = 5, w = 1, b = 0$$\n$$\\hat{y} = 1 \\cdot 2 + 0 = 2$$\n"
             "$$\\frac{\\partial E}{\\partial w} = -2 \\cdot 2 \\cdot (5 - 2) = -12$$\n")
    result = check_text(notes)
    assert result.wrong == []
    assert (5, "proved") in verdicts(notes)  # -12 against the line before it


def test_a_function_written_with_a_subscript_is_an_unknown_function_of_its_parameter():
    notes = ("$$J(\\theta) = \\frac{1}{2}(h_\\theta(x) - y)^2$$\n"
             "$$\\frac{\\partial J}{\\partial \\theta} = (h_\\theta(x) - y) x$$\n"
             "$$\\frac{\\partial a_i(1 - a_i)}{\\partial a_i} = 1 - 2a_i$$\n")
    lines = verdicts(notes)
    assert lines[1] == (2, "skipped")  # h_θ depends on θ in a way the notes do not say
    assert lines[2] == (3, "proved")   # a_i(1 - a_i) is a product


def test_a_value_computed_before_its_inputs_were_rounded_for_print_is_not_wrong():
    # ½(0.01 - 0.75136507)² = 0.274811…; the notes print the input rounded to 0.7514
    notes = "$$E = \\frac{1}{2}(0.01 - 0.7514)^2 = 0.274811$$\n$$F = -2(0.7 - 0.4943) \\cdot 0.547 = -0.252$$\n"
    assert verdicts(notes) == [(1, "definition"), (1, "numeric"), (2, "definition"), (2, "wrong")]


def test_a_later_solution_for_a_parameter_is_not_read_back_into_its_derivatives():
    notes = ("$$\\hat{y}_i = w x_i$$\n$$L = \\frac{1}{2}\\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2$$\n"
             "$$\\frac{\\partial L}{\\partial w} = -\\sum_{i=1}^{n} (y_i - \\hat{y}_i) x_i$$\n"
             "$$w = \\frac{\\sum_{i=1}^{n} x_i y_i}{\\sum_{i=1}^{n} x_i^2}$$\n")
    assert check_text(notes).wrong == []
    assert verdicts(notes)[2][1] in ("proved", "numeric")


def test_notation_heads_and_one_letter_function_definitions_are_not_claims():
    notes = ("$$E = (t - o)^2$$\n$$\\Delta w = -\\eta \\frac{\\partial E}{\\partial w}$$\n"
             "$$s(x) = \\ln(1 + e^x)$$\n$$\\log \\sigma(x) = -\\log(1 + e^{-x})$$\n")
    lines = verdicts(notes)
    assert check_text(notes).wrong == []
    assert (4, "proved") in lines or (4, "numeric") in lines  # \log applies to σ(x), not to σ


def test_an_example_with_other_values_than_those_given_is_skipped_not_wrong():
    notes = "$$x = 2$$\n$$y = 0.5x + 1 = 0.5 \\cdot 4 + 1 = 3$$\n$$z = 0.5x + 1 = 0.5 \\cdot 2 + 1 = 3$$\n"
    lines = verdicts(notes)
    assert (2, "skipped") in lines and (2, "proved") in lines  # 3 = 0.5·4 + 1 against the line before
    assert [v.line for v in check_text(notes).wrong] == [3]   # with x = 2 as given, 0.5·2 + 1 is 2


def test_a_condition_written_zero_first_is_an_equation_and_its_rearrangement_is_checked_as_one():
    notes = ("$$c = \\frac{1}{n}\\sum_{i=1}^{n}(u_i - a t_i)$$\n"
             "$$0 = a\\sum_{i=1}^{n} t_i^2 - \\sum_{i=1}^{n} (u_i - c) t_i$$\n"
             "$$a\\sum_{i=1}^{n} t_i^2 = \\sum_{i=1}^{n} u_i t_i - \\sum_{i=1}^{n} c t_i$$\n"
             "$$a\\sum_{i=1}^{n} t_i^2 = 2\\sum_{i=1}^{n} u_i t_i - \\sum_{i=1}^{n} c t_i$$\n")
    result = check_text(notes)
    assert result.wrong == []
    lines = {v.line: v for v in result.verdicts}
    assert str(lines[2].verdict) == "skipped" and "equation" in lines[2].reason
    assert str(lines[3].verdict) == "numeric" and "rearrangement of the equation at line 2" in lines[3].reason
    assert str(lines[4].verdict) == "skipped" and "solving the equation at line 2" in lines[4].reason


def test_rows_solving_a_stated_relation_between_unrelated_names_are_not_identities():
    notes = ("$$\\frac{q(s)}{1 - q(s)} = e^{c}$$\n"
             "$$q(s) = e^{c}(1 - q(s))$$\n"
             "$$q(s)(1 + e^{c}) = e^{c}$$\n")
    result = check_text(notes)
    assert result.wrong == []
    third = [v for v in result.verdicts if v.line == 3]
    assert str(third[0].verdict) == "skipped" and "solving the equation at line 1" in third[0].reason


def test_an_undefined_mean_on_one_side_is_skipped_but_a_defined_one_is_checked():
    claim = "$$\\bar{t}\\sum_{i=1}^{n} t_i = \\frac{1}{n}\\left(\\sum_{i=1}^{n} t_i\\right)^2$$\n"
    result = check_text(claim)
    assert result.wrong == [] and "mean" in result.verdicts[0].reason
    defined = "$$\\bar{t} = \\frac{1}{n}\\sum_{i=1}^{n} t_i$$\n"
    assert str(check_text(defined + claim).verdicts[1].verdict) in ("proved", "numeric")
    wrong = claim.replace("\\frac{1}{n}", "\\frac{2}{n}")
    assert [v.line for v in check_text(defined + wrong).wrong] == [2]


def test_superscripts_used_as_indices_make_powers_of_that_name_unchecked():
    # q^1 = … reads as a definition of q; q^k and q^2 are components, not powers of it
    notes = ("$q^k=\\frac{(e^v)^k}{(e^v)^1+(e^v)^2}$\n\n"
             "$q^1=\\frac{(e^v)^1}{(e^v)^1+(e^v)^2}$\n\n"
             "$q^2=\\frac{(e^v)^2}{(e^v)^1+(e^v)^2}$\n")
    result = check_text(notes)
    assert result.wrong == []
    assert all("indices" in v.reason for v in result.verdicts if v.line != 3)
    # without an index letter over a name, a power is a power
    assert [v.line for v in check_text("$$(a + b)^2 = a^2 + b^2$$\n").wrong] == [1]


def test_rows_after_an_unreadable_head_are_checked_against_each_other():
    # X = A = B with X unreadable still claims A = B; the first row is skipped
    notes = ("$$\\frac{\\partial \\zzz{Q}}{\\partial t} = 3t^2 + t - t$$\n"
             "$$= 3t \\cdot t$$\n"
             "$$= 2t^2$$\n")
    lines = verdicts(notes)
    assert lines == [(1, "skipped"), (2, "proved"), (3, "wrong")]  # 3t·t against the readable end 3t² + t - t
    notes = ("$$\\frac{\\partial \\zzz{Q}}{\\partial t}$$\n"
             "$$= 3t^2 + t - t = 3t \\cdot t$$\n"
             "$$= 2t^2$$\n")
    lines = verdicts(notes)
    assert (2, "proved") in lines and (3, "wrong") in lines
    assert [v.line for v in check_text(notes).wrong] == [3]


def test_a_chain_written_one_link_a_line_survives_one_unreadable_line():
    notes = ("$$\n"
             "u = \\zzz{k} t^2\n"
             "= t^2 + 4t - 4t\n"
             "= t \\cdot t\n"
             "= 2t\n"
             "$$\n")
    lines = verdicts(notes)
    assert lines[0] == (2, "skipped") and (3, "skipped") in lines
    assert (4, "proved") in lines and (5, "wrong") in lines
    # a block that reads whole is still one statement: u is defined, not compared
    notes = "$$\nu = t^2\n= t \\cdot t\n$$\n$$\\frac{du}{dt} = 2t$$\n"
    assert verdicts(notes) == [(2, "definition"), (3, "proved"), (5, "proved")]


def test_a_derivative_by_a_variable_the_definition_never_mentions_is_not_zero():
    # a loss written in terms of the prediction (q) only, then differentiated by
    # a weight: the notes mean q depends on w in a way they did not write down
    notes = ("$$E(q, t) = (q - t)^2$$\n"
             "$$\\frac{\\partial E}{\\partial w} = 2(q - t)u$$\n")
    result = check_text(notes)
    assert result.wrong == []
    (second,) = [v for v in result.verdicts if v.line == 2]
    assert str(second.verdict) == "skipped" and "∂E/∂w" in second.reason
    assert "without that variable" in second.reason
    # by a variable it does mention, the same loss is still checked both ways
    notes = ("$$E(q, t) = (q - t)^2$$\n"
             "$$\\frac{\\partial E}{\\partial q} = 2(q - t)$$\n"
             "$$\\frac{\\partial E}{\\partial t} = 2(q - t)$$\n")
    assert dict(verdicts(notes)).get(2) == "proved"
    assert [v.line for v in check_text(notes).wrong] == [3]


def test_a_plainly_constant_operand_written_out_still_has_derivative_zero():
    # x is an input (it appears in the definition of p): constant under w
    notes = ("$$p = w x$$\n$$\\frac{\\partial}{\\partial w}(x^2 + 3) = 0$$\n"
             "$$\\frac{\\partial}{\\partial w}(x^2 + 3) = 2x$$\n")
    assert dict(verdicts(notes)).get(2) == "proved"
    assert [v.line for v in check_text(notes).wrong] == [3]
