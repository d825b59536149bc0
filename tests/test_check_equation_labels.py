r"""An equation number typed by hand after a wide space (``\qquad (4)``) is a label (equation_labels.py).

Notes written here. Read as written, ``(4)`` multiplied the right side and a
true derivative was called wrong (a label ``(1)`` passed only because it is ×1).
The label is blanked as ``\tag{4}`` is, and is not part of the claim shown.
Near misses: a condition after the space, a factor without a wide space, a
label with more after it, keep the old reading.
"""
from derive.check import check_text
from derive.check.equation_labels import hand_labels_blanked

DEFINED = "$$g(t) = t^3 - 4t$$\n"


def rows(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.latex) for v in check_text(notes).verdicts]


def test_hand_numbered_rows_are_read_without_their_number():
    for label in ("(4)", "[4]", "(4.1)", "(B.2)", "(\\ast)", "(\\dagger)", "(*)"):
        for space in ("\\qquad", "\\quad", "\\hfill", "\\quad\\quad"):
            notes = DEFINED + f"$$g'(t) = 3t^2 - 4 {space} {label}$$\n"
            assert rows(notes)[1] == (2, "proved", "g'(t) = 3t^2 - 4"), (space, label)


def test_a_wrong_row_with_a_number_is_still_wrong():
    notes = DEFINED + "$$g'(t) = 3t^2 + 4 \\qquad (7)$$\n"
    assert rows(notes)[1][:2] == (2, "wrong")


def test_the_number_of_a_row_in_an_aligned_block_and_a_full_stop():
    notes = ("$$\\begin{aligned} h(s) &= (s + 2)^2 \\qquad (1) \\\\\n"
             "h'(s) &= 2s + 4 \\qquad (2) \\end{aligned}$$\n\n"
             "$$h'(s) = 2(s + 2) \\quad (3).$$\n")
    assert [r[:2] for r in rows(notes)] == [(1, "definition"), (2, "proved"), (4, "proved")]


def test_near_misses_keep_their_reading():
    for latex in ("u = 2 \\quad (t > 0)", "u = 2 \\quad (2t)", "u = 2 \\quad (4b)", "u = 2 (4)", "u = 2 \\quad (4) + t",
                  "u = 2 \\quad (4) \\cdot t", "u = 2 \\quad (-4)", "u = 2 \\quad ((4))", "u = 2 \\quad \\{4\\}"):
        assert hand_labels_blanked(latex) == latex, latex
    # without a wide space, (4) is a factor: 3t^2·4 - 4 is not g'
    notes = DEFINED + "$$g'(t) = 3t^2 (4) - 4$$\n"
    assert rows(notes)[1][:2] == (2, "wrong")


def test_the_blanking_keeps_positions():
    latex = "g'(t) = 3t^2 - 4 \\qquad (4.1) \\\\ v = 1"
    blanked = hand_labels_blanked(latex)
    assert len(blanked) == len(latex) and blanked.startswith("g'(t) = 3t^2 - 4 ")
    assert blanked.endswith("\\\\ v = 1") and "(" not in blanked[10:]
