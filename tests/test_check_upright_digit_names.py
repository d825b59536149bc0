"""Function names with a digit, written upright (grammar.py's APPLIED): ``\\mathrm{H2}(e) = …``,
``\\text{L2}(v) = …``. The name was read as a symbol times the argument (H2·e) and the definition
compared with its body, called wrong. Notes written here; values by hand: L2(3) = 3² = 9.

A name of letters only was read as a function before, and still is; a wrong value of the
function at a point stays wrong."""
from derive.check import check_text


def verdicts(notes: str) -> dict[str, str]:
    return {v.latex: str(v.verdict) for v in check_text(notes).verdicts}


def test_an_upright_name_with_a_digit_is_a_function():
    """Catches the false alarm: \\mathrm{H2}(e) = e^2 defines H2, it is not H2·e = e²."""
    found = verdicts("$\\mathrm{H2}(e) = e^2$ and $\\text{L1}(v) = |v|$.\n")
    assert found["\\mathrm{H2}(e) = e^2"] == "definition"
    assert found["\\text{L1}(v) = |v|"] == "definition"


def test_its_values_are_checked():
    """L2(3) = 9 is right (proved), L2(3) = 6 wrong: the definition is used, not a product."""
    notes = "$\\text{L2}(v) = v^2$, so $\\text{L2}(3) = {claim}$.\n"
    assert verdicts(notes.replace("{claim}", "9"))["\\text{L2}(3) = 9"] == "proved"
    assert verdicts(notes.replace("{claim}", "6"))["\\text{L2}(3) = 6"] == "wrong"


def test_letters_only_names_as_before():
    """\\mathrm{MSE}(v) was a function before the change and still is."""
    notes = "$\\mathrm{MSE}(v) = (v - 1)^2$, so $\\mathrm{MSE}(3) = 4$.\n"
    assert verdicts(notes)["\\mathrm{MSE}(3) = 4"] == "proved"
