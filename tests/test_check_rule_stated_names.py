r"""A name the notes give as an unknown function before a claim (``y = f(u)``)
takes no definition from further on. Notes written here.

Notes state the chain rule in general (``y = f(u), u = g(x)``, then
``\frac{dy}{dx} = \frac{dy}{du} \cdot \frac{du}{dx}``) and only later work a
neuron with ``y = \sigma(a)``. A name used before its first definition reads
that definition ("where ŷ = w x + b" after using ŷ), so the general rule was
judged with the neuron's y and called wrong. Now a name a rule statement gave
as an unknown function before the claim takes no later definition there, and
the rule is skipped with the reason (u = g(x) is not read as an unknown
function: a rule statement's names are often data, like the lecture's target y);
"where y = …" after a claim still counts.
"""
from derive.check import check_text

GENERAL_THEN_NEURON = r"""# Chain rule

Write $y = f(u), \; u = g(x)$; then

$$\frac{dy}{dx} = \frac{dy}{du} \cdot \frac{du}{dx}$$

Then for a neuron:

$a = xw + b$

$y = \sigma(a)$

$$\frac{\partial y}{\partial w} = \frac{\partial y}{\partial a} \cdot \frac{\partial a}{\partial w}$$

$$\frac{\partial y}{\partial a} = \sigma(a)$$
"""


def _verdicts(notes: str) -> dict:
    return {(v.line, v.latex): str(v.verdict) for v in check_text(notes).verdicts}


def test_the_general_rule_is_not_judged_with_the_later_example():
    got = _verdicts(GENERAL_THEN_NEURON)
    assert got[(5, r"\frac{dy}{dx} = \frac{dy}{du} \cdot \frac{du}{dx}")] == "skipped"


def test_the_example_after_it_is_still_judged_with_its_definitions():
    got = _verdicts(GENERAL_THEN_NEURON)
    assert got[(13, r"\frac{\partial y}{\partial w} = \frac{\partial y}{\partial a} \cdot \frac{\partial a}{\partial w}")] == "proved"
    assert got[(15, r"\frac{\partial y}{\partial a} = \sigma(a)")] == "wrong"


def test_a_rule_that_does_not_telescope_is_not_proved():
    notes = GENERAL_THEN_NEURON.replace(r"\frac{du}{dx}$$", r"\frac{dx}{du}$$", 1)
    got = _verdicts(notes)
    assert got[(5, r"\frac{dy}{dx} = \frac{dy}{du} \cdot \frac{dx}{du}")] == "skipped"


def test_a_definition_given_after_its_claim_still_counts_without_a_rule_statement():
    notes = "$$\\frac{dy}{dx} = 3x^2$$\n\nwhere $y = x^2$.\n"
    got = _verdicts(notes)
    assert got[(1, r"\frac{dy}{dx} = 3x^2")] == "wrong"
    assert _verdicts(notes.replace("3x^2", "2x"))[(1, r"\frac{dy}{dx} = 2x")] == "proved"
