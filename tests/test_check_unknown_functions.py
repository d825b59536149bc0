r"""A function of mathematics the reader has none for, set upright
(``\mathrm{sech}^2(x)``, ``\text{erf}(z)``, notes written here): read as a name,
sech·x, the true ``\tanh'(x) = \mathrm{sech}^2(x)`` was wrong. Such a row is not read."""
import pytest

from derive.check import check_text


@pytest.mark.parametrize("right", [r"\mathrm{sech}^2(x)", r"\text{sech}^2(x)", r"\operatorname{sech}^2(x)",
                                   r"\sech^2 x", r"\mathrm{sech}(x)^2"])
def test_sech_is_not_read_as_a_name(right):
    (v,) = check_text(f"$$\\frac{{d}}{{dx}}\\tanh(x) = {right}$$\n").verdicts
    assert str(v.verdict) == "skipped" and "sech(…) is a function the checker does not know" in v.reason


def test_known_functions_and_names_that_start_alike_are_read():
    (v,) = check_text("$$\\frac{d}{dx}\\tanh(x) = 1 - \\tanh^2(x)$$\n").verdicts
    assert str(v.verdict) == "proved"
    (v,) = check_text("Let $\\mathrm{erfx} = 2$.\n").verdicts
    assert str(v.verdict) == "definition"
