r"""Second derivatives written with ∂ (second_derivatives.py), in notes written here.

Every row of a Hessian was "higher derivatives are not supported". Now
``\frac{\partial^2 f}{\partial x^2}`` and ``\frac{\partial^2 f}{\partial x \partial y}``
are SymPy's second derivatives; a second derivative of a name the notes do not
define is skipped (its first derivative is unknown, not a constant).
"""
import pytest
import sympy as sp

from derive.check import check_text

X, Y = sp.symbols("x y")
F = X**3 * Y + 3 * Y**2 + sp.exp(X * Y)  # written here, differentiated by SymPy below
NOTES_HEAD = "$$f(x, y) = x^3 y + 3 y^2 + e^{x y}$$\n\n"


def _verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.reason) for v in check_text(notes).verdicts]


@pytest.mark.parametrize("bottom, variables", [("\\partial x^2", (X, X)), ("\\partial y^2", (Y, Y)),
                                               ("\\partial x \\partial y", (X, Y)),
                                               ("\\partial y \\partial x", (Y, X))])
def test_each_entry_of_a_hessian_is_checked_against_sympys(bottom, variables):
    right = sp.latex(sp.diff(F, *variables))
    wrong = sp.latex(sp.diff(F, *variables) + X)
    notes = NOTES_HEAD + f"$$\\frac{{\\partial^2 f}}{{{bottom}}} = {right}$$\n\n" \
                         f"$$\\frac{{\\partial^2 f}}{{{bottom}}} = {wrong}$$\n"
    got = {line: verdict for line, verdict, _ in _verdicts(notes)}
    assert got[3] in ("proved", "numeric")
    assert got[5] == "wrong"


def test_the_operator_form_applies_to_what_follows():
    got = _verdicts("$$\\frac{\\partial^2}{\\partial x^2} (x^4) = 12 x^2$$\n\n$$\\frac{\\partial^2}{\\partial x^2} (x^4) = 4 x^3$$\n")
    assert [v for _, v, _ in got] == ["proved", "wrong"]


@pytest.mark.parametrize("bottom", ["\\partial w^2", "\\partial w \\partial b"])
def test_a_second_derivative_of_an_undefined_name_is_skipped_not_zero(bottom):
    (line, verdict, why), = _verdicts(f"$$\\frac{{\\partial^2 L}}{{{bottom}}} = 2$$\n")
    assert verdict == "skipped" and "second derivative of something the notes do not define" in why


@pytest.mark.parametrize("row", [
    "\\frac{\\partial l}{\\partial \\sigma^2} = 1",        # one ∂ over σ²: a derivative by σ², not read
    "\\frac{\\partial^2 f}{\\partial x^3} = 1",            # a bottom that is neither ∂x² nor ∂x∂y
    "\\frac{d^2 y}{d x^2} = 1",                           # d may be a name: d² is not let through
    "\\partial^2 f = 1",                                  # ∂² outside a fraction
])
def test_other_shapes_stay_unread(row):
    (_, verdict, why), = _verdicts(f"$${row}$$\n")
    assert verdict == "skipped" and "could not parse" in why
