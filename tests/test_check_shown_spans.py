r"""The line a report quotes is what the notes wrote (issue 9 §3). Notes written here.

The reader blanks wrappers (``\mathbf{`` and its ``}``, ``\left``, ``\right``)
before parsing, and a side's place could begin or end inside one: reports quoted
``\frac{d}{dx} \mathbf{z``, ``w} \ne 0`` or ``( x + 1 \right)^2``, and an
inequality ``q < 1`` was shown as ``q = 1``. Verdicts are unchanged; only the
quoted text is.
"""
import json

from derive.check import check_text
from derive.check.report import json_report
from derive.check.shown_spans import shown_span

NOTES = r"""Let $\mathbf{z} = 5t$.

$$\frac{d}{dt} \mathbf{z} = 6$$

$$\left( t + 2 \right)^2 = t^2 + 4t + 5$$

$$g(t) = \left[ t^3 - 1 \right], \quad g'(t) = 3t^2$$

$$\mathbf{v} \ne 0$$

$$r < 1$$

$$0 \le s \le 1$$

$$\boldsymbol{\mu}_2 = 4$$

$$\boxed{c = 3 + 3 = 7}$$

$$(t + 1)^2 = t^2 + 2t + 1$$

$$\frac{d}{dt}\left\{ t^4 \right\} = 3t^3$$
"""


def _steps():
    result = check_text(NOTES)
    return [(v.line, v.latex, str(v.verdict)) for v in result.verdicts]


def test_wrappers_are_quoted_whole_and_the_verdicts_stay():
    steps = _steps()
    assert (3, r"\frac{d}{dt} \mathbf{z} = 6", "wrong") in steps
    assert (5, r"\left( t + 2 \right)^2 = t^2 + 4t + 5", "wrong") in steps
    assert (7, r"g(t) = \left[ t^3 - 1 \right]", "definition") in steps
    assert (7, "g'(t) = 3t^2", "proved") in steps
    assert (15, r"\boldsymbol{\mu}_2 = 4", "definition") in steps
    assert (21, r"\frac{d}{dt}\left\{ t^4 \right\} = 3t^3", "wrong") in steps


def test_inequalities_are_quoted_with_their_relations():
    steps = _steps()
    assert (9, r"\mathbf{v} \ne 0", "skipped") in steps
    assert (11, "r < 1", "skipped") in steps
    assert (13, r"0 \le s \le 1", "skipped") in steps


def test_a_wrapper_around_the_whole_chain_is_not_given_to_one_side():
    steps = _steps()
    assert (17, "c = 3 + 3", "definition") in steps and (17, "c = 7", "wrong") in steps
    assert (19, "(t + 1)^2 = t^2 + 2t + 1", "proved") in steps


def test_the_json_report_quotes_the_same_text():
    result = check_text(NOTES)
    steps = json.loads(json_report("n.md", result.verdicts, result.assumptions))["steps"]
    texts = [s["latex"] for s in steps]
    assert r"\frac{d}{dt} \mathbf{z} = 6" in texts and "r < 1" in texts
    assert not any(t.count("{") != t.count("}") for t in texts)
    assert not any(("\\right" in t) != ("\\left" in t) for t in texts)


def test_shown_span_widens_only_a_wrapper_cut_in_half():
    latex = r"\frac{d}{dx} \mathbf{z} = 3"
    start = latex.index("z")
    assert latex[slice(*shown_span(latex, start, start + 1))] == r"\mathbf{z}"
    assert latex[slice(*shown_span(latex, start, start + 2))] == r"\mathbf{z}"  # z}
    latex = r"\left( x \right) = \boxed{a = b}"
    assert latex[slice(*shown_span(latex, 5, 16))] == r"\left( x \right)"
    b = latex.index("b}")
    assert latex[slice(*shown_span(latex, b, b + 2))] == "b"  # the } of the box belongs to the whole
    a = latex.index("{a") + 1
    assert latex[slice(*shown_span(latex, a, a + 1))] == "a"
    assert latex[slice(*shown_span(latex, a - 7, a + 1))] == "a"  # \boxed{a: the side is a
    assert shown_span("(x + 1)^2", 0, 9) == (0, 9)
    assert shown_span(r"\frac{a}{b} = c", 0, 11) == (0, 11)
