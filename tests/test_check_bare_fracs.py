r"""``frac{a}{b}`` written without its backslash. Notes written here.

The reader took ``frac`` for a four-letter name ("an expression in frac, whose values
the notes do not give"), so a slip in such a row went unseen. A ``frac`` that stands
alone and is followed at once by two brace groups is read as the fraction; a ``frac``
inside a word, with one group, or written as a derivative (``frac{d}{dx}``) is not.
"""
import pytest

from derive.check import check_text
from derive.check.bare_fracs import bare_fracs_read

NOTES = r"""# Softmax by hand

The exponentials sum to 4.5.

1. $frac{2.25}{4.5} \approx 0.5$
2. $frac{1.35}{4.5} \approx 0.35$
3. $dfrac{0.9}{4.5} = 0.2$

$$frac{d}{dx} x^3 = 3x^2$$

$$fraction{3}{4} = 0.75$$
"""


def _verdicts():
    got: dict[int, list] = {}
    for v in check_text(NOTES).verdicts:
        got.setdefault(v.line, []).append(v)
    return got


def test_a_fraction_without_its_backslash_is_read():
    got = _verdicts()
    assert [str(v.verdict) for v in got[5]] in (["proved"], ["numeric"])
    assert [str(v.verdict) for v in got[7]] in (["proved"], ["numeric"])


def test_a_slip_in_it_is_wrong():
    got = _verdicts()
    (v,) = got[6]
    assert str(v.verdict) == "wrong"  # 1.35 / 4.5 is 0.3


def test_a_derivative_or_a_word_is_not_read_as_a_fraction():
    got = _verdicts()
    assert all(str(v.verdict) not in ("proved", "numeric", "wrong") for v in got.get(9, []))
    assert all(str(v.verdict) not in ("proved", "numeric", "wrong") for v in got.get(11, []))


@pytest.mark.parametrize("latex, read", [
    (r"frac{1}{2}", r"((1)/(2))"),
    (r"dfrac {a+1} {b}", r"((a+1)/ (b))"),
    (r"= frac{x}{frac{1}{2}}", r"= ((x)/( ((1)/(2))))"),
])
def test_bare_fracs_are_rewritten_in_place(latex, read):
    got = bare_fracs_read(latex)
    assert " ".join(got.split()) == read
    assert len(got) == len(latex)


@pytest.mark.parametrize("latex", [
    r"\frac{1}{2}", r"\dfrac{1}{2}", r"afrac{1}{2}", r"frac{1}", r"frac{1}{2", r"frac{d}{dx} y", r"frac{dy}{dx}",
    r"frac{\partial L}{\partial w}", r"frac{\mathrm{d}}{dt}", r"fraction{3}{4}", r"frac 1 2",
])
def test_near_misses_are_left_alone(latex):
    assert bare_fracs_read(latex) == latex
