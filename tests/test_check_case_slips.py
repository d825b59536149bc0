r"""A one-letter name beside its other case, on one side only (``e^X`` in a row about x). Notes written here.

Read as written, X was a name the other side lacks and the step was called wrong
at X = 2: a verdict about a slip of the shift key. Such a step is now skipped
with that reason; a name the step adds without its other case beside it is still
wrong, and a capital the notes define is expanded and judged as before.
"""
from derive.check import check_text

NOTES = r"""# Case slips

$$\frac{d}{dx} \cosh x = \frac{e^x - e^{-X}}{2}$$

$$\frac{d}{dt} (t^3 + 2t) = 3T^2 + 2$$

$$\frac{d}{dx} (x^2 + 5x) = 2x + c$$

$$\frac{d}{dt} (t^3 + 2t) = 3t^2 + 3$$

$$N = 4$$

$$\frac{d}{dn} (N n^2) = 4n$$
"""


def _verdicts():
    return {v.line: (str(v.verdict), v.reason) for v in check_text(NOTES).verdicts}


def test_a_name_beside_its_other_case_is_skipped_with_the_reason():
    got = _verdicts()
    for line, name in ((3, "X"), (5, "T")):
        verdict, reason = got[line]
        assert verdict == "skipped" and f"{name} stands on one side only" in reason, line


def test_other_slips_stay_wrong():
    got = _verdicts()
    assert got[7][0] == "wrong"  # c added, no C beside it
    assert got[9][0] == "wrong"  # 3t^2 + 3: no name involved
    assert got[13][0] == "wrong"  # N is defined (4), so it is expanded: d/dn 4n^2 = 8n
