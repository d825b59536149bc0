"""Survivors of a mutation run on the checker modules this round changed (issue 16's
"a test must kill a bug"): `python tools/mutation.py derive/check/verdicts.py
derive/check/chains.py derive/check/expected.py --sample 10 --seed 0 --tests …`.
Each test here failed with its mutant planted by hand; the expected values are
worked out by hand, not printed by the checker."""
import json

from derive.check import check_text


def test_a_mean_s_expected_value_keeps_the_notes_term_order_inside_the_sum():
    # ∂/∂w (1/n) Σ (ŷ_i − y_i)² with ŷ_i = w x_i + b is (2/n) Σ x_i (ŷ_i − y_i): ŷ_i stays first, as written
    notes = ("$$L = \\frac{1}{n}\\sum_{i=1}^{n} (\\hat{y}_i - y_i)^2$$\n\n$$\\hat{y}_i = w x_i + b$$\n\n"
             "$$\\frac{\\partial L}{\\partial w} = \\frac{2}{n}\\sum_{i=1}^{n} (\\hat{y}_i - y_i)$$\n")
    wrong = [v for v in check_text(notes).verdicts if str(v.verdict) == "wrong"]
    assert [v.line for v in wrong] == [5]
    assert wrong[0].expected == "\\frac{2}{n} \\sum_{i=1}^{n} x_i \\left(\\hat{y}_i - y_i\\right)"


def test_a_claim_whose_last_bracket_sits_alone_on_the_next_line_ends_on_that_line():
    notes = "$$E = (t - w)^2$$\n\n$$\\frac{\\partial E}{\\partial w} = -2(t - w\n)$$\n"
    step = [v for v in check_text(notes).verdicts if str(v.verdict) == "proved"][0]
    assert (step.line, step.end_line) == (3, 4)


def test_a_consequence_of_a_skipped_row_is_shown_as_written():
    notes = "$$a = 2b$$\n\nthen\n\n$$\\sqrt{q} = \\frac{1}{\\int x}$$\n\n$$\\Rightarrow c = 3$$\n"
    last = check_text(notes).verdicts[-1]
    assert (last.line, str(last.verdict), last.latex) == (7, "skipped", "c = 3")
    assert "consequence" in last.reason
