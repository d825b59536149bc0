r"""Primes and powers written in a superscript (issue 9, round 8: LaTeX rows).

Notes written here. ``f^{'}(x)`` is how some notes write f'(x) (TeX's ``'`` is
``^{\prime}``), and ``f^{'2}(x)`` is f′²(x), the square of the derivative; before,
both stopped the reader ("unexpected "'"). ``f^2(x)`` and ``\sigma^2(z)``, read
as a power times a bracket, could be called wrong when the notes meant the
square of the function: such a step is now skipped with the reason.
"""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


PRIMES = r"""# A cubic and its slope

$$g(t) = t^3 - 3t$$

$$g^{'}(t) = 3t^2 - 3, \quad g^{''}(t) = 6t$$

$$h(t) = g(t) + 1, \quad h^{'}(t) = 3t^2 - 3$$

$$f(t) = t^3 - 3t$$

$$f^{'2}(t) = 9(t^2 - 1)^2$$

$$f'^{2}(t) + 1 = 9t^4 - 18t^2 + 10$$
"""


def test_primes_in_a_superscript_are_read():
    assert verdicts(PRIMES) == [
        (3, "definition"), (5, "proved"), (5, "proved"), (7, "definition"), (7, "proved"),
        (9, "definition"), (11, "proved"), (13, "proved")]


def test_a_wrong_derivative_written_with_a_superscript_prime_is_flagged():
    assert (5, "wrong") in verdicts(PRIMES.replace("g^{'}(t) = 3t^2 - 3", "g^{'}(t) = 3t^2 + 3"))
    assert (5, "wrong") in verdicts(PRIMES.replace("g^{''}(t) = 6t", "g^{''}(t) = 3t"))
    assert (11, "wrong") in verdicts(PRIMES.replace("9(t^2 - 1)^2", "3(t^2 - 1)^2"))


# ------------------------------------------------------------- near misses

def test_a_function_raised_to_a_power_before_its_argument_is_not_called_wrong():
    notes = "$$f(t) = t^3$$\n\n$$f^2(t) = t^6$$\n\n$$\\sigma^2(z) = \\sigma(z)^2$$\n"
    got = check_text(notes).verdicts
    assert [(v.line, str(v.verdict)) for v in got] == [(1, "definition"), (3, "skipped"), (5, "skipped")]
    assert "f^2(t) may be a function's square" in got[1].reason


def test_a_power_times_a_bracket_of_an_expression_is_still_judged():
    notes = "$$h^2(1 - h) = h^2 - h^3$$\n\n$$h^2(1 - h) = h^2 - h^4$$\n"
    assert verdicts(notes) == [(1, "proved"), (3, "wrong")]


def test_a_name_raised_to_a_power_without_brackets_is_unchanged():
    assert verdicts("$$f^{2} t = t f^2$$\n") == [(1, "proved")]
