r"""``\sh x``, ``\ch^2 x``, ``\th x``: the hyperbolic functions as commands of Russian TeX styles. Notes written here.

The reader stopped at them ("unexpected '\\'"), so every row with one was skipped.
Now they are sinh, cosh, tanh, coth, read as ``\sinh`` is; the same refusals hold
(``\sh t^2``, ``\ch 2t``: what the function takes is not bracketed), and the bare
letters ``ch(t)`` and a command that merely starts with those letters stay as they were.
"""
from derive.check import check_text

NOTES = r"""# Hyperbolic functions, Russian TeX style

$$\frac{d}{dt} \sh t = \ch t$$

$$\frac{d}{dt} \th t = \frac{1}{\ch^2 t}$$

$$\frac{d}{dt} \cth(t) = -\frac{1}{\sh^2(t)}$$

$$\th t = \frac{\sh t}{\ch t}$$

$$\frac{d}{dt} \ch(4t) = 3 \sh(4t)$$

Near misses:

$$\sh t^2 = 1$$

$$\ch 2t = 5$$

$$h(t) = t^2, \quad c h(t) = c t^2$$

$$\chi = 2, \quad 3\chi = 6$$
"""


def _verdicts():
    return {(v.line, v.latex): str(v.verdict) for v in check_text(NOTES).verdicts}


def test_hyperbolic_commands_are_read_as_the_functions():
    got = _verdicts()
    right = ("proved", "numeric")  # numeric when the symbolic proof runs out of time on a loaded machine
    assert got[(3, r"\frac{d}{dt} \sh t = \ch t")] in right
    assert got[(5, r"\frac{d}{dt} \th t = \frac{1}{\ch^2 t}")] in right
    assert got[(7, r"\frac{d}{dt} \cth(t) = -\frac{1}{\sh^2(t)}")] in right
    assert got[(9, r"\th t = \frac{\sh t}{\ch t}")] in right


def test_a_slip_in_a_hyperbolic_command_row_is_wrong():
    wrong = [v for v in check_text(NOTES).verdicts if v.verdict == "wrong"]
    assert [v.line for v in wrong] == [11]  # d/dt ch(4t) is 4 sh(4t)
    assert wrong[0].expected.startswith("4") and r"\sinh" in wrong[0].expected


def test_near_misses_stay_as_they_were():
    got = _verdicts()
    assert got[(15, r"\sh t^2 = 1")] == "skipped"  # sinh(t²) or (sinh t)²? not read
    assert got[(17, r"\ch 2t = 5")] == "skipped"  # cosh(2t) or cosh(2)·t? not read
    assert got[(19, r"c h(t) = c t^2")] == "proved"  # c times the function h
    assert got[(21, r"3\chi = 6")] == "proved"  # \chi is a Greek letter, not \ch
