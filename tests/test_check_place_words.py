"""A relation the prose names as a place (prose_places.py): "the two parts join at $|e| = 2$"
after a worked example with e = 5. It was read as a number claimed for |e| at e = 5 and called
wrong. Notes written here.

Near misses: the same relation without "at"/"where" before it, or a wrong value of a function
at a point ("at $e = 5$, the loss is $|e| = 4$") stay wrong; "at $e = 2$" with a bare name gives
a value, as before."""
from derive.check import check_text


def verdicts(notes: str) -> dict[str, tuple[str, str]]:
    return {v.latex: (str(v.verdict), v.reason) for v in check_text(notes).verdicts}


EXAMPLE = "Let $e = 5$: $|e| - 1 = 4$.\n\n"


def test_a_place_is_not_a_claim():
    """Catches the false alarm: |e| = 2 says where the parts join, not |5| = 2."""
    verdict, reason = verdicts(EXAMPLE + "The two parts join at $|e| = 2$, where both give $1$.\n")["|e| = 2"]
    assert verdict == "skipped"
    assert reason.startswith("said as a place (\"parts join at\")")


def test_where_names_a_place_too():
    verdict, _ = verdicts(EXAMPLE + "Both formulas give $1$ where $|e| = 2$.\n")["|e| = 2"]
    assert verdict == "skipped"


def test_near_misses_stay_wrong():
    """Without the word before it the row claims |e| = 2 at e = 5: wrong. A value said after
    "is" stays a claim: wrong."""
    assert verdicts(EXAMPLE + "So $|e| = 2$.\n")["|e| = 2"][0] == "wrong"
    assert verdicts(EXAMPLE + "The size is $|e| = 2$.\n")["|e| = 2"][0] == "wrong"


def test_a_bare_name_after_at_is_a_value():
    """"at $e = 2$" gives e a value (a definition), and a claim after it is judged with it."""
    found = verdicts(EXAMPLE + "Now at $e = 2$ we get $|e| - 1 = 1$ and $|e| + 1 = 4$.\n")
    assert found["e = 2"][0] == "definition"
    assert found["|e| - 1 = 1"][0] in ("proved", "numeric")
    assert found["|e| + 1 = 4"][0] == "wrong"
