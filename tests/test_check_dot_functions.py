"""A dotted name applied to an argument, ``\\dot{q}(s)`` (dot_functions.py): Newton's time
derivative of q at s. It was read as the product q̇·s and compared with the velocity the
notes give, called wrong. The checker does not take dotted derivatives: the row is skipped with
that reason. Notes written here (q(s) = s³, so q̇(s) = 3s²).

A dotted name without an argument is a name, as before (\\dot{q} = 3 s^2 defines it)."""
from derive.check import check_text


def verdicts(notes: str) -> dict[str, tuple[str, str]]:
    return {v.latex: (str(v.verdict), v.reason) for v in check_text(notes).verdicts}


def test_a_dotted_call_is_not_a_product():
    """Catches the false alarm \\dot{q}(s) = 3s^2 read as q̇·s = 3s²."""
    found = verdicts("The position is $q(s) = s^3$.\n\n$$\\dot{q}(s) = 3s^2$$\n")
    (verdict, reason), = [found[k] for k in found if k.startswith("\\dot{q}(s)")]
    assert verdict == "skipped"
    assert "time derivative (Newton's dot)" in reason
    assert not any(v == "wrong" for v, _ in found.values())


def test_other_spellings():
    """\\dot q(s) without braces and \\ddot{q}(s) are dotted calls too; no product, no wrong."""
    for row in ("\\dot q(s) = 3s^2", "\\ddot{q}(s) = 6s"):
        found = verdicts(f"$q(s) = s^3$ and ${row}$.\n")
        assert not any(v == "wrong" for v, _ in found.values()), row
        assert any("Newton's dot" in r for _, r in found.values()), row


def test_a_dotted_name_alone_is_a_name():
    """\\dot{q} = 3 s^2 (no argument) is a definition of the name q̇, as before; a slip in a link
    after it is still judged wrong."""
    found = verdicts("$\\dot{q} = 3 s^2$, and at $s = 2$, $\\dot{q} = 12 = 13$.\n")
    assert found["\\dot{q} = 3 s^2"][0] == "definition"
    assert found["\\dot{q} = 13"][0] == "wrong"
