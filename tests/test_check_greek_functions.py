r"""A capital Greek letter before a bracket is a function, ``\Psi(0)``, never Ψ·0.
Notes written here.

``\Phi(0) = 0.5`` (Φ the normal CDF, named in prose) was read as Φ·0 = 0 and
called wrong; so was ``\Omega(0) = 1`` after ``\Omega(u) = e^{-u^2}`` on the same
line. Now Γ, Θ, Λ, Ξ, Φ, Ψ, Ω right before ``(`` are read as J(w) is: a head
the notes define is a function, read at numbers; one they never define is an
unknown function (skipped). Δ, Σ and lower-case Greek letters keep their readings.
"""
from derive.check import check_text

NOTES = r"""Let $\Omega(u) = e^{-u^2}$; at the origin $\Omega(0) = 1$, and $\Omega(1) \approx 0.37$.

With $\Psi$ the cumulative distribution of a standard normal, $\Psi(0) = 0.5$.

Also $\Xi(s) = 3s + 1$, so $\Xi(2) = 7$; in Unicode, $Θ(2) = 7$ for a Θ never defined.
"""


def _verdicts(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.latex) for v in check_text(notes).verdicts]


def test_a_defined_capital_greek_function_is_read_at_numbers():
    got = _verdicts(NOTES)
    assert (1, "definition", r"\Omega(u) = e^{-u^2}") in got
    assert (1, "proved", r"\Omega(0) = 1") in got
    assert (1, "numeric", r"\Omega(1) ≈ 0.37") in got
    assert (5, "proved", r"\Xi(2) = 7") in got
    slipped = _verdicts(NOTES.replace(r"\Xi(2) = 7", r"\Xi(2) = 8"))
    assert (5, "wrong", r"\Xi(2) = 8") in slipped


def test_an_undefined_capital_greek_function_is_skipped_not_wrong():
    for latex in (r"\Psi(0) = 0.5", "Θ(2) = 7"):
        (verdict,) = [v for v in check_text(NOTES).verdicts if v.latex == latex]
        assert str(verdict.verdict) == "skipped" and "do not define" in verdict.reason


def test_near_misses_keep_their_readings():
    got = _verdicts(r"$$\Delta(w + 1) = \Delta w + \Delta$$" + "\n\n" + r"$$\eta(y - 2) = \eta y - 2\eta$$" + "\n\n"
                    + r"$$\Phi^2 (a + 1) = \Phi^2 a + \Phi^2$$" + "\n")
    assert (3, "proved", r"\eta(y - 2) = \eta y - 2\eta") in got
    assert (5, "proved", r"\Phi^2 (a + 1) = \Phi^2 a + \Phi^2") in got
    assert not [g for g in got if g[1] == "wrong"], got
