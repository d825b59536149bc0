"""A claim the prose puts on one branch of a piecewise function (prose_branches.py): "For
$t \\le 0$, $g'(t) = 3e^{3t}$" after a cases definition, "When $a b < 1$, ... max(0, 1 - a b)^2",
"for $u > 0$ ... |u|". Judged on every branch it was called wrong at a point of another branch.
Notes written here; derivatives by hand: g(t) = 2t (t > 0), e^{3t} - 1 (t <= 0) has g' = 2 or
3e^{3t}; d/db max(0, 1 - ab)^2 = -2a(1 - ab) where ab < 1, 0 elsewhere; d/du c|u| = c for u > 0.

Real errors of the same shape stay wrong, with a counterexample on the branch the notes name:
a wrong derivative there (3e^{t}, -a(1 - ab)), or the other branch's derivative put on it."""
from derive.check import check_text


def verdicts(notes: str) -> dict[str, tuple[str, str, dict | None]]:
    return {v.latex: (str(v.verdict), v.reason, v.counterexample) for v in check_text(notes).verdicts}


CASES = "$g(t) = \\begin{cases} 2t & t > 0 \\\\ e^{3t} - 1 & t \\le 0 \\end{cases}$\n\n"


def test_a_sign_condition_before_the_step_is_its_branch():
    """Catches the false alarm: 3e^{3t} is g' for t <= 0 (at t = 2 it is 2, the other branch)."""
    verdict, reason, _ = verdicts(CASES + "For $t \\le 0$, $g'(t) = 3e^{3t}$.\n")["g'(t) = 3e^{3t}"]
    assert verdict == "numeric"
    assert "where t \\le 0, the branch the notes name" in reason


def test_a_wrong_derivative_on_the_named_branch_stays_wrong():
    """3e^{t} is wrong for t <= 0: wrong, with a counterexample where t <= 0; the t <= 0
    branch's 3e^{3t} put on t > 0 is wrong there, with a counterexample where t > 0."""
    for sign, claim in (("\\le", "3e^{t}"), (">", "3e^{3t}")):
        verdict, reason, example = verdicts(CASES + f"For $t {sign} 0$, $g'(t) = {claim}$.\n")[f"g'(t) = {claim}"]
        assert verdict == "wrong", claim
        assert (float(example["point"]["t"]) <= 0) == (sign != ">"), (claim, example)
        assert f"where t {sign} 0" in reason


def test_a_condition_on_a_product_before_a_display():
    """"When $a b < 1$:" then the display: the squared hinge's derivative on that branch."""
    notes = "When $a b < 1$:\n\n$$\\frac{\\partial}{\\partial b}\\max(0, 1 - a b)^2 = -2a(1 - a b)$$\n"
    assert verdicts(notes)["\\frac{\\partial}{\\partial b}\\max(0, 1 - a b)^2 = -2a(1 - a b)"][0] == "numeric"
    slip = notes.replace("-2a(1 - a b)", "-a(1 - a b)")
    assert verdicts(slip)["\\frac{\\partial}{\\partial b}\\max(0, 1 - a b)^2 = -a(1 - a b)"][0] == "wrong"


def test_a_condition_on_a_defined_name():
    """"If $q < 1$" with q = a b defined before: the condition is read through the definition."""
    notes = ("The margin is $q = a b$. If $q < 1$, $\\frac{\\partial}{\\partial b}\\max(0, 1 - a b) = -a$ "
             "and otherwise $0$.\n")
    assert verdicts(notes)["\\frac{\\partial}{\\partial b}\\max(0, 1 - a b) = -a"][0] == "numeric"
    slip = notes.replace("= -a$", "= -2a$")
    assert verdicts(slip)["\\frac{\\partial}{\\partial b}\\max(0, 1 - a b) = -2a"][0] == "wrong"


def test_a_condition_earlier_in_the_sentence():
    """"For $u > 0$ the penalty $c|u|$ has derivative ... = c": the condition, not the span right before."""
    notes = "For $u > 0$ the penalty $c|u|$ has derivative $\\frac{d}{du}c|u| = c$.\n"
    assert verdicts(notes)["\\frac{d}{du}c|u| = c"][0] == "numeric"
    assert verdicts(notes.replace("= c$", "= -c$"))["\\frac{d}{du}c|u| = -c"][0] == "wrong"


def test_a_branch_said_in_words_is_skipped_not_wrong():
    """"For negative inputs": the words are not read; the claim agrees with a branch, so it is
    skipped with that reason. A claim equal on no branch (3e^{t}) stays wrong."""
    verdict, reason, _ = verdicts(CASES + "For negative inputs $g'(t) = 3e^{3t}$.\n")["g'(t) = 3e^{3t}"]
    assert verdict == "skipped"
    assert "said for one branch (\"For negative inputs\")" in reason
    assert verdicts(CASES + "For negative inputs $g'(t) = 3e^{t}$.\n")["g'(t) = 3e^{t}"][0] == "wrong"


def test_near_misses_keep_their_verdict():
    """No condition before the step: a one-branch claim about a piecewise function is judged
    everywhere, as before (wrong). A condition in an earlier sentence is not this step's."""
    assert verdicts(CASES + "So $g'(t) = 3e^{3t}$.\n")["g'(t) = 3e^{3t}"][0] == "wrong"
    earlier = CASES + "Take $t \\le 0$. Then $g'(t) = 3e^{3t}$.\n"
    assert verdicts(earlier)["g'(t) = 3e^{3t}"][0] == "wrong"
    # a display after a sentence that does not end in ":" is not put on the branch
    display = "When $a b < 1$ the loss is positive.\n\n$$\\frac{\\partial}{\\partial b}\\max(0, 1 - a b)^2 = -2a(1 - a b)$$\n"
    assert verdicts(display)["\\frac{\\partial}{\\partial b}\\max(0, 1 - a b)^2 = -2a(1 - a b)"][0] == "wrong"
