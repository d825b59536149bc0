r"""A prime on a capital-letter function at a bracket, ``J'(0)``, ``E'(w)``. Notes written here.

Only f, g and h took a prime as a function: ``J(w) = w^2 + 3w`` then
``J'(2) = 7`` was read as the name J' times 2 (and J' as a name is 0), so a
true value was called wrong ("expected 0"), and a slip in ``E'(w) = …`` was
skipped. Now a capital letter right before primes and a bracket is the
derivative of the function of that letter. A small letter is one only when the notes define it
as a function (test_check_letter_functions.py): ``p'(1 - p')`` is often a primed quantity times a
bracket (test_check_prime_names.py). A letter the notes never define as
a function stays an unknown function (skipped), an update ``w' = w - η g``
stays a definition, and a prime with no bracket (``y' = …``) keeps its reason.
"""
from derive.check import check_text

NOTES = r"""# Costs named by other letters

$J(w) = w^2 + 3w$, so $J'(2) = 7$ and $J'(0) = 3$.

$$E(w) = (w - 3)^2, \qquad E'(w) = 2(w - 3)$$

$$Q(u) = u^3 - 6u, \qquad Q''(u) = 6u$$

$$S(t) = e^{2t}, \qquad S'(t) = 2e^{t}$$

Near misses:

$$K'(v) = 4v$$

$$w' = w - 0.1 \cdot 2w$$

$$y = x^3, \quad y' = 3x^2$$

$$s = x^2, \quad s'(x) = 3x$$
"""


def _verdicts() -> dict:
    return {(v.line, v.latex): str(v.verdict) for v in check_text(NOTES).verdicts}


def test_a_prime_on_a_defined_letter_is_its_derivative():
    got = _verdicts()
    assert got[(3, "J'(2) = 7")] in ("proved", "numeric")
    assert got[(3, "J'(0) = 3")] in ("proved", "numeric")
    assert got[(5, "E'(w) = 2(w - 3)")] == "proved"
    assert got[(7, "Q''(u) = 6u")] == "proved"


def test_a_slip_in_such_a_derivative_is_wrong_with_the_right_expression():
    (wrong,) = [v for v in check_text(NOTES).verdicts if v.verdict == "wrong"]
    assert (wrong.line, wrong.latex) == (9, "S'(t) = 2e^{t}")
    assert "2 t" in wrong.expected.replace("{", " ").replace("}", " ") or "2t" in wrong.expected


def test_a_slip_at_a_value_is_wrong_and_the_true_value_is_not():
    notes = "$J(w) = w^2 + 3w$, so $J'(2) = 8$ and $J'(1) = 5$.\n"
    verdicts = {v.latex: str(v.verdict) for v in check_text(notes).verdicts}
    assert verdicts["J'(2) = 8"] == "wrong"
    assert verdicts["J'(1) = 5"] in ("proved", "numeric")


def test_an_undefined_letter_an_update_and_a_bare_prime_are_not_judged():
    got = _verdicts()
    assert got[(13, "K'(v) = 4v")] == "skipped"
    assert got[(15, "w' = w - 0.1 \\cdot 2w")] == "definition"
    assert got[(17, "y' = 3x^2")] == "skipped"
    assert got[(19, "s'(x) = 3x")] == "skipped"  # a small letter the notes define as a name, not a function


BRANCH = "$R(w) = 2|w| + w^2$. For $w > 0$,\n\n$$R'(w) = 2 + 2w$$\n"


def test_a_branch_said_before_the_display_with_a_comma_is_the_branch_judged():
    """"For $w > 0$," then a display (prose_branches.py: a sentence ending in "," as in ":"):
    judged everywhere, the true branch derivative was called wrong at w < 0."""
    (verdict,) = [v for v in check_text(BRANCH).verdicts if v.latex.startswith("R'")]
    assert str(verdict.verdict) == "numeric" and "w > 0" in verdict.reason
    (slip,) = [v for v in check_text(BRANCH.replace("2 + 2w", "2 + w")).verdicts if v.latex.startswith("R'")]
    assert str(slip.verdict) == "wrong"
    assert float(slip.counterexample["point"]["w"]) > 0  # the counterexample is on the branch named
