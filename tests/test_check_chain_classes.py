"""Reach on chain rules through losses the checker could not read before (issue 9),
in notes written here.

Each class: a note in the notation is checked (its true rows proved), a planted
error in it is flagged wrong at its line, and a variant the checker cannot be
sure of is skipped with a reason, never called wrong.
"""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def wrong_lines(notes: str) -> list[int]:
    return [line for line, verdict in verdicts(notes) if verdict == "wrong"]


# ------------------------------------------------ ŷ and ŷ_1: one output written two ways
ONE_OUTPUT = """# one output, two spellings

$$z = w x + b, \\quad \\hat{y_1} = \\sigma(z)$$

$$L = (y_1 - \\hat{y})^2$$

$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial \\hat{y_1}} \\cdot \\frac{\\partial \\hat{y_1}}{\\partial z} \\cdot \\frac{\\partial z}{\\partial w}$$

$$\\frac{\\partial L}{\\partial \\hat{y_1}} = -2(y_1 - \\hat{y})$$

$$\\frac{\\partial L}{\\partial w} = -2(y_1 - \\hat{y}) \\hat{y}(1 - \\hat{y}) x$$
"""


def test_a_bare_hat_and_its_one_numbered_spelling_are_one_output():
    report = check_text(ONE_OUTPUT)
    assert [v for v in verdicts(ONE_OUTPUT) if v[1] != "definition"] == [(7, "proved"), (9, "proved"), (11, "proved")]
    assert any(a.startswith("y\u0302 ≡ y\u0302_1") for a in report.assumptions)
    planted = ONE_OUTPUT.replace("(1 - \\hat{y}) x$$", "(1 - \\hat{y})$$")
    assert wrong_lines(planted) == [11]


def test_a_second_numbered_output_keeps_the_bare_hat_apart():
    # ŷ_2 exists: ŷ may be either output (or both), so nothing through ŷ is judged
    two = ONE_OUTPUT.replace("\\quad \\hat{y_1} = \\sigma(z)$$", "\\quad \\hat{y_1} = \\sigma(z), \\quad \\hat{y_2} = z$$")
    got = verdicts(two.replace("(1 - \\hat{y}) x$$", "(1 - \\hat{y})$$"))
    assert (11, "skipped") in got and wrong_lines(two) == []
    assert check_text(ONE_OUTPUT).assumptions and not check_text(two).assumptions


def test_a_second_numbered_label_or_a_formula_for_the_bare_hat_keeps_them_apart():
    assert check_text(ONE_OUTPUT).assumptions
    labels = ONE_OUTPUT.replace("$$L = (y_1 - \\hat{y})^2$$", "$$L = (y_1 - \\hat{y})^2 + y_2$$")
    assert not check_text(labels).assumptions
    own = ONE_OUTPUT.replace("$$L = (y_1", "$$\\hat{y} = 3 z$$\n\n$$L = (y_1")
    assert not check_text(own).assumptions


# ------------------------------------------------ f(x_i) = body in z_i: the term of sample i
PER_SAMPLE = """# a mean of per-sample terms

$$J = \\frac{1}{N}\\sum_{i=1}^{N} \\left[\\ln(1 + e^{-z_i}) + (1 - y_i) z_i\\right]$$

$$f(x_i) = \\ln(1 + e^{-z_i}) + (1 - y_i) z_i$$

$$\\frac{dJ}{dw} = \\frac{1}{N}\\sum_{i=1}^{N} \\frac{d}{dw} f(x_i)$$
$$= \\frac{1}{N}\\sum_{i=1}^{N} \\frac{df}{dz_i} \\cdot \\frac{dz_i}{dw}$$

$$\\frac{df}{dz_i} = \\sigma(z_i) - y_i$$

$$z_i = w x_i + b$$
"""


def test_a_function_of_one_sample_whose_body_uses_that_samples_names_is_its_term():
    # z_i, a step of the chain rule defined after it is used, is read back too
    assert [v for v in verdicts(PER_SAMPLE) if v[1] != "definition"] == [(7, "proved"), (8, "proved"), (10, "proved")]
    assert wrong_lines(PER_SAMPLE.replace("= \\sigma(z_i) - y_i$$", "= \\sigma(z_i) + y_i$$")) == [10]
    assert wrong_lines(PER_SAMPLE.replace("\\frac{dz_i}{dw}$$", "\\frac{dz_i}{db}$$")) == [8]


def test_a_call_at_another_argument_or_a_body_without_the_samples_names_stays_a_rule():
    assert (10, "proved") in verdicts(PER_SAMPLE)
    # f(x) = … in z_i: the argument has no index, so what f(x_i) means is not said
    other = PER_SAMPLE.replace("$$f(x_i) =", "$$f(x) =")
    assert all(verdict in ("skipped", "definition") for line, verdict in verdicts(other) if line in (7, 8, 10))
    # f(x_i) = w + b: nothing in the body belongs to sample i
    constant = PER_SAMPLE.replace("$$f(x_i) = \\ln(1 + e^{-z_i}) + (1 - y_i) z_i$$", "$$f(x_i) = w + b$$")
    assert wrong_lines(constant) == [] and (7, "proved") not in verdicts(constant)


# ------------------------------------------------ a skipped row's end continues only the row right after it
def test_the_end_of_a_skipped_row_is_not_continued_across_a_second_skipped_row():
    notes = "$$e' = 2t$$\n$$r' = g(u)$$\n$$= 3t$$\n"
    assert wrong_lines(notes) == []
    assert wrong_lines("$$e' = 2t$$\n$$= 3t$$\n") == [2]  # right after it, the row claims 3t = 2t


# ------------------------------------------------ squared errors of numbered outputs written as norms
TWO_OUTPUTS = """# two outputs

$$E = \\tfrac{1}{2}\\|t_1 - \\hat{y}_1\\|^2 + \\tfrac{1}{2}\\lVert t_2 - \\hat{y}_2 \\rVert^2$$

$$\\frac{\\partial E}{\\partial \\hat{y}_1} = -(t_1 - \\hat{y}_1)$$

$$\\|0.25 - 0.75\\|^2 = 0.25$$
"""


def test_a_norm_of_numbered_outputs_is_an_absolute_value_and_the_other_output_is_held_fixed():
    assert [v for v in verdicts(TWO_OUTPUTS) if v[1] != "definition"] == [(5, "proved"), (7, "numeric")]
    assert wrong_lines(TWO_OUTPUTS.replace("= -(t_1 - \\hat{y}_1)$$", "= (t_1 - \\hat{y}_1)$$")) == [5]
    assert wrong_lines(TWO_OUTPUTS.replace("= 0.25$$", "= 0.75$$")) == [7]


def test_a_derivative_by_anything_but_a_numbered_sibling_keeps_the_other_output_unknown():
    assert (5, "proved") in verdicts(TWO_OUTPUTS)
    # ŷ_2 may depend on u_1 in a way the notes do not write: not judged
    through = TWO_OUTPUTS + "\n$$\\hat{y}_1 = \\sigma(u_1)$$\n\n$$\\frac{\\partial E}{\\partial u_1} = 0$$\n"
    assert (11, "skipped") in verdicts(through)
    # ŷ_i and ŷ_j may be one output (i = j): ∂E/∂ŷ_i is not judged
    letters = TWO_OUTPUTS.replace("_1", "_i").replace("_2", "_j")
    assert (5, "proved") not in verdicts(letters) and wrong_lines(letters.replace("= -(t_i", "= (t_i")) == []


def test_a_norm_of_a_bare_name_or_of_a_name_with_components_stays_matrix_notation():
    assert (7, "numeric") in verdicts(TWO_OUTPUTS)
    # w may be a vector, x_1 has components x_{1k}: the scalar reading would call these wrong; the reader of
    # sums over samples (sample_sums.py) reads w as the vector of the w_j, where the row holds (never wrong)
    assert verdicts("$$\\|w\\|^2 = \\sum_j w_j^2$$\n") == [(1, "numeric")]
    assert verdicts("$$\\|x_1 - x_2\\|^2 = \\sum_k (x_{1k} - x_{2k})^2$$\n") == [(1, "skipped")]
    assert verdicts("$$\\|y_1\\|_1 = y_1$$\n") == [(1, "skipped")]


# ------------------------------------------------ ∂/∂θ_k of a sum over samples of a sum over components
SAMPLES_OF_COMPONENTS = """# least squares, written with two sums

$$J = \\frac{1}{2m} \\sum_{i=1}^{m} \\left( \\sum_{j=0}^{n} \\theta_j x_j^{(i)} - y^{(i)} \\right)^2$$

$$\\frac{\\partial J}{\\partial \\theta_k} = \\frac{1}{m} \\sum_{i=1}^{m} \\left( \\sum_{j=0}^{n} \\theta_j x_j^{(i)} - y^{(i)} \\right) x_k^{(i)}$$
"""


def test_a_sum_over_samples_of_a_sum_over_components_is_differentiated_under_the_outer_sum():
    assert verdicts(SAMPLES_OF_COMPONENTS) == [(3, "definition"), (5, "proved")]
    assert wrong_lines(SAMPLES_OF_COMPONENTS.replace("\\right) x_k^{(i)}$$", "\\right)$$")) == [5]
    assert wrong_lines(SAMPLES_OF_COMPONENTS.replace("= \\frac{1}{m}", "= \\frac{1}{2m}")) == [5]


def test_an_outer_sum_whose_own_index_picks_a_component_stays_opaque():
    assert (5, "proved") in verdicts(SAMPLES_OF_COMPONENTS)
    # θ_i outside the inner sum: the outer sum is over components too, and is not read term by term
    notes = ("$$Q = \\sum_{i=1}^{m} \\theta_i \\left( \\sum_{j=0}^{n} \\theta_j x_j^{(i)} \\right)$$\n\n"
             "$$\\frac{\\partial Q}{\\partial \\theta_k} = 0$$\n")
    assert verdicts(notes) == [(1, "definition"), (3, "skipped")]


# ------------------------------------------------ f_{w,b}(x): a model function named with its parameters, used before it is defined
MODEL_FUNCTION = """# cost of a linear model

$$J(w,b) = \\frac{1}{2m} \\sum_{i=1}^{m} (f_{w,b}(x^{(i)}) - y^{(i)})^2$$

$$f_{w,b}(x) = w x + b$$

$$\\frac{\\partial J(w,b)}{\\partial w} = \\frac{1}{m} \\sum_{i=1}^{m} (f_{w,b}(x^{(i)}) - y^{(i)}) x^{(i)}$$

$$\\frac{\\partial J(w,b)}{\\partial b} = \\frac{1}{m} \\sum_{i=1}^{m} (f_{w,b}(x^{(i)}) - y^{(i)})$$
"""


def test_a_function_named_with_its_parameters_is_read_even_where_it_is_used_before_its_definition():
    assert [v for v in verdicts(MODEL_FUNCTION) if v[1] != "definition"] == [(7, "proved"), (9, "proved")]
    assert wrong_lines(MODEL_FUNCTION.replace("y^{(i)}) x^{(i)}$$", "y^{(i)})$$")) == [7]
    assert wrong_lines(MODEL_FUNCTION.replace("$$f_{w,b}(x) = w x + b$$", "$$f_{w,b}(x) = w x^2 + b$$")) == [7]


def test_a_function_defined_twice_is_not_read_before_its_first_definition():
    assert (7, "proved") in verdicts(MODEL_FUNCTION)
    twice = MODEL_FUNCTION + "\n$$f_{w,b}(x) = w x^2 + b$$\n"
    assert [line for line, verdict in verdicts(twice) if verdict in ("proved", "wrong")] == []


# ------------------------------------------------ a chain rule through names a worked example gives values
WORKED_NETWORK = """# one hidden unit, with numbers

$$h = \\sigma(u), \\quad u = v x$$

$$q = c h$$

With $x = 1$, $v = 0.5$, $c = 2$: $$q = 1.2449$$

$$E = (t - q)^2$$

$$\\frac{\\partial E}{\\partial c} = \\frac{\\partial (t - q)^2}{\\partial q} \\cdot \\frac{\\partial (c h)}{\\partial c}$$

$$\\frac{\\partial E}{\\partial c} = -2(t - q) h$$
"""


def test_a_symbolic_step_through_a_name_with_example_values_is_proved_from_its_formula():
    got = [v for v in verdicts(WORKED_NETWORK) if v[1] not in ("definition", "numeric")]
    assert got == [(11, "proved"), (13, "proved")]
    # never "wrong" from this reading: a false step stays skipped
    planted = verdicts(WORKED_NETWORK.replace("= -2(t - q) h$$", "= -2(t - q) c$$"))
    assert (13, "skipped") in planted and (13, "wrong") not in planted


def test_a_sibling_not_written_beside_the_variable_or_of_a_family_the_notes_define_is_not_held_fixed():
    assert (5, "proved") in verdicts(TWO_OUTPUTS)
    # h_2 may be built from h_1 (a recurrence): ∂L/∂h_1 of a loss in h_2 alone is not judged
    alone = "$$L = (y_2 - \\hat{h}_2)^2$$\n\n$$\\frac{\\partial L}{\\partial \\hat{h}_1} = 0$$\n"
    assert verdicts(alone) == [(1, "definition"), (3, "skipped")]
    # h_t = … defines every h: h_2 next to h_1 is not held fixed either
    family = ("$$\\hat{h}_t = \\tanh(w \\hat{h}_{t-1})$$\n\n$$L = (y_2 - \\hat{h}_2)^2 + \\hat{h}_1$$\n\n"
              "$$\\frac{\\partial L}{\\partial \\hat{h}_1} = 1$$\n")
    assert wrong_lines(family) == [] and (5, "proved") not in verdicts(family)
