r"""Every reason shows the notes' Greek names as letters (issue 9 §3). Notes written here.

Names were shown as letters where a reason called ``show_name`` (``defines θ``,
counterexamples ``at θ=2``), but "depends on ∂J/∂theta", "∂l/∂alpha" and "an
expression in tau_0" printed the spelling. All reasons now pass through one
function that shows a Greek name as its letter, while LaTeX commands
(``\theta``), a word in a command's braces (``\mathrm{beta}``), longer words
(``betas``) and what a reason quotes between single quotes stay as written.
"""
import json

from derive.check import check_text
from derive.check.greek_names import shown_in_text
from derive.check.report import json_report, text_report

NOTES = r"""$$\frac{\partial J}{\partial \theta} = 2\theta x$$

$$\frac{\partial L}{\partial \hat{y}} \cdot \frac{\partial \hat{y}}{\partial \lambda} = 3\lambda$$

$$\lim_{\tau \to \tau_0} \tau = 1$$

$$\alpha_1 = 2, \quad \alpha_1 + 1 = 4$$
"""


def test_depends_on_reasons_show_greek_letters_in_text_and_json():
    result = check_text(NOTES)
    text = text_report("n.md", result.verdicts, result.assumptions, everything=True)
    assert "depends on ∂J/∂θ," in text and "∂J/∂theta" not in text
    assert "depends on ∂L/∂y\u0302, ∂y\u0302/∂λ," in text and "∂lambda" not in text
    assert "an expression in τ_0" in text and "in tau_0" not in text
    steps = json.loads(json_report("n.md", result.verdicts, result.assumptions))["steps"]
    reasons = " ".join(s["reason"] for s in steps)
    assert "∂J/∂θ" in reasons and "theta" not in reasons and "τ_0" in reasons


def test_a_wrong_step_with_greek_names_is_still_wrong():
    result = check_text(NOTES)
    wrong = [v for v in result.verdicts if v.verdict == "wrong"]
    assert [(v.line, v.latex) for v in wrong] == [(7, r"\alpha_1 + 1 = 4")]


def test_commands_quotes_and_longer_words_stay_as_written():
    assert shown_in_text("depends on ∂J/∂theta, ∂l/∂beta_1") == "depends on ∂J/∂θ, ∂l/∂β_1"
    assert shown_in_text(r"(line 3: \theta = 2, \mathrm{beta})") == r"(line 3: \theta = 2, \mathrm{beta})"
    assert shown_in_text("near 'theta x' for theta") == "near 'theta x' for θ"
    assert shown_in_text("betas, thetas, alphabet, pi, Beta, eta2") == "betas, thetas, alphabet, pi, Beta, eta2"
    assert shown_in_text("sigma(z) and Delta_y") == "σ(z) and Δ_y"
    assert shown_in_text("") == ""
