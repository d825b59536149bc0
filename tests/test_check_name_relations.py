"""A relation between two names stated after a derivative claim, or between two names the notes
differentiate by (name_relations.py): "at the balanced point $p = q$", "so $p = q = 3$", "if
also $u_1 = u_2$", "with tied weights $v_1 = v_2$". It was put into the earlier claim: for
h = p q, ∂h/∂q read as ∂(q²)/∂q = 2q, and the claim p was called wrong. Notes written here;
derivatives by hand: ∂(p q)/∂q = p, ∂(p² + p q)/∂p = 2p + q, ∂(v_1 u_1 + v_2 u_2)/∂v_2 = u_2.

Real errors stay wrong: a derivative wrong with or without the relation (∂h/∂q = 3p). A definition
given after the step that the step needs (where z = w x + b) is still read."""
from derive.check import check_text


def verdicts(notes: str) -> dict[str, tuple[str, str]]:
    return {v.latex: (str(v.verdict), v.reason) for v in check_text(notes).verdicts}


def test_a_later_relation_is_not_put_into_the_claim():
    """Catches the false alarm: ∂(pq)/∂q = p, though with p = q put in it would read 2q."""
    notes = "$h = p q$, so $\\frac{\\partial h}{\\partial q} = p$; at the balanced point $p = q$.\n"
    verdict, reason = verdicts(notes)["\\frac{\\partial h}{\\partial q} = p"]
    assert verdict == "proved"
    assert "read without p = q (line 1)" in reason


def test_a_chain_of_values_after_a_lagrange_step():
    """"so $p = q = 3$" after ∂/∂p of p² + p q - μ(p + q - 6): the partial is 2p + q - μ."""
    notes = ("$\\Phi = p^2 + p q - \\mu(p + q - 6)$\n\n"
             "$\\frac{\\partial \\Phi}{\\partial p} = 2p + q - \\mu$ and "
             "$\\frac{\\partial \\Phi}{\\partial q} = p - \\mu$, so $p = q = 3$.\n")
    found = verdicts(notes)
    assert found["\\frac{\\partial \\Phi}{\\partial p} = 2p + q - \\mu"][0] == "proved"
    assert found["\\frac{\\partial \\Phi}{\\partial q} = p - \\mu"][0] == "proved"


def test_a_relation_between_two_variables_of_differentiation():
    """Tied weights v_1 = v_2, stated before, both differentiated by: ∂o/∂v_2 holds v_1 fixed."""
    notes = ("With tied weights $v_1 = v_2$, the output $o = v_1 u_1 + v_2 u_2$ has "
             "$\\frac{\\partial o}{\\partial v_1} = u_1$ and $\\frac{\\partial o}{\\partial v_2} = u_2$; "
             "if also $u_1 = u_2$ both updates agree.\n")
    found = verdicts(notes)
    assert found["\\frac{\\partial o}{\\partial v_1} = u_1"][0] == "proved"
    assert found["\\frac{\\partial o}{\\partial v_2} = u_2"][0] == "proved"


def test_a_wrong_derivative_stays_wrong():
    """3p is wrong with p = q (2q) and without it (p): wrong."""
    notes = "$h = p q$, so $\\frac{\\partial h}{\\partial q} = 3p$; at the balanced point $p = q$.\n"
    assert verdicts(notes)["\\frac{\\partial h}{\\partial q} = 3p"][0] == "wrong"


def test_a_later_definition_the_step_needs_is_still_read():
    """where z = w x + b after the step: a formula, not a relation of two bare names; with it the
    step is right (proved), and a slip in it (x → 2x) is wrong."""
    notes = ("$\\frac{\\partial L}{\\partial w} = 2(z - y)x$, where $L = (z - y)^2$ and $z = w x + b$.\n")
    assert verdicts(notes)["\\frac{\\partial L}{\\partial w} = 2(z - y)x"][0] == "proved"
    slip = notes.replace("2(z - y)x$", "2(z - y)2x$")
    assert verdicts(slip)["\\frac{\\partial L}{\\partial w} = 2(z - y)2x"][0] == "wrong"
