r"""A prime on a function named with a subscript, ``g_1'(x)``. Notes written here.

``g_1(x) = x^3`` then ``g_1'(x) = 3x^2`` was skipped ("a prime on g_1, a name
rather than a function"): the prime was read on a name g_1 times x. Now the
function letters f, g, h with a one-character subscript take a prime as f does,
and the row that defines ``g_1(x)`` defines the function too. Other letters
(``a_1'(z)``) and ``h_1(1 - h_1)`` (a product) stay as they were; a prime at a
call or at a value named elsewhere (``g_3'(g_2(g_1(x)))``, ``g_2'(u_1)``) is skipped.
"""
from derive.check import check_text

NOTES = r"""# Two functions, numbered

$$g_1(x) = x^3, \quad g_1'(x) = 3x^2$$

$$g_{2}(t) = \sin t, \quad g_{2}'(t) = -\cos t$$

$$\frac{d g_1}{d x} = 3x^2$$

$$g_1'(2) = 12$$

$$f_3(s) = s^2 + 1, \quad f_3''(s) = 2$$

Near misses:

$$a_1 = 2z, \quad a_1'(z) = 2$$

$$h_1 = 0.5, \quad h_1(1 - h_1) = 0.25$$

$$g_3(v) = e^v, \quad k(x) = g_3'(g_2(g_1(x))) \cdot g_2'(g_1(x)) \cdot g_1'(x)$$

$$u_1 = 1.5, \quad q = g_2'(u_1) \cdot g_1'(x)$$
"""


def _verdicts():
    return {(v.line, v.latex): str(v.verdict) for v in check_text(NOTES).verdicts}


def test_a_prime_on_a_subscripted_function_is_its_derivative():
    got = _verdicts()
    assert got[(3, "g_1'(x) = 3x^2")] == "proved"
    assert got[(9, "g_1'(2) = 12")] == "proved"
    assert got[(11, "f_3''(s) = 2")] == "proved"


def test_a_slip_in_such_a_derivative_is_wrong():
    result = check_text(NOTES)
    (wrong,) = [v for v in result.verdicts if v.verdict == "wrong"]
    assert (wrong.line, wrong.latex) == (5, "g_{2}'(t) = -\\cos t") and "cos" in wrong.expected
    assert not wrong.expected.startswith("-")


def test_the_bare_name_and_the_near_misses_keep_their_readings():
    got = _verdicts()
    assert got[(7, r"\frac{d g_1}{d x} = 3x^2")] == "proved"
    assert got[(15, "a_1'(z) = 2")] == "skipped"
    assert got[(17, "h_1(1 - h_1) = 0.25")] == "numeric"


def test_a_prime_at_a_call_or_at_a_named_value_is_skipped_not_judged():
    # the inner calls g_2(g_1(x)) are read as names, and u_1 may stand for g_1(x) or a number:
    # judged, the true chain rule below was called wrong
    result = check_text(NOTES)
    rows = {v.line: v for v in result.verdicts if v.line in (19, 21) and "'" in v.latex}
    assert {line: str(v.verdict) for line, v in rows.items()} == {19: "skipped", 21: "skipped"}
    assert "other than its own variable or a number" in rows[19].reason
