"""Reading classes of the scalar LaTeX reader (issue 9, reading failures), in notes written here.

Each class of notation that real notes write and the reader refused: a note in
the notation has its true rows proved, a planted error is flagged wrong at its
line, and what stays unclear is skipped with a reason, never called wrong.
"""
import pytest

from derive.check import check_text
from derive.check.latex import parse_statement
from derive.check.latex_errors import LatexError
from derive.symbols import symbol


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def values(latex: str) -> list[list]:
    return [[e.value for e in piece.exprs] for piece in parse_statement(latex).pieces]


# ------------------------------------------------ scripts in either order: x^{(1)}_{new} is x_{new}^{(1)}
@pytest.mark.parametrize("latex, same", [
    ("w^{(1)}_{new} = 2", "w_{new}^{(1)} = 2"),
    ("x^{(i)}_j + 1", "x_j^{(i)} + 1"),
    ("a^2_1 - b", "a_1^2 - b"),
    ("v^{3}_{k} \\cdot 2", "v_{k}^{3} \\cdot 2"),
])
def test_a_superscript_written_before_the_subscript_reads_as_tex_sets_it(latex, same):
    assert values(latex) == values(same)


ONE_LAYER_UPDATE = """# one weight, one step

$$w^{(1)}_{new} = w^{(1)} - \\eta \\cdot 2 (w^{(1)} x - t) x$$

$$\\frac{\\partial w^{(1)}_{new}}{\\partial t} = 2 \\eta x$$
"""


def test_a_name_with_a_word_subscript_after_its_index_is_defined_and_differentiated():
    assert verdicts(ONE_LAYER_UPDATE) == [(3, "definition"), (5, "proved")]
    planted = ONE_LAYER_UPDATE.replace("= 2 \\eta x$$", "= \\eta x$$")
    assert verdicts(planted) == [(3, "definition"), (5, "wrong")]


# ------------------------------------------------ w^*, w^{+}: a mark on a name makes another name
@pytest.mark.parametrize("latex, name", [
    ("w^* = 3", "w_star"), ("w^{*} = 3", "w_star"), ("w^{\\star} = 3", "w_star"),
    ("b^+ = 3", "b_plus"), ("b^{+} = 3", "b_plus"), ("w_5^+ = 3", "w_5_plus"), ("w^*_2 = 3", "w_2_star"),
])
def test_a_star_or_plus_on_a_name_is_part_of_the_name_not_a_power(latex, name):
    assert values(latex) == [[symbol(name), 3]]
    assert values(latex.replace("= 3", "* y = 3")) == [[symbol(name) * symbol("y"), 3]]  # a * after it multiplies


UPDATED_WEIGHT = """$$E = \\frac{1}{2}(t - w x)^2$$

$$w^+ = w - \\eta \\frac{\\partial E}{\\partial w}$$

$$= w + \\eta (t - w x) x$$
"""


def test_an_updated_weight_written_with_a_plus_mark_is_checked():
    assert verdicts(UPDATED_WEIGHT) == [(1, "definition"), (3, "definition"), (5, "proved")]
    planted = UPDATED_WEIGHT.replace("w + \\eta (t", "w - \\eta (t")
    assert verdicts(planted)[-1] == (5, "wrong")


# ------------------------------------------------ := and \coloneqq define, as = does
@pytest.mark.parametrize("latex", ["a := b + 1", "a \\coloneqq b + 1"])
def test_a_colon_equals_reads_as_an_equals_sign(latex):
    assert values(latex) == [[symbol("a"), symbol("b") + 1]]


DEFINED_WITH_COLON = """$$z := w x + b$$

$$\\frac{\\partial z}{\\partial w} = x$$
"""


def test_a_name_defined_with_colon_equals_is_differentiated():
    assert verdicts(DEFINED_WITH_COLON) == [(1, "definition"), (3, "proved")]
    assert verdicts(DEFINED_WITH_COLON.replace("= x$$", "= 2 x$$"))[-1] == (3, "wrong")


# ------------------------------------------------ A ⇔ B, A \leftrightharpoons B: two claims side by side
@pytest.mark.parametrize("arrow", ["\\iff", "\\Leftrightarrow", "\\Longleftrightarrow", "\\leftrightharpoons",
                                   "\\rightleftharpoons", "⇔"])
def test_an_equivalence_arrow_separates_two_claims(arrow):
    notes = f"$$y = x^3 {arrow} \\frac{{dy}}{{dx}} = 3x^2$$\n"
    assert verdicts(notes) == [(1, "definition"), (1, "proved")]
    assert verdicts(notes.replace("3x^2", "3x"))[-1] == (1, "wrong")


# ------------------------------------------------ f: A → B, x ∈ (0, 1): what is not an expression
def test_a_function_signature_is_skipped_with_a_reason_that_names_it():
    with pytest.raises(LatexError, match="signature"):
        parse_statement("\\sigma: \\mathbb{R} \\to (0,1)")
    result = check_text("$$f: \\mathbb{R} \\to \\mathbb{R}$$\n\n$$f(x) = x^2$$\n").verdicts
    assert str(result[0].verdict) == "skipped" and "signature" in result[0].reason


def test_a_value_said_to_lie_in_an_open_interval_keeps_its_equation_checked():
    notes = "$$s = \\frac{1}{1+e^{-a}} \\in (0,1)$$\n\n$$\\frac{ds}{da} = s(1-s)$$\n"
    assert verdicts(notes) == [(1, "definition"), (3, "proved")]
    assert verdicts(notes.replace("s(1-s)", "s(1+s)"))[-1] == (3, "wrong")


# ------------------------------------------------ d/d(x^2), ∂L/∂W^L: a derivative by what is not one name
@pytest.mark.parametrize("notes", [
    "$$\\frac{d}{d x^2} x^4 = 2x^2$$\n",          # d/d(x²) of x⁴ is 2x²: was read as x⁴/x² and called wrong
    "$$\\frac{d x^4}{d x^2} = 2 x^2$$\n",
])
def test_a_derivative_by_a_power_or_superscripted_name_is_skipped_never_judged(notes):
    (verdict,) = check_text(notes).verdicts
    assert str(verdict.verdict) == "skipped"
    assert "not one name" in verdict.reason
    # the same derivative by the plain name is still judged, right and wrong
    assert verdicts("$$\\frac{d}{dx} x^4 = 4x^3$$\n") == [(1, "proved")]
    assert verdicts("$$\\frac{d}{dx} x^4 = 2x^2$$\n") == [(1, "wrong")]


def test_a_derivative_by_a_layer_superscript_is_skipped_never_judged():
    """W^L beside a^{L-1}: layer L's weights (layer_names.py reads them as one name), not W to
    the power L; the loss L is not defined, so the step is skipped, never judged as W^L."""
    (verdict,) = check_text("$$\\frac{\\partial L}{\\partial W^L} = a^{L-1}$$\n").verdicts
    assert str(verdict.verdict) == "skipped"
    assert "∂L/∂W^L" in verdict.reason and "do not define" in verdict.reason


# ------------------------------------------------ \textbf{x}: bold as \mathbf writes it
@pytest.mark.parametrize("notes", [
    "$$z = \\mathbf{w} x + b$$\n\n$$\\frac{\\partial z}{\\partial x} = \\mathbf{w}$$\n\n$$\\frac{\\partial z}{\\partial b} = 2$$\n",
    "$$J = \\frac{1}{2} ( \\mathbf{X}\\boldsymbol{\\theta} - \\mathbf{y} )^2$$\n",
    "$$e = \\mathbf{x} - \\mathbf{y}$$\n\n$$\\frac{\\partial e}{\\partial x} = 1$$\n",
])
def test_textbf_is_read_as_mathbf_is(notes):
    def read(text):
        return [(v.line, str(v.verdict), v.reason) for v in check_text(text).verdicts]
    assert read(notes.replace("\\mathbf", "\\textbf")) == read(notes)


# ------------------------------------------------ w_{t+1}: a subscript shifted by a number is one name
GRADIENT_STEP = """$$E_t = \\frac{1}{2}(w_t x - y)^2$$

$$w_{t+1} = w_t - \\eta \\frac{\\partial E_t}{\\partial w_t} = w_t - \\eta (w_t x - y) x$$

$$\\frac{\\partial w_{t+1}}{\\partial y} = \\eta x$$
"""


def test_a_weight_at_the_next_step_is_a_name_defined_and_differentiated():
    assert verdicts(GRADIENT_STEP) == [(1, "definition"), (3, "definition"), (3, "proved"), (5, "proved")]
    planted = GRADIENT_STEP.replace("\\eta (w_t x - y) x$$", "\\eta (w_t x - y)$$")
    assert verdicts(planted)[2] == (3, "wrong")
    assert values("a_{l-1} + 2") == [[symbol("a_l-1") + 2]]


def test_a_shifted_name_inside_a_sum_over_its_own_index_is_skipped():
    notes = "$$\\sum_{t=1}^{n} (w_{t+1} - w_t) = w_{n+1} - w_1$$\n"
    (verdict,) = check_text(notes).verdicts
    assert str(verdict.verdict) == "skipped" and "shifted" in verdict.reason


# ------------------------------------------------ \text{d}: the upright differential, as \mathrm{d}
@pytest.mark.parametrize("notes, wrong", [
    ("$$\\frac{\\text{d}}{\\text{d}w} w^3 = 3w^2$$\n", "3w^2$$", ),
    ("$$y = w^3$$\n\n$$\\frac{\\text{d}y}{\\text{d}w} = 3w^2$$\n", "3w^2$$"),
])
def test_an_upright_text_d_reads_as_the_differential(notes, wrong):
    assert verdicts(notes)[-1][1] == "proved"
    assert verdicts(notes.replace(wrong, "3w$$"))[-1][1] == "wrong"


# ------------------------------------------------ what stays unread says what it is
@pytest.mark.parametrize("notes, said", [
    ("$$y = x^2$$\n\n$$\\frac{dy}{dx}\\Big|_{x=1} = 2$$\n", "a value taken at a point"),
    ("$$y = x^2$$\n\n$$\\left. \\frac{dy}{dx} \\right|_{x=1} = 3$$\n", "a value taken at a point"),
    ("$$p = (0.1, 0.2, 0.7)$$\n", "a list of values in brackets"),
    ("$$x = [0, 1, 2, 3]$$\n", "a list of values in brackets"),
])
def test_an_unread_value_at_a_point_or_list_of_values_is_skipped_with_what_it_is(notes, said):
    last = check_text(notes).verdicts[-1]
    assert str(last.verdict) == "skipped" and said in last.reason


def test_a_name_with_two_scripts_is_shown_whole_in_the_report():
    for row in ["x_j^{(i)} = 2", "w^{(1)}_{new} = 2"]:
        (verdict,) = check_text(f"$${row}$$\n").verdicts
        assert (str(verdict.verdict), verdict.latex) == ("definition", row)


# ------------------------------------------------ \sum_{k=1}^{3} k x: the index itself in the summand
@pytest.mark.parametrize("row, wrong", [
    ("\\sum_{k=1}^{3} k x = 6x", "= 5x"),        # was called wrong "at k=-3": the summed k was a free name
    ("\\sum_{k=1}^{3} k = 6", "= 7"),
    ("\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}", "= \\frac{n(n-1)}{2}"),
])
def test_the_index_of_a_sum_written_in_its_summand_is_the_index(row, wrong):
    assert verdicts(f"$${row}$$\n") == [(1, "proved")]
    assert verdicts(f"$${row.rsplit(' = ', 1)[0]} {wrong}$$\n") == [(1, "wrong")]
