r"""``\partial_{\theta_j} J``: a partial derivative written with a subscript (issue 9). Notes written here.

``\partial_v F`` followed by one name or a bracket is ∂F/∂v, judged like the
fraction; an index or a number as the subscript, a power or another name after
the operand, a sum or a fraction as the operand, and second derivatives are
refused with a reason (skipped), never guessed.
"""
import pytest

from derive.check import check_text

NOTES = r"""Let $J(\theta) = \frac{1}{2}(\theta_1 x - y)^2$ and $L = w^2 + 3w$.

$$\partial_{\theta_1} J = (\theta_1 x - y) x$$

$$\partial_w L = 2w + 3$$

$$\partial_w L = 2w$$

$$\partial_x (x^3) = 3x^2$$

$$z = w x, \quad \partial_x z = w$$

$$\partial_{\theta_1}{J(\theta)} = \partial_{\theta_1} J$$

$$g = \partial_w L \cdot \partial_w L = (2w + 3)^2$$
"""


def judged(notes: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for v in check_text(notes).verdicts:
        if str(v.verdict) != "definition":
            found.setdefault(v.line, []).append(str(v.verdict))
    return found


def test_a_subscripted_partial_is_read_as_the_derivative():
    found = judged(NOTES)
    assert found[3] == ["proved"] and found[5] == ["proved"] and found[9] == ["proved"]
    assert found[11] == ["proved"] and found[13] == ["proved"] and found[15] == ["proved"]


def test_a_slip_in_it_is_wrong_with_the_derivative_expected():
    (slip,) = [v for v in check_text(NOTES).verdicts if v.line == 7]
    assert str(slip.verdict) == "wrong" and slip.expected.replace(" ", "") in ("3+2w", "2w+3")


def test_the_unicode_partial_sign_reads_the_same():
    assert judged("$L = w^2$\n\n$∂_w L = 2w$\n") == {3: ["proved"]}


@pytest.mark.parametrize("row, why", [
    (r"\partial_i f = 0", "an index"),
    (r"\partial_1 L = 2w", "an index"),
    (r"\partial_w L^2 = 2 L (2w + 3)", "a power"),
    (r"\partial_w L x = (2w + 3) x", "the whole product"),
    (r"\partial_w \frac{1}{2} L = w + 1.5", "not one name"),
    (r"\partial_w \sum_i w x_i = \sum_i x_i", "not one name"),
    (r"\partial_w^2 L = 2", "second derivative"),
    (r"\partial_{w}\partial_{x} L = 0", "second derivative"),
    (r"\partial_w = 2w + 3", "not one name"),
])
def test_unclear_subscripted_partials_are_skipped_with_the_reason(row, why):
    notes = f"$L = w^2 + 3w$\n\n$${row}$$\n"
    (step,) = [v for v in check_text(notes).verdicts if v.line == 3]
    assert str(step.verdict) == "skipped" and why in step.reason, step.reason


def test_the_fraction_and_a_subscript_on_a_name_are_read_as_before():
    notes = "$L = w^2$\n\n$$\\frac{\\partial L}{\\partial w} = 2w$$\n\n$$L_w = 3$$\n"
    found = judged(notes)
    assert found[3] == ["proved"] and 5 not in found


def test_a_partial_derivative_written_with_a_slash_is_refused_not_read_as_a_product():
    # ∂L/∂w was read as ∂·L/∂·w = L·w, and a true 2w was called wrong
    for row in ("∂L/∂w = 2w", "\\partial L / \\partial w = 2w"):
        (step,) = [v for v in check_text(f"$L = w^2$\n\n${row}$\n").verdicts if v.line == 3]
        assert str(step.verdict) == "skipped" and "with a slash" in step.reason
