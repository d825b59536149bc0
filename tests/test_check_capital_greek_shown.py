r"""Capital Greek names shown as the notes write them (issue 9). Notes written here.

``\Delta y``, ``\Theta_1``, ``\Phi`` are names of their own; reasons and
counterexamples showed them as ``Delta_y``, ``Theta_1``, ``Phi`` while lower-case
Greek showed as ω. Capitals LaTeX writes as commands now show as Δ, Θ, Σ, Φ …, in
the text report and in the JSON one alike; Latin-looking words (Beta, Eta) keep
their spelling.
"""
import json

from derive.check import check_text
from derive.check.greek_names import show_name
from derive.check.report import json_report, text_report

NOTES = r"""$\Theta_1 = 2 w$

$\Sigma = 4 \Phi$

$2 \Sigma = 7 \Phi$

The slope of $f(x) = 3x^2$:

$$\frac{\Delta y}{\Delta x} = \frac{f(x + \Delta x) - f(x)}{\Delta x}$$
"""


def test_capital_greek_names_are_shown_as_letters():
    assert show_name("Delta_y") == "Δ_y" and show_name("Theta_1") == "Θ_1"
    assert [show_name(n) for n in ("Sigma", "Phi", "Omega", "Gamma", "Lambda", "Psi", "Xi")] == list("ΣΦΩΓΛΨΞ")
    assert show_name("omega_1") == "ω_1" and show_name("y_hat") == "y\u0302"


def test_latin_looking_capitals_and_pi_keep_their_names():
    assert [show_name(n) for n in ("Beta", "Eta", "Tau", "Alpha", "pi", "Chi")] == ["Beta", "Eta", "Tau", "Alpha",
                                                                                    "pi", "Chi"]


def test_reasons_and_counterexamples_show_capital_greek_in_text_and_json():
    result = check_text(NOTES)
    text = text_report("n.md", result.verdicts, result.assumptions, everything=True)
    assert "(Δ_y on the left, x on the right)" in text and "Delta_y" not in text
    assert "Φ=" in text and "Phi=" not in text
    steps = json.loads(json_report("n.md", result.verdicts, result.assumptions))["steps"]
    reasons = " ".join(s["reason"] for s in steps)
    assert "Δ_y on the left" in reasons and "defines Θ_1" in reasons and "Theta" not in reasons
