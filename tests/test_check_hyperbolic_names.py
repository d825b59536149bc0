r"""sh, ch, th, cth: the hyperbolic functions as Russian and other European notes write them. Notes written here.

``\operatorname{sh} t`` was refused, ``\operatorname{ch}(3t)`` was "a function the
notes name", and ``\text{th}\, t`` was read as a name th times t, so a true
derivative of tanh was called wrong. The upright spellings are now sinh, cosh, tanh
and coth; the bare letters, a ``th`` in a subscript or glued to a letter (an
ordinal), and a spelling with no argument after it stay as they were.
"""
from derive.check import check_text
from derive.check.hyperbolic_names import hyperbolic_read

NOTES = r"""# Hyperbolic functions, Russian style

$$\frac{d}{dt} \operatorname{sh} t = \operatorname{ch} t$$

$$\frac{d}{dt} \text{th}\, t = \frac{1}{\text{ch}^2 t}$$

$$\frac{d}{dt} \mathrm{cth}(t) = -\frac{1}{\mathrm{sh}^2(t)}$$

$$\frac{d}{dt} \operatorname{ch}(3t) = 2 \operatorname{sh}(3t)$$

$$\operatorname{sh} t^2 = 1$$

Near misses:

$$u_{\text{th}} = 2, \quad 3 u_{\text{th}} = 6$$

$$k\text{th} = 4$$

$$h(t) = t^2, \quad c\, h(t) = c t^2$$
"""


def _verdicts():
    return {(v.line, v.latex): str(v.verdict) for v in check_text(NOTES).verdicts}


def test_upright_hyperbolic_spellings_are_read_as_the_functions():
    got = _verdicts()
    right = ("proved", "numeric")  # numeric when the symbolic proof runs out of time on a loaded machine
    assert got[(3, r"\frac{d}{dt} \operatorname{sh} t = \operatorname{ch} t")] in right
    assert got[(5, r"\frac{d}{dt} \text{th}\, t = \frac{1}{\text{ch}^2 t}")] in right
    assert got[(7, r"\frac{d}{dt} \mathrm{cth}(t) = -\frac{1}{\mathrm{sh}^2(t)}")] in right


def test_a_slip_in_a_hyperbolic_derivative_is_wrong():
    result = check_text(NOTES)
    (wrong,) = [v for v in result.verdicts if v.verdict == "wrong"]
    assert wrong.line == 9 and r"\sinh" in wrong.expected and wrong.expected.startswith("3")


def test_near_misses_stay_as_they_were():
    got = _verdicts()
    assert got[(11, r"\operatorname{sh} t^2 = 1")] == "skipped"  # sinh(t²) or (sinh t)²? not read
    assert got[(15, r"3 u_{\text{th}} = 6")] == "proved"  # a threshold u_th, a name
    assert got[(17, r"k\text{th} = 4")] == "skipped"
    assert got[(19, r"c\, h(t) = c t^2")] == "proved"


def test_the_rewrite_keeps_positions_and_leaves_scripts_and_ordinals():
    for latex in (r"\operatorname{sh} x", r"\mathrm{ch}^2 x", r"\text{th}\, x", r"\frac{a}{\text{ch}(x)}"):
        out = hyperbolic_read(latex)
        assert len(out) == len(latex) and out != latex
    assert hyperbolic_read(r"\text{ch}(x)").startswith(r"\cosh")
    for latex in (r"w_{\text{th}} x", r"n^{\text{th}} x", r"k\text{th} x", r"\text{ch} = 2", r"x^{2 \text{ch} x}",
                  "sh x", r"\text{shape} x"):
        assert hyperbolic_read(latex) == latex
