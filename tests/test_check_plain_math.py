"""Plain-text math (no LaTeX) in code spans and untagged fences, in notes written here.

A line is read only when all of it converts (``dq/dt``, ``×``, ``₁``, ``^(…)``);
code (a Python fence, ``==``, ``**``, method calls) and prose stay unread, silently.
"""
from derive.check import check_text
from derive.check.plain_math import plain_to_latex
from derive.check.report import fixed_notes

WORKED = """Chain rule, by hand:

```
q = 3t² + 5  →  dq/dt = 6t
h = q³       →  dh/dq = 3q²

dh/dt = 3q² × 6t
      = 18t(3t² + 5)²
```
"""

NUMBERS = """A single weight:

```text
s = 4, v = 0.25
E = (s·v - 2)²
dE/dv = 2(s·v - 2) × s = 2(-1) × 4 = -8
```
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_an_untagged_fence_of_plain_math_is_checked_at_its_own_lines():
    found = verdicts(WORKED)
    assert (4, "proved") in found and (5, "proved") in found   # dq/dt = 6t, dh/dq = 3q²
    assert (7, "proved") in found and (8, "proved") in found   # the chain through q, then its expansion


def test_errors_in_plain_math_are_found_at_their_line():
    assert (8, "wrong") in verdicts(WORKED.replace("18t(3t² + 5)²", "18t(3t² + 5)³"))
    assert (4, "wrong") in verdicts(WORKED.replace("dq/dt = 6t", "dq/dt = 3t"))
    assert (6, "wrong") in verdicts(NUMBERS.replace("= -8", "= -6"))


def test_a_text_fence_with_numbers_and_subscripts_is_read():
    assert verdicts(NUMBERS)[:4] == [(4, "definition"), (4, "definition"), (5, "definition"), (6, "proved")]
    spans = "The slope is `dk/dm₁ = 2 * 7 = 14` here.\n"
    assert [v for _, v in verdicts(spans)] != []
    assert verdicts(spans.replace("= 14", "= 15"))[-1] == (1, "wrong")


def test_conversions():
    assert plain_to_latex("dy/dx = 2u × 2") == r"\frac{d y}{d x} = 2u  \times  2"
    assert plain_to_latex("∂z/∂w₁ = a₁") == r"\frac{\partial z}{\partial w_{1}} = a_{1}"
    assert plain_to_latex("y = e^(x²)") == "y = e^{(x²)}"


def test_code_and_prose_stay_unread():
    python_in_plain_fence = "```\nk = k - 0.1 * grad\nprint(k)\nif k == 3: k += 1\ny = x**2\n```\n"
    assert verdicts(python_in_plain_fence) == [] or all(line != 4 and line != 5 for line, _ in verdicts(python_in_plain_fence))
    assert verdicts("```python\ny = 2 * 3 = 7\n```\n") == []
    assert verdicts("Set `learning_rate = 0.01` first.\n") == []
    assert verdicts("```\nthe slope is y = 2 * 3 = 7 for us\n```\n") == []
    assert verdicts("```\ny = np.exp(2) = 7\n```\n") == []
    # prose is not read by the plain reader: no statement about y (no definition of it); since round ten the
    # numbers alone after "y =" are read as a prose sum (prose_numbers.py), and 2 × 3 = 7 is wrong
    assert verdicts("The product y = 2 × 3 = 7 is written outside code.\n") == [(1, "wrong")]
    assert verdicts("The product y = 2x × 3 = 7x is written outside code.\n") == []
    for line in ("x == 2", "a += 1", "y = x**2", "z = w.T", "loss = 2 * 3", "y = 2 # six"):
        assert plain_to_latex(line) is None, line


def test_fix_leaves_plain_lines_alone():
    notes = "```\nm = 2 * 3 = 7\n```\n"
    result = check_text(notes)
    assert (2, "wrong") in [(v.line, str(v.verdict)) for v in result.verdicts]
    judged = [(None, v) for v in result.verdicts]
    assert fixed_notes(notes, judged) == notes


def test_an_upper_case_name_is_one_name_and_a_stepped_head_stays_unread():
    notes = "```\nSSE = 0.5 * (Y - c - k*X)^2\n∂SSE/∂c = -(Y - c - k*X)\n```\n"
    assert verdicts(notes) == [(2, "definition"), (3, "proved")]
    assert verdicts(notes.replace("-(Y - c", "(Y - c")) == [(2, "definition"), (3, "wrong")]
    # c(t+1) is c at the next step, not c times t + 1: the update line is not read
    stepped = notes + "```\nc(t+1) = c(t) - 0.1 * ∂SSE/∂c\n```\n"
    assert verdicts(stepped) == [(2, "definition"), (3, "proved")]
    assert plain_to_latex("MAX(Y) = 3950") is None
