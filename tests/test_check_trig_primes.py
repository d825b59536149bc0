r"""A prime on sin, cos, tan at a bracket: ``cos'(x) = -sin(x)``, in notes written here.

A derivative table writes the derivative of a known function with a prime. ``\tanh'``,
``\exp'`` and ``\log'`` were read so; ``cos'(x)`` and ``\sin'(x)`` were a prime on a name
(skipped) or a parse error. Now they are the known function's derivative at the argument.
A name that only ends in those letters (``arccos'``, ``acos'``) is left as it was.
"""
from derive.check import check_text

NOTES = r"""# A table of derivatives

1. $cos'(x) = -sin(x)$
2. $\sin'(x) = \cos(x)$
3. $\tan'(x) = 1 + \tan^2(x)$
4. $\cosh'(u) = \sinh(u)$
"""


def _verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_a_prime_on_a_known_function_is_its_derivative():
    assert _verdicts(NOTES) == [(3, "proved"), (4, "proved"), (5, "proved"), (6, "proved")]


def test_slips_are_wrong():
    assert _verdicts(NOTES.replace("-sin(x)", "sin(x)"))[0] == (3, "wrong")
    assert _verdicts(NOTES.replace("= \\cos(x)", "= -\\cos(x)"))[1] == (4, "wrong")
    assert _verdicts(NOTES.replace("1 + \\tan^2(x)", "1 - \\tan^2(x)"))[2] == (5, "wrong")


def test_a_longer_name_is_not_taken_for_it():
    got = check_text("$$acos'(x) = 2$$\n").verdicts
    assert [str(v.verdict) for v in got] == ["skipped"]
