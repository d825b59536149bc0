"""The derivative of a mean over samples by one sample's entry, read two ways (issue 9 §1, §2).

``∂J/∂ŷ_i`` of ``J = \\frac{1}{n}\\sum_i (y_i - ŷ_i)^2`` is ``-\\frac{2}{n}(y_i - ŷ_i)`` as written,
and ``-2(y_i - ŷ_i)`` in the per-sample convention many notes follow (the loss of one sample,
the 1/n left for the end). A claim that holds in the second reading only is skipped with that
reason (it was called wrong for z_i, and not read at all for a hatted ŷ_i); a claim that holds in
neither (a sign lost) is wrong. Notes written here, in their own names
(``sample_readings.py``, ``sum_derivatives.py``).
"""
from derive.check import check_text


def judged(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.reason) for v in check_text(notes).verdicts if v.verdict != "definition"]


MEAN = r"""# squared error of n samples

$$J = \frac{1}{n} \sum_{i=1}^{n} (t_i - \hat{t}_i)^2$$

$$\frac{\partial J}{\partial \hat{t}_i} = -\frac{2}{n}(t_i - \hat{t}_i)$$
"""


def test_the_derivative_by_one_samples_hatted_entry_is_read_and_proved():
    assert [(line, verdict) for line, verdict, _ in judged(MEAN)] == [(5, "proved")]


def test_a_lost_sign_is_wrong_in_every_reading():
    slip = MEAN.replace(r"= -\frac{2}{n}(t_i", r"= 2(t_i")
    wrong = check_text(slip).wrong
    assert [v.line for v in wrong] == [5]
    assert wrong[0].counterexample is not None
    assert [v.line for v in check_text(MEAN.replace(r"= -\frac{2}{n}", r"= \frac{2}{n}")).wrong] == [5]


def test_the_per_sample_reading_is_skipped_with_its_reason_never_wrong():
    per_sample = MEAN.replace(r"= -\frac{2}{n}(t_i", r"= -2(t_i")
    assert check_text(per_sample).wrong == []
    ((line, verdict, reason),) = judged(per_sample)
    assert (line, verdict) == (5, "skipped")
    assert reason.startswith("holds for the loss of one sample (the per-sample reading, as if n were 1)")


def test_the_same_for_a_plain_name_and_a_bracketed_superscript():
    # z_i and z^{(i)}: these were called wrong ("expected -(2 t_i - 2 z_i) 1/n") before
    for entry, label in (("z_i", "t_i"), ("z^{(i)}", "t^{(i)}")):
        notes = (f"$$J = \\frac{{1}}{{n}} \\sum_{{i=1}}^{{n}} ({label} - {entry})^2$$\n\n"
                 f"$$\\frac{{\\partial J}}{{\\partial {entry}}} = -2({label} - {entry})$$\n")
        assert check_text(notes).wrong == [], entry
        assert judged(notes)[0][1] == "skipped"
        assert [v.line for v in check_text(notes.replace("= -2(", "= 2(")).wrong] == [3], entry


def test_a_plain_sum_has_one_reading():
    # no 1/n: the per-sample reading is the reading, and a slip is wrong
    notes = MEAN.replace(r"\frac{1}{n} \sum", r"\sum").replace(r"-\frac{2}{n}(t_i", r"-2(t_i")
    assert [(line, verdict) for line, verdict, _ in judged(notes)] == [(5, "proved")]
    assert [v.line for v in check_text(notes.replace("= -2(t_i", "= -3(t_i")).wrong] == [5]


def test_a_derivative_by_a_name_of_no_sample_is_not_read_per_sample():
    # near miss: ∂J/∂c of a mean with a constant c in it keeps its 1/n, and -2·… is wrong
    notes = r"""$$J = \frac{1}{n} \sum_{i=1}^{n} (t_i - c)^2$$

$$\frac{\partial J}{\partial c} = -\frac{2}{n} \sum_{i=1}^{n} (t_i - c)$$
"""
    assert [(line, verdict) for line, verdict, _ in judged(notes)] == [(3, "proved")]
    slip = notes.replace(r"= -\frac{2}{n} \sum", r"= -2 \sum")
    assert [v.line for v in check_text(slip).wrong] == [3]
