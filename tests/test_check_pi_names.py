r"""π as the notes' name for a probability (issue 9: a false alarm found by probing main with
notes written here).

``\pi = 0.25`` was "wrong, expected 3.1416", and the steps through it were judged with the
number. When a row sets π to something other than the number, a wrong step holding π is
skipped with that reason; notes that use π as the number keep their verdicts.
"""
import pytest

from derive.check import check_text

POLICY = (r"Let $\pi = 0.25$ be the chance of the action: $\log \pi \approx -1.3863$ and $1 - \pi = 0.75$." "\n\n"
          r"$$\frac{d}{d\pi} \pi^2 = 2\pi$$" "\n")


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def test_a_probability_named_pi_is_never_called_wrong():
    found = verdicts(POLICY)
    assert ("wrong" not in {verdict for _, verdict in found}) and found.count((1, "skipped")) == 3
    reason = [v.reason for v in check_text(POLICY).verdicts if v.line == 1][0]
    assert "line 1" in reason and "their name" in reason


@pytest.mark.parametrize("value, named", [("3.14", False), ("3.1416", False), ("22/7", False),
                                          ("3.16", True), ("3.12", True), ("0.25", True), ("\\sigma(\\theta)", True)])
def test_what_sets_pi_as_a_name(value, named):
    # 3.14 and 22/7 are within 0.01 of the number; 3.16 and 3.12 are not (SLACK = 0.01)
    notes = f"$$\\pi = {value}$$\n\n$$2\\pi = 6$$\n"
    assert (dict(verdicts(notes))[3] == "skipped") is named


def test_notes_that_use_pi_as_the_number_keep_their_verdicts():
    assert dict(verdicts("$$2\\pi = 6$$\n\n$$\\cos(\\pi) = -1$$\n")) == {1: "wrong", 3: "proved"}
