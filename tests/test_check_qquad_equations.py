"""Two equations on one line apart by ``\\qquad`` or ``\\quad`` when the second starts with an
upright function name (prose_separators.py): ``\\mathrm{sq}(u) = u^2 \\qquad \\mathrm{sq}(3) = 9``.
The gap was taken for a condition (as ``\\text{for …}`` is), the two read as one chain, and the
first left side compared with the second right side, called wrong. Notes written here.

A gap before ``\\text{for }`` stays a condition; a slip in the second equation is still wrong."""
from derive.check import check_text


def verdicts(notes: str) -> dict[str, str]:
    return {v.latex: str(v.verdict) for v in check_text(notes).verdicts}


def test_the_gap_separates_the_equations():
    """Catches the false alarm: sq(u) compared with 9 (or cube's u^3) across the gap."""
    for gap in ("\\qquad", "\\quad", ",\\;"):
        found = verdicts(f"$$\\mathrm{{sq}}(u) = u^2 {gap} \\mathrm{{sq}}(3) = 9$$\n")
        assert found == {"\\mathrm{sq}(u) = u^2": "definition", "\\mathrm{sq}(3) = 9": "proved"}, (gap, found)
        found = verdicts(f"$$\\mathrm{{sq}}(u) = u^2 {gap} \\mathrm{{cube}}(u) = u^3$$\n")
        assert set(found.values()) == {"definition"}, (gap, found)


def test_a_slip_in_the_second_equation_is_wrong():
    found = verdicts("$$\\mathrm{sq}(u) = u^2 \\qquad \\mathrm{sq}(3) = 6$$\n")
    assert found["\\mathrm{sq}(3) = 6"] == "wrong"


def test_a_condition_in_words_is_not_a_second_equation():
    """\\qquad \\text{for } u = 1: a condition, as before: no claim u = ... is read from it."""
    found = verdicts("$$\\mathrm{sq}(u) = u^2 \\qquad \\text{for } u = 1$$\n")
    assert not any(k.startswith("u =") for k in found), found
