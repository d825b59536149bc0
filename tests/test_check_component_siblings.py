"""An undefined component beside a defined one (component_siblings.py): a softmax note defines
q_1 = e^{u_1}/(e^{u_1} + e^{u_2} + e^{u_3}) and writes ∂q_1/∂u_3 = −q_1 q_3, meaning q_3 as the
third class's probability. Read as a free name, q_3 made the step wrong at test points.

Near misses keep their verdict: sample or data numbers (ŷ_1 = w x_1 + b beside an undefined ŷ_2,
the data y_i beside a defined ŷ_i) are not components, and steps wrong in them stay wrong; a
wrong step about the defined component alone stays wrong. Notes written here."""
from derive.check import check_text

SOFTMAX = "$$q_1 = \\frac{{e^{{u_1}}}}{{e^{{u_1}} + e^{{u_2}} + e^{{u_3}}}}$$\n\n$${claim}$$\n"


def verdict_at(notes: str, line: int) -> tuple[str, str]:
    (found,) = [(str(v.verdict), v.reason) for v in check_text(notes).verdicts if v.line == line]
    return found


def test_an_undefined_class_probability_beside_a_defined_one_is_not_judged():
    """Catches the false alarm: q_3 is the class that u_3 feeds, as q_1 is u_1's."""
    verdict, reason = verdict_at(SOFTMAX.format(claim="\\frac{\\partial q_1}{\\partial u_3} = -q_1 q_3"), 3)
    assert verdict == "skipped"
    assert reason == ("q_3 is the component beside q_1 (defined from u_1 and u_3), which the notes do not "
                      "define; not checked")


def test_two_classes_in_other_letters():
    notes = "$$s_1 = \\frac{e^{a_1}}{e^{a_1} + e^{a_2}}$$\n\n$$\\frac{\\partial s_1}{\\partial a_2} = -s_1 s_2$$\n"
    assert verdict_at(notes, 3)[0] == "skipped"


def test_a_wrong_step_about_the_defined_component_alone_stays_wrong():
    """q_1(1 + q_1) holds no undefined component: wrong as before (it is q_1(1 − q_1))."""
    assert verdict_at(SOFTMAX.format(claim="\\frac{\\partial q_1}{\\partial u_1} = q_1 (1 + q_1)"), 3)[0] == "wrong"


def test_the_right_step_about_the_defined_component_is_still_proved():
    assert verdict_at(SOFTMAX.format(claim="\\frac{\\partial q_1}{\\partial u_1} = q_1 (1 - q_1)"), 3)[0] == "proved"


def test_a_numbered_sample_is_not_a_component():
    """ŷ_1 = w x_1 + b uses only sample 1's numbers: an undefined ŷ_2 is another sample, and a
    step wrong with it stays wrong. Catches a rule that skips any undefined numbered sibling."""
    notes = "$$\\hat{y}_1 = w x_1 + b$$\n\n$$\\hat{y}_1 + \\hat{y}_2 = w x_1 + b$$\n"
    assert verdict_at(notes, 3)[0] == "wrong"


def test_data_beside_a_defined_prediction_is_not_a_component():
    """y_i beside a defined ŷ_i (a different name, data): the missing x_i stays wrong."""
    notes = ("$$\\hat{y}_i = w x_i + b$$\n\n"
             "$$\\frac{\\partial}{\\partial w}(\\hat{y}_i - y_i)^2 = 2(\\hat{y}_i - y_i)$$\n")
    assert verdict_at(notes, 3)[0] == "wrong"
