"""The checker's judging (derive/check/verdicts.py, budgeted_outcome.py, algebra.py): which steps are proved,
numeric, wrong or skipped, and why, on notes written here with the right answer worked out
by hand. Each test names the bug it catches; the edges are tested on both sides (a printed
decimal exactly 3 units off and 4 units off; an equation's rearrangement 5 and 6 claims
later; the budget's fallback for a step that is cheap and for one that is not).

Only public functions are called (``check_text`` and algebra's documented helpers), so
the tests hold while the reader and the claims change around them."""
import pytest
import sympy as sp

from derive.check import check_text
from derive.check import algebra, budgeted_outcome
from derive.check.algebra import is_consequence, numeric_only
from derive.check.outcome import Outcome
from derive.check.points import FIRST_POINT, POINTS, numeric_difference, value_at
from derive.check.rounding import printed_precision, within_rounding
from derive.symbols import sigmoid, symbol

w, b, x, y = (symbol(n) for n in "wbxy")


def verdicts(notes: str, seconds: float = 3.0) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.reason) for v in check_text(notes, seconds=seconds).verdicts]


# ---- definitions, updates, redefinitions -------------------------------------------------

def test_definitions_say_what_they_define_and_where_it_was_defined_before():
    notes = "$$L = (y - w x - b)^2$$\n\n$$L = (y - w x)^2$$\n$$w = w - \\eta x$$\n"
    assert verdicts(notes) == [
        (1, "definition", "defines L"),
        (3, "definition", "redefines L (defined at line 1) from here on"),
        (4, "definition", "an update of w (w on both sides); not used to replace w"),
    ]


def test_an_update_does_not_count_as_the_first_definition():
    """Catches an update recorded in ``defined_at``: the next w = … would say "redefines"."""
    notes = "$$w = w - \\eta x$$\n$$w = 3$$\n"
    assert [r for _, _, r in verdicts(notes)] == ["an update of w (w on both sides); not used to replace w",
                                                   "defines w"]


# ---- proved, wrong, and what a wrong step reports -----------------------------------------

def test_the_lectures_wrong_step_reports_the_first_point_and_both_values():
    """(w x + b) x at w=2, b=1, x=3 is 21; w x² + b x + 1 is 22. Catches a changed first point,
    a counterexample with the sides swapped, or a wrong step taken as proved."""
    notes = "$$(w x + b) x = w x^2 + b x = w x^2 + b x + 1$$\n"
    first, second = check_text(notes).verdicts
    assert (str(first.verdict), first.reason) == ("proved", "equal after expanding both sides")
    assert (str(second.verdict), second.reason) == ("wrong", "the two sides differ")
    assert second.counterexample == {"point": {"w": 2, "b": 1, "x": 3}, "left": 21, "right": 22}
    assert second.expected == "(b + w x) x"
    assert second.line == 1 and second.span is not None


def test_the_first_test_point_gives_w_b_x_y_the_documented_values_in_that_order():
    """Catches a reordered key (x before w) or a changed FIRST_POINT."""
    assert FIRST_POINT[:4] == (2, 1, 3, 0)
    equal, found = numeric_difference(y + 10 * x + 100 * b + 1000 * w, y + 10 * x + 100 * b + 1000 * w + 1)
    point, left, right = found
    assert equal == 0
    assert point == {w: 2, b: 1, x: 3, y: 0}
    assert (left, right) == (2130, 2131)  # 0 + 30 + 100 + 2000


def test_equal_sides_agree_at_every_test_point():
    """Catches a test point dropped or the loop stopping early: all POINTS points are tried."""
    assert numeric_difference((w * x + b) ** 2, w**2 * x**2 + 2 * w * x * b + b**2) == (POINTS, None)


def test_a_difference_far_below_the_tolerance_is_equal_and_one_above_it_is_not():
    """The tolerance is 1e-20 relative to the larger side: catches it loosened or made absolute."""
    tiny = sp.Rational(1, 10**25)
    assert numeric_difference(x, x + tiny)[1] is None
    assert numeric_difference(x, x + sp.Rational(1, 10**15))[1] is not None
    big = sp.Integer(10) ** 30
    assert numeric_difference(big * x, big * x + 1)[1] is None  # 1e-30 relative
    assert numeric_difference(big * x, big * x + 10**12)[1] is not None  # 1e-18 relative


def test_a_wrong_derivative_is_wrong_and_the_chain_is_blamed_once():
    """A line right about the line before it is not wrong again: catches the chain's second look
    (``previous``) dropped, or it turning a wrong step right."""
    notes = ("$$L = (y - (w x + b))^2$$\n"
             "$$\\frac{\\partial L}{\\partial w} = 2 (y - (w x + b)) x = 2 x (y - w x - b)$$\n")
    steps = [(str(v.verdict), v.reason) for v in check_text(notes).verdicts][1:]
    assert steps == [("wrong", "the two sides differ"),
                     ("proved", "equal to the expression before it (the chain went wrong earlier)")]
    wrong = check_text(notes).verdicts[1]
    assert wrong.counterexample == {"point": {"w": 2, "b": 1, "x": 3, "y": 0}, "left": 42, "right": -42}


def test_a_chain_that_goes_wrong_twice_is_wrong_twice():
    """Catches the second look accepting a line that is wrong about the line before it, too."""
    notes = "$$(w + b) x = w x + b x = w x + b x + 1 = w x + b x + 2$$\n"
    assert [v for _, v, _ in verdicts(notes)] == ["proved", "wrong", "wrong"]


# ---- a number claimed, printed decimals, rounding -----------------------------------------

@pytest.mark.parametrize("claimed, verdict", [
    ("0.500", "numeric"),  # 1/2 as printed
    ("0.499", "wrong"),    # a whole unit below: 1/2 cut off is 0.500 (the open end of the interval)
    ("0.501", "wrong"),    # a whole unit above: neither rounded nor cut off
    ("0.498", "wrong"),    # two units below
])
def test_a_printed_decimal_must_print_the_value_rounded_or_cut_off(claimed, verdict):
    """Catches ``≤`` made ``<``, the interval made symmetric, or the sign of the difference dropped."""
    (line,) = verdicts(f"$$\\frac{{1}}{{2}} = {claimed}$$\n")
    assert line[1] == verdict
    assert line[2] == ("equal to the 3 decimals printed" if verdict == "numeric"
                       else "differs from the exact value beyond the 3 decimals printed")


def test_a_wrong_decimal_reports_the_value_with_two_more_decimals():
    (step,) = check_text("$$\\frac{1}{3} = 0.37$$\n").verdicts  # 0.0367 off: more than 3 units of 0.01
    assert step.verdict == "wrong" and step.expected == "0.3333"
    assert step.counterexample == {"point": {}, "left": "1/3", "right": "37/100"}


def test_printed_precision_edges_and_slack():
    """Called directly: ``slack`` widens the allowance (a rounded input); a huge value is shown
    in significant digits; a value that cannot be evaluated is skipped, never wrong."""
    half = sp.Rational(1, 2)
    assert printed_precision(half, sp.Rational(500, 1000), 3).verdict == "numeric"
    assert printed_precision(half, sp.Rational(501, 1000), 3).verdict == "wrong"  # 0.5 rounds to 0.500
    assert printed_precision(half, sp.Rational(499, 1000), 3).verdict == "wrong"  # 0.5 cut off is 0.500
    just_below = sp.Rational(4999999, 10**7)
    assert printed_precision(just_below, sp.Rational(499, 1000), 3).verdict == "numeric"  # cut off
    assert printed_precision(just_below, sp.Rational(498, 1000), 3).verdict == "wrong"
    assert printed_precision(half, sp.Rational(501, 1000), 3, sp.Rational(1, 2000)).verdict == "numeric"
    assert printed_precision(half, sp.Rational(501, 1000), 3, sp.Rational(1, 2001)).verdict == "wrong"
    assert printed_precision(-just_below, sp.Rational(-499, 1000), 3).verdict == "numeric"  # cut off toward zero
    assert printed_precision(-half, sp.Rational(-499, 1000), 3).verdict == "wrong"  # -0.5 cut off is -0.500
    assert printed_precision(-half, sp.Rational(-501, 1000), 3).verdict == "wrong"
    printed = sp.Rational(-5000, 10000)  # -0.5000: rounded from down to -0.49995 (half a unit toward zero)
    assert printed_precision(sp.Rational(-49995, 100000), printed, 4).verdict == "numeric"
    assert printed_precision(sp.Rational(-49994, 100000), printed, 4).verdict == "wrong"
    large = printed_precision(sp.Integer(1234567), sp.Rational(1234568), 1)
    assert (large.verdict, large.expected) == ("wrong", "1.235e+06")
    assert printed_precision(sp.Integer(1234567), sp.Rational(1234567), 1).verdict == "numeric"
    assert printed_precision(sp.Integer(999999), sp.Integer(999990), 0).expected == "999999.00"
    skipped = printed_precision(sp.zoo, sp.Rational(1, 2), 3)
    assert (skipped.verdict, skipped.reason) == ("skipped", "could not evaluate the value the decimal number stands for")


def test_arithmetic_on_rounded_decimals_is_allowed_its_rounding_relative_above_one():
    """within_rounding allows count·10⁻ᵏ, times |value| above 1: catches min for max, ``<``
    for ``≤``, an exact result not called proved."""
    two = sp.Integer(2)
    assert within_rounding(two, two, (2, 2)).verdict == "proved"
    assert within_rounding(two, two, (2, 2)).reason == "equal"
    near = within_rounding(two, sp.Rational(204, 100), (2, 2))  # 0.04 = 2·10⁻²·2: the edge
    assert (near.verdict, near.reason) == ("numeric", "equal within the rounding of its 2-decimal numbers")
    far = within_rounding(two, sp.Rational(205, 100), (2, 2))
    assert (far.verdict, far.expected) == ("wrong", "2.0000")
    assert far.counterexample == {"point": {}, "left": 2, "right": "41/20"}
    small = sp.Rational(1, 10)  # below 1 the allowance is absolute: 0.02
    assert within_rounding(small, small + sp.Rational(2, 100), (2, 2)).verdict == "numeric"
    assert within_rounding(small, small + sp.Rational(3, 100), (2, 2)).verdict == "wrong"
    assert within_rounding(sp.zoo, two, (2, 2)).verdict == "skipped"
    assert within_rounding(two, sp.zoo, (2, 2)).verdict == "skipped"


def test_rounded_products_in_notes():
    notes = "$$0.5498 \\cdot 0.4502 = 0.2475$$\n$$0.5498 \\cdot 0.4502 = 0.2500$$\n"
    assert [v for _, v, _ in verdicts(notes)] == ["numeric", "wrong"]


# ---- values at a point ---------------------------------------------------------------------

def test_value_at_is_exact_for_rationals_30_digits_otherwise_and_none_where_undefined():
    assert value_at(w / 3, {w: sp.Integer(2)}) == sp.Rational(2, 3)
    root = value_at(sp.sqrt(w), {w: sp.Integer(2)})
    assert abs(root - sp.sqrt(2)) < sp.Float("1e-28", 30)
    assert value_at(1 / w, {w: sp.Integer(0)}) is None
    assert value_at(sp.log(w), {w: sp.Integer(-1)}) is None  # complex: log(−1) = iπ
    assert value_at(sp.sqrt(w), {w: sp.Integer(-4)}) is None
    assert abs(value_at(sigmoid(w), {w: sp.Integer(0)}) - sp.Rational(1, 2)) < sp.Float("1e-28", 30)


# ---- equations and their rearrangements ----------------------------------------------------

def test_an_equation_set_to_zero_is_solved_not_judged_and_its_rearrangement_is_checked():
    notes = "$$2 w - 4 = 0$$\n$$2 w = 4$$\n$$2 w = 5$$\n"
    assert verdicts(notes) == [
        (1, "skipped", "sets the expression to 0: an equation to solve, not an identity"),
        (2, "numeric", "a rearrangement of the equation at line 1"),
        (3, "skipped", "a step in solving the equation at line 1; not checked"),
    ]


@pytest.mark.parametrize("between, verdict", [(5, "numeric"), (6, "skipped")])
def test_a_rearrangement_is_looked_for_up_to_six_claims_after_the_equation(between, verdict):
    """EQUATION_REACH is 6: catches ``>`` made ``>=`` or the reach changed."""
    notes = "$$2 w - 4 = 0$$\n" + "$$a = 1$$\n" * between + "$$2 w = 4$$\n"
    assert verdicts(notes)[-1][1] == verdict


def test_is_consequence_needs_a_constant_nonzero_ratio():
    """``first = claim`` times a constant is the equation; another equation is not, and neither
    is one that holds wherever the equation's sides are equal to 0 only."""
    equation = (2 * w - 4, sp.Integer(0))
    assert is_consequence(w, sp.Integer(2), equation, {}, frozenset())
    assert is_consequence(-3 * w, sp.Integer(-6), equation, {}, frozenset())
    assert not is_consequence(w, sp.Integer(3), equation, {}, frozenset())
    assert not is_consequence(w**2, sp.Integer(4), equation, {}, frozenset())  # ratio (w + 2)/2 varies
    assert not is_consequence(w, w, equation, {}, frozenset())  # 0 = 0: ratio 0
    assert not is_consequence(w, sp.Integer(2), (w, w), {}, frozenset())  # no point where e ≠ 0


def test_is_consequence_expands_definitions():
    defs = {symbol("a"): 2 * w}
    assert is_consequence(symbol("a"), sp.Integer(4), (2 * w - 4, sp.Integer(0)), defs, frozenset())


def test_a_consequence_marked_with_therefore_is_not_judged_as_an_identity():
    notes = "$$w + 1 = 3 \\Rightarrow w = 5$$\n"
    assert all(v != "wrong" for _, v, _ in verdicts(notes))


# ---- superscripts that are indices ---------------------------------------------------------

def test_powers_of_a_name_written_with_index_superscripts_are_not_judged():
    notes = "$$s^i = s$$\n$$s^2 = s$$\n$$t^2 = t$$\n"
    lines = verdicts(notes)
    assert lines[1] == (2, "skipped", "these notes write superscripts as indices (s^i), so a power of s may be "
                                      "a component; not checked")
    assert lines[2][:2] == (3, "wrong")  # t is never indexed: t² = t is wrong (at t = 2: 4 vs 2)


def test_an_index_superscript_on_a_bracket_marks_the_bracket():
    notes = "$$(e^z)^j = e^z$$\n$$(x + 1)^2 = x + 1$$\n"
    assert verdicts(notes)[1][:2] == (2, "skipped")


# ---- the budget: cheap steps, their fallback, and steps too large to judge here ------------

STEP_PROVED_ONLY_BY_SIMPLIFY = "$$\\sin(x)^2 + \\cos(x)^2 + x = 1 + x$$\n"
#: Only ``simplify`` proves this, and checking it at points takes milliseconds.
TRIG = "\\sin(x)^2 + \\cos(x)^2 + \\sin(w)^2 + \\cos(w)^2"


def test_a_step_only_simplify_proves_is_proved_within_a_generous_budget():
    assert verdicts(STEP_PROVED_ONLY_BY_SIMPLIFY, seconds=60) == [(1, "proved", "equal after simplifying")]


def test_a_cheap_step_equal_at_points_whose_proof_runs_out_of_time_is_numeric(monkeypatch):
    """The budget's fallback for a cheap step: the quick judgement (points, in the worker) says
    equal, the thorough proof runs out of time: exactly "numeric", never proved or skipped."""
    calls = []

    def within(seconds, function, *args):
        assert function is algebra.assess
        calls.append(args[4])  # thorough?
        return None if args[4] else Outcome("undecided", "equal at 14 test points")

    monkeypatch.setattr(budgeted_outcome, "_within", within)
    assert verdicts(STEP_PROVED_ONLY_BY_SIMPLIFY, seconds=5) == [
        (1, "numeric", "equal at 14 test points; not proved symbolically within 5 s")]
    assert calls == [False, True]


def test_a_cheap_step_over_every_budget_is_skipped_and_says_so(monkeypatch):
    """Every phase out of time (simulated: a real 1e-9 s budget is rounded up to a millisecond by the
    worker's poll, and a quick answer inside it would make this test depend on the machine's load)."""
    phases = []

    def out_of_time(seconds, function, *args):
        phases.append(function)
        return None

    monkeypatch.setattr(budgeted_outcome, "_within", out_of_time)
    assert verdicts(STEP_PROVED_ONLY_BY_SIMPLIFY, seconds=5) == [
        (1, "skipped", "no verdict within the time budget (5 s per step)")]
    assert phases == [algebra.assess, algebra.numeric_only]  # quick, then points only: two budgets at most


def test_a_wrong_cheap_step_is_wrong_at_the_first_point():
    notes = "$$\\sin(x)^2 + \\cos(x)^2 + x = 2 + x$$\n"
    (line,) = check_text(notes, seconds=60).verdicts
    assert (str(line.verdict), line.counterexample["point"]) == ("wrong", {"x": 2})


SUM_STEP = "$$\\sum_{i=1}^{n} 2 x_i = 2 \\sum_{i=1}^{n} x_i$$\n"


def test_a_sum_goes_to_the_worker_and_is_proved_there():
    assert [v for _, v, _ in verdicts(SUM_STEP, seconds=60)] == ["proved"]


def test_a_step_not_cheap_over_budget_goes_straight_to_the_proof_then_points_and_is_skipped(monkeypatch):
    notes = f"$$\\sum_{{i=1}}^{{n}} x_i + {TRIG} = \\sum_{{i=1}}^{{n}} x_i + 2$$\n"
    phases = []

    def out_of_time(seconds, function, *args):
        phases.append((function, args[4] if function is algebra.assess else None))
        return None

    monkeypatch.setattr(budgeted_outcome, "_within", out_of_time)
    assert verdicts(notes, seconds=5) == [(1, "skipped", "no verdict within the time budget (5 s per step)")]
    assert phases == [(algebra.assess, True), (algebra.numeric_only, None)]  # no quick judgement first


x, w = sp.symbols("x w")


def test_powers_up_to_twelve_are_cheap():
    """Catches CHEAP_POWER moved either way, or ``>`` made ``>=``."""
    assert budgeted_outcome._cheap(x**12) and not budgeted_outcome._cheap(x**13)
    assert budgeted_outcome._cheap(x**-12) and not budgeted_outcome._cheap(x**-13)


def test_a_symbolic_or_decimal_exponent_is_not_cheap_and_a_fraction_is():
    assert not budgeted_outcome._cheap(x**w)
    assert not budgeted_outcome._cheap(x**sp.Float(0.5))
    assert budgeted_outcome._cheap(x**sp.Rational(1, 2))


def test_more_than_300_operations_in_all_are_not_cheap():
    """CHEAP_OPS on both sides of its edge, counted over every expression of the step."""
    names = sp.symbols("a0:400")
    assert budgeted_outcome._cheap(sp.Add(*names[:301]))  # 300 additions
    assert not budgeted_outcome._cheap(sp.Add(*names[:302]))  # 301
    assert budgeted_outcome._cheap(sp.Add(*names[:151]), sp.Add(*names[200:351]))  # 150 + 150
    assert not budgeted_outcome._cheap(sp.Add(*names[:151]), sp.Add(*names[200:352]))  # 150 + 151


def test_a_sum_is_not_cheap():
    i, n = sp.symbols("i n")
    assert not budgeted_outcome._cheap(sp.Sum(sp.Indexed("x", i), (i, 1, n)))



# ---- the points-only fallback, called as the worker calls it --------------------------------

def test_numeric_only_finds_a_difference_and_an_equality_at_points():
    equal = numeric_only(sp.sin(x) ** 2 + sp.cos(x) ** 2 + x, 1 + x, {}, {})
    assert (equal.verdict, equal.reason) == ("numeric", f"equal at {POINTS} test points; the symbolic proof ran out of time")
    wrong = numeric_only((w * x + b) * x, w * x**2 + b * x + 1, {}, {})
    assert (wrong.verdict, wrong.reason) == ("wrong", "the two sides differ")
    assert wrong.counterexample == {"point": {"w": 2, "b": 1, "x": 3}, "left": 21, "right": 22}
    assert wrong.expected == "(b + w x) x"  # the notes' order: the bracket first


def test_numeric_only_skips_sides_defined_nowhere_and_names_related_nowhere():
    nowhere = numeric_only(sp.log(-1 - x**2) + x, x, {}, {})
    assert (nowhere.verdict, nowhere.reason) == ("skipped", "could not evaluate either side at any test point")
    unrelated = numeric_only(w + x, symbol("a") + symbol("c"), {}, {})
    assert unrelated.verdict == "skipped" and unrelated.reason.startswith("the sides are written in different names")


def test_the_thorough_symbolic_test_proves_what_expanding_cannot_and_refuses_what_is_false():
    """is_zero_full runs in the worker (so the selection of tests by call never sees it there):
    called here. Catches ``== 0`` made ``!= 0`` or σ left unrewritten."""
    from derive.check.expansion import is_zero_fast, is_zero_full

    trig = sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1
    assert not is_zero_fast(trig) and is_zero_full(trig)
    assert not is_zero_full(x - 1) and not is_zero_full(sp.sin(x) ** 2 - sp.cos(x) ** 2)
    assert is_zero_full(sigmoid(x) - 1 / (1 + sp.exp(-x)))  # only after σ is rewritten
    assert is_zero_fast((x + 1) ** 2 - x**2 - 2 * x - 1) and is_zero_fast(sp.Integer(0))
    assert is_zero_fast(1 / (x + 1) + x / (x + 1) - 1)  # cancel, not expand
    assert not is_zero_fast(x / (x + 1))
