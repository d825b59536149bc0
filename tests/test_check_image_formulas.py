r"""Formulas drawn as images by a LaTeX service (issue 9, reach; derive/check/image_formulas.py).

Notes written here. A formula in ``<img src="https://latex.codecogs.com/svg.latex?…">`` or
``![](…)`` had no math the reader could see, so its claims got no step. Now the address's
LaTeX (URL-encoded or with Markdown escapes, with the service's entities) is a display; a
wrong one is wrong; ``w^Tx`` there is the transpose (refused), never the power w^T; other
images and addresses left unfinished are not read.
"""
import pytest

from derive.check import check_text

NOTES = r"""The derivative of the sigmoid:

<p align="center"><img src="https://latex.codecogs.com/svg.latex?%5Cfrac%7Bd%7D%7Bdz%7D%20%5Cfrac%7B1%7D%7B1+e%5E%7B-z%7D%7D%20=%20%5Cfrac%7Be%5E%7B-z%7D%7D%7B(1+e%5E%7B-z%7D)%5E2%7D" /></p>

and one of its values, ![](http://latex.codecogs.com/png.latex?\\frac{1}{1+e^{-0}}&space;=&space;0.5) so

![](https://latex.codecogs.com/gif.latex?(x^3)'=3x^2)
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_formulas_in_image_addresses_are_read():
    found = verdicts(NOTES)
    assert (3, "proved") in found and (7, "proved") in found
    assert (5, "proved") in found or (5, "numeric") in found


@pytest.mark.parametrize("slip, fixed, line", [("%5E2%7D\" />", "%5E3%7D\" />", 3), ("=&space;0.5)", "=&space;0.4)", 5),
                                               ("=3x^2)", "=3x^3)", 7)])
def test_a_wrong_formula_in_an_image_is_wrong(slip, fixed, line):
    assert [l for l, v in verdicts(NOTES.replace(slip, fixed)) if v == "wrong"] == [line]


@pytest.mark.parametrize("notes", [
    "Let ![](https://latex.codecogs.com/svg.latex?z=w%5ETx+b)\n\n$\\frac{\\partial z}{\\partial w} = x$\n",
    "![](https://example.com/plot.png?x=1%20=%202)\n",                        # not a formula service
    "![](https://latex.codecogs.com/svg.latex?a&foo;=1)\n",                   # an entity not the service's
    "<img src=\"https://latex.codecogs.com/svg.latex?1+1=3\n\" />\n",         # the address does not end on its line
])
def test_near_misses_are_not_judged(notes):
    assert "wrong" not in [v for _, v in verdicts(notes)]
    assert "proved" not in [v for _, v in verdicts(notes)]
