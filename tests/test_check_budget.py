"""Every piece of judging in ``derive check`` runs under the time budget
(issue 16): a step the checker calls cheap (``e^{e^{e^{100}}} = 1``), or one
whose size appears only after its definitions are substituted, is skipped
with a reason when the budget runs out, and the check ends soon after."""
from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp
from hypothesis import HealthCheck, example, given, settings, strategies as st

from derive import worker
from derive.check import algebra, budgeted_outcome, check_text, equation_chains, second_readings, verdicts

ROOT = Path(__file__).resolve().parents[1]

HANGING_NOTES = {
    "tower of exponentials": "$$e^{e^{e^{100}}} = 1$$\n",
    "size after substitution": "$$L = (y - w x - b)^{12}$$\n\n$$\\frac{1}{L^{2}} - 1 = 0$$\n",
    "as the issue wrote it": "$$L = (y - w x - b)^{12}$$\n\n$$\\frac{1}{L^{2}} = 1$$\n",
}


@pytest.mark.parametrize("notes", HANGING_NOTES.values(), ids=HANGING_NOTES.keys())
def test_derive_check_ends_within_its_budget_and_skips_what_it_could_not_judge(tmp_path, notes):
    """These ran for minutes with --timeout 1: the quick judgement had no budget."""
    path = tmp_path / "notes.md"
    path.write_text(notes)
    done = subprocess.run([sys.executable, "-m", "derive", "check", str(path), "--timeout", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    last_line = notes.strip().count("\n") + 1
    assert f"notes.md:{last_line}: skipped:" in done.stdout


def test_a_tower_of_exponentials_is_skipped_for_want_of_time():
    (step,) = check_text(HANGING_NOTES["tower of exponentials"], seconds=0.5).verdicts
    assert step.verdict == "skipped"
    assert step.reason == "no verdict within the time budget (0.5 s per step)"


# ---- the rule itself: nothing of algebra runs outside the budget ----

JUDGING = ("assess", "numeric_only", "is_consequence")


@pytest.fixture
def judged_under_budget(monkeypatch):
    """Run the budget's tasks inline (their errors raised as the worker
    raises them), and fail any call into algebra's
    judging that does not come through the budget."""
    inside = [False]
    calls = []

    def budgeted(function, args, seconds):
        inside[0] = True
        try:
            return function(*args)
        except Exception as err:  # raised again as the worker raises it
            raise worker._reraised(*worker._portable(err)) from None
        finally:
            inside[0] = False

    for name in JUDGING:
        real = getattr(algebra, name)

        def guarded(*args, _real=real, _name=name):
            calls.append(_name)
            assert inside[0], f"algebra.{_name} ran outside the time budget"
            return _real(*args)
        monkeypatch.setattr(algebra, name, guarded)
    monkeypatch.setattr(verdicts, "run_with_budget", budgeted)  # equations (is_consequence)
    monkeypatch.setattr(budgeted_outcome, "run_with_budget", budgeted)  # a step's phases (assess, numeric_only)
    monkeypatch.setattr(equation_chains, "run_with_budget", budgeted)  # an equation rewritten (is_consequence)
    monkeypatch.setattr(second_readings, "run_with_budget", budgeted)  # the Bernoulli-label reading
    return calls


SIDES = ["w x + b", "(w x + b)^{2}", "e^{w}", "\\frac{1}{L^{2}}", "L", "2 (w x + b) x", "x", "1", "0",
         "\\frac{\\partial L}{\\partial w}", "\\frac{d}{dw} (w x + b)^{3}", "3 (w x + b)^{2} x", "0.5", "e^{e^{2}}"]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(definition=st.sampled_from(["", "$$L = (y - w x - b)^{2}$$\n\n", "$$L = w^{3}$$\n\n"]),
       rows=st.lists(st.tuples(st.sampled_from(SIDES), st.sampled_from(SIDES)), min_size=1, max_size=4))
@example(definition="", rows=[("(w x + b)^{2}", "0"), ("w x + b", "0")])  # an equation, then its rearrangement
@example(definition="", rows=[("0.5", "w x + b"), ("0", "\\frac{\\partial L}{\\partial w}")])  # equation_chains.py
@example(definition="$$L = (y - w x - b)^{2}$$\n\n", rows=[("\\frac{\\partial L}{\\partial w}", "x")])
@example(definition="", rows=[("(w x + b)^{2}", "(w x + b)^{2}")])  # a cheap step, proved quickly
def test_every_judgement_runs_under_the_budget(judged_under_budget, definition, rows):
    notes = definition + "".join(f"$${a} = {b}$$\n\n" for a, b in rows)
    result = check_text(notes, seconds=5)
    assert all(v.verdict in verdicts.VERDICTS for v in result.verdicts)


def test_a_cheap_step_and_an_equation_are_judged_through_the_budget(judged_under_budget):
    notes = ("$$(w + 1)^{2} = w^{2} + 2 w + 1$$\n"
             "$$c = \\frac{1}{n}\\sum_{i=1}^{n}(u_i - a t_i)$$\n"
             "$$0 = a\\sum_{i=1}^{n} t_i^2 - \\sum_{i=1}^{n} (u_i - c) t_i$$\n"
             "$$a\\sum_{i=1}^{n} t_i^2 = \\sum_{i=1}^{n} u_i t_i - \\sum_{i=1}^{n} c t_i$$\n")
    lines = {v.line: v for v in check_text(notes, seconds=5).verdicts}
    assert lines[1].verdict == "proved" and "rearrangement of the equation at line 3" in lines[4].reason
    assert "assess" in judged_under_budget and "is_consequence" in judged_under_budget


@settings(max_examples=30)
@given(rows=st.lists(st.tuples(st.sampled_from(SIDES), st.sampled_from(SIDES)), min_size=1, max_size=4))
@example(rows=[("(w x + b)^{2}", "w^{2} x^{2} + 2 w x b + b^{2}")])  # cheap: the quick phase, then points
@example(rows=[("(w x + b)^{40}", "1")])                            # not cheap: the proof, then points
def test_a_step_whose_every_phase_overruns_is_skipped_after_at_most_two_budgets(rows):
    """So a check ends within a small multiple of the budget per step, whatever the step."""
    calls = []

    def overrun(function, args, seconds):
        calls.append(function.__name__)
        raise worker.Overrun("no result within the budget")

    notes = "".join(f"$${a} = {b}$$\n\n" for a, b in rows)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(verdicts, "run_with_budget", overrun)
        patch.setattr(budgeted_outcome, "run_with_budget", overrun)
        result = check_text(notes, seconds=0.25)
    steps = [v for v in result.verdicts if v.verdict != "definition" and "could not read" not in v.reason]
    judged = [v for v in steps if v.reason == "no verdict within the time budget (0.25 s per step)"]
    assert len(calls) <= 2 * len(judged) + sum("equation" in v.reason for v in steps)
    assert all(v.verdict == "skipped" for v in steps)


# ---- the size budget: powers that multiply once the definitions are substituted ----

def test_the_power_after_substitution_multiplies_through_the_definitions():
    w, x = sp.symbols("w x")
    A, B, C = sp.symbols("A B C")
    defs = {A: (w + 1) ** 100, B: A ** 20, C: B ** 3 + x}
    assert budgeted_outcome.substituted_power((C ** 2, sp.Integer(1)), defs) == 100 * 20 * 3 * 2
    assert budgeted_outcome.substituted_power((A * x ** 7,), defs) == 100
    assert budgeted_outcome.substituted_power((sp.Integer(5) ** 300,), {}) == 0  # a number: no symbol to expand
    cycle = {A: B ** 2, B: A ** 3}  # reported elsewhere; here it must only end
    assert budgeted_outcome.substituted_power((A,), cycle) == 6


@settings(max_examples=50)
@given(exponents=st.lists(st.integers(1, 60), min_size=1, max_size=5))
@example(exponents=[100, 100, 100])
def test_a_chain_of_definitions_multiplies_its_exponents(exponents):
    names = sp.symbols(f"A0:{len(exponents)}")
    w = sp.Symbol("w")
    defs, previous = {}, w + 1
    for name, k in zip(names, exponents):
        defs[name] = previous ** k
        previous = name
    assert budgeted_outcome.substituted_power((previous,), defs) == math.prod(exponents)


CHAIN = "$$A = (w + 1)^{100}$$\n\n$$B = A^{100}$$\n\n$$C = B^{100}$$\n\n$$C - 1 = C$$\n"


def test_a_step_too_large_after_substitution_is_skipped_without_starting_any_work(monkeypatch):
    """Expanding it took 900 MB within a 3 s budget."""
    def refuse(function, args, seconds):
        raise AssertionError(f"{function.__name__} was started on a step over the size budget")
    monkeypatch.setattr(verdicts, "run_with_budget", refuse)
    monkeypatch.setattr(budgeted_outcome, "run_with_budget", refuse)
    step = check_text(CHAIN, seconds=3).verdicts[-1]
    assert step.verdict == "skipped"
    assert step.reason == ("too large to judge: its powers multiply to 1e+06 once the definitions are "
                           "substituted (at most 100,000)")


def test_a_step_over_the_symbolic_size_is_tested_at_points_only(judged_under_budget):
    notes = "$$A = (w + 1)^{100}$$\n\n$$B = A^{20}$$\n\n$$B \\cdot 2 = B + B$$\n\n$$B \\cdot 2 = B$$\n"
    right, wrong = check_text(notes, seconds=30).verdicts[-2:]
    assert right.verdict == "numeric" and right.reason.endswith(
        "test points; too large to prove symbolically (its powers multiply to 2000)")
    assert wrong.verdict == "wrong"
    assert set(judged_under_budget) == {"numeric_only"}
