"""Updates written with an arrow, ``b \\leftarrow b - \\eta g``, in notes written here (issue 9).

The arrow after the name a row begins with assigns that name, as ``:=`` does: the update is a
definition, never a claim, and the numbers after it are checked.
"""
import pytest

from derive.check import check_text

STEP = r"""The bias starts at $c = 0.7$ and its gradient is $\frac{\partial E}{\partial c} = 0.35$.

- $c \leftarrow c - \eta \cdot \frac{\partial E}{\partial c} \approx 0.7 - 0.035 = 0.665$
"""


def rows(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.latex) for v in check_text(notes).verdicts]


@pytest.mark.parametrize("arrow", [r"\leftarrow", r"\gets", "←"])
def test_an_arrow_update_is_a_definition_and_its_numbers_are_checked(arrow):
    notes = STEP.replace(r"\leftarrow", arrow)
    found = [(line, verdict) for line, verdict, _ in rows(notes) if line == 3]
    assert found[0] == (3, "definition") and (3, "numeric") in found
    assert not [1 for _, verdict in found if verdict == "wrong"]


def test_a_wrong_number_after_an_arrow_update_is_wrong():
    planted = STEP.replace("= 0.665", "= 0.656")
    wrong = [v for v in check_text(planted).verdicts if str(v.verdict) == "wrong"]
    assert [v.line for v in wrong] == [3]
    assert wrong[0].expected.startswith("0.665") and wrong[0].counterexample is not None


def test_an_update_of_a_name_with_a_superscript_is_not_read_as_a_claim():
    notes = r"$w^{(t+1)} \leftarrow w^{(t)} - \eta g = 0.5$" + "\n"
    assert [verdict for _, verdict, _ in rows(notes)] == ["skipped"]


def test_an_arrow_in_the_middle_of_a_row_is_not_an_assignment():
    notes = r"$a = 2 \leftarrow 3$" + "\n"
    assert not [1 for _, verdict, _ in rows(notes) if verdict in ("wrong", "proved", "numeric")]


def test_a_capital_arrow_is_not_an_assignment():
    notes = r"$c \Leftarrow c - 0.1 = 0.6$" + "\n"
    assert not [1 for _, verdict, _ in rows(notes) if verdict in ("definition", "wrong", "proved", "numeric")]
