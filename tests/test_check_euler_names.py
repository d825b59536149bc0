r"""A name e beside Euler's number (issue 9). Notes written here.

``e = \hat{y} - y`` names an error and ``L = e^2`` squares it. From the row that
gives e its meaning, ``e^k`` with a whole number k is a power of that name, judged
with the notes' values (proved, or wrong with the value expected); ``e^{-z}``,
rows before that one, and notes that never name e keep the exponential. A step
that holds only with the other reading is skipped with the reason.
"""
from derive.check import check_text

ERROR = r"""Given $y = 1$ and $\hat{y} = 0.6$.

$e = \hat{y} - y = 0.6 - 1 = -0.4$

$L = e^2 = (-0.4)^2 = 0.16$

$M = e^2 = 0.18$

$q = 3 \cdot 0.5 = 1.6$

$C = 2 e^{3} = -0.128$
"""


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def at(notes: str, line: int) -> list:
    return [v for v in check_text(notes).verdicts if v.line == line and str(v.verdict) != "definition"]


def test_the_square_of_a_name_e_is_judged_with_its_value():
    assert [str(v.verdict) for v in at(ERROR, 5)] == ["proved", "numeric"]
    assert [str(v.verdict) for v in at(ERROR, 11)] == ["numeric"]  # 2·(-0.4)^3 = -0.128


def test_a_slip_in_the_square_of_a_name_e_is_wrong_with_the_value_expected():
    (slip,) = at(ERROR, 7)
    assert str(slip.verdict) == "wrong" and slip.expected.startswith("0.16")
    assert [line for line, verdict in verdicts(ERROR) if verdict == "wrong"] == [7, 9]


def test_a_step_that_holds_only_with_the_exponential_is_skipped_with_the_reason():
    notes = ERROR.replace("$M = e^2 = 0.18$", "$M = e^2 = 7.389$")
    (step,) = at(notes, 7)
    assert str(step.verdict) == "skipped" and "read as the exponential function" in step.reason


def test_other_exponents_stay_the_exponential_in_notes_that_name_e():
    notes = ERROR + "\n$z = 2$\n\n$s = \\frac{1}{1 + e^{-z}} = 0.8808$\n\n$u = e^{0.5} = 1.6487$\n"
    assert [str(v.verdict) for v in at(notes, 15)] == ["numeric"]
    assert [str(v.verdict) for v in at(notes, 17)] == ["numeric"]
    slip = notes.replace("= 0.8808$", "= 0.7$")
    assert [str(v.verdict) for v in at(slip, 15)] == ["wrong"]


def test_before_the_row_that_names_e_it_is_the_exponential():
    notes = ("Given $y = 1$ and $z = 0.5$.\n\n$\\hat{y} = \\frac{1}{1 + e^{-z}} = 0.6225$\n\n"
             "$p = e^{2} = 7.389$\n\n$e = \\hat{y} - y = -0.3775$\n\n$L = e^2 = 0.1425$\n")
    assert [str(v.verdict) for v in at(notes, 3)] == ["numeric"]
    assert [str(v.verdict) for v in at(notes, 5)] == ["numeric"]
    assert [str(v.verdict) for v in at(notes, 9)] == ["numeric"]


def test_a_row_that_also_writes_exp_keeps_the_exponential():
    notes = ERROR + "\n$s = \\exp(2) + e^2 = 14.78$\n"
    assert [str(v.verdict) for v in at(notes, 13)] == ["numeric"]


def test_e_to_the_first_power_stays_the_exponential_and_renames_nothing_else():
    notes = ERROR + "\n$s = 2 e^{1} = 5.4366$\n"  # exp(1) is E: read as e it would rename every E of the row
    assert [str(v.verdict) for v in at(notes, 13)] == ["numeric"]


def test_without_a_name_e_the_exponential_is_judged():
    notes = "$$s = \\frac{1}{1 + e^{-0.5}} = 0.7$$\n"
    assert [verdict for _, verdict in verdicts(notes)].count("wrong") == 1
    assert [verdict for _, verdict in verdicts(notes.replace("= 0.7$$", "\\approx 0.6225$$"))].count("wrong") == 0
    assert [str(v.verdict) for v in at("$$p = e^2 = 7.389$$\n", 1)] == ["numeric"]


def test_e_inside_a_word_or_with_an_index_of_its_own_is_not_the_name_e():
    for given in ("$err = \\hat{y} - y = -0.4$", "$e_1 = \\hat{y} - y = -0.4$", "$\\hat{e} = 0.2$"):
        notes = f"Given $y = 1$ and $\\hat{{y}} = 0.6$.\n\n{given}\n\n$p = e^2 = 7.389$\n"
        assert [str(v.verdict) for v in at(notes, 5)] == ["numeric"], given


def test_errors_summed_as_e_i_make_e_a_name_and_are_read():
    notes = (r"$e^{(i)} = y^{(i)} - \hat{y}^{(i)}$" "\n\n"
             r"$L = \frac{1}{2}\sum_i (e^{(i)})^2 = \frac{1}{2}\sum_i (y^{(i)} - \hat{y}^{(i)})^2$" "\n\n"
             r"$M = \sum_i e_i^2 = \sum_i (y_i + \hat{y}_i)^2$" "\n")
    assert [str(v.verdict) for v in at(notes, 3)] == ["proved"]
    assert [str(v.verdict) for v in at(notes, 5)] == ["wrong"]
