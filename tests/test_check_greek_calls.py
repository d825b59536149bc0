"""A Greek letter other than σ applied to one name (``\\Psi(t) = …``, ``φ(v) = …``), in notes written here.

The reader takes such a letter for a factor, so a function the notes name with
it read as Ψ·t and the row was called wrong. Such a "wrong" is now skipped as a
possible function application (as it already was for ``p(x)``); a letter the
notes give a value, and a letter before a bracket that holds more than one
name, are still products, and still wrong.
"""
from derive.check import check_text
from derive.check.one_letter_calls import undefined_call

NOTES = """The link is $\\Psi(t) = \\frac{1}{1 + e^{-t}}$ and the feature map $φ(v) = v^2 + 1$.

With $\\lambda = 3$: $$\\lambda(w) = 4w$$

$$\\eta(a + b) = \\eta a + \\eta b + 1$$
"""


def verdicts(line: int) -> list:
    return [v for v in check_text(NOTES).verdicts if v.line == line and str(v.verdict) != "definition"]


def test_a_function_named_by_a_greek_letter_is_not_judged_as_a_product():
    found = verdicts(1)
    assert [str(v.verdict) for v in found] == ["skipped"]
    assert "φ(v) may be a function" in found[0].reason
    # \Psi(t) = … with a body in t defines the function Ψ (letter_functions.py): a definition, not a product
    (psi,) = [v for v in check_text(NOTES).verdicts if v.latex.startswith("\\Psi")]
    assert str(psi.verdict) == "definition"


def test_products_with_greek_letters_stay_wrong():
    assert [str(v.verdict) for v in verdicts(3)] == ["wrong"]
    assert [str(v.verdict) for v in verdicts(5)] == ["wrong"]


def test_which_calls_are_found():
    assert undefined_call("\\Theta(z) = 1", frozenset()) == "\\Theta(z)"
    assert undefined_call("\\phi(x_i) + 1", frozenset()) == "\\phi(x_i)"
    assert undefined_call("Θ(z)", frozenset()) == "Θ(z)"
    assert undefined_call("\\Theta(z)", frozenset({"Theta"})) == ""        # a value the notes give
    assert undefined_call("Θ(z)", frozenset({"Theta"})) == ""
    assert undefined_call("\\sigma(z)", frozenset()) == ""                 # σ is the logistic function
    assert undefined_call("σ(z)", frozenset()) == ""
    assert undefined_call("\\eta(a + b)", frozenset()) == ""               # not one name
    assert undefined_call("\\Thetax(z)", frozenset()) == ""                # not a Greek letter
