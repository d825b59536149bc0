"""``f'(x)`` of a function the notes define, with a derivative written out on
the right (``\\frac{d}{dx}(2x)``), in notes written here: the call is the
derivative of the definition in force, not a notation to name, so the row is
checked, against the latest definition of f.
"""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


REDEFINED = """Take $g(x) = (x^2 + 1)^3$.

$$g'(x) = 6x(x^2 + 1)^2$$

Now take $g(x) = \\frac{2x}{3 + x}$:

\\begin{aligned}
g'(x) &= \\frac{(\\frac{d}{dx}(2x))(3+x) - (\\frac{d}{dx}(3+x))(2x)}{(3+x)^2} \\\\
&= \\frac{2(3 + x) - 2x}{(3+x)^2} \\\\
&= \\frac{6}{(3+x)^2}
\\end{aligned}
"""


def test_a_derivative_of_a_defined_function_written_with_d_dx_inside_is_checked():
    assert verdicts(REDEFINED) == [(1, "definition"), (3, "proved"), (5, "definition"),
                                   (8, "proved"), (9, "proved"), (10, "proved")]


def test_the_latest_definition_is_used_and_an_error_in_it_is_found():
    planted = REDEFINED.replace("2(3 + x) - 2x}", "2(3 + x) + 2x}")
    assert (9, "wrong") in verdicts(planted)
    # the derivative of the first g, claimed after g was redefined, is wrong
    late = REDEFINED + "\n$$g'(x) = 6x(x^2 + 1)^2$$\n"
    assert verdicts(late)[-1] == (13, "wrong")
