r"""``{a \over b}``: TeX's own fraction, as plain-TeX style notes write it. Notes written here.

The reader stopped at ``\over`` ("unexpected '\\'"), so each row with such a
fraction was skipped. A braced group split at one ``\over`` is now the fraction
of its two parts, as ``\frac`` is (``{dy \over dt}`` a derivative). An ``\over``
outside braces, two in one group, ``\atop`` and ``\choose`` stay unread.
"""
from derive.check import check_text

NOTES = r"""# Derivatives, fractions written the TeX way

$$\frac{d}{dx} \ln(1 + x^2) = {2x \over 1 + x^2}$$

$$\frac{d}{dx} \sqrt{x} = {1 \over 2\sqrt{x}} = {\sqrt{x} \over 2x}$$

$$\frac{d}{dt} e^{3t} = {e^{3t} \over 3}$$

$$y = t^3 + 5t$$

$${dy \over dt} = 3t^2 + 5$$

$$\frac{d}{dx} e^{x \over 2} = {e^{x \over 2} \over 2}$$

Near misses:

$$u \over v = 4$$

$${1 \over 2 \over 3} = 1.5$$

$${n \atop k} = 2$$

$${n \choose 2} = 3$$

$$\overline{q} = 2, \quad 3\overline{q} = 6$$
"""


def _verdicts():
    return {(v.line, v.latex): str(v.verdict) for v in check_text(NOTES).verdicts}


def test_a_group_split_at_over_is_a_fraction():
    got = _verdicts()
    right = ("proved", "numeric")  # numeric when the symbolic proof runs out of time on a loaded machine
    assert got[(3, r"\frac{d}{dx} \ln(1 + x^2) = {2x \over 1 + x^2}")] in right
    assert got[(5, r"\frac{d}{dx} \sqrt{x} = {1 \over 2\sqrt{x}}")] in right
    assert got[(5, r"\frac{d}{dx} \sqrt{x} = {\sqrt{x} \over 2x}")] in right
    assert got[(11, r"{dy \over dt} = 3t^2 + 5")] in right  # a derivative, as \frac{dy}{dt}
    assert got[(13, r"\frac{d}{dx} e^{x \over 2} = {e^{x \over 2} \over 2}")] in right  # in an exponent too


def test_a_slip_in_an_over_fraction_is_wrong():
    wrong = [v for v in check_text(NOTES).verdicts if v.verdict == "wrong"]
    assert [v.line for v in wrong] == [7]  # d/dt e^{3t} is 3e^{3t}, not e^{3t}/3
    assert "3" in wrong[0].expected


def test_near_misses_stay_unread():
    got = _verdicts()
    for line in (17, 19, 21, 23):  # \over outside braces, two \over, \atop, \choose
        assert [v for (n, _), v in got.items() if n == line] == ["skipped"], line
    assert got[(25, r"3\overline{q} = 6")] == "proved"  # \overline is another command
