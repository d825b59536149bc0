"""An inline span ``$= …$`` after prose that names its left side (prose_heads.py): "the residual
$r = 0.25$, the slope $= 0.25 \\times 2 = 0.5$". It was read as continuing r's chain, so
r = 0.25 × 2 was called wrong, and "the squared error $= 0.5$" after e = 0.5 passed as e = 0.5.
Notes written here. Near misses keep continuing: a table cell or a line of its own holding
``$= …$`` right under math, a display row after "which simplifies to", and spans with only
punctuation between them, with their real errors still wrong."""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, v.latex, str(v.verdict)) for v in check_text(notes).verdicts]


def test_a_span_after_words_does_not_continue_the_chain_before_it():
    """Catches the false alarm r = 0.25 × 2; the span's own link is still checked."""
    notes = "With $a = 2$ and the residual $r = 0.25$, the slope $= 0.25 \\times 2 = 0.5$.\n"
    found = check_text(notes).verdicts
    assert [(v.latex, str(v.verdict)) for v in found] == [
        ("a = 2", "definition"), ("r = 0.25", "definition"),
        ("= 0.25 \\times 2 = 0.5", "skipped"), ("0.25 \\times 2 = 0.5", "numeric")]
    assert found[2].reason == ('continues a chain, but its left side is said in the prose before it '
                               '("the slope"), so what it continues is not known')


def test_its_own_slip_is_still_caught():
    """0.25 × 2 = 0.6 is wrong in the span itself."""
    notes = "With $a = 2$ and the residual $r = 0.25$, the slope $= 0.25 \\times 2 = 0.6$.\n"
    assert (1, "0.25 \\times 2 = 0.6", "wrong") in verdicts(notes)


def test_a_quantity_named_in_words_is_not_passed_as_the_chain_before():
    """"the squared error $= 0.5$" after e = 0.5 is not e = 0.5 (the squared error is 0.25):
    catches the same misreading passing a claim it cannot check."""
    notes = "The error is $e = 0.5$, so the squared error $= 0.5$.\n"
    assert [v[2] for v in verdicts(notes) if v[1].endswith("= 0.5") and v[1] != "e = 0.5"] == ["skipped"]


def test_words_in_other_scripts_count():
    """따라서 기울기 ("so the slope") names the left side as English words do."""
    notes = "$r = 0.25$이고, 따라서 기울기 $= 0.25 \\times 2 = 0.5$.\n"
    assert not [v for v in verdicts(notes) if v[2] == "wrong"]


def test_a_table_cell_continues_the_cell_before_it():
    """| $L = …$ | $= 4$ |: only a bar between the spans; a wrong cell stays wrong."""
    notes = ("| step | value |\n|---|---|\n| $L = (2 - 1)^2 + 3$ | $= 4$ |\n"
             "| $M = (2 - 1)^2 + 3$ | $= 5$ |\n")
    found = verdicts(notes)
    assert (3, "L = 4", "proved") in found and (4, "M = 5", "wrong") in found


def test_a_line_of_its_own_under_math_continues_it():
    notes = "$L = (2 - 1)^2 + 3$\n$= 4$\n\n$M = (2 - 1)^2 + 3$\n$= 5$\n"
    found = verdicts(notes)
    assert (2, "L = 4", "proved") in found and (5, "M = 5", "wrong") in found


def test_a_display_row_after_a_sentence_continues_the_display_before():
    """Display rows are chains written with prose between them ("which simplifies to"): only
    inline spans are read as named in words."""
    notes = ("$$f = (x + 1)^2 - 1$$\nwhich simplifies to\n$$= x^2 + 2x$$\n\n"
             "$$g = (x + 1)^2 - 1$$\nwhich simplifies to\n$$= x^2 + x$$\n")
    found = verdicts(notes)
    assert (3, "f = x^2 + 2x", "proved") in found and (7, "g = x^2 + x", "wrong") in found


def test_spans_with_only_punctuation_between_continue():
    notes = "$k = 3 + 4$, $= 7$, and $m = 3 + 4$, $= 8$.\n"
    found = verdicts(notes)
    assert (1, "k = 7", "proved") in found and (1, "m = 8", "wrong") in found
