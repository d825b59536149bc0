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
