"""Reach in the scalar notation of real notes (issue 9), in notes written here.

For each pattern: it is read as an expression written independently here, a
planted error in it is flagged wrong, and an ambiguous variant is skipped
with a reason rather than judged.
"""
import sympy as sp

from derive.check import check_text
from derive.check.latex import parse_statement
from derive.symbols import sigmoid, symbol

w, b, x, y, z, n = (symbol(s) for s in ("w", "b", "x", "y", "z", "n"))


def one(latex: str) -> sp.Expr:
    ((value,),) = [[e.value for e in p.exprs] for p in parse_statement(latex).pieces]
    return value


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def reasons(notes: str) -> list[str]:
    return [v.reason for v in check_text(notes).verdicts]


# ------------------------------------------------------------ e^-x, * -x
def test_an_unbraced_negative_exponent_and_a_minus_after_an_operator():
    assert one("1 / (1 + e^-x)^2 * -e^-x") == -sp.exp(-x) / (1 + sp.exp(-x)) ** 2
    assert one("w * -x + b / -2") == -w * x - b / 2
    right = "$$\\frac{d}{dx} \\frac{1}{1 + e^-x} = \\frac{1}{(1 + e^-x)^2} * e^-x$$\n"
    assert verdicts(right) == [(1, "proved")]
    assert verdicts(right.replace("* e^-x", "* -e^-x")) == [(1, "wrong")]


def test_an_unbraced_exponent_running_into_more_letters_is_ambiguous_and_skipped():
    (v,) = check_text("$$\\frac{d}{dx} e^-2x = -2 e^-2x$$\n").verdicts
    assert str(v.verdict) == "skipped" and "ambiguous" in v.reason


def test_a_slash_derivative_is_not_read_as_a_quotient_of_products_with_d():
    (v,) = check_text("$$g = 1 / z^2 * dx/dz (1 + x)$$\n").verdicts
    assert str(v.verdict) == "skipped" and "slash" in v.reason


# ------------------------------------------------------------ indices
def test_spaced_braces_are_the_name_they_enclose():
    assert one("{ p }_{ i } + { y }^{ 2 }") == symbol("p_i") + y**2
    assert one(r"\frac { \partial { z }_{ i } }{ \partial { w }_{ i } }") == sp.Derivative(symbol("z_i"), symbol("w_i"))
    assert one(r"\hat { y }_{ i }") == symbol("y_hat_i")  # an accent keeps its argument
    notes = ("$${ z }_{ i } = { w }_{ i } x + b$$\n"
             "$$\\frac { \\partial { z }_{ i } }{ \\partial { w }_{ i } } = x$$\n")
    assert verdicts(notes) == [(1, "definition"), (2, "proved")]
    assert verdicts(notes.replace("} } = x", "} } = 2x"))[1] == (2, "wrong")


def test_bracketed_superscript_indices_are_names_not_powers():
    assert one("y^{(i)} + a^{[l]}") == symbol("y_i") + symbol("a_l")
    assert one("x_j^{(i)}") == symbol("x_j_i")
    i, j = sp.Symbol("i", integer=True), sp.Symbol("j", integer=True)
    X, theta = sp.IndexedBase("x", real=True), sp.IndexedBase("theta", real=True)
    expected = sp.Sum(sp.Sum(theta[j] * X[j, i], (j, 0, n)), (i, 1, symbol("m")))
    assert one(r"\sum_{i=1}^{m} \sum_{j=0}^{n} \theta_j x_j^{(i)}") == expected
    notes = ("$$J = \\sum_{i=1}^{n} (y^{(i)} - w x^{(i)})^2$$\n"
             "$$\\frac{\\partial J}{\\partial w} = -2 \\sum_{i=1}^{n} x^{(i)} (y^{(i)} - w x^{(i)})$$\n")
    assert verdicts(notes)[1] == (2, "proved")
    assert verdicts(notes.replace("= -2", "= 2"))[1] == (2, "wrong")


def test_an_index_superscript_on_a_product_is_still_a_power():
    assert one("(w x)^{2}") == (w * x) ** 2


# ------------------------------------------------------------ primes
def test_a_prime_on_a_function_the_notes_define_is_its_derivative():
    notes = "$$f(x) = x^3 - 2x$$\n$$f'(x) = 3x^2 - 2$$\n$$f''(x) = 6x$$\n$$f'(1) = 1$$\n"
    assert verdicts(notes) == [(1, "definition"), (2, "proved"), (3, "proved"), (4, "proved")]
    assert verdicts(notes.replace("3x^2 - 2$$", "3x^2 + 2$$"))[1] == (2, "wrong")


def test_primes_on_brackets_and_known_functions():
    assert one("(x^2 + 1)'") == sp.Derivative(x**2 + 1, x)
    assert one(r"\tanh'(z)") == 1 - sp.tanh(z) ** 2
    assert one(r"\sigma'(z)") == sigmoid(z) * (1 - sigmoid(z))
    assert verdicts("$$(x^3 - x)' = 3x^2 - 1$$\n") == [(1, "proved")]
    assert verdicts("$$(x^3 - x)' = 3x^2 + 1$$\n") == [(1, "wrong")]


def test_a_prime_whose_variable_is_not_said_is_skipped():
    # several names in the bracket: by which one?
    (v,) = check_text("$$(w x + b)' = x$$\n").verdicts
    assert str(v.verdict) == "skipped" and "by which" in v.reason
    # a prime on a name the notes never define as a function
    (v,) = check_text("$$e_i' = \\frac{\\partial e^{z_i}}{\\partial z_i}$$\n").verdicts
    assert str(v.verdict) == "skipped" and "prime on e_i," in v.reason
    # a prime on a sum and on an undefined function
    assert [str(v.verdict) for v in check_text("$$\\sum' = e_j$$\n$$g'(x) = 2x$$\n").verdicts] == ["skipped"] * 2


def test_a_primed_name_on_the_left_of_an_update_is_the_new_value():
    notes = "$$w = 1$$\n$$w' = w - 0.1 \\cdot 2 = 1 - 0.2 = 0.8$$\n"
    lines = verdicts(notes)
    assert (2, "definition") in lines and lines[-1] == (2, "numeric")
    assert verdicts(notes.replace("= 0.8$$", "= 0.75$$"))[-1] == (2, "wrong")


# ------------------------------------------------------------ dots
def test_a_sum_written_with_dots_is_a_sum():
    k = sp.Symbol("k", integer=True)
    X, W = sp.IndexedBase("x", real=True), sp.IndexedBase("w", real=True)
    assert one(r"x_1 + x_2 + \dots + x_n") == sp.Sum(X[k], (k, 1, n))
    assert one(r"b + w_1 x_1 + w_2 x_2 + \cdots + w_m x_m") == b + sp.Sum(W[k] * X[k], (k, 1, symbol("m")))
    notes = "$$\\sum_{i=1}^{n} 2 x_i = 2x_1 + 2x_2 + \\dots + 2x_n$$\n"
    assert verdicts(notes) in ([(1, "proved")], [(1, "numeric")])
    assert verdicts(notes.replace("2x_1 + 2x_2 + \\dots + 2x_n", "x_1 + x_2 + \\dots + x_n")) == [(1, "wrong")]


def test_dots_whose_terms_do_not_follow_one_pattern_are_skipped():
    for latex in (r"x_1 + x_3 + \dots + x_n", r"x_1 + x_2 + \dots + (x_i - 1) + \dots + x_n", r"(x_1, \dots, x_n)"):
        (v,) = check_text(f"$$S = {latex}$$\n").verdicts
        assert str(v.verdict) == "skipped" and "dots" in v.reason


def test_a_chain_with_its_middle_left_out_still_claims_its_ends():
    assert verdicts("$$(x + 1)^2 = \\cdots = x^2 + 2x + 1$$\n") == [(1, "proved")]
    assert verdicts("$$(x + 1)^2 = \\cdots = x^2 + x + 1$$\n") == [(1, "wrong")]


# ------------------------------------------------------------ conditions
def test_a_sign_condition_is_where_the_claim_is_checked():
    notes = "$$\\sqrt{x^2} = x \\quad (x > 0)$$\n$$\\ln(\\frac{a}{c}) = \\ln(a) - \\ln(c) \\quad (a, c > 0)$$\n"
    lines = check_text(notes).verdicts
    assert [str(v.verdict) for v in lines] == ["numeric", "numeric"]
    assert "where x > 0" in lines[0].reason
    assert verdicts("$$\\sqrt{x^2} = x \\quad (x < 0)$$\n") == [(1, "wrong")]
    assert verdicts("$$\\sqrt{x^2} = x$$\n") == [(1, "wrong")]  # no condition: judged everywhere
    assert verdicts("$$\\frac{d}{dx}|x| = -1, \\; x \\le 0$$\n") == [(1, "numeric")]


def test_other_conditions_still_make_a_claim_unchecked():
    for condition in (", \\quad i = j", ", \\quad i \\neq j", " \\quad (x > y)"):
        (v,) = check_text(f"$$\\frac{{\\partial a_j}}{{\\partial z_i}} = a_i(1 - a_i){condition}$$\n").verdicts
        assert str(v.verdict) == "skipped"


# ------------------------------------------------------------ piecewise
def test_cases_is_a_piecewise_definition_and_its_derivative_is_checked():
    huber = ("$$L_\\delta(a) = \\begin{cases} \\frac{1}{2}a^2 & \\text{if } |a| \\le \\delta \\\\"
             " \\delta(|a| - \\frac{1}{2}\\delta) & \\text{otherwise} \\end{cases}$$\n"
             "$$\\frac{d L_\\delta}{d a} = \\begin{cases} a & |a| \\le \\delta \\\\"
             " \\delta \\operatorname{sign}(a) & \\text{otherwise} \\end{cases}$$\n")
    assert verdicts(huber) == [(1, "definition"), (2, "proved")]
    assert verdicts(huber.replace("\\delta \\operatorname{sign}(a) &", "\\delta &"))[1] == (2, "wrong")
    relu = "$$\\text{ReLU}'(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases}$$\n"
    assert verdicts(relu) == [(1, "numeric")]  # at z = 0 there is no derivative: not judged there
    assert verdicts(relu.replace("1 & z > 0", "z & z > 0")) == [(1, "wrong")]


def test_a_cases_row_without_a_condition_is_skipped():
    (v,) = check_text("$$r(z) = \\begin{cases} z & z > 0 \\\\ 0 \\end{cases}$$\n").verdicts
    assert str(v.verdict) == "skipped" and "piecewise" in v.reason


def test_a_name_defined_under_opposite_sign_conditions_is_piecewise():
    notes = ("$$v = u \\quad (u > 0)$$\n$$v = 0 \\quad (u \\le 0)$$\n"
             "$$\\frac{\\partial v}{\\partial u} = 1 \\quad (u > 0)$$\n"
             "$$\\frac{\\partial v}{\\partial u} = 0 \\quad (u < 0)$$\n")
    assert verdicts(notes) == [(1, "skipped"), (2, "definition"), (3, "numeric"), (4, "numeric")]
    assert verdicts(notes.replace("= 0 \\quad (u < 0)", "= 1 \\quad (u < 0)"))[3] == (4, "wrong")


def test_one_conditional_piece_is_not_a_definition_and_hides_no_later_one():
    # the derivative must not be read from the sigmoid defined further on
    notes = ("$$v = u \\quad (u > 0)$$\n$$\\frac{\\partial v}{\\partial u} = 1 \\quad (u > 0)$$\n"
             "$$v = \\sigma(u)$$\n")
    assert [s for s in verdicts(notes) if s[1] == "wrong"] == []


# ------------------------------------------------------------ chains, labels, functions
def test_links_after_an_undefined_chain_head_are_checked_against_each_other_proofs_only():
    notes = "$$\\frac{\\partial L}{\\partial w} = 2(w x - y) x = 2 w x^2 - 2 x y$$\n"
    first, second = check_text(notes).verdicts
    assert str(first.verdict) == "skipped" and str(second.verdict) == "proved"
    # a wrong link after an undefined head: on one line, in the same names, it is wrong (prior_links.py);
    # in other names it is only skipped
    first, second = check_text(notes.replace("- 2 x y", "- x y")).verdicts
    assert str(second.verdict) == "wrong"
    first, second = check_text(notes.replace("- 2 x y", "- 2 x y + b")).verdicts
    assert str(second.verdict) == "skipped"


def test_a_step_true_only_when_labels_sum_to_one_is_skipped_with_that_reason():
    notes = "$$\\sum_{k=1}^{n} y_k (p - 1) = p - 1$$\n"
    (v,) = check_text(notes).verdicts
    assert str(v.verdict) == "skipped" and "sum to 1" in v.reason
    assert verdicts(notes.replace("= p - 1", "= p + 1")) == [(1, "wrong")]


def test_log_of_a_sum_functions_of_several_arguments_and_upright_prose():
    k = sp.Symbol("k", integer=True)
    o = sp.IndexedBase("o", real=True)
    assert one(r"\log \sum_{k=1}^{q} e^{o_k} - b") == sp.log(sp.Sum(sp.exp(o[k]), (k, 1, symbol("q")))) - b
    assert one(r"l(y, \hat{y})") == symbol("l")
    assert one("w(x + b)") == w * (x + b)  # no comma: still a product
    notes = "$$if\\;y=\\frac{1}{1+e^{-x}},\\;\\mathrm{then}\\;\\frac{\\partial y}{\\partial x}=y(1-y)$$\n"
    assert verdicts(notes) == [(1, "definition"), (1, "proved")]
    assert verdicts(notes.replace("=y(1-y)", "=y(1+y)"))[-1] == (1, "wrong")


# ------------------------------------------------------------ the expected expression
def test_the_expected_expression_keeps_hats_inside_sums_and_the_notes_bracket():
    notes = ("$$\\hat{y}_i = w x_i + b$$\n"
             "$$J = \\frac{1}{2n}\\sum_{i=1}^{n} (\\hat{y}_i - y_i)^2$$\n"
             "$$\\frac{\\partial J}{\\partial w} = \\frac{1}{n}\\sum_{i=1}^{n} (\\hat{y}_i - y_i)$$\n")
    (wrong,) = check_text(notes).wrong
    assert wrong.expected == "\\frac{1}{n} \\sum_{i=1}^{n} x_i \\left(\\hat{y}_i - y_i\\right)"


def test_a_range_of_the_index_after_a_claim_is_not_a_condition():
    notes = "$$\\frac{\\partial}{\\partial w_i} (w_i x_i + b) = x_i \\quad \\text{for } i = 1..n$$\n"
    assert verdicts(notes) == [(1, "proved")]
    assert verdicts(notes.replace("= x_i", "= 2 x_i")) == [(1, "wrong")]
    assert verdicts(notes.replace("1..n", "1, \\dots, n")) == [(1, "proved")]


def test_the_term_left_out_of_a_sum_is_written_in_the_notes_names():
    # Σ_{k≠i} y_k a_i = a_i Σ_k y_k - a_i y_i: the left-out term is y_i, the name the notes use outside sums
    notes = "$$-y_i + y_i a_i + \\sum_{k\\neq i} y_k a_i = a_i \\sum_k y_k - y_i$$\n"
    assert verdicts(notes) == [(1, "proved")]
    assert verdicts(notes.replace("= a_i \\sum_k y_k - y_i", "= a_i \\sum_k y_k + y_i")) == [(1, "wrong")]


def test_a_link_after_an_unknown_head_that_needs_labels_summing_to_one_says_so():
    notes = "$$\\frac{\\partial L}{\\partial z_i} = a_i \\sum_k y_k - y_i = a_i - y_i$$\n"
    first, second = check_text(notes).verdicts
    assert str(second.verdict) == "skipped" and "sum to 1" in second.reason


def test_a_sign_condition_on_a_name_the_notes_define_is_not_checked():
    # z > 0 cannot be kept by choosing w, x, b: judged everywhere, this true step would look wrong
    notes = ("$$z = w x + b$$\n$$a = \\text{ReLU}(z)$$\n"
             "$$\\frac{\\partial a}{\\partial w} = x \\quad (z > 0)$$\n")
    lines = check_text(notes).verdicts
    assert str(lines[-1].verdict) == "skipped" and "condition on z" in lines[-1].reason


def test_a_cases_row_is_split_only_where_the_ampersand_stood():
    # "1&w x > 0" gives "1 w x > 0": value 1 and condition w x > 0, or value w and x > 0? Not guessed.
    (v,) = check_text("$$r = \\begin{cases} 1&w x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}$$\n").verdicts
    assert str(v.verdict) == "skipped" and "piecewise" in v.reason
    (v,) = check_text("$$r = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}$$\n").verdicts
    assert str(v.verdict) == "definition"
