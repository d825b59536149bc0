r"""Small and Greek letters the notes define as functions (letter_functions.py). Notes written here.

Only f, g, h and capitals were calls at a bracket: ``\ell(w) = …`` was a product that
defined nothing, ``s'(x) = …`` was skipped, and ``\ell'(0) = 0.5`` was read as l'·0 = 0
and called wrong. Now a letter the notes define by a head of one name is a function,
and a prime on an undefined letter at a bracket of one number is a call of an unknown
function (skipped), never the product 0. Near misses keep their readings: a primed
letter given a value times a bracket, a letter given a value times a bracket, a bare
letter defined by a formula, a bracket that holds the letter itself.
"""
from derive.check import check_text
from derive.check.letter_functions import LetterCalls, letter_calls, letter_name, marked

NOTES = r"""# A loss written with a small letter

The loss of one point is $\ell(w) = (w - 3)^2 + 2w$.

$$\ell'(w) = 2(w - 3) + 2$$

$$\ell''(w) = 2$$

The slope vanishes at $w = 2$.

At the start $w = 0$: $\ell(0) = 9$, $\ell'(0) = -4$ and $\ell''(0) = 2$; one step on, $\ell(w + 1) = 6$.

A softplus: $s(x) = \log(1 + e^{x})$, so $s'(x) = \sigma(x)$ and $s'(0) = 0.5$.

The rate: $r(t) = t^3 - t$, $r'(t) = 3t^2 - 1$, $r'(2) = 11$.

The map $\phi(v) = v^2 + 1$ has $\phi'(v) = 2v$ and $\phi'(3) = 6$.
"""

#: the bare name of such a function is its body: d\ell/d\lambda is the body's derivative
BARE = r"""The log-likelihood of $n$ waiting times with sum $S$ is $\ell(\lambda) = n\ln\lambda - \lambda S$.

$$\frac{d\ell}{d\lambda} = \frac{n}{\lambda} - S$$
"""

NEAR = r"""# Near misses

The prediction is $p' = 0.7$ and $p'(1 - p') = 0.21$.

A scale $l = 2$ with $w = 3$: $l(w + 1) = 8$.

Write $s = \sigma(z)$, so $s' = s(1 - s)$.

With no formula for it, the slope $q'(0) = 1.5$.

$$u(x) = 1 - x, \quad k(x) = u'(x) \cdot 3$$
"""


def _verdicts(notes: str) -> dict:
    return {(v.line, v.latex): str(v.verdict) for v in check_text(notes).verdicts}


def test_a_small_letter_defined_as_a_function_is_one():
    got = _verdicts(NOTES)
    assert got[(3, "l(w) = (w - 3)^2 + 2w")] == "definition"
    assert got[(5, "l'(w) = 2(w - 3) + 2")] == "proved"
    assert got[(7, "l''(w) = 2")] == "proved"
    assert got[(13, "s'(x) = \\sigma(x)")] == "proved"
    assert got[(15, "r'(t) = 3t^2 - 1")] == "proved"
    assert got[(17, "\\phi'(v) = 2v")] == "proved"


def test_its_bare_name_is_its_body():
    assert _verdicts(BARE) == {(1, "l(\\lambda) = n\\ln\\lambda - \\lambda S"): "definition",
                               (3, "\\frac{d\\ell}{d\\lambda} = \\frac{n}{\\lambda} - S"): "proved"}
    slip = _verdicts(BARE.replace("{n}{\\lambda}", "{n}{\\lambda^2}"))
    assert slip[(3, "\\frac{d\\ell}{d\\lambda} = \\frac{n}{\\lambda^2} - S")] == "wrong"


def test_its_values_and_derivatives_at_numbers_are_checked():
    got = _verdicts(NOTES)
    for line, latex in [(11, "l(0) = 9"), (11, "l'(0) = -4"), (11, "l''(0) = 2"), (11, "l(w + 1) = 6"),
                        (13, "s'(0) = 0.5"), (15, "r'(2) = 11"), (17, "\\phi'(3) = 6")]:
        assert got[(line, latex)] in ("proved", "numeric"), (line, latex, got.get((line, latex)))
    assert "wrong" not in got.values()


def test_slips_are_wrong_at_their_line():
    for true, slip, line in [("2(w - 3) + 2$$", "2(w - 3) + 1$$", 5), ("\\ell'(0) = -4", "\\ell'(0) = -6", 11),
                             ("s'(x) = \\sigma(x)", "s'(x) = 1 - \\sigma(x)", 13),
                             ("r'(2) = 11", "r'(2) = 12", 15), ("\\phi'(v) = 2v", "\\phi'(v) = v", 17),
                             ("\\ell(w + 1) = 6", "\\ell(w + 1) = 7", 11)]:
        planted = NOTES.replace(true, slip)
        assert planted != NOTES
        wrong = [v.line for v in check_text(planted).verdicts if v.verdict == "wrong"]
        assert wrong == [line], (slip, wrong)


def test_near_misses_keep_their_readings():
    got = _verdicts(NEAR)
    assert got[(3, "p'(1 - p') = 0.21")] == "numeric"  # the product 0.7 · 0.3
    assert got[(5, "l(w + 1) = 8")] == "proved"  # the product 2 · 4
    assert got[(7, "s' = s(1 - s)")] == "definition"
    assert got[(11, "k(x) = u'(x) \\cdot 3")] == "skipped"  # a body with a prime: a rule, not a formula
    assert _verdicts(NEAR.replace("= 0.21", "= 0.27"))[(3, "p'(1 - p') = 0.27")] == "wrong"
    assert _verdicts(NEAR.replace("= 8$", "= 9$"))[(5, "l(w + 1) = 9")] == "wrong"


def test_a_prime_on_an_undefined_letter_at_a_number_is_skipped_not_wrong():
    (slope,) = [v for v in check_text(NEAR).verdicts if v.line == 9]
    assert str(slope.verdict) == "skipped" and "q" in slope.reason  # read as q'·0 = 0 it was "wrong"


def test_which_letters_are_functions():
    calls = letter_calls([r"\ell(w) = w^2", r"s(x) = x\,\sigma(x)", "p(x) = 2x", "p' = 0.7", "a(b) = 3",
                          r"y(x) = x^2", "y = 4", r"m(t) = t^2", r"\frac{\partial L}{\partial m} = 1",
                          r"n(x) = n x", r"\psi(u) \triangleq u^3"])
    assert calls.functions == frozenset({"l", "s", "psi"})
    assert calls.valued_primes == frozenset({"p"})


def test_markers_are_same_length_and_read_back():
    calls = LetterCalls(frozenset({"s", "phi"}), frozenset({"p"}))
    for text in ["s'(x) + s(x + 1)", r"\phi(2) = 5", "s(1 - s)", "p'(0.5)", "r'(2)", "r'(x)", "w_s(x)"]:
        out = marked(text, calls)
        assert len(out) == len(text)
    assert [letter_name(c) for c in marked(r"\phi(2)", calls) if ord(c) >= 0xE100] == ["phi"]
    assert marked("s(1 - s)", calls) == "s(1 - s)"
    assert marked("p'(0.5)", calls) == "p'(0.5)"
    assert marked("r'(x)", calls) == "r'(x)"
    assert marked("w_s(x)", calls) == "w_s(x)"
    assert marked("r'(2)", calls) != "r'(2)"
    assert marked("s(x)", None) == "s(x)"


def test_a_row_with_a_trailing_equation_number_is_read_without_it():
    # the number (4) was read as a factor, and the true derivative was called wrong; it is
    # now an equation label (equation_labels.py), so the call is judged, right and wrong
    notes = "Let $r(t) = t^2 + 1$.\n\n$$r'(t) = 2t \\qquad (4)$$\n"
    got = [str(v.verdict) for v in check_text(notes).verdicts if v.line == 3]
    assert got == ["proved"]
    slip = [str(v.verdict) for v in check_text(notes.replace("2t", "3t")).verdicts if v.line == 3]
    assert slip == ["wrong"]
