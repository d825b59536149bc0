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
    assert [(line, verdict) for line, verdict, _ in judged(notes)] in ([(5, "proved")], [(5, "numeric")])
    assert [v.line for v in check_text(notes.replace("= -2(t_i", "= -3(t_i")).wrong] == [5]


def test_a_derivative_by_a_name_of_no_sample_is_not_read_per_sample():
    # near miss: ∂J/∂c of a mean with a constant c in it keeps its 1/n, and -2·… is wrong
    notes = r"""$$J = \frac{1}{n} \sum_{i=1}^{n} (t_i - c)^2$$

$$\frac{\partial J}{\partial c} = -\frac{2}{n} \sum_{i=1}^{n} (t_i - c)$$
"""
    assert [(line, verdict) for line, verdict, _ in judged(notes)] in ([(3, "proved")], [(3, "numeric")])
    slip = notes.replace(r"= -\frac{2}{n} \sum", r"= -2 \sum")
    assert [v.line for v in check_text(slip).wrong] == [3]


# ------------------------------------------- ∂J/∂w written in the names of one sample i
ONE_SAMPLE = r"""# a line fitted to n samples

$$J = \frac{1}{n}\sum_{i=1}^{n} (w x_i + b - y_i)^2$$

For one sample:

$$\frac{\partial J}{\partial w} = 2(w x_i + b - y_i) x_i$$
"""


def test_a_derivative_written_in_one_samples_names_is_the_loss_of_that_sample():
    ((line, verdict, reason),) = judged(ONE_SAMPLE)
    assert (line, verdict) == (7, "proved")
    assert reason.startswith("for the loss of one sample i")


def test_a_slip_in_the_one_sample_derivative_is_wrong_in_every_reading():
    for slip in (r"= -2(w x_i + b - y_i) x_i", r"= 2(w x_i + b - y_i)", r"= 2(w x_i - y_i) x_i"):
        notes = ONE_SAMPLE.replace(r"= 2(w x_i + b - y_i) x_i", slip)
        wrong = check_text(notes).wrong
        assert [v.line for v in wrong] == [7], slip
        assert wrong[0].expected == r"2 (b + w x_i - y_i) x_i"


def test_the_share_of_one_sample_in_the_mean_is_skipped_not_proved():
    # with the 1/n of the mean kept: sample i's term of the gradient, which the notes may mean
    notes = ONE_SAMPLE.replace(r"= 2(w x_i + b - y_i) x_i", r"= \frac{2}{n}(w x_i + b - y_i) x_i")
    ((line, verdict, reason),) = judged(notes)
    assert (line, verdict) == (7, "skipped") and "factor kept" in reason


def test_a_hatted_output_defined_per_sample():
    notes = r"""$$L = \sum_{i=1}^{m} (\hat{y}^{(i)} - y^{(i)})^2, \quad \hat{y}^{(i)} = w x^{(i)} + b$$

$$\frac{\partial L}{\partial b} = 2(\hat{y}^{(i)} - y^{(i)})$$
"""
    assert [(line, verdict) for line, verdict, _ in judged(notes)] == [(3, "proved")]
    assert [v.line for v in check_text(notes.replace("= 2(", "= -2(")).wrong] == [3]


def test_claims_not_written_in_one_samples_names_are_left_as_they_were():
    # near misses: no index (x, y are other names), and the whole sum, each as before
    bare = ONE_SAMPLE.replace(r"= 2(w x_i + b - y_i) x_i", r"= 2(w x + b - y) x")
    ((_, verdict, reason),) = judged(bare)
    assert verdict == "skipped" and "one sample" not in reason
    whole = ONE_SAMPLE.replace(r"= 2(w x_i + b - y_i) x_i", r"= \frac{2}{n}\sum_{i=1}^{n}(w x_i + b - y_i) x_i")
    assert [verdict for _, verdict, _ in judged(whole)] in (["proved"], ["numeric"])
    assert [v.line for v in check_text(whole.replace(r"= \frac{2}{n}", r"= \frac{1}{n}")).wrong] == [7]
